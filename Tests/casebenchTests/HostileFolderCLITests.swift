import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 23 from the command line: teams cannot read each other's work in a folder set up with
/// `workshop DIR --init` (checked with real accounts), nothing from a file or a name drives
/// the facilitator's terminal, and an announcement has a length limit.
@Suite("hostile workshop folder, command line")
struct HostileFolderCLITests {
  static let isRoot = getuid() == 0
  static let hasSetpriv = FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
  // Numeric ids: no accounts need exist. The facilitator, two teams, and the day's group.
  static let facilitator = 40_001
  static let teamA = 40_002
  static let teamB = 40_003
  static let group = 40_000

  let cli: CLITests

  init() throws { cli = try CLITests() }

  /// Runs `args` (a casebench command, or another program given by path) as `uid`.
  func run(as uid: Int, _ args: [String], groups: Bool = true) throws -> CLITests.Run {
    let program = args[0].hasPrefix("/") ? args : [CLITests.binary.path] + args
    return try cli.run(
      ["--reuid=\(uid)", "--regid=\(Self.group)"]
        + (groups ? ["--groups=\(Self.group)"] : ["--clear-groups"]) + program,
      executable: URL(fileURLWithPath: "/usr/bin/setpriv"),
      environment: ["HOME": cli.path("home-\(uid)")])
  }

  /// The folder as the README's shared-host setup leaves it: the facilitator's, the group's.
  func sharedFolder(_ name: String) throws -> String {
    let dir = cli.path(name)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    #expect(chown(dir, uid_t(Self.facilitator), gid_t(Self.group)) == 0)
    #expect(chmod(dir, 0o3770) == 0)
    return dir
  }

  // Finding 7: every group member can read every team's live work.
  @Test(
    .enabled(if: isRoot && hasSetpriv, "skipped: needs root and setpriv to act as two accounts"))
  func teamsCannotReadEachOthersWorkAfterInit() throws {
    let dir = try sharedFolder("room")
    let initialized = try run(as: Self.facilitator, ["workshop", dir, "--init"], groups: false)
    #expect(initialized.status == 0, "\(initialized.err)")
    #expect(initialized.out.contains("default ACL"), "\(initialized.out)")
    let joined = try run(as: Self.teamA, ["join", dir, "--name", "Team A"])
    #expect(joined.out.contains("Created the session of 'Team A'"), "\(joined.out)\(joined.err)")
    #expect(!joined.err.contains("can read this team's work"), "\(joined.err)")
    let file = dir + "/team-a-bike-shop.json"
    let added = try run(
      as: Self.teamA,
      [
        "risk", "add", file, "--title", "Rain", "--phase", "sprint-0", "--likelihood", "2",
        "--impact", "3",
      ])
    #expect(added.status == 0, "\(added.err)")
    let byOtherTeam = try run(as: Self.teamB, ["/bin/cat", file])
    #expect(byOtherTeam.status != 0, "another team read Team A's file")
    let byFacilitator = try run(as: Self.facilitator, ["/bin/cat", file], groups: false)
    #expect(byFacilitator.status == 0, "\(byFacilitator.err)")
    #expect(byFacilitator.out.contains("Rain"))
    let list = try run(as: Self.facilitator, ["workshop", dir, "--list"], groups: false)
    #expect(list.out.contains("Team A"), "\(list.out)\(list.err)")
    #expect(!list.out.contains("can be read by other accounts"))
  }

  @Test(
    .enabled(if: isRoot && hasSetpriv, "skipped: needs root and setpriv to act as two accounts"))
  func joinAndTheListSayWhenOthersCanRead() throws {
    let dir = try sharedFolder("open-room")
    let joined = try run(as: Self.teamA, ["join", dir, "--name", "Team A"])
    #expect(joined.err.contains("other accounts in the folder's group can read"), "\(joined.err)")
    let list = try run(as: Self.facilitator, ["workshop", dir, "--list"], groups: false)
    #expect(list.out.contains("can be read by other accounts"), "\(list.out)\(list.err)")
  }

  @Test(
    .enabled(if: isRoot && hasSetpriv, "skipped: needs root and setpriv to act as two accounts"))
  func onlyTheFoldersOwnerMaySetItUp() throws {
    let dir = try sharedFolder("not-yours")
    let refused = try run(as: Self.teamA, ["workshop", dir, "--init"])
    #expect(refused.status == 1)
    #expect(refused.err.contains("only the folder's owner"), "\(refused.err)")
  }

  // Finding 8: raw escape sequences reach the facilitator's terminal.
  @Test func aHostileTeamNameIsShownNotObeyed() throws {
    let dir = cli.path("evil-room")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let evil = "Evil\u{1B}[31mRED\u{1B}]0;PWNED\u{7}\u{1B}[2J"
    _ = try cli.run(["join", dir, "--name", evil])
    let tty = try cli.runScript("'\(CLITests.binary.path)' workshop '\(dir)' --list")
    #expect(tty.out.contains("Evil^[[31mRED^[]0;PWNED^G^[[2J"), "\(tty.out)")
    #expect(!tty.out.unicodeScalars.contains("\u{1B}"), "raw ESC reached the terminal")
    #expect(!tty.out.unicodeScalars.contains("\u{7}"), "raw BEL reached the terminal")
    let file = try #require(
      try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasSuffix(".json") })
    let status = try cli.runScript("'\(CLITests.binary.path)' status '\(dir)/\(file)'")
    #expect(!status.out.unicodeScalars.contains("\u{1B}"), "raw ESC from status")
  }

  // Finding 3: no write limit.
  @Test func anAnnouncementOverTheLimitIsRefused() throws {
    let dir = cli.path("flood")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let refused = try cli.run(["workshop", dir, "--announce", String(repeating: "x", count: 2_001)])
    #expect(refused.status == 2)
    #expect(refused.err.contains("at most 2000 characters"), "\(refused.err)")
    let accepted = try cli.run([
      "workshop", dir, "--announce", String(repeating: "x", count: 2_000),
    ])
    #expect(accepted.status == 0, "\(accepted.err)")
  }
}
