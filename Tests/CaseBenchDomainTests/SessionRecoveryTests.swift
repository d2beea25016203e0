import Foundation
import Testing

@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

@Suite("Going back to the last good copy")
struct SessionRecoveryTests {
  private func goodSession() -> Session {
    var s = StoreFixtures.session(participant: "Good Copy")
    s.cycleStatus(of: "S0.1", at: StoreFixtures.at(1))
    return s
  }

  private func bytes(_ path: String) -> Data? {
    FileManager.default.contents(atPath: path)
  }

  /// FILE holding `damaged`, FILE.bak a good session. Returns FILE's URL.
  private func damagedFile(in dir: URL, _ damaged: Data) throws -> URL {
    let url = dir.appendingPathComponent("s.json")
    try SessionStore.encode(goodSession()).write(to: SessionStore.backupURL(for: url))
    try damaged.write(to: url)
    return url
  }

  @Test func anEmptyFileOffersAndRestoresTheBackupKeepingTheDamagedBytes() throws {
    try withStoreTemporaryDirectory { dir in
      let url = try damagedFile(in: dir, Data())
      #expect(SessionStore.lastGoodCopy(of: url)?.participant == "Good Copy")
      #expect(bytes(url.path) == Data(), "offering changes nothing")

      let kept = try SessionStore.restoreBackup(of: url)
      #expect(kept == url.resolvingSymlinksInPath().path + ".damaged")
      #expect(bytes(kept) == Data())
      #expect(bytes(url.path) == bytes(url.path + ".bak"))
      #expect(try SessionStore.load(from: url).status(of: "S0.1") == .doing)
    }
  }

  @Test func aCutShortFileIsKeptUnderAFreeName() throws {
    try withStoreTemporaryDirectory { dir in
      let cut = try SessionStore.encode(goodSession()).prefix(80)
      let url = try damagedFile(in: dir, Data(cut))
      try Data("older damage".utf8).write(to: URL(fileURLWithPath: url.path + ".damaged"))
      let kept = try SessionStore.restoreBackup(of: url)
      #expect(kept.hasSuffix("s.json.damaged-2"))
      #expect(bytes(kept) == Data(cut))
      #expect(bytes(url.path + ".damaged") == Data("older damage".utf8), "never replaced")
    }
  }

  @Test func aFileThatLoadsIsNeverRestored() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      try SessionStore.save(StoreFixtures.session(participant: "Current"), to: url)
      try SessionStore.encode(goodSession()).write(to: SessionStore.backupURL(for: url))
      let before = bytes(url.path)
      #expect(SessionStore.lastGoodCopy(of: url) == nil)
      #expect(throws: SessionStoreError.self) { try SessionStore.restoreBackup(of: url) }
      #expect(bytes(url.path) == before)
      #expect(!FileManager.default.fileExists(atPath: url.path + ".damaged"))
    }
  }

  @Test func noGoodBackupMeansNoOfferAndNoChange() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      try Data().write(to: url)
      #expect(SessionStore.lastGoodCopy(of: url) == nil)
      #expect(throws: SessionStoreError.self) { try SessionStore.restoreBackup(of: url) }

      try Data("{\"schema_".utf8).write(to: SessionStore.backupURL(for: url))
      #expect(SessionStore.lastGoodCopy(of: url) == nil)
      #expect(throws: SessionStoreError.self) { try SessionStore.restoreBackup(of: url) }
      #expect(bytes(url.path) == Data())
      #expect(!FileManager.default.fileExists(atPath: url.path + ".damaged"))
    }
  }

  @Test func aSessionFromANewerCasebenchIsNotDamage() throws {
    try withStoreTemporaryDirectory { dir in
      let newer = Data(
        "{\"schema_version\": 99, \"case_study_id\": \"bike-shop\"}".utf8)
      let url = try damagedFile(in: dir, newer)
      #expect(SessionStore.lastGoodCopy(of: url) == nil)
      #expect(throws: SessionStoreError.self) { try SessionStore.restoreBackup(of: url) }
      #expect(bytes(url.path) == newer)
    }
  }
}
