/// The projector view's keys: declared here, beside the code that handles them, and joined
/// into `KeyTable.all` (help, hints, the README's table) by the registration at the end. A presenter's
/// clicker sends Space or Right and Left or Backspace, and PgDn and PgUp: the view steps on the
/// first two and changes decision on the last two.
extension KeyTable {
  static let projectorNext = KeyBinding(
    "Space Right", [(.char(" "), .nextStep(1)), (.right, .nextStep(1))],
    "in the projector view: the next page, then the next step (split, verdicts, what happened, debrief)",
    group: .dashboard, in: [.projector])
  static let projectorBack = KeyBinding(
    "Backspace Left", [(.backspace, .nextStep(-1)), (.left, .nextStep(-1))],
    "in the projector view: back a page or a step", group: .dashboard, in: [.projector])
  static let projectorDecision = KeyBinding(
    "n N PgDn PgUp",
    [
      (.char("n"), .nextDecision(1)), (.pageDown, .nextDecision(1)),
      (.char("N"), .nextDecision(-1)), (.pageUp, .nextDecision(-1)),
    ], "in the projector view: the next / previous decision", group: .dashboard,
    in: [.projector])
  static let projectorReveal = KeyBinding(
    "r", [(.char("r"), .revealShown)],
    "in the projector view: reveal this decision to the room (the facilitator's file says so)",
    group: .dashboard, in: [.projector])
  static let projectorClose = KeyBinding(
    "q Esc", [(.char("q"), .close), (.escape, .close)],
    "in the projector view: back to the dashboard (quits when started with --projector)",
    group: .dashboard, in: [.projector])

  /// The projector's bindings, in lookup order.
  static let projectorKeys: [KeyBinding] = [
    projectorNext, projectorBack, projectorDecision, projectorReveal,
    projectorClose,
  ]
}

extension KeyScope {
  /// The projector view of one decision (Projector.swift).
  static let projector = KeyScope("projector")
}

extension KeyRegistration {
  static let projector = KeyRegistration(scopes: [.projector], bindings: KeyTable.projectorKeys)
}
