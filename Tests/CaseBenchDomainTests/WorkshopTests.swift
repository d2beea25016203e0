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

/// A workshop folder of 50 sessions in the states `WorkshopSample` describes, plus one file of
/// every bad kind and the store's own side files, which must not show at all.
enum WorkshopFixture {
  static let now = Date(timeIntervalSince1970: 1_795_000_000)
  static let teams = 50

  static func bikeShop() throws -> CaseStudy {
    try #require(CaseStudyCatalog.builtIn().first)
  }

  /// The file names of the bad files and what each should be marked as.
  static let badFiles: [(name: String, skip: WorkshopSkip)] = [
    ("team-9-bike-shop (Helen's conflicted copy 2026-11-30).json", .conflictedCopy),
    ("team-8-bike-shop.sync-conflict-20261130-101010-ABC.json", .conflictedCopy),
    ("half-bike-shop.json", .halfWritten),
    ("ghost.json", .link),
    ("other-study.json", .otherCaseStudy("other-study")),
    ("package.json", .notASession),
    ("notes.txt", .notASession),
    ("garbage.json", .notASession),
  ]

  static func make(in dir: URL) throws -> CaseStudy {
    let study = try bikeShop()
    for n in 0..<teams {
      let s = WorkshopSample.session(n, caseStudy: study, now: now)
      let url = WorkshopJoin.url(team: s.participant, caseStudyID: study.id, in: dir)
      try SessionStore.save(s, to: url)
    }
    let sample = try SessionStore.encode(WorkshopSample.session(3, caseStudy: study, now: now))
    try sample.write(to: dir.appendingPathComponent(badFiles[0].name))
    try sample.write(to: dir.appendingPathComponent(badFiles[1].name))
    try sample.prefix(sample.count / 2).write(to: dir.appendingPathComponent(badFiles[2].name))
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent(badFiles[3].name).path, withDestinationPath: "missing")
    var other = WorkshopSample.session(4, caseStudy: study, now: now)
    other.caseStudyID = "other-study"
    other.participant = "Team Other"
    try SessionStore.save(other, to: dir.appendingPathComponent(badFiles[4].name))
    try Data("{\"name\": \"x\"}\n".utf8).write(to: dir.appendingPathComponent(badFiles[5].name))
    try Data("bring biscuits\n".utf8).write(to: dir.appendingPathComponent(badFiles[6].name))
    try Data("<<<<<<<\n".utf8).write(to: dir.appendingPathComponent(badFiles[7].name))
    // Side files that are not rows: a lock, a temporary copy, and the facilitator's own file.
    try Data("123\n".utf8).write(to: dir.appendingPathComponent("team-1-bike-shop.json.lock"))
    try Data("{".utf8).write(to: dir.appendingPathComponent("team-1-bike-shop.json.tmp-9-1"))
    try WorkshopStateFile.update(in: dir) { $0.announce("hello", at: now) }
    return study
  }
}

/// Every file's name, size and modification time, to show that reading changed nothing.
private func snapshot(_ dir: URL) throws -> [String: String] {
  var out: [String: String] = [:]
  for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
    let a = try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)
    out[name] = "\(a?[.size] ?? "-") \(a?[.modificationDate] ?? "-")"
  }
  return out
}

@Suite("Workshop folder")
struct WorkshopFolderTests {
  @Test func fiftyTeamsAndEveryBadFileGetARow() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.make(in: dir)
      let folder = WorkshopFolder.read(dir, caseStudy: study)
      #expect(folder.folderError == nil)
      #expect(folder.teams.count == WorkshopFixture.teams)
      #expect(folder.rows.count == WorkshopFixture.teams + WorkshopFixture.badFiles.count)
      for bad in WorkshopFixture.badFiles {
        let row = try #require(folder.rows.first { $0.fileName == bad.name })
        #expect(row.team == nil)
        #expect(row.skip == bad.skip, "\(bad.name)")
        let reason = try #require(row.reason)
        #expect(reason.contains(bad.name))
        #expect(reason.contains("error:"))
      }
      #expect(
        !folder.rows.contains { $0.fileName.hasSuffix(".lock") || $0.fileName.hasPrefix(".") })
      #expect(!folder.rows.contains { $0.fileName.contains(".tmp-") })
    }
  }

  @Test func eachTeamsRowMatchesWhatItDid() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.make(in: dir)
      let folder = WorkshopFolder.read(dir, caseStudy: study)
      let decisions = study.phases.flatMap(\.decisions)
      for n in 0..<WorkshopFixture.teams {
        let name = WorkshopSample.teamName(n)
        let team = try #require(folder.teams.first { $0.team == name })
        #expect(team.progress.settled == WorkshopSample.settledCount(n, in: study), "\(name)")
        let taken = WorkshopSample.decisionCount(n, in: study)
        #expect(team.decisionsTaken == taken)
        var recommended = 0
        for (d, decision) in decisions.prefix(taken).enumerated() {
          let i = WorkshopSample.optionIndex(team: n, decision: d, options: decision.options.count)
          if decision.options[i].verdict == .recommended { recommended += 1 }
        }
        #expect(team.decisionsRecommended == recommended, "\(name)")
        #expect(team.lastActivity == WorkshopFixture.now.addingTimeInterval(-Double(n) * 60))
        // "Now" is the phase of the team's last change: the sample decides last, after
        // settling items in order (its cursor, on the first phase with items left, is not it).
        let settled = WorkshopSample.settledCount(n, in: study)
        let lastChanged =
          taken > 0
          ? decisions[taken - 1].id : settled > 0 ? study.allItems[settled - 1].id : nil
        let expected =
          lastChanged.flatMap { id in
            study.phases.firstIndex { p in
              p.items.contains { $0.id == id } || p.decisions.contains { $0.id == id }
            }
          } ?? 0
        #expect(team.currentPhaseIndex == expected, "\(name)")
        #expect(team.phaseEntered[study.phases[0].id] != nil)
      }
    }
  }

  @Test func theHistogramsCountEveryTeamOnce() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.make(in: dir)
      let folder = WorkshopFolder.read(dir, caseStudy: study)
      let summary = ClassSummary(caseStudy: study, teams: folder.teams)
      let decisions = study.phases.flatMap(\.decisions)
      #expect(summary.splits.count == decisions.count)
      for (d, split) in summary.splits.enumerated() {
        var expected = [Int](repeating: 0, count: split.decision.options.count)
        var undecided = 0
        for n in 0..<WorkshopFixture.teams {
          if d < WorkshopSample.decisionCount(n, in: study) {
            expected[
              WorkshopSample.optionIndex(
                team: n, decision: d, options: split.decision.options.count)] += 1
          } else {
            undecided += 1
          }
        }
        #expect(split.bars.map(\.count) == expected, "\(split.decision.id)")
        #expect(split.undecided == undecided)
        #expect(split.decided + split.undecided == WorkshopFixture.teams)
        #expect(split.unknown == 0)
      }
      // The gate counts agree with the teams' own progress.
      for (i, phase) in summary.phases.enumerated() {
        let met = folder.teams.filter { $0.progress.phases[i].gateMet }.count
        #expect(phase.gateMet.count == met)
      }
      #expect(summary.notes.count <= ClassSummary.notesPerPhase * study.phases.count)
      #expect(!summary.notes.isEmpty)
    }
  }

  @Test func readingWritesNothing() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.make(in: dir)
      let before = try snapshot(dir)
      var folder = WorkshopFolder.read(dir, caseStudy: study)
      folder.refresh()
      _ = WorkshopReport.render(folder, format: .html, now: WorkshopFixture.now)
      _ = WorkshopReport.render(folder, format: .markdown, now: WorkshopFixture.now)
      #expect(try snapshot(dir) == before)
    }
  }

  @Test func refreshReadsOnlyWhatChanged() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.make(in: dir)
      var folder = WorkshopFolder.read(dir, caseStudy: study)
      #expect(folder.lastReadCount == folder.rows.count)
      let unchanged = !folder.refresh()
      #expect(unchanged)
      #expect(folder.lastReadCount == 0)

      let url = WorkshopJoin.url(team: "Team 1", caseStudyID: study.id, in: dir)
      var s = try SessionStore.load(from: url)
      let item = try #require(study.allItems.last)
      s.setStatus(.done, of: item.id, at: WorkshopFixture.now)
      try SessionStore.save(s, to: url)
      let changed = folder.refresh()
      #expect(changed)
      #expect(folder.lastReadCount == 1)
      let team = try #require(folder.teams.first { $0.team == "Team 1" })
      #expect(team.progress.settled == 1)

      // A half-written file is read again once it is complete.
      let half = dir.appendingPathComponent("half-bike-shop.json")
      try SessionStore.encode(WorkshopSample.session(7, caseStudy: study, now: WorkshopFixture.now))
        .write(to: half)
      folder.refresh()
      #expect(folder.lastReadCount == 1)
      #expect(folder.rows.first { $0.fileName == "half-bike-shop.json" }?.team?.team == "Team 8")

      try FileManager.default.removeItem(at: url)
      let removed = folder.refresh()
      #expect(removed)
      #expect(!folder.teams.contains { $0.team == "Team 1" })
    }
  }

  @Test func aMissingFolderIsAMessageNotACrash() {
    let folder = WorkshopFolder.read(
      URL(fileURLWithPath: "/nonexistent/workshop-\(UUID().uuidString)"),
      caseStudy: StoreFixtures.caseStudy)
    #expect(folder.rows.isEmpty)
    #expect(folder.folderError?.contains("error: cannot list the workshop folder") == true)
  }
}

@Suite("Workshop report")
struct WorkshopReportTests {
  @Test func markdownHasEverySection() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.make(in: dir)
      let folder = WorkshopFolder.read(dir, caseStudy: study)
      let md = WorkshopReport.render(folder, format: .markdown, now: WorkshopFixture.now)
      for heading in [
        "## Class progress per phase", "## Decisions", "## Common risks", "## Notable notes",
        "## Gates met", "## Skipped files",
      ] {
        #expect(md.contains(heading), "\(heading)")
      }
      #expect(md.contains("50 teams in "))
      #expect(!md.contains("(s)"))
      for phase in study.phases { #expect(md.contains(MarkdownReport.inline(phase.title))) }
      let summary = ClassSummary(caseStudy: study, teams: folder.teams)
      for split in summary.splits {
        let decision = split.decision
        #expect(md.contains("### \(decision.id): \(MarkdownReport.inline(decision.title))"))
        for bar in split.bars where bar.count > 0 {
          let quoted = MarkdownReport.quote(bar.option.consequence).map { "  " + $0 }
          #expect(md.contains(quoted.joined(separator: "\n")), "\(decision.id) \(bar.option.id)")
        }
      }
      for bad in WorkshopFixture.badFiles {
        #expect(md.contains(MarkdownReport.inline(bad.name)), "\(bad.name)")
      }
      #expect(md.contains("**Team "))
    }
  }

  @Test func htmlDrawsBarsAndEscapesTeamText() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.make(in: dir)
      var s = WorkshopSample.session(60, caseStudy: study, now: WorkshopFixture.now)
      s.participant = "<script>alert(1)</script> & Co"
      let item = try #require(study.allItems.first)
      s.setNote(String(repeating: "<b>long</b> ", count: 40), of: item.id, at: WorkshopFixture.now)
      try SessionStore.save(s, to: dir.appendingPathComponent("evil-bike-shop.json"))
      let folder = WorkshopFolder.read(dir, caseStudy: study)
      let html = WorkshopReport.render(folder, format: .html, now: WorkshopFixture.now)
      #expect(html.hasPrefix("<!DOCTYPE html>"))
      #expect(!html.contains("<script>"))
      #expect(!html.contains("<b>long"))
      #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
      let splits = study.phases.flatMap(\.decisions).count
      #expect(html.components(separatedBy: "<ol class=\"split\">").count - 1 == splits)
      #expect(!html.contains("<script"))
      #expect(!html.contains("src="))
      #expect(html.contains("<span class=\"fill\" style=\"width:"))
    }
  }
}

@Suite("Workshop state file")
struct WorkshopStateTests {
  @Test func announcementsAndReleasesRoundTrip() throws {
    try withStoreTemporaryDirectory { dir in
      #expect(try WorkshopStateFile.read(in: dir) == WorkshopState())
      try WorkshopStateFile.update(in: dir) {
        $0.pacing = true
        $0.release("sprint-0", at: WorkshopFixture.now)
        $0.announce("Helen has just called", at: WorkshopFixture.now)
      }
      let state = try WorkshopStateFile.update(in: dir) {
        $0.announce("Second", at: WorkshopFixture.now.addingTimeInterval(60))
        $0.release("sprint-0", at: WorkshopFixture.now.addingTimeInterval(60))
      }
      let read = try WorkshopStateFile.read(in: dir)
      #expect(read == state)
      #expect(read.announcements.map(\.id) == [1, 2])
      #expect(read.released == [PhaseRelease(phase: "sprint-0", at: WorkshopFixture.now)])
      let text = try String(contentsOf: WorkshopStateFile.url(in: dir), encoding: .utf8)
      #expect(text.contains("\"format_version\" : 1"))
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        .filter { $0.contains(".tmp-") }
      #expect(leftovers.isEmpty)
    }
  }

  @Test func pacingOpensReleasedPhasesAndThoseBefore() throws {
    let study = try WorkshopFixture.bikeShop()
    var state = WorkshopState()
    #expect(study.phases.indices.allSatisfy { state.isOpen(phaseIndex: $0, in: study) })
    state.pacing = true
    #expect(!state.isOpen(phaseIndex: 0, in: study))
    state.release(study.phases[2].id, at: WorkshopFixture.now)
    #expect(state.isOpen(phaseIndex: 0, in: study))
    #expect(state.isOpen(phaseIndex: 2, in: study))
    #expect(!state.isOpen(phaseIndex: 3, in: study))
    let entered = WorkshopFixture.now.addingTimeInterval(-600)
    #expect(
      state.timeboxStart(phaseID: study.phases[2].id, entered: entered) == WorkshopFixture.now)
    state.pacing = false
    #expect(state.timeboxStart(phaseID: study.phases[2].id, entered: entered) == entered)
  }

  @Test func twoWritersAtOnceLoseNothing() throws {
    try withStoreTemporaryDirectory { dir in
      DispatchQueue.concurrentPerform(iterations: 2) { worker in
        for i in 0..<15 {
          _ = try? WorkshopStateFile.update(in: dir) {
            $0.announce("worker \(worker) line \(i)", at: WorkshopFixture.now)
          }
        }
      }
      let state = try WorkshopStateFile.read(in: dir)
      #expect(state.announcements.count == 30)
      #expect(Set(state.announcements.map(\.id)).count == 30)
    }
  }

  @Test func aDamagedStateFileIsReportedInTheLineFormat() throws {
    try withStoreTemporaryDirectory { dir in
      try Data("{\"pacing\": ".utf8).write(to: WorkshopStateFile.url(in: dir))
      #expect(throws: WorkshopStateError.self) { try WorkshopStateFile.read(in: dir) }
      do throws(WorkshopStateError) {
        _ = try WorkshopStateFile.read(in: dir)
      } catch {
        #expect(error.description.contains(".casebench-workshop.json:1:12: error:"))
      }
    }
  }
}

@Suite("Workshop join")
struct WorkshopJoinTests {
  @Test func createsThenResumesTheTeamsFile() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.bikeShop()
      let first = try WorkshopJoin.join(folder: dir, team: "  Team 3 ", caseStudy: study)
      #expect(first.created)
      #expect(first.opened.url.lastPathComponent == "team-3-bike-shop.json")
      #expect(first.opened.session.participant == "Team 3")
      #expect(first.opened.lock?.isHeld == true)
      first.opened.lock?.release()
      var s = first.opened.session
      s.setNote("kept", of: try #require(study.allItems.first).id)
      try SessionStore.save(s, to: first.opened.url)
      let again = try WorkshopJoin.join(folder: dir, team: "Team 3", caseStudy: study)
      #expect(!again.created)
      #expect(again.opened.session == s)
      again.opened.lock?.release()
    }
  }

  @Test func aNewFileIsReadableByWhoeverMayReadTheFolder() throws {
    try withStoreTemporaryDirectory { dir in
      #expect(chmod(dir.path, 0o750) == 0)
      let study = try WorkshopFixture.bikeShop()
      let joined = try WorkshopJoin.join(folder: dir, team: "Team 4", caseStudy: study)
      defer { joined.opened.lock?.release() }
      var mode =
        (try FileManager.default.attributesOfItem(atPath: joined.opened.url.path)[
          .posixPermissions] as? NSNumber)?.intValue
      #expect(mode == 0o640)
      // A save keeps the bits.
      try SessionStore.save(joined.opened.session, to: joined.opened.url)
      var s = joined.opened.session
      s.setNote("x", of: try #require(study.allItems.first).id)
      try SessionStore.save(s, to: joined.opened.url)
      mode =
        (try FileManager.default.attributesOfItem(atPath: joined.opened.url.path)[
          .posixPermissions] as? NSNumber)?.intValue
      #expect(mode == 0o640)
    }
  }

  @Test func refusesANameTakenByAnotherCaseStudy() throws {
    try withStoreTemporaryDirectory { dir in
      let study = try WorkshopFixture.bikeShop()
      var other = Session(participant: "Team 5", caseStudy: study)
      other.caseStudyID = "other-study"
      try SessionStore.save(other, to: dir.appendingPathComponent("team-5-other-study.json"))
      do throws(SessionStoreError) {
        _ = try WorkshopJoin.join(folder: dir, team: "team 5", caseStudy: study)
        Issue.record("joined under a taken name")
      } catch {
        #expect(error.kind == .exists)
        #expect(error.message.contains("another case study (other-study)"))
      }
      // The team's own file name holding another case study is refused too.
      try SessionStore.save(other, to: dir.appendingPathComponent("team-6-bike-shop.json"))
      do throws(SessionStoreError) {
        _ = try WorkshopJoin.join(folder: dir, team: "Team 6", caseStudy: study)
        Issue.record("joined a file of another case study")
      } catch {
        #expect(error.kind == .exists)
      }
      #expect(
        !FileManager.default.fileExists(
          atPath: dir.appendingPathComponent("team-5-bike-shop.json").path))
    }
  }

  @Test func refusesAMissingOrReadOnlyFolder() throws {
    let study = try WorkshopFixture.bikeShop()
    do throws(SessionStoreError) {
      _ = try WorkshopJoin.join(
        folder: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"), team: "T",
        caseStudy: study)
      Issue.record("joined a missing folder")
    } catch {
      #expect(error.message == "no such workshop folder")
    }
    // /proc/1 is not writable even by root.
    let readOnly = URL(fileURLWithPath: "/proc/1")
    guard access(readOnly.path, W_OK) != 0 else { return }
    do throws(SessionStoreError) {
      _ = try WorkshopJoin.join(folder: readOnly, team: "T", caseStudy: study)
      Issue.record("joined a read-only folder")
    } catch {
      #expect(error.message == "you may not write to the workshop folder")
    }
  }
}
