/// Every key casebench reads, joined in one list: `update` looks keys up here, and the help
/// overlay, the status-bar hints and the README's Keys section (checked by a test) are made
/// from it. Each binding is declared beside the component that handles it (`WorkbenchKeys`,
/// `ToolKeys`, `DecisionKeys`, …), with the component's scopes and its `KeyRegistration`; the
/// keys below belong to the program as a whole.
enum KeyTable {
  /// Every component that reads keys, in lookup order: the first binding in scope that has the
  /// key wins, and help and the README list each group's keys in this order. A new screen adds
  /// its registration here.
  static let registry: [KeyRegistration] = [
    .workbench, .lenses, .tools, .pages, .writing, .start, .dashboard, .workshop, .app, .help,
    .decision, .workbenchPages, .projector, .takeOver, .leave,
  ]

  /// Every scope, in the registry's order.
  static let scopes: [KeyScope] = registry.flatMap(\.scopes)
  static let everywhere = Set(scopes)
  static let writingScopes: Set<KeyScope> = [.note, .prompt, .newSession, .decisionRationale]
  static let dialogScopes: Set<KeyScope> = [.decisionList, .decisionOptions, .decisionOutcome]

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
  static let saveNow = KeyBinding(
    "Ctrl-S", [(.ctrl("s"), .saveNow)], "save (every change is already saved as you go)",
    group: nil, in: [.workbench])

  /// The program's own bindings.
  static let appKeys: [KeyBinding] = [help, quit, toStart, interrupt, saveNow]

  /// Every binding, in lookup order: the registry's, joined.
  static let all: [KeyBinding] = registry.flatMap(\.bindings)

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

extension KeyRegistration {
  /// The program's own keys, which read no scope of their own.
  static let app = KeyRegistration(scopes: [], bindings: KeyTable.appKeys)
}
