import CaseBenchModel
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// The plain mode in a workshop folder: the facilitator's file paces the phases and holds the
/// reveals, read afresh at every menu, as the workbench reads it.
@Suite("Plain mode in a workshop")
struct PlainWorkshopTests {
  /// Runs the plain mode on the Fixture session with the folder's facilitator's file `state`.
  static func run(_ script: String, state: WorkshopState) throws -> String {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-plain-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try WorkshopStateFile.update(in: dir) { $0 = state }
    let url = dir.appendingPathComponent("team-rocket.json")
    let storage = FakeStorage(clock: FakeClock())
    storage.files[url] = Fixture.session()
    let lines = PlainScript(script)
    var mode = PlainMode(
      storage: storage, file: try storage.open(url), io: lines.io, facilitator: false,
      workshop: dir, now: { Fixture.now })
    _ = mode.run()
    return lines.output
  }

  @Test func aClosedPhaseShowsOnlyItsOutline() throws {
    let output = try Self.run("1\n", state: WorkshopState(pacing: true))
    #expect(output.contains("1. Frame the problem: 0 of 4 done, 0 of 0 decisions, not open yet"))
    #expect(output.contains("This phase is not open yet"))
    #expect(!output.contains("Marta wants fewer bikes left over"))
    #expect(!output.contains("d. decisions"))
  }

  @Test func aVoteWaitsForTheRevealThenShowsTheConsequence() throws {
    let released = [PhaseRelease(phase: "frame", at: Fixture.now)]
    let vote = "1\nd\n1\nb\nHistory matters.\n.\ny\n"
    let waiting = try Self.run(vote, state: WorkshopState(pacing: true, released: released))
    #expect(waiting.contains("Marta wants fewer bikes left over"))
    #expect(waiting.contains(WorkshopState.waitingForReveal))
    #expect(!waiting.contains("The pilot ships in six weeks"))

    let revealed = try Self.run(
      vote,
      state: WorkshopState(
        pacing: true, released: released,
        reveals: [DecisionReveal(decision: "frame-d1", at: Fixture.now)]))
    #expect(revealed.contains("The pilot ships in six weeks"))
    #expect(!revealed.contains(WorkshopState.waitingForReveal))
  }
}
