import CaseBenchModel
import CaseBenchReports
import Foundation
import Testing

@testable import CaseBenchTUI

/// The plain mode (`--plain`) driven by a script of lines, against the workbench driven by
/// keys doing the same things: the sessions they leave must be the same.
@Suite("Plain mode")
struct PlainModeTests {
  static let file = URL(fileURLWithPath: "/sessions/team-rocket.json")

  /// Runs the plain mode on a fresh Fixture session with `script` as its input; returns the
  /// storage (its files and saves), the text written and the exit status.
  static func run(_ script: String, readOnly: Bool = false) -> (FakeStorage, String, Int32) {
    let storage = FakeStorage(clock: FakeClock())
    storage.files[file] = Fixture.session()
    if readOnly { storage.readOnly.insert(file) }
    let lines = PlainScript(script)
    do {
      let opened = try storage.open(file)
      var mode = PlainMode(
        storage: storage, file: opened, io: lines.io, facilitator: false, workshop: nil,
        now: { Fixture.now })
      let status = mode.run()
      return (storage, lines.output, status)
    } catch {
      Issue.record("the fixture's session did not open: \(error)")
      return (storage, lines.output, -1)
    }
  }

  /// Status doing, a two-line note and decision b with a rationale, in the plain mode's lines.
  static let script = """
    1
    1
    s
    2
    n
    Café
    second line ✓
    .
    b
    d
    1
    b
    History matters.
    .
    y
    """

  @Test func aNoteAndADecisionLeaveTheSessionTheWorkbenchLeaves() {
    var state = Fixture.workbench()
    send(&state, .char(" "), .char("n"))
    type(&state, "Café")
    send(&state, .enter)
    type(&state, "second line ✓")
    send(&state, .escape, .char("d"), .enter, .down, .enter)
    type(&state, "History matters.")
    send(&state, .ctrl("s"))
    guard let workbench = state.session else {
      Issue.record("the workbench has no session")
      return
    }
    #expect(workbench.decisions["frame-d1"]?.option == "b")

    let (storage, output, status) = Self.run(Self.script)
    #expect(status == 0)
    guard let plain = storage.files[Self.file] else {
      Issue.record("the plain mode saved nothing")
      return
    }
    #expect(plain.items == workbench.items)
    #expect(plain.decisions == workbench.decisions)
    #expect(plain.events == workbench.events)
    #expect(plain.note(of: "frame-1") == "Café\nsecond line ✓")
    #expect(storage.saves.count >= 3, "a save after each change: status, note, decision")
    #expect(output.contains("b) Start with the two shops that have three years of history"))
    #expect(output.contains("The pilot ships in six weeks"))
    #expect(output.contains("Saved. Goodbye."))
  }

  @Test func itWritesNoEscapesAndNoBoxes() {
    let (_, output, _) = Self.run(Self.script)
    #expect(!output.contains("\u{1B}"))
    #expect(!output.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) })
  }

  @Test func theEndOfInputInANoteKeepsWhatWasTyped() {
    let (storage, _, status) = Self.run("1\n2\nn\nhalf a thought\n")
    #expect(status == 0)
    #expect(storage.files[Self.file]?.note(of: "frame-2") == "half a thought")
  }

  @Test func aRationaleIsRequiredAndNoConfirmRecordsNothing() {
    let (storage, output, _) = Self.run("1\nd\n1\nc\n.\nBecause.\n.\nn\n")
    #expect(output.contains("Write a sentence on why before confirming."))
    #expect(output.contains("Not recorded."))
    #expect(storage.files[Self.file]?.decisions.isEmpty == true)
  }

  @Test func aReadOnlySessionChangesNothing() {
    let (storage, output, _) = Self.run("1\n1\ns\n3\nn\n", readOnly: true)
    #expect(output.contains("Read-only: another casebench has it open"))
    #expect(storage.saves.isEmpty)
    #expect(storage.files[Self.file]?.items.isEmpty == true)
  }

  @Test func thePhasesListTheirProgress() {
    let (_, output, _) = Self.run("q\n")
    #expect(output.contains("1. Frame the problem: 0 of 4 done, 0 of 1 decisions"))
  }

  @Test func theStartListsSessionsAndCreatesOneFromACaseStudy() {
    var storage = FakeStorage(clock: FakeClock())
    let lines = PlainScript("7\nn1\n\nn1\nTeam Echo\n")
    let file = PlainStart.choose(storage: &storage, caseStudies: [Fixture.caseStudy], io: lines.io)
    #expect(lines.output.contains("Not a choice: 7."))
    #expect(lines.output.contains("A session needs a name."))
    #expect(file?.session.participant == "Team Echo")
    #expect(file.map { storage.files[$0.url] != nil } == true)
  }

  @Test func theStartEndsWithTheInput() {
    var storage = FakeStorage(clock: FakeClock())
    storage.entries = Fixture.entries
    let lines = PlainScript("")
    #expect(PlainStart.choose(storage: &storage, caseStudies: [], io: lines.io) == nil)
    #expect(lines.output.contains("1. Team Rocket"))
  }
}
