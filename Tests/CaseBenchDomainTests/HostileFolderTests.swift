import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 23: a workshop folder attacked by a hostile or careless participant. Each test names
/// the finding it checks; each fails without its fix.
@Suite("Hostile workshop folder")
struct HostileFolderTests {
  static let isRoot = getuid() == 0
  /// An account that is not the one running the tests (only root can give it files).
  static let stranger: uid_t = 40_123

  func team(_ n: Int, _ study: CaseStudy) -> Session {
    WorkshopSample.session(n, caseStudy: study, now: WorkshopFixture.now)
  }

  // Finding 2: a FIFO hangs everyone.
  @Test func aFIFOIsAMarkedRowAndNeverBlocks() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.bikeShop()
      try SessionStore.save(team(1, study), to: dir.appendingPathComponent("team-1-bike-shop.json"))
      #expect(mkfifo(dir.appendingPathComponent("evil.json").path, 0o666) == 0)
      #expect(mkfifo(WorkshopStateFile.url(in: dir).path, 0o666) == 0)
      let folder = WorkshopFolder.read(dir, caseStudy: study)
      #expect(folder.teams.count == 1)
      #expect(folder.rows.first { $0.fileName == "evil.json" }?.skip == .notAFile)
      #expect(throws: WorkshopStateError.self) { try WorkshopStateFile.read(in: dir) }
      #expect(throws: SessionStoreError.self) {
        try SessionStore.load(from: dir.appendingPathComponent("evil.json"))
      }
    }
  }

  // Finding 7 (a symlinked team file): refused by join, a marked row on the dashboard.
  @Test func aLinkedTeamFileIsRefused() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.bikeShop()
      let elsewhere = dir.appendingPathComponent("elsewhere", isDirectory: true)
      let room = dir.appendingPathComponent("room", isDirectory: true)
      try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(at: room, withIntermediateDirectories: true)
      let target = WorkshopJoin.url(team: "Team 4", caseStudyID: study.id, in: room)
      try FileManager.default.createSymbolicLink(
        atPath: target.path, withDestinationPath: elsewhere.appendingPathComponent("x.json").path)
      #expect(throws: SessionStoreError.self) {
        _ = try WorkshopJoin.join(folder: room, team: "Team 4", caseStudy: study)
      }
      #expect(
        !FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("x.json").path))
      // A link to a good session is still not followed.
      let good = elsewhere.appendingPathComponent("good.json")
      try SessionStore.save(team(2, study), to: good)
      try FileManager.default.removeItem(at: target)
      try FileManager.default.createSymbolicLink(
        atPath: target.path, withDestinationPath: good.path)
      let folder = WorkshopFolder.read(room, caseStudy: study)
      #expect(folder.rows.map(\.skip) == [.link])
    }
  }

  // Finding 1: an out-of-range number crashes the class.
  @Test func anOutOfRangeLikelihoodIsALocatedErrorAndOneMarkedRow() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.bikeShop()
      var s = team(5, study)
      try s.addRisk(
        RiskDraft(title: "Rain", phase: study.phases[0].id, likelihood: 3, impact: 4), in: study)
      let url = dir.appendingPathComponent("team-5-bike-shop.json")
      try SessionStore.save(s, to: url)
      let text = try String(contentsOf: url, encoding: .utf8)
      try text.replacingOccurrences(
        of: "\"likelihood\" : 3", with: "\"likelihood\" : 4611686018427387904"
      )
      .write(to: url, atomically: true, encoding: .utf8)
      do throws(SessionStoreError) {
        _ = try SessionStore.load(from: url)
        Issue.record("loaded a likelihood of 2^62")
      } catch {
        #expect(error.kind == .invalid)
        #expect(error.line > 0)
        #expect(error.message.contains("likelihood"))
      }
      try SessionStore.save(team(6, study), to: dir.appendingPathComponent("team-6-bike-shop.json"))
      let folder = WorkshopFolder.read(dir, caseStudy: study)
      #expect(folder.teams.count == 1)
      #expect(folder.skipped.count == 1)
      _ = WorkshopReport.render(folder, format: .markdown, now: WorkshopFixture.now)
    }
  }

  @Test func aHugeRiskIdDoesNotOverflowTheNextOne() throws {
    #expect(Toolkit.nextID("R", after: ["R9223372036854775807", "R2"]) == "R3")
  }

  @Test func anAnnouncementIdOfIntMaxIsALocatedError() throws {
    try withStoreTemporaryDirectory { dir in
      var state = WorkshopState()
      state.announce("one", at: WorkshopFixture.now)
      try WorkshopStateFile.write(state, in: dir)
      let url = WorkshopStateFile.url(in: dir)
      let text = try String(contentsOf: url, encoding: .utf8)
      try text.replacingOccurrences(of: "\"id\" : 1", with: "\"id\" : \(Int.max)")
        .write(to: url, atomically: false, encoding: .utf8)
      do throws(WorkshopStateError) {
        _ = try WorkshopStateFile.read(in: dir)
        Issue.record("read an announcement id of Int.max")
      } catch {
        #expect(error.line > 0)
        #expect(error.message.contains("id"))
      }
    }
  }

  // Findings 3 and 4: no write limit, growth without bound.
  @Test func announcementsAreBoundedAndAlwaysReadBack() throws {
    try withStoreTemporaryDirectory { dir in
      let long = String(repeating: "\u{1b}", count: WorkshopState.maximumAnnouncementBytes)
      #expect(WorkshopState.problem(withAnnouncement: long + "x") != nil)
      var refused = WorkshopState()
      #expect(refused.announce(long + "x", at: WorkshopFixture.now) == nil)
      for i in 0..<(WorkshopState.maximumAnnouncements + 40) {
        try WorkshopStateFile.update(in: dir) {
          $0.announce(
            String(long.prefix(WorkshopState.maximumAnnouncementLength - 4)) + "\(i)",
            at: WorkshopFixture.now)
        }
      }
      let state = try WorkshopStateFile.read(in: dir)
      #expect(state.announcements.count == WorkshopState.maximumAnnouncements)
      #expect(state.announcements.last?.id == WorkshopState.maximumAnnouncements + 40)
      let size = try #require(POSIX.stamp(WorkshopStateFile.url(in: dir).path)).size
      #expect(size <= Int64(WorkshopState.maximumFileSize))
    }
  }

  @Test func aSessionRecordsWhichAnnouncementsItSawNotTheirText() throws {
    let study = try WorkshopFixture.bikeShop()
    var s = team(1, study)
    let text = String(repeating: "long ", count: 400)
    let recorded = s.recordAnnouncement(
      Announcement(id: 7, at: WorkshopFixture.now, text: text), at: WorkshopFixture.now)
    #expect(recorded)
    #expect(s.hasRecorded(announcement: 7))
    #expect(!s.events.contains { $0.detail.contains("long long") })
  }

  // Finding 7: predictable temporary names.
  @Test func temporaryNamesCannotBeGuessed() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.bikeShop()
      let url = dir.appendingPathComponent("team-1-bike-shop.json")
      let a = POSIX.temporaryName(for: url.path)
      #expect(a != POSIX.temporaryName(for: url.path))
      #expect(!a.contains("-\(getpid())-"))
      // Every name the old scheme used is taken: saves still work.
      for n in 0..<50 {
        try Data("x".utf8).write(to: URL(fileURLWithPath: url.path + ".tmp-\(getpid())-\(n)"))
      }
      try SessionStore.save(team(1, study), to: url)
      try SessionStore.save(team(2, study), to: url)
      #expect(try SessionStore.load(from: url).participant == team(2, study).participant)
    }
  }

  @Test func staleTemporaryFilesAreSwept() throws {
    try withStoreTemporaryDirectory { dir in
      let old = dir.appendingPathComponent("t.json.tmp-0123456789abcdef")
      let fresh = dir.appendingPathComponent("t.json.tmp-fedcba9876543210")
      try Data("x".utf8).write(to: old)
      try Data("x".utf8).write(to: fresh)
      var times = [
        timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0),
      ]
      #expect(utimensat(AT_FDCWD, old.path, &times, 0) == 0)
      #expect(WorkshopFolder.sweepTemporaryFiles(in: dir) == 1)
      #expect(!FileManager.default.fileExists(atPath: old.path))
      #expect(FileManager.default.fileExists(atPath: fresh.path))
    }
  }

  // Finding 9: restoring a backup drops the group bit.
  @Test func restoringABackupKeepsTheFilesMode() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.bikeShop()
      let url = dir.appendingPathComponent("team-1-bike-shop.json")
      try SessionStore.save(team(1, study), to: url)
      #expect(chmod(url.path, 0o640) == 0)
      try SessionStore.save(team(2, study), to: url)
      try Data().write(to: url)
      #expect(chmod(url.path, 0o640) == 0)
      _ = try SessionStore.restoreBackup(of: url)
      #expect(POSIX.permissions(url.path) == 0o640)
    }
  }

  // Finding 7: side files and the facilitator's file planted by another account.
  @Test(.enabled(if: isRoot, "skipped: needs root, to give files to another account"))
  func anotherAccountsBackupIsNeverRestored() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.bikeShop()
      let url = dir.appendingPathComponent("team-1-bike-shop.json")
      try SessionStore.save(team(1, study), to: url)
      let backup = SessionStore.backupURL(for: url)
      try SessionStore.encode(team(9, study)).write(to: backup)
      #expect(chown(backup.path, Self.stranger, Self.stranger) == 0)
      try Data().write(to: url)
      #expect(SessionStore.lastGoodCopy(of: url) == nil)
      #expect(throws: SessionStoreError.self) { _ = try SessionStore.restoreBackup(of: url) }
    }
  }

  @Test(.enabled(if: isRoot, "skipped: needs root, to give files to another account"))
  func anotherAccountsLockDoesNotStopATeam() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("team-1-bike-shop.json")
      let planted = SessionLock.lockURL(for: url).path
      try Data("1\n".utf8).write(to: URL(fileURLWithPath: planted))
      #expect(chmod(planted, 0o600) == 0)
      #expect(chown(planted, Self.stranger, Self.stranger) == 0)
      let lock = try SessionLock.acquire(for: url)
      #expect(lock.isHeld)
      // A second casebench of this account finds the same lock.
      #expect(throws: SessionStoreError.self) { _ = try SessionLock.acquire(for: url) }
      lock.release()
    }
  }

  @Test(.enabled(if: isRoot, "skipped: needs root, to give files to another account"))
  func theFacilitatorsFileCountsOnlyFromTheFoldersOwner() throws {
    try withStoreTemporaryDirectory { dir in
      var forged = WorkshopState()
      forged.announce("From a participant", at: WorkshopFixture.now)
      try WorkshopStateFile.write(forged, in: dir)
      #expect(chown(WorkshopStateFile.url(in: dir).path, Self.stranger, Self.stranger) == 0)
      #expect(throws: WorkshopStateError.self) { try WorkshopStateFile.read(in: dir) }
      // The folder's owner announcing replaces it, keeping nothing of it.
      let state = try WorkshopStateFile.update(in: dir) {
        $0.announce("Real", at: WorkshopFixture.now)
      }
      #expect(state.announcements.map(\.text) == ["Real"])
      #expect(try WorkshopStateFile.read(in: dir).announcements.map(\.text) == ["Real"])
    }
  }

  // Finding 6: different names, one file.
  @Test func distinctNamesGetDistinctFiles() throws {
    let names = [
      "团队一", "团队二", "チーム", "🚲🚲", "..", "Café", "Cafe",
      String(repeating: "a", count: 45) + "1", String(repeating: "a", count: 45) + "2",
    ]
    let files = names.map { WorkshopJoin.fileName(team: $0, caseStudyID: "bike-shop") }
    #expect(Set(files).count == names.count, "\(files)")
    #expect(
      WorkshopJoin.fileName(team: "Team 3", caseStudyID: "bike-shop") == "team-3-bike-shop.json")
    #expect(
      WorkshopJoin.fileName(team: "团队一", caseStudyID: "bike-shop") == "t-f3cad403-bike-shop.json")
    #expect(
      WorkshopJoin.fileName(team: "team  3", caseStudyID: "bike-shop")
        == WorkshopJoin.fileName(team: "TEAM 3", caseStudyID: "bike-shop"))
  }

  @Test func joinResumesOnlyTheSameTeam() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.bikeShop()
      let first = try WorkshopJoin.join(folder: dir, team: "Team Blue", caseStudy: study)
      first.opened.lock?.release()
      let again = try WorkshopJoin.join(folder: dir, team: "team   BLUE", caseStudy: study)
      #expect(!again.created)
      #expect(again.opened.session.participant == "Team Blue")
      again.opened.lock?.release()
    }
  }

  // Finding 10: two joins of a new team at once.
  @Test func simultaneousJoinsOfANewTeamBothSucceed() throws {
    let study = try WorkshopFixture.bikeShop()
    for round in 0..<20 {
      try withStoreTemporaryDirectory { dir in
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
          do {
            let joined = try WorkshopJoin.join(folder: dir, team: "Team \(round)", caseStudy: study)
            joined.opened.lock?.release()
          } catch {
            failures.add("\(error)")
          }
        }
        #expect(failures.all.isEmpty, "round \(round): \(failures.all)")
      }
    }
  }

  // Finding 4: an idle dashboard lists a still folder again and again.
  @Test func aStillFolderIsNotListedAgain() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.bikeShop()
      let teamURL = dir.appendingPathComponent("team-1-bike-shop.json")
      try SessionStore.save(team(1, study), to: teamURL)
      let junk = dir.appendingPathComponent("junk.json")
      try Data("<<<".utf8).write(to: junk)
      var folder = WorkshopFolder(url: dir, caseStudy: study)
      let later = Date().addingTimeInterval(5)
      folder.refresh(now: later)
      #expect(folder.rows.count == 2)
      // Changed in place (the folder is unchanged): the junk row is not read again, the team is.
      let handle = try FileHandle(forWritingTo: junk)
      try handle.seekToEnd()
      try handle.write(contentsOf: Data("more".utf8))
      try handle.close()
      var s = team(1, study)
      s.participant = "Renamed"
      let bytes = try SessionStore.encode(s)
      let out = try FileHandle(forWritingTo: teamURL)
      try out.truncate(atOffset: 0)
      try out.write(contentsOf: bytes)
      try out.close()
      folder.refresh(now: later.addingTimeInterval(1))
      #expect(folder.lastReadCount == 1)
      #expect(folder.teams.first?.team == "Renamed")
    }
  }

  // Finding 8: lint accepts ESC in a title.
  @Test func lintFlagsControlAndBidiCharacters() throws {
    let yaml = try String(
      contentsOf: BikeShopTests.repoRoot.appendingPathComponent("CaseStudies/bike-shop.yaml"),
      encoding: .utf8)
    let first = try #require(yaml.range(of: "title: "))
    var evil = yaml
    evil.insert(contentsOf: "\"Evil\\e[31m\\u202E\" # ", at: first.upperBound)
    let diagnostics = CaseStudyLoader.lint(evil, file: "evil.yaml")
    #expect(diagnostics.contains { $0.message.contains("U+001B") })
    #expect(
      !CaseStudyLoader.lint(yaml, file: "bike.yaml").contains {
        $0.message.contains("a terminal may obey")
      })
  }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [String] = []
  func add(_ s: String) {
    lock.lock()
    list.append(s)
    lock.unlock()
  }
  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return list
  }
}
