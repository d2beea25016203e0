import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

private func catchError(_ body: () throws(SessionStoreError) -> Void) -> SessionStoreError? {
  do {
    try body()
    return nil
  } catch {
    return error
  }
}

private func contents(_ url: URL) throws -> String {
  try String(contentsOf: url, encoding: .utf8)
}

@Suite("Session files: create")
struct SessionFilesCreateTests {
  @Test func createsTheFileLockedAndKeepsTheLockForTheCaller() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("new/s.json")
      let lock = try SessionFiles.create(StoreFixtures.session(), at: url)
      #expect(lock.isHeld)
      #expect(try SessionStore.load(from: url).participant == "Team A")
      let second = catchError { () throws(SessionStoreError) in
        _ = try SessionLock.acquire(for: url)
      }
      #expect(second?.kind == .locked)
      lock.release()
      try SessionLock.acquire(for: url).release()
    }
  }

  @Test func refusesToOverwriteAnExistingFileAndReleasesTheLock() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      try SessionFiles.create(StoreFixtures.session(participant: "First"), at: url).release()
      let before = try contents(url)
      let error = catchError { () throws(SessionStoreError) in
        _ = try SessionFiles.create(StoreFixtures.session(participant: "Second"), at: url)
      }
      #expect(error?.kind == .exists)
      #expect(error?.description.hasPrefix("\(url.path): error: a file is already there") == true)
      #expect(try contents(url) == before)
      try SessionLock.acquire(for: url).release()
    }
  }

  @Test func replacingASessionKeepsTheOldOneAsBackup() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      try SessionFiles.create(StoreFixtures.session(participant: "First"), at: url).release()
      try SessionFiles.create(
        StoreFixtures.session(participant: "Second"), at: url, replacing: true
      ).release()
      #expect(try SessionStore.load(from: url).participant == "Second")
      #expect(try contents(SessionStore.backupURL(for: url)).contains("\"First\""))
    }
  }

  @Test func neverReplacesAFileThatIsNotASessionNorAFolder() throws {
    try withStoreTemporaryDirectory { dir in
      let notes = dir.appendingPathComponent("notes.json")
      try Data("my own notes".utf8).write(to: notes)
      let onNotes = catchError { () throws(SessionStoreError) in
        _ = try SessionFiles.create(StoreFixtures.session(), at: notes, replacing: true)
      }
      #expect(onNotes?.kind == .exists)
      #expect(onNotes?.message.contains("not a readable session") == true)
      #expect(try contents(notes) == "my own notes")

      let folder = dir.appendingPathComponent("folder.json")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
      let onFolder = catchError { () throws(SessionStoreError) in
        _ = try SessionFiles.create(StoreFixtures.session(), at: folder, replacing: true)
      }
      #expect(onFolder?.kind == .exists)
      #expect(onFolder?.message.contains("is a folder") == true)
      #expect(!FileManager.default.fileExists(atPath: folder.path + ".lock"))
    }
  }

  @Test func inAFolderUsesTheSuggestedNameThenNumbersIt() throws {
    try withStoreTemporaryDirectory { dir in
      let folder = dir.appendingPathComponent("sessions")
      let first = try SessionFiles.create(StoreFixtures.session(), inFolder: folder)
      // The first is still open (locked) while the second is created: it gets its own file.
      let second = try SessionFiles.create(StoreFixtures.session(), inFolder: folder)
      #expect(first.url.lastPathComponent == "team-a-bike-shop.json")
      #expect(second.url.lastPathComponent == "team-a-bike-shop-2.json")
      #expect(first.lock.isHeld && second.lock.isHeld)
      #expect(try SessionStore.load(from: second.url).participant == "Team A")
      first.lock.release()
      second.lock.release()
      let attributes = try FileManager.default.attributesOfItem(atPath: folder.path)
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }
  }

  @Test func aNameLockedByAnotherCreatorIsSkipped() throws {
    try withStoreTemporaryDirectory { dir in
      // Another process holds the lock on the suggested name but has not written yet.
      let taken = dir.appendingPathComponent("team-a-bike-shop.json")
      let other = try SessionLock.acquire(for: taken)
      defer { other.release() }
      let created = try SessionFiles.create(StoreFixtures.session(), inFolder: dir)
      defer { created.lock.release() }
      #expect(created.url.lastPathComponent == "team-a-bike-shop-2.json")
      #expect(!FileManager.default.fileExists(atPath: taken.path))
    }
  }
}

@Suite("Session files: open")
struct SessionFilesOpenTests {
  @Test func opensWithTheLockAndItsCaseStudy() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      try SessionFiles.create(StoreFixtures.session(), at: url).release()
      let opened = try SessionFiles.open(url, searchDirectories: [])
      #expect(opened.lock?.isHeld == true)
      #expect(opened.readOnlyReason == nil)
      #expect(opened.caseStudy.id == "bike-shop")
      #expect(opened.session.participant == "Team A")
      opened.lock?.release()
    }
  }

  @Test func aSecondOpenFallsBackToReadOnlyAndSaysWhy() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      try SessionFiles.create(StoreFixtures.session(), at: url).release()
      let first = try SessionFiles.open(url, searchDirectories: [])
      let second = try SessionFiles.open(url, searchDirectories: [])
      #expect(second.lock == nil)
      #expect(second.readOnlyReason?.contains("open in another casebench") == true)
      #expect(second.session == first.session)
      first.lock?.release()
    }
  }

  @Test func aMissingFileFailsWithoutLeavingALockFile() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("missing.json")
      let error = catchError { () throws(SessionStoreError) in
        _ = try SessionFiles.open(url, searchDirectories: [])
      }
      #expect(error?.kind == .unreadable)
      #expect(
        error?.description == "\(url.path): error: no such session file "
          + "(fix: check the path; `casebench list` shows saved sessions)")
      #expect(!FileManager.default.fileExists(atPath: url.path + ".lock"))
    }
  }

  @Test func anUnknownCaseStudyFailsAndReleasesTheLock() throws {
    try withStoreTemporaryDirectory { dir in
      var study = StoreFixtures.caseStudy
      study.id = "ice-cream"
      let url = dir.appendingPathComponent("s.json")
      let session = Session(participant: "A", caseStudy: study, mode: .caseStudy)
      try SessionFiles.create(session, at: url).release()
      let error = catchError { () throws(SessionStoreError) in
        _ = try SessionFiles.open(url, searchDirectories: [dir])
      }
      #expect(error?.kind == .caseStudyNotFound)
      #expect(error?.description.hasPrefix("\(url.path): error: ") == true)
      #expect(error?.description.contains(":0:0:") == false)
      try SessionLock.acquire(for: url).release()
    }
  }

  @Test func readLoadsWithoutTakingTheLock() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      let lock = try SessionFiles.create(StoreFixtures.session(), at: url)
      let (study, session) = try SessionFiles.read(url, searchDirectories: [])
      #expect(study.id == "bike-shop" && session.participant == "Team A")
      #expect(lock.isHeld)
      lock.release()
    }
  }
}

@Suite("One line per problem")
struct DiagnosticLineTests {
  @Test func everyErrorTypeSharesTheFormat() {
    #expect(
      DiagnosticLine.format(file: "a.yaml", line: 3, column: 7, message: "bad", fix: "do this")
        == "a.yaml:3:7: error: bad (fix: do this)")
    #expect(DiagnosticLine.format(file: "a.yaml", message: "gone") == "a.yaml: error: gone")
    let diagnostic = Diagnostic(file: "a.yaml", line: 0, column: 0, message: "m", fix: "f")
    let storeError = SessionStoreError(kind: .invalid, file: "a.yaml", message: "m", fix: "f")
    #expect(diagnostic.description == "a.yaml: error: m (fix: f)")
    #expect(storeError.description == diagnostic.description)
    #expect(
      Diagnostic(file: "a\u{1B}.yaml", line: 2, column: 0, severity: .warning, message: "x\ny")
        .description == "a\\u{1b}.yaml:2:1: warning: x\\ny")
  }

  @Test func lintOfAMissingFileIsOneErrorWithoutAPosition() {
    let url = URL(fileURLWithPath: "/nonexistent/casebench/none.yaml")
    let report = CaseStudyLoader.lint(contentsOf: url)
    #expect(!report.fileWasRead)
    #expect(report.errorCount == 1 && report.warningCount == 0)
    #expect(report.diagnostics.first?.description.hasPrefix("\(url.path): error: ") == true)
  }

  @Test func lintOfATextThatIsNotUTF8WasReadButIsAnError() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("latin1.yaml")
      try Data([0x69, 0x64, 0x3A, 0x20, 0xE9, 0x0A]).write(to: url)
      let report = CaseStudyLoader.lint(contentsOf: url)
      #expect(report.fileWasRead)
      #expect(report.errorCount == 1)
      #expect(report.diagnostics.first?.message.contains("not UTF-8") == true)
    }
  }
}

@Suite("A session's case-study source")
struct CaseStudySourceTests {
  @Test func theHashIsFNV1aOfTheBytes() {
    // FNV-1a 64 test vectors.
    #expect(CaseStudySource.hash(of: Data()) == "fnv1a64:cbf29ce484222325")
    #expect(CaseStudySource.hash(of: Data("a".utf8)) == "fnv1a64:af63dc4c8601ec8c")
    #expect(CaseStudySource.hash(of: Data("foobar".utf8)) == "fnv1a64:85944171f73967e8")
  }

  @Test func orphanedIDsAreTheRecordedItemsAndDecisionsTheStudyLacks() throws {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    var session = Session(participant: "A", caseStudy: study)
    session.setStatus(.done, of: "S0.1")
    session.setStatus(.done, of: "Z.9")
    session.setStatus(.todo, of: "Z.8")  // no work recorded: not orphaned
    session.decide("Z.D1", option: "a", rationale: "")
    #expect(CaseStudyCatalog.orphanedIDs(of: session, in: study) == ["Z.9", "Z.D1"])
  }
}
