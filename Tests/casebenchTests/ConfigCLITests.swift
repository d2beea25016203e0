import Foundation
import Testing

/// The config file as the command line reads it: `casebench keys` prints the key table in force.
extension CLITests {
  func writeConfig(_ text: String, in folder: String = "xdg/casebench") throws -> URL {
    let dir = temp.appendingPathComponent(folder)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent("config.toml")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test func theConfigUnderXDGConfigHomeRemapsTheKeysTable() throws {
    _ = try writeConfig("[keys]\nsearch = \"F3\"\n")
    let xdg = ["XDG_CONFIG_HOME": temp.appendingPathComponent("xdg").path]
    let result = try run(["keys"], environment: xdg)
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("| `F3` | search items, notes, briefings and the cast |"))
    let plain = try run(["keys"], environment: ["XDG_CONFIG_HOME": temp.path])
    #expect(plain.out.contains("| `/` | search items, notes, briefings and the cast |"))
  }

  @Test func aConflictingBindingStopsTheStartWithALocatedError() throws {
    let url = try writeConfig("theme = \"ansi16\"\n[keys]\nhint = \"z\"\nquit = \"z\"\n", in: "c")
    let result = try run(["keys", "--config", url.path])
    #expect(result.status == 65)
    #expect(result.err.contains("\(url.path):4:8: z is bound to both hint and quit"))
    // The workbench reads the same file first, before it needs a terminal.
    let start = try run(["--config", url.path])
    #expect(start.status == 65)
    #expect(start.err.contains("\(url.path):4:8: z is bound to both hint and quit"))
  }

  @Test func aNamedConfigFileThatIsMissingIsAFailure() throws {
    let result = try run(["keys", "--config", temp.appendingPathComponent("none.toml").path])
    #expect(result.status == 1)
    #expect(result.err.contains("none.toml: cannot read the config file"))
  }
}
