/// The keys the workbench reads: declared here, beside the code that handles them, and joined into
/// `KeyTable.all` (help, hints, the README's table) by the registration at the end.
extension KeyTable {
  static let move = KeyBinding(
    "Up Down  j k",
    [(.up, .move(-1)), (.down, .move(1)), (.char("j"), .move(1)), (.char("k"), .move(-1))],
    "move in the focused pane (scroll in the detail)", group: .moving,
    in: Set<KeyScope>([.workbench, .start, .help, .tool, .dashboard, .releasePicker, .page])
      .union(dialogScopes))
  static let ends = KeyBinding(
    "g G  Home End",
    [(.char("g"), .top), (.char("G"), .bottom), (.home, .top), (.end, .bottom)],
    "top / bottom", group: .moving, in: [.workbench, .start, .help, .dashboard, .page])
  static let page = KeyBinding(
    "PgUp PgDn", [(.pageUp, .page(-1)), (.pageDown, .page(1))], "page up / down",
    group: .moving,
    in: [.workbench, .start, .help, .note, .decisionOptions, .tool, .dashboard, .page])
  static let cyclePane = KeyBinding(
    "Tab  Shift-Tab", [(.tab, .cyclePane(1)), (.backTab, .cyclePane(-1))],
    "next / previous pane", group: .moving, in: [.workbench, .tool])
  static let stepPane = KeyBinding(
    "Left Right", [(.left, .stepPane(-1)), (.right, .stepPane(1))], "previous / next pane",
    group: .moving, in: [.workbench, .tool])
  /// Digits jump to the first nine phases; a case study with more reaches the rest by moving in
  /// the phases pane. Help and hints show the range the open case study has (`label(phases:)`).
  static let phase = KeyBinding(
    "1-9", (1...9).map { (Key.char(Character(String($0))), KeyCommand.phase($0 - 1)) },
    "jump to a phase", group: .moving, in: [.workbench])
  static let open = KeyBinding(
    "Enter", [(.enter, .open)],
    "open: phase to checklist, item to detail; in the ethics lens, go to the item",
    group: .moving,
    in: [.workbench, .page])
  static let back = KeyBinding(
    "Esc", [(.escape, .back)],
    "back, close, or clear the search (a tool: to the checklist; a form: to its list)",
    group: .moving, in: [.workbench, .tool, .page])
  /// Not a key: the row in help that says the mouse works.
  static let mouse = KeyBinding(
    "click, wheel", [], "select or scroll under the mouse", group: .moving,
    in: [.workbench, .start])
  static let status = KeyBinding(
    "Space", [(.char(" "), .cycleStatus)],
    "status: todo, doing, done, todo (a test of the ML Test Score: 0, 0.5, 1 point)",
    group: .item,
    in: [.workbench])
  static let notApplicable = KeyBinding(
    "x", [(.char("x"), .notApplicable)], "not applicable (asks why)", group: .item,
    in: [.workbench])
  static let blocked = KeyBinding(
    "!", [(.char("!"), .blocked)], "blocked / not blocked", group: .item, in: [.workbench])
  static let note = KeyBinding(
    "n  e", [(.char("n"), .editNote), (.char("e"), .editNote)],
    "write the note here (Esc or Ctrl-S keeps it)", group: .item, in: [.workbench])
  static let externalNote = KeyBinding(
    "E", [(.char("E"), .editNoteExternally)], "write the note in $EDITOR", group: .item,
    in: [.workbench])
  static let hint = KeyBinding(
    "h", [(.char("h"), .hint)], "show or hide the hint", group: .item, in: [.workbench])
  static let briefing = KeyBinding(
    "b", [(.char("b"), .briefing)], "phase briefing / item detail", group: .item,
    in: [.workbench])
  static let decisions = KeyBinding(
    "d", [(.char("d"), .decisions)], "the phase's decisions", group: .item, in: [.workbench])
  static let search = KeyBinding(
    "/", [(.char("/"), .search)], "search items, notes, briefings and the cast", group: .search,
    in: [.workbench])
  /// In the workbench `n` writes a note; while a search is on it steps through the matches.
  static let matches = KeyBinding(
    "n  N", [(.char("n"), .nextMatch), (.char("N"), .previousMatch)],
    "next / previous match while a search is on", group: .search,
    in: [.searching, .workbench, .page])

  /// The workbench's bindings, in lookup order: moving, working on an item, search.
  static let workbenchKeys: [KeyBinding] = [
    move, ends, page, cyclePane, stepPane, phase, open, back, mouse, status, notApplicable, blocked,
    note, externalNote, hint, briefing, decisions, search, matches,
  ]
}

extension KeyScope {
  /// The workbench with nothing over it.
  static let workbench = KeyScope("workbench")
  /// The workbench while search results are showing (looked up before `workbench`).
  static let searching = KeyScope("searching")
}

extension KeyRegistration {
  static let workbench = KeyRegistration(
    scopes: [.workbench, .searching], bindings: KeyTable.workbenchKeys)
}
