import Foundation
import Testing

/// Pacing is the folder's: `open FILE` on a team's file in a paced folder and the start screen
/// with `--sessions DIR` follow it (issue 22, defect 4). Each runs the real binary on a
/// pseudo-terminal (script(1)), types Space on the first item of a closed phase and `q` `y`, then
/// reads the session file: work in a closed phase waits. The same keys in a folder without the
/// facilitator's file change the item, so the keys do reach the workbench.
@Suite("pacing from the command line")
struct PacingCLITests {
  let cli: CLITests

  init() throws { cli = try CLITests() }

  /// A folder with Team 3's session (made by `join`), paced with nothing released when `paced`.
  func folder(_ name: String, paced: Bool) throws -> String {
    let dir = cli.path(name)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    _ = try cli.run(["join", dir, "--name", "Team 3"])
    if paced {
      let state = #"{"format_version": 1, "pacing": true, "released": [], "announcements": []}"#
      try state.write(toFile: dir + "/.casebench-workshop.json", atomically: true, encoding: .utf8)
    }
    return dir
  }

  /// How many items the session in `file` has a status for.
  func itemsTouched(_ file: String) throws -> Int {
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return (json["items"] as? [String: Any])?.count ?? 0
  }

  /// Runs `args` on a pseudo-terminal and types `keys`, one group at a time, a moment apart.
  func typing(_ args: [String], keys: [String]) throws -> CLITests.Run {
    let command = ([CLITests.binary.path] + args).map { "'\($0)'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    process.currentDirectoryURL = cli.temp
    var env = ProcessInfo.processInfo.environment
    env["XDG_DATA_HOME"] = cli.temp.appendingPathComponent("data").path
    env["TERM"] = "xterm-256color"
    env["SWIFT_BACKTRACE"] = "interactive=no"
    process.environment = env
    let input = Pipe()
    let out = Pipe()
    process.standardInput = input
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let writer = input.fileHandleForWriting
    DispatchQueue.global().async {
      for group in keys {
        Thread.sleep(forTimeInterval: 1.5)
        writer.write(Data(group.utf8))
      }
      Thread.sleep(forTimeInterval: 8)
      if process.isRunning { process.terminate() }
    }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLITests.Run(
      status: process.terminationStatus, out: String(decoding: data, as: UTF8.self), err: "")
  }

  @Test func openOnATeamsFileFollowsTheFoldersPacing() throws {
    let free = try folder("free", paced: false)
    _ = try typing(["open", free + "/team-3-bike-shop.json"], keys: [" ", "qy"])
    #expect(try itemsTouched(free + "/team-3-bike-shop.json") == 1)

    let paced = try folder("paced", paced: true)
    let run = try typing(["open", paced + "/team-3-bike-shop.json"], keys: [" ", "qy"])
    #expect(try itemsTouched(paced + "/team-3-bike-shop.json") == 0, "\(run.out.suffix(800))")
    #expect(run.out.contains("opens when the facilitator says"))
    // By the team's name in a sessions folder that is a workshop folder: the same.
    _ = try typing(["open", "Team 3", "--sessions", paced], keys: [" ", "qy"])
    #expect(try itemsTouched(paced + "/team-3-bike-shop.json") == 0)
  }

  @Test func aDamagedFacilitatorsFileIsAWarningAndOpensNoPhase() throws {
    let dir = try folder("damaged", paced: false)
    try "{\n  \"pacing\": tru\n}\n".write(
      toFile: dir + "/.casebench-workshop.json", atomically: true, encoding: .utf8)
    let run = try typing(["open", dir + "/team-3-bike-shop.json"], keys: [" ", "qy"])
    #expect(try itemsTouched(dir + "/team-3-bike-shop.json") == 0, "\(run.out.suffix(800))")
    #expect(run.out.contains(".casebench-workshop.json:2:"), "\(run.out.suffix(800))")
  }

  @Test func anExportOfATeamsFileShowsNothingOfAClosedPhase() throws {
    // The export lists open decisions: the Data phase's first is one of them only when open.
    for (name, paced) in [("free", false), ("paced", true)] {
      let dir = try folder(name, paced: paced)
      let export = try cli.run(["export", dir + "/team-3-bike-shop.json", "--format", "markdown"])
      #expect(export.status == 0, "\(export.err)")
      #expect(export.out.contains("The loyalty data and its purpose") == !paced, "\(name)")
    }
  }

  @Test func theStartScreenOnAWorkshopFolderFollowsItsPacing() throws {
    // The start screen's cursor starts on the newest session: Team 3's, the only one.
    let free = try folder("free", paced: false)
    _ = try typing(["--sessions", free], keys: ["\r", " ", "qy"])
    #expect(try itemsTouched(free + "/team-3-bike-shop.json") == 1)

    let paced = try folder("paced", paced: true)
    let run = try typing(["--sessions", paced], keys: ["\r", " ", "qy"])
    #expect(try itemsTouched(paced + "/team-3-bike-shop.json") == 0, "\(run.out.suffix(800))")
  }
}
