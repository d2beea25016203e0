import CaseBenchModel
import Testing

@testable import CaseBenchTUI

@Suite("Config file")
struct ConfigTests {
  static let remap = """
    # mine
    theme = "light"
    mouse = false

    [keys]
    search = "f"
    quit = ["Q", "Ctrl-Q"]
    """

  static func parsed(_ text: String) throws -> Config {
    try Config.parse(text, file: "config.toml")
  }

  static func error(_ text: String) -> String? {
    do {
      _ = try Config.parse(text, file: "config.toml")
      return nil
    } catch {
      return error.description
    }
  }

  @Test func readsThemeMouseAndKeys() throws {
    let config = try Self.parsed(Self.remap)
    #expect(config.theme == .light)
    #expect(config.mouse == false)
    #expect(config.keys.entries.map(\.name) == ["search", "quit"])
    #expect(config.keys.entries[1].keys == [.char("Q"), .ctrl("q")])
  }

  @Test func noFileAndAnEmptyFileAreTheDefaults() throws {
    #expect(try Self.parsed("") == Config())
    #expect(try Self.parsed("# nothing\n\n[keys]\n") == Config())
    #expect(Config().theme == .default && Config().mouse && Config().keys.isEmpty)
  }

  @Test func theFileIsFoundUnderXDGConfigHomeElseHome() {
    #expect(
      Config.path(override: nil, environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])
        == "/x/casebench/config.toml")
    #expect(
      Config.path(override: nil, environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"])
        == "/h/.config/casebench/config.toml")
    #expect(Config.path(override: "my.toml", environment: ["HOME": "/h"]) == "my.toml")
    #expect(Config.path(override: nil, environment: [:]) == nil)
  }

  @Test func aRemappedKeyDoesTheCommandAndTheOldOneDoesNot() throws {
    let config = try Self.parsed(Self.remap)
    KeyMap.$current.withValue(config.keys) {
      #expect(KeyTable.command(for: .char("f"), in: .workbench) == .search)
      #expect(KeyTable.command(for: .char("/"), in: .workbench) == nil)
      #expect(KeyTable.command(for: .char("Q"), in: .workbench) == .quit)
      #expect(KeyTable.command(for: .char("q"), in: .workbench) == nil)
      // The user's `f` wins over the default `f` (the checklist's filter) where both apply.
      #expect(KeyTable.search.label == "f")
    }
    // Outside the map, the defaults.
    #expect(KeyTable.command(for: .char("/"), in: .workbench) == .search)
    #expect(KeyTable.command(for: .char("f"), in: .workbench) == .cycleFilter)
  }

  @Test func helpAndHintsShowTheRemappedKey() throws {
    let config = try Self.parsed(Self.remap)
    KeyMap.$current.withValue(config.keys) {
      var state = Fixture.workbench()
      #expect(StatusBar.keyHints(state).contains("f search"))
      #expect(StatusBar.keyHints(state).contains("Q/Ctrl-Q quit"))
      #expect(!StatusBar.keyHints(state).contains("/ search"))
      send(&state, .char("?"))
      let help = render(state, size: Size(width: 100, height: 60)).text
      #expect(help.contains("f                 search items"))
      #expect(!help.contains("/                 search items"))
    }
    let state = Fixture.workbench()
    #expect(StatusBar.keyHints(state).contains("/ search"))
  }

  @Test func theKeyTableAsMarkdownShowsTheRemappedKey() throws {
    let config = try Self.parsed(Self.remap)
    KeyMap.$current.withValue(config.keys) {
      let table = KeyTable.markdown(phases: 6)
      #expect(table.contains("| `f` | search items, notes, briefings and the cast |"))
      #expect(!table.contains("| `/` |"))
    }
    #expect(
      KeyTable.markdown(phases: 6).contains("| `/` | search items, notes, briefings and the cast |")
    )
  }

  @Test func aConflictingBindingIsALocatedError() {
    let text = """
      [keys]
      hint = "z"
      search = ["f", "z"]
      """
    #expect(Self.error(text) == "config.toml:3:10: z is bound to both hint and search")
  }

  @Test func unknownNamesAndBadValuesAreLocatedErrors() {
    #expect(
      Self.error("[keys]\nfrobnicate = \"z\"\n")?.hasPrefix(
        "config.toml:2:1: unknown command frobnicate;") == true)
    #expect(
      Self.error("[keys]\nsearch = \"Hyper-Z\"\n")?.hasPrefix(
        "config.toml:2:10: unknown key \"Hyper-Z\"") == true)
    #expect(
      Self.error("theme = \"solarized\"\n")?.hasPrefix(
        "config.toml:1:9: unknown theme \"solarized\"") == true)
    #expect(Self.error("mouse = \"no\"\n") == "config.toml:1:9: mouse is true or false")
    #expect(Self.error("colour = 1\n")?.hasPrefix("config.toml:1:10: expected a string") == true)
    #expect(
      Self.error("colours = true\n")?.hasPrefix("config.toml:1:1: unknown setting colours") == true)
    #expect(
      Self.error("[colors]\nx = true\n")?.hasPrefix("config.toml:2:1: unknown table [colors]")
        == true)
    #expect(
      Self.error("theme = \"light\nmouse = true\n")
        == "config.toml:1:9: string not closed on its line")
    #expect(Self.error("mouse = true\nmouse = false\n") == "config.toml:2:1: mouse is set twice")
    #expect(Self.error("[keys\n") == "config.toml:1:6: expected ] to close the table name")
  }
}
