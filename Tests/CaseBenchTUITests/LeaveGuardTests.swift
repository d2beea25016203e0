import CaseBenchReports
import Foundation
import Testing

@testable import CaseBenchTUI

/// Issue 21: a sentence typed into the checklist must not leave the workbench through `o` or `q`.
@Suite("Leaving the workbench asks first")
struct LeaveGuardTests {
  static func leaves(_ commands: [Command]) -> Bool {
    commands.contains { $0 == .quit || $0 == .quitWithoutSaving || $0 == .closeSession }
  }

  @Test func aSentenceTypedIntoTheChecklistStaysInTheWorkbench() {
    var state = Fixture.workbench()
    var commands: [Command] = []
    // Letters that do nothing or only move, with a `q` and two `o`s among them.
    for ch in "quota go, go" {
      commands += update(&state, .key(.char(ch)))
      #expect(state.isWorkbenchOpen, "left at \(ch)")
    }
    #expect(!Self.leaves(commands))
    #expect(state.message?.text == "Back to the start screen? y goes; any other key stays.")
  }

  @Test func qThenYQuitsAndOThenYGoesToTheStartScreen() {
    var state = Fixture.workbench()
    #expect(send(&state, .char("q")) == [])
    #expect(state.message?.text == "Quit casebench? y quits; any other key stays.")
    #expect(render(state, size: Size(width: 80, height: 24)).text.contains("Quit casebench?"))
    #expect(send(&state, .char("y")) == [.quit])

    var back = Fixture.workbench()
    #expect(send(&back, .char("o")) == [])
    #expect(send(&back, .char("y")) == [.closeSession])
  }

  @Test func anyOtherKeyStaysAndDoesNothingElse() {
    var state = Fixture.workbench()
    let before = state.session
    send(&state, .char("q"))
    // Space would change the item's status; as the answer it only says no.
    #expect(send(&state, .char(" ")) == [])
    #expect(state.session == before)
    #expect(state.message?.text == "Stayed in the workbench.")
    // The question is gone: y now does nothing.
    #expect(send(&state, .char("y")) == [])
    #expect(state.isWorkbenchOpen)
  }

  @Test func aLetterThatSaysNoPointsToTheNoteEditor() {
    var state = Fixture.workbench()
    send(&state, .char("o"))
    send(&state, .char("u"))
    #expect(
      state.message?.text
        == "Stayed in the workbench. Keys here are commands: n writes a note on the item.")
  }

  @Test func theQuestionStaysUntilItIsAnswered() {
    var state = Fixture.workbench()
    send(&state, .char("q"))
    for second in 1...20 {
      _ = update(&state, .tick(Fixture.now.addingTimeInterval(Double(second))))
    }
    #expect(state.message?.text == "Quit casebench? y quits; any other key stays.")
    #expect(send(&state, .char("y")) == [.quit])
  }

  @Test func ctrlCAndSignalsDoNotWaitForTheAnswer() {
    var state = Fixture.workbench()
    send(&state, .char("q"))
    #expect(send(&state, .ctrl("c")) == [.quit])
    var signalled = Fixture.workbench()
    send(&signalled, .char("o"))
    #expect(update(&signalled, .signal(15)) == [.exit(143)])
  }

  @Test func qInAToolOrAPageAsksToo() {
    var tool = Fixture.workbench()
    send(&tool, .char("t"))
    #expect(send(&tool, .char("q")) == [], "q in the estimate used to quit at once")
    #expect(send(&tool, .char("y")) == [.quit])
    var page = Fixture.workbench()
    send(&page, .char("w"))
    #expect(send(&page, .char("q")) == [])
    #expect(send(&page, .char("y")) == [.quit])
  }

  @Test func qAndOWhereTheyAreTextOrCloseSomethingAreNotAsked() {
    var note = Fixture.workbench()
    send(&note, .char("n"))
    type(&note, "quo")
    #expect(note.message == nil)
    send(&note, .escape)
    #expect(note.session?.note(of: "frame-1") == "quo")
    var help = Fixture.workbench()
    send(&help, .char("?"))
    #expect(send(&help, .char("q")) == [])
    #expect(help.overlay == .none, "q closes help without a question")
    #expect(help.message == nil)
  }

  @Test func theStartScreenAndTheDashboardsViewOfATeamAreNotGuarded() {
    var start = Fixture.startState()
    #expect(send(&start, .char("q")) == [.quit])
    var view = Fixture.workbench(readOnly: true, reason: "the facilitator's view")
    #expect(send(&view, .char("o")) == [.closeSession])
  }

  @Test func aRemappedQuitKeyAsksToo() throws {
    var map = KeyMap()
    try map.bind("quit", to: ["Q"])
    KeyMap.$current.withValue(map) {
      var state = Fixture.workbench()
      #expect(send(&state, .char("q")) == [])
      #expect(state.message == nil, "q is no longer the quit key")
      #expect(send(&state, .char("Q")) == [])
      #expect(send(&state, .char("y")) == [.quit])
    }
  }
}
