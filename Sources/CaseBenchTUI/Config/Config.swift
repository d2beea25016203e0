#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The colours a terminal draws roles in (CaseBenchTerminal's `RoleStyle` holds the map).
public enum Theme: String, Sendable, Equatable, CaseIterable {
  /// For a dark background.
  case `default`
  /// For a light background: no yellow or white text.
  case light
  /// Only the terminal's own 16 ANSI colours as foregrounds on its own background, so that a
  /// terminal switched between light and dark follows.
  case ansi16
}

/// The user's config file, `$XDG_CONFIG_HOME/casebench/config.toml`:
///
///     theme = "light"        # "default", "light" or "ansi16"
///     mouse = false
///     [keys]
///     search = "f"
///     quit = ["q", "Ctrl-Q"]
public struct Config: Sendable, Equatable {
  public var keys = KeyMap()
  public var theme = Theme.default
  public var mouse = true

  public init() {}

  /// The file the config comes from: `override` when given, else `config.toml` under
  /// `$XDG_CONFIG_HOME/casebench` (a relative or empty value is ignored, as the XDG spec says),
  /// else under `~/.config/casebench`.
  public static func path(override: String?, environment: [String: String]) -> String? {
    if let override { return override }
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      return xdg + "/casebench/config.toml"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.config/casebench/config.toml"
  }

  /// Reads the config from `text`; `file` names it in errors ("config.toml:3:1: …").
  public static func parse(_ text: String, file: String) throws(ConfigError) -> Config {
    let assignments: [ConfigReader.Assignment]
    do throws(ConfigReader.Failure) {
      assignments = try ConfigReader.read(text)
    } catch {
      throw ConfigError(file: file, line: error.line, column: error.column, message: error.message)
    }
    var config = Config()
    for a in assignments {
      func fail(_ message: String, atValue: Bool = true) -> ConfigError {
        ConfigError(
          file: file, line: a.line, column: atValue ? a.valueColumn : a.nameColumn,
          message: message)
      }
      switch (a.table, a.name, a.value) {
      case ("", "theme", .string(let name)):
        guard let theme = Theme(rawValue: name) else {
          throw fail(
            "unknown theme \"\(name)\"; themes: "
              + Theme.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
        }
        config.theme = theme
      case ("", "theme", _): throw fail("theme is a string, such as \"light\"")
      case ("", "mouse", .bool(let on)): config.mouse = on
      case ("", "mouse", _): throw fail("mouse is true or false")
      case ("keys", let name, let value):
        let spelled: [String]
        switch value {
        case .string(let key): spelled = [key]
        case .strings(let keys) where !keys.isEmpty: spelled = keys
        default:
          throw fail("\(name) takes a key in quotes, or a list of them: \"f\", [\"f\", \"F3\"]")
        }
        do throws(KeyMap.Problem) {
          try config.keys.bind(name, to: spelled)
        } catch {
          switch error {
          case .unknownCommand(let name):
            throw fail(
              "unknown command \(name); commands: "
                + KeyMap.commandNames.joined(separator: ", "), atValue: false)
          case .unknownKey(let key):
            throw fail(
              "unknown key \"\(key)\" (keys are named as help shows them: f, Ctrl-F, F3, Space)")
          case .conflict(let key, let other):
            throw fail("\(key) is bound to both \(other) and \(name)")
          }
        }
      case ("", let name, _):
        throw fail("unknown setting \(name); settings: theme, mouse, [keys]", atValue: false)
      case (let table, _, _):
        throw fail("unknown table [\(table)]; the file has only [keys]", atValue: false)
      }
    }
    return config
  }
}

/// A config file that cannot be used, located as `file:line:column: message`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  public var description: String { "\(file):\(line):\(column): \(message)" }
}
