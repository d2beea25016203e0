import Foundation
import Testing

/// `--facilitator` from every entry point, proved on the real binary: the workbench runs in a
/// pseudo-terminal (util-linux `script`), draws its first frame and quits on `q` `y`, and the frame
/// must carry the facilitator marker exactly when the flag was given.
@Suite(
  "Facilitator mode from the command line",
  .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
struct FacilitatorCLITests {
  let cli: CLITests

  init() throws { cli = try CLITests() }

  static let marker = "FACILITATOR"

  /// Shell-quotes one word.
  static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Runs casebench in an 80x24 pseudo-terminal, presses q and y after a second (the workbench
  /// asks before it quits; the start screen quits on q), and returns what it drew (escape
  /// sequences and all) with its exit status.
  func runInTerminal(_ args: [String]) throws -> CLITests.Run {
    let command = ([CLITests.binary.path] + args).map(Self.quoted).joined(separator: " ")
    let inner = "stty cols 80 rows 24 2>/dev/null; exec \(command)"
    return try cli.run(
      [
        "-c",
        "(sleep 1; printf qy) | timeout 30 /usr/bin/script -qfec \(Self.quoted(inner)) /dev/null",
      ], executable: URL(fileURLWithPath: "/bin/sh"), environment: ["TERM": "xterm-256color"])
  }

  func newSession(_ name: String) throws -> String {
    let file = cli.path("\(name).json")
    let created = try cli.run(["new", "--name", name, "--out", file])
    try #require(created.status == 0, "\(created.err)")
    return file
  }

  @Test func openTakesTheFlagBeforeAfterOrAroundTheCommand() throws {
    let file = try newSession("Team A")
    for args in [
      ["open", "--facilitator", file], ["--facilitator", "open", file],
      ["open", file, "--facilitator"],
    ] {
      let run = try runInTerminal(args)
      #expect(run.status == 0, "\(args): \(run.err)")
      #expect(run.out.contains("Team A"), "\(args): the workbench was drawn")
      #expect(run.out.contains(Self.marker), "\(args) shows the facilitator view")
    }
    let participant = try runInTerminal(["open", file])
    #expect(participant.status == 0)
    #expect(participant.out.contains("Team A"))
    #expect(!participant.out.contains(Self.marker), "without the flag: the participant view")
  }

  @Test func newOpenTakesTheFlag() throws {
    let facilitated = try runInTerminal([
      "new", "--name", "Team F", "--out", cli.path("f.json"), "--open", "--facilitator",
    ])
    #expect(facilitated.status == 0, "\(facilitated.err)")
    #expect(facilitated.out.contains("Team F"))
    #expect(facilitated.out.contains(Self.marker))
    let plain = try runInTerminal([
      "new", "--name", "Team P", "--out", cli.path("p.json"), "--open",
    ])
    #expect(plain.status == 0)
    #expect(plain.out.contains("Team P"))
    #expect(!plain.out.contains(Self.marker))
  }

  @Test func joinTakesTheFlag() throws {
    let folder = cli.path("class")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let facilitated = try runInTerminal(["join", folder, "--name", "Team J", "--facilitator"])
    #expect(facilitated.status == 0, "\(facilitated.err)")
    #expect(facilitated.out.contains("Team J"), "the workbench was drawn")
    #expect(facilitated.out.contains(Self.marker), "join --facilitator shows the facilitator view")
    let participant = try runInTerminal(["join", folder, "--name", "Team J"])
    #expect(participant.status == 0, "\(participant.err)")
    #expect(participant.out.contains("Team J"))
    #expect(!participant.out.contains(Self.marker))
  }

  @Test func theStartScreenTakesTheFlag() throws {
    let facilitated = try runInTerminal(["--facilitator"])
    #expect(facilitated.status == 0, "\(facilitated.err)")
    #expect(facilitated.out.contains("casebench"))
    #expect(facilitated.out.contains(Self.marker))
    let plain = try runInTerminal([])
    #expect(plain.status == 0)
    #expect(!plain.out.contains(Self.marker))
  }

  @Test func participantExportsShowNoVerdictsUnlessAskedFor() throws {
    let file = try newSession("Team V")
    // A decision taken, as the workbench would record it.
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let decided = text.replacingOccurrences(
      of: "\"decisions\" : {\n\n  }",
      with: """
        "decisions" : {
            "S0.D1" : {
              "decided_at" : "2026-11-30T12:00:00Z",
              "option" : "b",
              "rationale" : "Pathfinder first"
            }
          }
        """)
    try #require(decided != text, "the fixture edit applied")
    try decided.write(toFile: file, atomically: true, encoding: .utf8)
    for format in ["markdown", "html"] {
      let participant = try cli.run(["export", file, "--format", format])
      #expect(participant.status == 0, "\(participant.err)")
      #expect(participant.out.contains("Pathfinder first"))
      for verdict in ["verdict: ", "v-recommended\">", "v-poor\">", "v-defensible\">"] {
        #expect(!participant.out.contains(verdict), "\(format) shows no verdict")
      }
      #expect(!participant.out.contains("Debrief"), "\(format) shows no debrief")
      let facilitator = try cli.run(["export", file, "--format", format, "--facilitator"])
      #expect(facilitator.status == 0)
      #expect(
        facilitator.out.contains("verdict: ") || facilitator.out.contains("class=\"verdict"),
        "\(format) --facilitator shows the verdict")
      #expect(facilitator.out.contains("Debrief (facilitator)"))
      let root = try cli.run(["--facilitator", "export", file, "--format", format])
      #expect(root.out == facilitator.out, "the flag may also come before the command")
    }
  }

  /// A session started on the Bike Shop 1.x (Tests/CaseBenchDomainTests/Fixtures/sessions) opens
  /// with 2.0.0: the workbench says which retired items keep their work, status and export list
  /// them, and the file keeps every note and state after the workbench has saved it.
  @Test func aFirstEditionSessionOpensAndKeepsItsRetiredWork() throws {
    let fixture = CLITests.repoRoot.appendingPathComponent(
      "Tests/CaseBenchDomainTests/Fixtures/sessions/bike-shop-1x-session.json")
    let file = cli.path("retro.json")
    try FileManager.default.copyItem(atPath: fixture.path, toPath: file)
    let opened = try runInTerminal(["open", file])
    #expect(opened.status == 0, "\(opened.err)")
    #expect(opened.out.contains("4 retired items keep their work: X.1, X.3, X.8, X.12"))
    let status = try cli.run(["status", file])
    #expect(status.status == 0)
    #expect(status.out.contains("Retired items (work kept in the file"))
    let markdown = try cli.run(["export", file])
    #expect(markdown.out.contains("## Retired items"))
    let saved = try String(contentsOfFile: file, encoding: .utf8)
    for text in [
      "Loyalty data only for demand", "Export share is readable by all staff",
      "Waiting for the store managers", "No job notes in scope for this team",
    ] {
      #expect(saved.contains(text), "the file still holds '\(text)'")
    }
  }
}
