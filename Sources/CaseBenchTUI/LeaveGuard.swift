import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Leaving the workbench asks first.
///
/// A participant who believes the checklist is a text field types a sentence into it, and an
/// `o` or a `q` in that sentence used to drop them on the start screen or in the shell, with the
/// rest of the sentence landing there. So the keys that leave the workbench (`q`, `o`, or the
/// keys the config gives them; also from a tool or a page, where `q` quits) ask in the status
/// bar instead: "Quit casebench? y quits; any other key stays". Only `y` answers yes; every other
/// key answers no and does nothing else, so the next letter of a stray sentence cannot say yes by
/// accident unless it is a `y` (English rarely puts one after an `o`, never after a `q`). The
/// habit stays one gesture for a practised user (`q y`, `o y`), and `Ctrl-C`, SIGTERM and a
/// hang-up still leave at once. The dashboard's read-only view of a team (no file of its own)
/// is left by the dashboard's keys and is not guarded.
///
/// What "would leave" means is not restated here: the key is run through the whole update on a
/// copy of the state, and the question is asked when that copy asks to quit or to close the
/// session. So a `q` typed into a note, or closing help or the messages page, stays untouched.
struct LeaveGuard: Sendable, Equatable {
  /// The question on show, and the key that raised it (carried out when the answer is yes).
  struct Question: Sendable, Equatable {
    var event: Event
    var text: String
  }

  var question: Question?
  /// Set while the guard lets an event through: the trial run, and the key a yes carries out.
  var passing = false
}

extension KeyTable {
  static let leaveYes = KeyBinding(
    "y", [(.char("y"), .select)],
    "after q or o in the workbench: yes, leave (any other key stays)", group: nil,
    in: [.leaveQuestion])

  static let leaveKeys: [KeyBinding] = [leaveYes]
}

extension AppState {
  /// The hook in `handle`: asks before a key leaves the workbench, and takes the answer.
  /// Returns nil for events it lets through.
  mutating func guardLeaving(_ event: Event) -> [Command]? {
    guard !leaveGuard.passing, let wb = workbench, !(wb.readOnly && wb.file == nil) else {
      if workbench == nil { leaveGuard.question = nil }
      return nil
    }
    if let question = leaveGuard.question { return answer(question, with: event) }
    guard case .key(let key) = event, KeyTable.interrupt.command(for: key) == nil,
      KeyTable.quit.command(for: key) != nil || KeyTable.toStart.command(for: key) != nil
    else { return nil }
    var trial = self
    trial.leaveGuard.passing = true
    let commands = trial.handle(event)
    guard let leaving = commands.first(where: Self.leaves) else { return nil }
    let yes = KeyTable.leaveYes.label
    let text =
      leaving == .closeSession
      ? "Back to the start screen? \(yes) goes; any other key stays."
      : "Quit casebench? \(yes) quits; any other key stays."
    leaveGuard.question = LeaveGuard.Question(event: event, text: text)
    showMessage(text, isError: true)
    return []
  }

  static func leaves(_ command: Command) -> Bool {
    command == .quit || command == .quitWithoutSaving || command == .closeSession
  }

  private mutating func answer(_ question: LeaveGuard.Question, with event: Event) -> [Command]? {
    switch event {
    case .tick(let date):
      // The question stays on show until it is answered (a message would fade after seconds).
      message = StatusMessage(text: question.text, isError: true, at: date)
      return nil
    case .key(let key) where KeyTable.interrupt.command(for: key) != nil:
      leaveGuard.question = nil
      return nil
    case .key(let key) where KeyTable.command(for: key, in: .leaveQuestion) == .select:
      leaveGuard.question = nil
      message = nil
      leaveGuard.passing = true
      defer { leaveGuard.passing = false }
      return handle(question.event)
    case .key(let key):
      leaveGuard.question = nil
      var text = "Stayed in the workbench."
      if case .char(let c) = key, c.isLetter, KeyTable.note.command(for: key) == nil {
        // A letter answering no is most likely more of a sentence typed into the checklist.
        let note = KeyTable.note.hint("writes a note", keys: [.char("n")])
        text += " Keys here are commands: \(note) on the item."
      }
      showMessage(text, isError: false)
      return []
    case .paste, .click, .scrollUp, .scrollDown:
      leaveGuard.question = nil
      showMessage("Stayed in the workbench.", isError: false)
      return []
    default:
      return nil
    }
  }
}

extension KeyScope {
  /// The workbench asking whether to leave, after `q` or `o`.
  static let leaveQuestion = KeyScope("leave question")
}

extension KeyRegistration {
  static let leave = KeyRegistration(scopes: [.leaveQuestion], bindings: KeyTable.leaveKeys)
}
