/// The keys the start screen reads: declared here, beside the code that handles them, and joined into
/// `KeyTable.all` (help, hints, the README's table) by the registration at the end.
extension KeyTable {
  static let openEntry = KeyBinding(
    "Enter", [(.enter, .openEntry)], "start a session on a case study, or resume one",
    group: .start, in: [.start])
  static let mode = KeyBinding(
    "Tab  Shift-Tab", [(.tab, .toggleMode), (.backTab, .toggleMode)],
    "case study or own project, when naming a new session", group: .start, in: [.newSession])

  /// The start screen's bindings.
  static let startKeys: [KeyBinding] = [
    openEntry, mode,
  ]
}

extension KeyScope {
  /// The start screen's list of case studies and sessions.
  static let start = KeyScope("start")
  /// Naming a new session on the start screen.
  static let newSession = KeyScope("new session")
}

extension KeyRegistration {
  static let start = KeyRegistration(scopes: [.start, .newSession], bindings: KeyTable.startKeys)
}
