import CaseBenchTUI
import CaseBenchTerminal
import Foundation
import Testing

@Suite("Themes")
struct ThemeTests {
  /// Compares `map` with `Golden/NAME.txt` beside this file; `UPDATE_GOLDEN=1` rewrites it.
  func check(_ map: String, _ name: String) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Golden/\(name).txt")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try map.write(to: url, atomically: true, encoding: .utf8)
    }
    let golden = try String(contentsOf: url, encoding: .utf8)
    #expect(map == golden, "role map \(name) differs from its golden (UPDATE_GOLDEN=1 rewrites it)")
  }

  @Test(arguments: Theme.allCases) func eachThemesRoleMapMatchesItsGolden(theme: Theme) throws {
    try check(RoleStyle.roleMap(colour: true, theme: theme), "roles-\(theme.rawValue)")
  }

  @Test(arguments: Theme.allCases) func noColourDrawsTheSameMapWhateverTheTheme(theme: Theme) throws
  {
    let allowed = RoleStyle.colourAllowed(environment: ["NO_COLOR": "1"])
    #expect(!allowed)
    try check(RoleStyle.roleMap(colour: allowed, theme: theme), "roles-no-color")
  }

  @Test func anEmptyNoColorIsNotSet() {
    #expect(RoleStyle.colourAllowed(environment: ["NO_COLOR": ""]))
    #expect(RoleStyle.colourAllowed(environment: [:]))
  }

  @Test(arguments: Theme.allCases) func focusIsMoreThanColourInEveryTheme(theme: Theme) {
    for colour in [true, false] {
      #expect(RoleStyle.style(for: .selected, colour: colour, theme: theme).reverse)
      let inactive = RoleStyle.style(for: .selectedInactive, colour: colour, theme: theme)
      #expect(inactive.underline || inactive.reverse)
    }
  }

  @Test func theThemesDiffer() {
    let maps = Theme.allCases.map { RoleStyle.roleMap(colour: true, theme: $0) }
    #expect(Set(maps).count == Theme.allCases.count)
  }

  @Test func lightHasNoYellowOrWhiteTextAndAnsi16NoBackground() {
    for role in Role.allCases {
      let light = RoleStyle.style(for: role, colour: true, theme: .light)
      #expect(light.foreground != .yellow && light.foreground != .white, "\(role)")
      #expect(RoleStyle.style(for: role, colour: true, theme: .ansi16).background == nil, "\(role)")
    }
  }
}
