/// The keys the workshop dashboard reads: declared here, beside the code that handles them, and joined into
/// `KeyTable.all` (help, hints, the README's table) by the registration at the end.
extension KeyTable {
  static let dashboardOpen = KeyBinding(
    "Enter", [(.enter, .open)], "open the team's session read-only (Esc comes back)",
    group: .dashboard, in: [.dashboard])
  static let dashboardSort = KeyBinding(
    "s", [(.char("s"), .sortRows)], "sort the teams by name, progress or last activity",
    group: .dashboard, in: [.dashboard])
  static let dashboardPage = KeyBinding(
    "Tab", [(.tab, .nextPage)], "teams, decision splits, facilitator notes", group: .dashboard,
    in: [.dashboard])
  static let announce = KeyBinding(
    "a", [(.char("a"), .announce)], "announce: type a line for every team", group: .dashboard,
    in: [.dashboard])
  static let release = KeyBinding(
    "r", [(.char("r"), .releasePhase)], "release a phase (turns pacing on)", group: .dashboard,
    in: [.dashboard])
  static let openProjector = KeyBinding(
    "p", [(.char("p"), .openProjector)],
    "the projector view: one decision per screen, for the room", group: .dashboard,
    in: [.dashboard])
  static let revealVote = KeyBinding(
    "v", [(.char("v"), .revealDecision)],
    "reveal the selected decision: its split here, its consequence on every team's screen",
    group: .dashboard, in: [.dashboard])
  static let confirmReveal = KeyBinding(
    "y", [(.char("y"), .select)], "reveal it although not every team voted", group: nil,
    in: [.revealConfirm])
  static let cancelReveal = KeyBinding(
    "n Esc", [(.char("n"), .leave), (.escape, .leave)], "do not reveal it yet", group: nil,
    in: [.revealConfirm])
  static let pickRelease = KeyBinding(
    "Enter", [(.enter, .select)], "release the phase picked", group: nil, in: [.releasePicker])
  static let cancelRelease = KeyBinding(
    "Esc", [(.escape, .leave)], "close without releasing", group: nil, in: [.releasePicker])

  static let startClock = KeyBinding(
    "c", [(.char("c"), .startClock)],
    "start the room's clock for the phase released last (its schedule, block by block)",
    group: .dashboard, in: [.dashboard])
  static let pauseClock = KeyBinding(
    "Space", [(.char(" "), .pauseClock)], "pause or resume the room's clock", group: .dashboard,
    in: [.dashboard])
  static let extendClock = KeyBinding(
    "+", [(.char("+"), .extendClock)], "give the room's current block 5 more minutes",
    group: .dashboard, in: [.dashboard])
  static let injectList = KeyBinding(
    "i", [(.char("i"), .injects)], "the running phase's injects: pending or sent, and when",
    group: .dashboard, in: [.dashboard])
  static let sendInject = KeyBinding(
    "Enter", [(.enter, .select)], "send the inject picked (asks first)", group: nil,
    in: [.injectList])
  static let closeInjects = KeyBinding(
    "Esc", [(.escape, .leave)], "close the injects, or go back from the question", group: nil,
    in: [.injectList])

  /// The dashboard's bindings, in lookup order.
  static let dashboardKeys: [KeyBinding] = [
    dashboardOpen, dashboardSort, dashboardPage, announce, release, revealVote, openProjector,
    pickRelease, cancelRelease, confirmReveal, cancelReveal,
    startClock, pauseClock, extendClock, injectList, sendInject, closeInjects,
  ]
}

extension KeyScope {
  /// The facilitator's workshop dashboard.
  static let dashboard = KeyScope("dashboard")
  /// Picking the phase to release on the dashboard.
  static let releasePicker = KeyScope("release picker")
  /// The dashboard asking before it reveals a decision not every team voted on.
  static let revealConfirm = KeyScope("reveal confirmation")
  /// The list of the running phase's injects on the dashboard (DashboardInjects.swift).
  static let injectList = KeyScope("inject list")
}

extension KeyRegistration {
  static let dashboard = KeyRegistration(
    scopes: [.dashboard, .releasePicker, .revealConfirm, .injectList],
    bindings: KeyTable.dashboardKeys)
}
