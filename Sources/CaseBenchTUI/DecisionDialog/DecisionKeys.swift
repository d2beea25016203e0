/// The keys the decision dialog reads: declared here, beside the code that handles them, and joined into
/// `KeyTable.all` (help, hints, the README's table) by the registration at the end.
extension KeyTable {
  static let dialogSelect = KeyBinding(
    "Enter", [(.enter, .select)], "in a decision: open, choose; after the outcome, the list",
    group: nil, in: dialogScopes)
  static let dialogBack = KeyBinding(
    "Esc", [(.escape, .back)], "in a decision: back a step, or close", group: nil, in: dialogScopes)
  static let dialogClose = KeyBinding(
    "q", [(.char("q"), .close)], "in a decision: close it", group: nil, in: dialogScopes)
  static let dialogChange = KeyBinding(
    "c", [(.char("c"), .change)], "in a decision's outcome: choose again", group: nil,
    in: [.decisionOutcome])
  /// Letters choose an option, in either case; `j`, `k` and `q` keep their meaning above.
  static let dialogOption = KeyBinding(
    "a-z A-Z",
    letters.enumerated().map { (Key.char($0.element), KeyCommand.option($0.offset)) }
      + letters.enumerated().map {
        (Key.char(Character($0.element.uppercased())), KeyCommand.option($0.offset))
      }, "in a decision: choose that option", group: nil, in: [.decisionOptions])
  private static let letters = Array("abcdefghijklmnopqrstuvwxyz")

  /// The dialog's bindings, in lookup order: `q` closes before the letters choose.
  static let decisionKeys: [KeyBinding] = [
    dialogSelect, dialogBack, dialogClose, dialogChange, dialogOption,
  ]
}

extension KeyScope {
  /// The decision dialog's stages.
  static let decisionList = KeyScope("decision list")
  static let decisionOptions = KeyScope("decision options")
  static let decisionRationale = KeyScope("decision rationale")
  static let decisionOutcome = KeyScope("decision outcome")
}

extension KeyRegistration {
  static let decision = KeyRegistration(
    scopes: [.decisionList, .decisionOptions, .decisionRationale, .decisionOutcome],
    bindings: KeyTable.decisionKeys)
}
