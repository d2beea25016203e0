import CaseBenchCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

// How the screens are driven: `Program` (Program/Program.swift) sends events to
// `update(&state, event)`, carries out the commands it returns, feeds their results back as
// events, and draws `render(state, size:)`.

/// How screens are drawn.
public struct RenderOptions: Sendable, Equatable {
  /// False draws ASCII borders (`+-|`) and ASCII glyphs, for terminals whose locale is not UTF-8.
  public var unicode: Bool
  /// Shows each decision option's verdict ("Facilitator's view") after a choice.
  public var facilitator: Bool
  /// The time zone for clock times in the status bar and on the start screen; nil for the
  /// machine's local time (as the C library reports it, so that no ICU data is loaded).
  public var timeZone: TimeZone?

  public init(unicode: Bool = true, facilitator: Bool = false, timeZone: TimeZone? = nil) {
    self.unicode = unicode
    self.facilitator = facilitator
    self.timeZone = timeZone
  }
}

/// A saved session as listed on the start screen.
public struct StartEntry: Sendable, Equatable {
  public var title: String
  public var detail: String
  public var path: String
  public var updated: Date?
  /// Why the file can't be opened, if it can't.
  public var error: String?

  public init(
    title: String, detail: String, path: String, updated: Date? = nil, error: String? = nil
  ) {
    self.title = title
    self.detail = detail
    self.path = path
    self.updated = updated
    self.error = error
  }
}

/// What the screens ask the program to do: everything with side effects. The results come
/// back as events.
public enum Command: Sendable, Equatable {
  /// Save everything and leave; if the save fails, stay and answer `.saveFailed(_, leaving:)`.
  case quit
  /// Leave without saving (asked for after a failed save).
  case quitWithoutSaving
  /// Save what can be saved and leave with this status (a signal, a hang-up).
  case exit(Int32)
  /// Create a session file; answer `.sessionOpened(_, created: true)` or `.openFailed`.
  case createSession(caseStudyID: String, participant: String, mode: SessionMode)
  /// Save the open session and let go of it, back to the start screen; answer
  /// `.sessionClosed`, or `.saveFailed` and stay.
  case closeSession
  /// Save the open session, then open this one; answer `.sessionOpened` or `.openFailed`.
  case openSession(path: String)
  /// Suspend the terminal, run `$EDITOR` on `text`; answer `.noteEdited` or `.noteEditFailed`.
  case editExternally(itemID: String, text: String)
}

/// The characters used for borders and glyphs: Unicode or plain ASCII.
struct Glyphs: Sendable {
  var horizontal: String
  var vertical: String
  var topLeft: String
  var topRight: String
  var bottomLeft: String
  var bottomRight: String
  var ellipsis: String
  var check: String
  var note: String
  var barFull: String
  var barEmpty: String
  var dot: String
  var pointer: String
  var radioOn: String
  var radioOff: String
  var times: String

  static let unicode = Glyphs(
    horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰",
    bottomRight: "╯", ellipsis: "…", check: "✓", note: "✎", barFull: "█", barEmpty: "░",
    dot: "·", pointer: "▸", radioOn: "(•)", radioOff: "( )", times: "×")

  static let ascii = Glyphs(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
    bottomRight: "+", ellipsis: "...", check: "ok", note: "+", barFull: "#", barEmpty: "-",
    dot: "-", pointer: ">", radioOn: "(*)", radioOff: "( )", times: "x")

  static func of(_ options: RenderOptions) -> Glyphs { options.unicode ? .unicode : .ascii }

  func status(_ s: ItemStatus) -> String {
    switch s {
    case .todo: "[ ]"
    case .doing: "[~]"
    case .done: "[x]"
    case .blocked: "[!]"
    case .notApplicable: "[-]"
    }
  }

  func truncate(_ text: String, to width: Int) -> String {
    DisplayWidth.truncate(text, to: width, ellipsis: ellipsis)
  }
}

/// The smallest terminal the workbench draws in; below it a notice says so.
public enum MinimumSize {
  public static let width = 60
  public static let height = 16
}
