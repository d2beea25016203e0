/// The user's key bindings from the config file's `[keys]` table, laid over `KeyTable`: a command
/// given keys there answers to those keys only, and a key the user gives away stops doing what it
/// did by default wherever the user's binding applies. Help, hints and lookups all read the
/// bindings through `KeyBinding.keys`, so they follow the map in force (`KeyMap.current`).
public struct KeyMap: Sendable, Equatable {
  /// One line of `[keys]`: a command by its config name and the keys it gets.
  public struct Entry: Sendable, Equatable {
    public var name: String
    var command: KeyCommand
    public var keys: [Key]
    /// Where the binding applies: every scope of the default bindings that hold the command.
    var scopes: Set<KeyScope>
  }

  public private(set) var entries: [Entry] = []

  public init() {}

  /// The map in force. Set for the whole interactive run by the executable, and by a test for
  /// the screens it renders; a task-local, so tests running side by side do not see each other's.
  @TaskLocal public static var current = KeyMap()

  public var isEmpty: Bool { entries.isEmpty }

  /// The names `[keys]` accepts, in the order the README lists them.
  public static var commandNames: [String] { commands.map(\.name) }

  /// The commands a config file may rebind, by the name it uses for them.
  static let commands: [(name: String, command: KeyCommand)] = [
    ("up", .move(-1)), ("down", .move(1)), ("top", .top), ("bottom", .bottom),
    ("page-up", .page(-1)), ("page-down", .page(1)), ("open", .open), ("back", .back),
    ("status", .cycleStatus), ("not-applicable", .notApplicable), ("blocked", .blocked),
    ("note", .editNote), ("external-note", .editNoteExternally), ("hint", .hint),
    ("briefing", .briefing), ("decisions", .decisions), ("search", .search),
    ("next-match", .nextMatch), ("previous-match", .previousMatch), ("help", .help),
    ("quit", .quit), ("to-start", .toStart), ("save", .saveNow),
    // The project manager's tools, from the workbench or another tool.
    ("risks", .openTool(.risks)), ("estimate", .openTool(.estimate)),
    ("stakeholders", .openTool(.stakeholders)), ("models", .openTool(.models)),
    ("log", .openTool(.log)),
    // The facilitator's workshop dashboard.
    ("sort", .sortRows), ("next-page", .nextPage), ("announce", .announce),
    ("release", .releasePhase), ("reveal", .revealDecision), ("projector", .openProjector),
    ("start-clock", .startClock), ("pause-clock", .pauseClock), ("extend-clock", .extendClock),
    ("injects", .injects),
  ]

  /// Why an entry cannot be added.
  public enum Problem: Error, Sendable, Equatable {
    case unknownCommand(String)
    case unknownKey(String)
    /// The key is already the user's for another command where both apply.
    case conflict(key: String, with: String)
  }

  /// Adds the user's keys for the command named `name` (`"search"`), spelled as help names them
  /// (`"/"`, `"Ctrl-F"`, `"F3"`, `"Space"`).
  public mutating func bind(_ name: String, to spelled: [String]) throws(Problem) {
    guard let command = Self.commands.first(where: { $0.name == name })?.command else {
      throw .unknownCommand(name)
    }
    var keys: [Key] = []
    for text in spelled {
      guard let key = Key(named: text) else { throw .unknownKey(text) }
      keys.append(key)
    }
    let scopes = KeyTable.all.filter { $0.defaultKeys.contains { $0.command == command } }
      .reduce(into: Set<KeyScope>()) { $0.formUnion($1.scopes) }
    for other in entries where !other.scopes.isDisjoint(with: scopes) {
      if let shared = keys.first(where: { other.keys.contains($0) }) {
        throw .conflict(key: shared.name, with: other.name)
      }
    }
    entries.removeAll { $0.command == command }
    entries.append(Entry(name: name, command: command, keys: keys, scopes: scopes))
  }

  /// Whether the map changes any of `binding`'s keys.
  func changes(_ binding: KeyBinding) -> Bool {
    binding.defaultKeys.contains { pair in
      entries.contains { $0.command == pair.command || taken(pair.key, in: binding.scopes, by: $0) }
    }
  }

  /// `binding`'s keys with the map applied: the user's keys first (hints show the first key).
  func keys(of binding: KeyBinding) -> [(key: Key, command: KeyCommand)] {
    var result: [(key: Key, command: KeyCommand)] = []
    var added: [KeyCommand] = []
    for pair in binding.defaultKeys {
      if let entry = entries.first(where: { $0.command == pair.command }) {
        if !added.contains(pair.command) {
          result += entry.keys.map { (key: $0, command: pair.command) }
          added.append(pair.command)
        }
      } else if !entries.contains(where: { taken(pair.key, in: binding.scopes, by: $0) }) {
        result.append(pair)
      }
    }
    return result
  }

  private func taken(_ key: Key, in scopes: Set<KeyScope>, by entry: Entry) -> Bool {
    entry.keys.contains(key) && !entry.scopes.isDisjoint(with: scopes)
  }
}

extension Key {
  /// The key that help names `name` (`Key.name`'s inverse): "q", "Ctrl-F", "F3", "Space", "Esc".
  public init?(named name: String) {
    let named: [String: Key] = [
      "Space": .char(" "), "Up": .up, "Down": .down, "Left": .left, "Right": .right,
      "Home": .home, "End": .end, "PgUp": .pageUp, "PgDn": .pageDown, "Enter": .enter,
      "Tab": .tab, "Shift-Tab": .backTab, "Esc": .escape, "Backspace": .backspace,
      "Delete": .delete, "Insert": .insert,
    ]
    if let key = named[name] {
      self = key
    } else if name.count == 1, let c = name.first, !c.isWhitespace, !c.isNewline,
      c.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value != 0x7F })
    {
      self = .char(c)
    } else if name.hasPrefix("Ctrl-"), name.count == 6, let c = name.last, c.isLetter, c.isASCII {
      self = .ctrl(Character(c.lowercased()))
    } else if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) {
      self = .function(n)
    } else {
      return nil
    }
  }
}
