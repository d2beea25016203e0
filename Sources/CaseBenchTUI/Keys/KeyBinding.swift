/// Where a key binding applies: one value per screen or prompt that reads keys. Each is a
/// static member declared beside the component that reads it (`KeyScope.workbench` in
/// Workbench/WorkbenchKeys.swift), and registered with that component's bindings in
/// `KeyTable.registry`, which `KeyTable.everywhere` reads.
struct KeyScope: Sendable, Hashable, CustomStringConvertible {
  /// The scope's name, for messages; no two scopes share one (`KeyTableTests` checks).
  let name: String

  init(_ name: String) { self.name = name }

  var description: String { name }
}

/// One component's part of the key table: the scopes it reads keys in, and its bindings in
/// lookup order. Declared beside the component (`KeyRegistration.workbench` in
/// Workbench/WorkbenchKeys.swift) and listed once in `KeyTable.registry`.
struct KeyRegistration: Sendable {
  let scopes: [KeyScope]
  /// Read when the table is first joined, not when the registry is made: `KeyTable.interrupt`
  /// applies in every scope, so building it reads the registry's scopes.
  private let makeBindings: @Sendable () -> [KeyBinding]

  init(scopes: [KeyScope], bindings: @escaping @autoclosure @Sendable () -> [KeyBinding]) {
    self.scopes = scopes
    self.makeBindings = bindings
  }

  var bindings: [KeyBinding] { makeBindings() }
}

/// What a key asks for. Each screen's update decides what that means there.
///
/// One vocabulary shared by every screen rather than one enum per component: most commands are
/// generic actions that several screens read (`move`, `page`, `open`, `close`, `select`,
/// `help`, `quit`), the config file's `[keys]` names commands across screens
/// (`KeyMap.commands`: `up` moves in the workbench, a tool, help and the dashboard alike), and a
/// key in one scope shadows another only when both name the same kind of thing. Splitting it by
/// screen would turn each shared action into as many cases as screens and make remapping match
/// across enums, for the few cases (`sortRows`, `toolFactor`) that only one screen reads.
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
  case sortRows, nextPage, announce, releasePhase, revealDecision
  // The projector view: open it, step (+1 on, -1 back), change decision, reveal the one shown.
  case openProjector
  case nextStep(Int)
  case nextDecision(Int)
  case revealShown
  /// A read-only workbench: open the file again, taking its lock if it is free.
  case takeOver
  /// The room's clock and the injects (Dashboard/DashboardClock.swift, DashboardInjects.swift).
  case startClock, pauseClock, extendClock, injects
  /// A page of the story: the cast, the background, the ethics lens.
  case openPage(PageKind)
  /// A page registered in `WorkbenchPages`, by its id.
  case openScreen(String)
  /// Lenses: the checklist's filter, and adding one.
  case cycleFilter, addLens, removeLens
}

/// The groups of the help overlay, in the order it shows them.
enum HelpGroup: String, Sendable, CaseIterable {
  case moving = "Moving"
  case item = "Working on an item"
  case search = "Search"
  case tools = "Tools (each one key from anywhere in the workbench)"
  case story = "The story (each one key from anywhere in the workbench; Esc returns)"
  case lenses = "Lenses (deon's checklist, the ML Test Score, your own)"
  case writing = "Writing (notes, rationales, prompts)"
  case start = "Start screen"
  case dashboard = "Workshop dashboard"
  case anywhere = "Anywhere"
}

/// One binding: its keys and what each does, how help shows them, and where they apply.
struct KeyBinding: Sendable {
  /// The keys as help names them ("Up Down  j k"): one name per key, see `Key.name`; `arrows`
  /// stands for the four arrow keys and `1-9` for a run of keys. The user's config may change
  /// it (`label`).
  var defaultLabel: String
  /// The keys as declared; `keys` is what is in force once the user's config is applied.
  var defaultKeys: [(key: Key, command: KeyCommand)]
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
    self.defaultLabel = label
    self.defaultKeys = keys.map { (key: $0.0, command: $0.1) }
    self.help = help
    self.group = group
    self.scopes = scopes
  }

  /// The keys in force: the declared ones, remapped by the user's config (`KeyMap.current`).
  var keys: [(key: Key, command: KeyCommand)] {
    let map = KeyMap.current
    return map.isEmpty ? defaultKeys : map.keys(of: self)
  }

  /// How help names the keys in force.
  var label: String {
    let map = KeyMap.current
    return map.isEmpty || !map.changes(self)
      ? defaultLabel : keys.map(\.key.name).joined(separator: " ")
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

extension KeyBinding {
  /// The label with the phase range the case study really has ("1-6"); other labels as they are
  /// (the estimate's "1-9" too, which shares the phase keys' label but not their command).
  func label(phases: Int?) -> String {
    guard case .phase = keys.first?.command, let phases else { return label }
    let last = min(9, max(1, phases))
    return last == 1 ? "1" : "1-\(last)"
  }
}
