/// Where a key binding applies: one value per screen or prompt that reads keys.
enum KeyScope: Sendable, Hashable, CaseIterable {
  /// The start screen's list of case studies and sessions.
  case start
  /// Naming a new session on the start screen.
  case newSession
  /// The workbench with nothing over it.
  case workbench
  /// The workbench while search results are showing (looked up before `workbench`).
  case searching
  /// The key reference.
  case help
  /// The inline note editor.
  case note
  /// A one-line prompt on the bottom row (the N/A reason, search).
  case prompt
  /// The decision dialog's stages.
  case decisionList, decisionOptions, decisionRationale, decisionOutcome
  /// One of the project manager's tools (risks, estimate, stakeholders, models, log).
  case tool
  /// The facilitator's workshop dashboard.
  case dashboard
  /// Picking the phase to release on the dashboard.
  case releasePicker
  /// A facilitator's announcement showing over the workbench.
  case banner
  /// A page of the story over the workbench: the cast, the background, the ethics lens.
  case page
  /// A workshop's messages page (Messages/MessagesPage.swift).
  case messages
}

/// What a key asks for. Each screen's update decides what that means there.
enum KeyCommand: Sendable, Equatable {
  /// One row or step: -1 up, +1 down.
  case move(Int)
  case top, bottom
  /// One page: -1 up, +1 down.
  case page(Int)
  /// Tab and Shift-Tab: next (+1) or previous (-1) pane, wrapping around.
  case cyclePane(Int)
  /// Left and Right: previous (-1) or next (+1) pane, stopping at the ends.
  case stepPane(Int)
  /// A digit: the phase with this index (0 for `1`).
  case phase(Int)
  case open, back
  case cycleStatus, notApplicable, blocked, editNote, editNoteExternally, hint, briefing
  case decisions, search, nextMatch, previousMatch, saveNow
  case help, closeHelp, quit, interrupt
  /// Save and go back to the start screen.
  case toStart
  /// Start screen: start or resume the selected entry.
  case openEntry
  /// New-session prompt: case study or own project.
  case toggleMode
  // Text editing: notes, rationales and one-line prompts.
  case cursorLeft, cursorRight, cursorUp, cursorDown, lineStart, lineEnd
  case deleteBackward, deleteForward
  /// Enter while writing: a new line, or confirms a one-line prompt.
  case newLine
  /// Ctrl-S while writing: keep the note, confirm the decision.
  case keep
  /// Ctrl-O in the note editor: continue in `$EDITOR`.
  case continueInEditor
  /// Esc while writing: keep the note and close, or leave the prompt.
  case leave
  // The decision dialog.
  case select, close, change
  /// A workshop's messages page.
  case messages
  /// A letter in the decision dialog: the option with this index (0 for `a`).
  case option(Int)
  // The project manager's tools.
  case openTool(ToolKind)
  case toolAdd, toolSelect, toolClose, toolToggle, toolRemove, toolNote, toolEdit
  /// A digit in the estimate: the factor with this index (0 for `1`).
  case toolFactor(Int)
  // The workshop dashboard.
  case sortRows, nextPage, announce, releasePhase
  /// A page of the story: the cast, the background, the ethics lens.
  case openPage(PageKind)
}

/// The groups of the help overlay, in the order it shows them.
enum HelpGroup: String, Sendable, CaseIterable {
  case moving = "Moving"
  case item = "Working on an item"
  case search = "Search"
  case tools = "Tools (each one key from anywhere in the workbench)"
  case story = "The story (each one key from anywhere in the workbench; Esc returns)"
  case writing = "Writing (notes, rationales, prompts)"
  case start = "Start screen"
  case dashboard = "Workshop dashboard"
  case anywhere = "Anywhere"
}

/// One binding: its keys and what each does, how help shows them, and where they apply.
struct KeyBinding: Sendable {
  /// The keys as help names them ("Up Down  j k"): one name per key, see `Key.name`; `arrows`
  /// stands for the four arrow keys and `1-9` for a run of keys.
  var label: String
  var keys: [(key: Key, command: KeyCommand)]
  /// What the binding does, as help says it.
  var help: String
  /// The help overlay's group; nil for keys a screen shows where they apply (the decision
  /// dialog's footer) rather than in the overlay.
  var group: HelpGroup?
  var scopes: Set<KeyScope>

  init(
    _ label: String, _ keys: [(Key, KeyCommand)], _ help: String, group: HelpGroup?,
    in scopes: Set<KeyScope>
  ) {
    self.label = label
    self.keys = keys.map { (key: $0.0, command: $0.1) }
    self.help = help
    self.group = group
    self.scopes = scopes
  }

  func command(for key: Key) -> KeyCommand? {
    keys.first { $0.key == key }?.command
  }

  /// A status-bar hint: the named keys (all of the binding's when nil) and a word, "j/k scroll".
  /// Keys the binding does not have are left out, so a hint never offers a key that does nothing.
  func hint(_ word: String, keys picked: [Key]? = nil) -> String {
    let bound = keys.map(\.key)
    let shown = (picked ?? bound).filter { bound.contains($0) }
    return shown.map(\.name).joined(separator: "/") + " " + word
  }
}

extension Key {
  /// How help and hints name the key.
  var name: String {
    switch self {
    case .char(" "): "Space"
    case .char(let c): String(c)
    case .ctrl(let c): "Ctrl-" + c.uppercased()
    case .up: "Up"
    case .down: "Down"
    case .left: "Left"
    case .right: "Right"
    case .home: "Home"
    case .end: "End"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .enter: "Enter"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .escape: "Esc"
    case .backspace: "Backspace"
    case .delete: "Delete"
    case .insert: "Insert"
    case .function(let n): "F\(n)"
    }
  }
}

/// Every key casebench reads, in one place: `update` looks keys up here, and the help overlay,
/// the status-bar hints and the README's Keys section (checked by a test) are made from it.
enum KeyTable {
  private static let everywhere = Set(KeyScope.allCases)
  private static let writing: Set<KeyScope> = [.note, .prompt, .newSession, .decisionRationale]
  private static let dialog: Set<KeyScope> = [.decisionList, .decisionOptions, .decisionOutcome]

  // MARK: Moving

  static let move = KeyBinding(
    "Up Down  j k",
    [(.up, .move(-1)), (.down, .move(1)), (.char("j"), .move(1)), (.char("k"), .move(-1))],
    "move in the focused pane (scroll in the detail)", group: .moving,
    in: Set<KeyScope>([.workbench, .start, .help, .tool, .dashboard, .releasePicker, .page])
      .union(dialog))
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

  // MARK: Working on an item

  static let status = KeyBinding(
    "Space", [(.char(" "), .cycleStatus)], "status: todo, doing, done, todo", group: .item,
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

  // MARK: Search

  static let search = KeyBinding(
    "/", [(.char("/"), .search)], "search items, notes, briefings and the cast", group: .search,
    in: [.workbench])
  /// In the workbench `n` writes a note; while a search is on it steps through the matches.
  static let matches = KeyBinding(
    "n  N", [(.char("n"), .nextMatch), (.char("N"), .previousMatch)],
    "next / previous match while a search is on", group: .search,
    in: [.searching, .workbench, .page])

  // MARK: Tools

  static let toolRisks = KeyBinding(
    "r", [(.char("r"), .openTool(.risks))], "risk register and heat map", group: .tools,
    in: [.workbench, .tool])
  static let toolEstimate = KeyBinding(
    "t", [(.char("t"), .openTool(.estimate))], "estimate, with its workings", group: .tools,
    in: [.workbench, .tool])
  static let toolStakeholders = KeyBinding(
    "s", [(.char("s"), .openTool(.stakeholders))], "stakeholders and success metrics",
    group: .tools, in: [.workbench, .tool])
  static let toolModels = KeyBinding(
    "m", [(.char("m"), .openTool(.models))], "model register", group: .tools,
    in: [.workbench, .tool])
  static let toolLog = KeyBinding(
    "l", [(.char("l"), .openTool(.log))], "decision log", group: .tools, in: [.workbench, .tool])
  static let toolAdd = KeyBinding(
    "a", [(.char("a"), .toolAdd)],
    "in a tool: add a risk (in the selected cell), a task, a person, a metric, a model, an "
      + "adoption or a log entry",
    group: .tools, in: [.tool])
  static let toolSelect = KeyBinding(
    "Enter", [(.enter, .toolSelect)],
    "in a tool: list the selected cell; open the selected record's form; take a risk prompt; "
      + "in a form: edit the field",
    group: .tools,
    in: [.tool])
  static let toolClose = KeyBinding(
    "c", [(.char("c"), .toolClose)], "in the risk register: close the selected risk",
    group: .tools, in: [.tool])
  static let toolFactor = KeyBinding(
    "1-9", (1...9).map { (Key.char(Character(String($0))), KeyCommand.toolFactor($0 - 1)) },
    "in the estimate: switch a factor on or off", group: .tools, in: [.tool])
  static let toolRemove = KeyBinding(
    "x", [(.char("x"), .toolRemove)], "remove the selected task (estimate) or metric",
    group: .tools, in: [.tool])
  static let toolToggle = KeyBinding(
    "Space", [(.char(" "), .toolToggle)], "in the model register: can we rebuild it?",
    group: .tools, in: [.tool])
  static let toolEdit = KeyBinding(
    "e", [(.char("e"), .toolEdit)],
    "edit the selected risk, model, metric, adoption or own person in a form (Left Right "
      + "step a choice)",
    group: .tools, in: [.tool])
  static let toolNote = KeyBinding(
    "n", [(.char("n"), .toolNote)], "a note on the selected person; a risk's mitigation",
    group: .tools, in: [.tool])

  // MARK: The story

  static let cast = KeyBinding(
    "w", [(.char("w"), .openPage(.cast))],
    "who's who: the cast, with what each wants and their hot buttons", group: .story,
    in: [.workbench, .tool, .page])
  static let background = KeyBinding(
    "B", [(.char("B"), .openPage(.background))], "the case study's background", group: .story,
    in: [.workbench, .tool, .page])
  static let ethicsLens = KeyBinding(
    "L", [(.char("L"), .openPage(.ethics))],
    "ethics lens: every item tagged ethics, in every phase (Enter goes to it)", group: .story,
    in: [.workbench, .tool, .page])

  // MARK: Writing

  static let cursor = KeyBinding(
    "arrows Home End",
    [
      (.left, .cursorLeft), (.right, .cursorRight), (.up, .cursorUp), (.down, .cursorDown),
      (.home, .lineStart), (.end, .lineEnd),
    ], "move the cursor", group: .writing, in: writing)
  static let delete = KeyBinding(
    "Backspace Delete", [(.backspace, .deleteBackward), (.delete, .deleteForward)], "delete",
    group: .writing, in: writing)
  static let newLine = KeyBinding(
    "Enter", [(.enter, .newLine)], "new line (confirms a one-line prompt)", group: .writing,
    in: writing)
  static let keep = KeyBinding(
    "Ctrl-S", [(.ctrl("s"), .keep)], "keep the note / confirm the decision", group: .writing,
    in: [.note, .decisionRationale])
  static let continueInEditor = KeyBinding(
    "Ctrl-O", [(.ctrl("o"), .continueInEditor)], "continue the note in $EDITOR",
    group: .writing, in: [.note])
  static let leave = KeyBinding(
    "Esc", [(.escape, .leave)], "keep the note and close; leave a prompt", group: .writing,
    in: writing)

  // MARK: Start screen

  static let openEntry = KeyBinding(
    "Enter", [(.enter, .openEntry)], "start a session on a case study, or resume one",
    group: .start, in: [.start])
  static let mode = KeyBinding(
    "Tab  Shift-Tab", [(.tab, .toggleMode), (.backTab, .toggleMode)],
    "case study or own project, when naming a new session", group: .start, in: [.newSession])

  // MARK: Workshop dashboard

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
  static let pickRelease = KeyBinding(
    "Enter", [(.enter, .select)], "release the phase picked", group: nil, in: [.releasePicker])
  static let cancelRelease = KeyBinding(
    "Esc", [(.escape, .leave)], "close without releasing", group: nil, in: [.releasePicker])

  static let dismissBanner = KeyBinding(
    "Esc Enter", [(.escape, .close), (.enter, .close)],
    "dismiss the facilitator's announcement (the next one waiting shows)", group: nil,
    in: [.banner])

  // MARK: Anywhere

  static let help = KeyBinding(
    "?  F1", [(.char("?"), .help), (.function(1), .help)],
    "this help (Esc, q or ? closes it)", group: .anywhere,
    in: [.workbench, .start, .tool, .dashboard, .page])
  static let quit = KeyBinding(
    "q", [(.char("q"), .quit)], "save and quit", group: .anywhere,
    in: [.workbench, .start, .tool, .dashboard, .page])
  /// A facilitator's laptop moves between teams' sessions without quitting.
  static let toStart = KeyBinding(
    "o", [(.char("o"), .toStart)], "save and go back to the start screen (workbench)",
    group: .anywhere, in: [.workbench])
  /// Ctrl-C normally arrives as SIGINT (the terminal keeps ISIG); as a key it does the same.
  static let interrupt = KeyBinding(
    "Ctrl-C", [(.ctrl("c"), .interrupt)], "save and quit", group: .anywhere, in: everywhere)

  // MARK: Shown where they apply

  static let closeHelp = KeyBinding(
    "Esc q ? Enter",
    [
      (.escape, .closeHelp), (.char("q"), .closeHelp), (.char("?"), .closeHelp),
      (.enter, .closeHelp),
    ], "close the help", group: nil, in: [.help])
  static let helpPage = KeyBinding(
    "Space", [(.char(" "), .page(1))], "page down in the help", group: nil, in: [.help])
  static let saveNow = KeyBinding(
    "Ctrl-S", [(.ctrl("s"), .saveNow)], "save (every change is already saved as you go)",
    group: nil, in: [.workbench])
  static let emacs = KeyBinding(
    "Ctrl-A Ctrl-E Ctrl-H Ctrl-D",
    [
      (.ctrl("a"), .lineStart), (.ctrl("e"), .lineEnd), (.ctrl("h"), .deleteBackward),
      (.ctrl("d"), .deleteForward),
    ],
    "while writing: line start, line end, delete back, delete forward", group: nil, in: writing)
  static let dialogSelect = KeyBinding(
    "Enter", [(.enter, .select)], "in a decision: open, choose, or close after the outcome",
    group: nil, in: dialog)
  static let dialogBack = KeyBinding(
    "Esc", [(.escape, .back)], "in a decision: back a step, or close", group: nil, in: dialog)
  static let dialogClose = KeyBinding(
    "q", [(.char("q"), .close)], "in a decision: close it", group: nil, in: dialog)
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

  /// In lookup order: the first binding in scope that has the key wins.
  static let all: [KeyBinding] = [
    move, ends, page, cyclePane, stepPane, phase, open, back, mouse,
    status, notApplicable, blocked, note, externalNote, hint, briefing, decisions,
    search, matches,
    toolRisks, toolEstimate, toolStakeholders, toolModels, toolLog, toolAdd, toolSelect,
    toolClose, toolFactor, toolRemove, toolToggle, toolNote, toolEdit,
    cast, background, ethicsLens,
    cursor, delete, newLine, keep, continueInEditor, leave,
    openEntry, mode,
    dashboardOpen, dashboardSort, dashboardPage, announce, release, pickRelease, cancelRelease,
    dismissBanner, messages, messagesScroll, messagesClose,
    help, quit, toStart, interrupt,
    closeHelp, helpPage, saveNow, emacs, dialogSelect, dialogBack, dialogClose, dialogChange,
    dialogOption,
  ]

  /// What `key` does in the first of `scopes` that binds it.
  static func command(for key: Key, in scopes: [KeyScope]) -> KeyCommand? {
    for scope in scopes {
      for binding in all where binding.scopes.contains(scope) {
        if let command = binding.command(for: key) { return command }
      }
    }
    return nil
  }

  static func command(for key: Key, in scope: KeyScope) -> KeyCommand? {
    command(for: key, in: [scope])
  }
}

extension KeyBinding {
  /// The label with the phase range the case study really has ("1-6"); other labels as they are.
  func label(phases: Int?) -> String {
    guard label == KeyTable.phase.label, let phases else { return label }
    let last = min(9, max(1, phases))
    return last == 1 ? "1" : "1-\(last)"
  }
}
