import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The bottom row: the session and its save state, a message, or the keys that apply now.
/// It draws a `Content`, which the screen in front gathers (`AppState.statusBar`, and the
/// dashboard's `TeamView`).
enum StatusBar {
  /// How the open session's saving stands, as the bar shows it.
  enum Save: Sendable, Equatable {
    case readOnly(reason: String?)
    case failed(String)
    case saving
    case saved(at: Date?)
  }

  /// The open session, as the bar names it.
  struct OpenSession: Sendable {
    var name: String
    /// The case study's title, and "(own project)" in that mode.
    var title: String
    var save: Save

    init(_ wb: Workbench, save: Save) {
      name = wb.sessionName
      title = wb.caseStudy.title + (wb.session.mode == .ownProject ? " (own project)" : "")
      self.save = save
    }

    var readOnly: Bool { if case .readOnly = save { true } else { false } }
  }

  /// What the bar shows.
  struct Content: Sendable {
    var options: RenderOptions
    var message: StatusMessage?
    /// True while a prompt takes the row (`Overlay.drawPrompt` draws it afterwards).
    var prompting: Bool
    /// Nil on the start screen.
    var session: OpenSession?
    /// The workshop's timebox or room clock, at the right end.
    var timebox: (text: String, over: Bool)?
    /// A warning that takes the place of the hints (the facilitator's file cannot be read).
    var problem: String?
    var hints: [String]
  }

  static func draw(_ bar: Content, size: Size, into buf: inout ScreenBuffer) {
    let y = size.height - 1
    let g = Glyphs.of(bar.options)
    buf.fill(x: 0, y: y, width: size.width, height: 1, with: Cell(" ", role: .statusBar))
    // A prompt draws itself over this row afterwards (`Overlay.drawPrompt`).
    // A message (a value the prompt refused and kept) shows in the rows above it.
    if bar.prompting {
      if let m = bar.message {
        let above = Size(width: size.width, height: size.height - 1)
        drawWholeMessage(m, bar.options, size: above, into: &buf)
      }
      return
    }

    // A message that would not fit beside the session details takes the whole row, wrapping
    // upwards when longer (StatusMessage.swift): cutting it would hide what the user must read.
    let messageWidth = bar.message.map { DisplayWidth.of($0.text) } ?? 0
    if let m = bar.message, !messageFitsBeside(bar, text: m.text, width: size.width) {
      drawWholeMessage(m, bar.options, size: size, into: &buf)
      return
    }
    // The workshop's timebox sits at the right end; a message that needs its room hides it
    // while it shows.
    var timebox = bar.timebox
    var end = size.width - (timebox.map { DisplayWidth.of($0.text) } ?? 0)
    var x = 0
    if let open = bar.session {
      x = facilitatorMarker(bar.options, into: &buf, y: y)
      // Read-only mode needs the room for its reason; the case study's title can go.
      let title = open.readOnly ? "" : " \(g.dot) \(open.title)"
      var left = " \(open.name)\(title)"
      if bar.message != nil && DisplayWidth.of(left) + 14 + messageWidth > size.width {
        left = " \(open.name)"
      }
      x = buf.put(
        g.truncate(left, to: max(10, size.width / 2 - x)), x: x, y: y, role: .statusBar,
        bold: true)
      x += 2
      var (indicator, role) = saveIndicator(open.save, options: bar.options)
      if bar.message != nil && open.readOnly { indicator = "READ-ONLY" }
      x = buf.put(
        g.truncate(indicator, to: max(8, size.width - x - 12)), x: x, y: y, role: role,
        bold: role != .statusBar, maxX: size.width)
      x += 2
    } else {
      x = facilitatorMarker(bar.options, into: &buf, y: y)
      x = buf.put(" casebench", x: x, y: y, role: .statusBar, bold: true) + 2
    }
    if bar.message != nil, messageWidth > end - x - 1 {
      timebox = nil
      end = size.width
    }
    if let timebox {
      buf.put(
        timebox.text, x: end, y: y, role: timebox.over ? .danger : .statusBar, bold: timebox.over)
    }
    if let m = bar.message {
      let room = end - x - 1
      if room > 0 {
        buf.put(
          g.truncate(m.text, to: room), x: x, y: y, role: m.isError ? .danger : .statusBar,
          bold: m.isError)
      }
      return
    }
    if let problem = bar.problem {
      buf.put(g.truncate(problem, to: max(1, end - x - 1)), x: x, y: y, role: .danger, bold: true)
      return
    }
    var shown: [String] = []
    for h in bar.hints {
      let candidate = (shown + [h]).joined(separator: "  ")
      if DisplayWidth.of(candidate) + 1 <= end - x { shown.append(h) } else { break }
    }
    if !shown.isEmpty {
      buf.putRight(shown.joined(separator: "  ") + " ", maxX: end, y: y, role: .statusBar)
    }
  }

  /// "FACILITATOR" at the left of the bar when verdicts and notes are on show, so nobody turns
  /// the screen to the room by mistake. Returns the column after it (0 when not shown).
  static func facilitatorMarker(
    _ options: RenderOptions, into buf: inout ScreenBuffer, y: Int
  ) -> Int {
    guard options.facilitator else { return 0 }
    return buf.put(" FACILITATOR ", x: 0, y: y, role: .warning, bold: true)
  }

  static func saveIndicator(_ save: Save, options: RenderOptions) -> (String, Role) {
    switch save {
    case .readOnly(let reason):
      return ("READ-ONLY" + (reason.map { ": \($0)" } ?? ""), .warning)
    case .failed(let e): return ("save failed: \(e)", .danger)
    case .saving: return ("saving" + (options.unicode ? "…" : "..."), .statusBar)
    case .saved(let at?): return ("saved \(shortClock(at, timeZone: options.timeZone))", .statusBar)
    case .saved(nil): return ("saved", .statusBar)
    }
  }

  /// The keys that apply now, most useful first, from the key table.
  static func keyHints(_ state: AppState) -> [String] {
    typealias T = KeyTable
    guard let wb = state.workbench else {
      if state.start.prompt != nil {
        return [NewSessionPrompt.keys[1], NewSessionPrompt.keys[0], NewSessionPrompt.keys[2]]
      }
      return [
        T.help.hint("help", keys: [.char("?")]), T.openEntry.hint("open"), T.quit.hint("quit"),
      ]
    }
    return wb.keyHints(state.workbenchEnvironment)
  }
}

extension AppState {
  /// What the status bar shows for this state at `size`.
  func statusBar(size: Size) -> StatusBar.Content {
    StatusBar.Content(
      options: options, message: message, prompting: overlay?.isPrompt == true,
      session: workbench.map { StatusBar.OpenSession($0, save: saveState(of: $0)) },
      timebox: WorkshopParts.timeboxLabel(self, size: size),
      problem: WorkshopParts.problemLabel(self), hints: StatusBar.keyHints(self))
  }

  private func saveState(of wb: Workbench) -> StatusBar.Save {
    if wb.readOnly { return .readOnly(reason: wb.readOnlyReason) }
    if let e = saveError { return .failed(e) }
    if sessionRevision > savedRevision { return .saving }
    return .saved(at: savedAt)
  }
}
