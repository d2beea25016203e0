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

  @Test func keysShowsARemappedToolAndDashboardKey() throws {
    let url = try writeConfig("[keys]\nrisks = \"R\"\nsort = \"o\"\n", in: "tools")
    let result = try run(["keys", "--config", url.path])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("| `R` | risk register and heat map |"))
    #expect(result.out.contains("| `o` | sort the teams by name, progress or last activity |"))
  }

  /// The dashboard used to read the default config whatever `--config` said.
  @Test func theDashboardReadsTheConfigNamedByConfig() throws {
    let url = try writeConfig("[keys]\nsort = \"a\"\nannounce = \"a\"\n", in: "dash")
    let folder = path("room")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // On a pseudo-terminal (script(1)), as the dashboard needs one.
    let command = [Self.binary.path, "workshop", folder, "--config", url.path]
      .map { "'\($0)'" }.joined(separator: " ")
    let result = try run(
      ["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"),
      environment: ["TERM": "xterm-256color"])
    #expect(result.status == 65, "\(result.out)")
    #expect(result.out.contains("\(url.path):3:12: a is bound to both sort and announce"))
  }

  /// A command that reads no config does not offer `--config`.
  @Test func exportDoesNotOfferConfig() throws {
    for command in ["export", "status"] {
      let help = try run([command, "--help"])
      #expect(help.status == 0)
      #expect(!help.out.contains("--config"), "\(command) --help offers --config")
    }
    for command in ["open", "workshop", "join", "keys", "preview"] {
      #expect(try run([command, "--help"]).out.contains("--config"), "\(command)")
    }
  }

  @Test func aNamedConfigFileThatIsMissingIsAFailure() throws {
    let result = try run(["keys", "--config", temp.appendingPathComponent("none.toml").path])
    #expect(result.status == 1)
    #expect(result.err.contains("none.toml: cannot read the config file"))
  }
}
