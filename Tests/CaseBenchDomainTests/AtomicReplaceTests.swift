import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchStore

/// `POSIX.replace`, the one atomic write the session's recovery, the facilitator's file and the
/// reports share.
@Suite("Atomic replace")
struct AtomicReplaceTests {
  @Test func replacesTheBytesAndLeavesNothingBeside() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-replace-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("report.md").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: path))
    #expect(POSIX.replace(path, with: Data("new".utf8), mode: 0o640) == nil)
    #expect(FileManager.default.contents(atPath: path) == Data("new".utf8))
    #expect(POSIX.permissions(path) == 0o640)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.md"])
  }

  @Test func aMissingFolderFailsWhileWriting() {
    let path = "/nonexistent-casebench-folder/report.md"
    let failure = POSIX.replace(path, with: Data("new".utf8), mode: 0o644)
    #expect(failure?.step == .writing)
    #expect(failure?.code == ENOENT)
  }

  @Test func aFolderInTheWayFailsWhileRenaming() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-replace-\(UUID().uuidString)", isDirectory: true)
    let target = dir.appendingPathComponent("taken")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    try Data().write(to: target.appendingPathComponent("inside"))
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(POSIX.replace(target.path, with: Data("new".utf8), mode: 0o644)?.step == .renaming)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["taken"])
  }
}
