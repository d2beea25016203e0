import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// Issue 23, finding 5: announcements are lost on screen. A long one shows there is more and
/// opens in full; several arriving together queue; the day's can be read again.
@Suite("Workshop messages")
struct MessagesPageTests {
  static let size = Size(width: 100, height: 30)

  func workbench() -> AppState {
    var state = AppState(
      caseStudies: [Fixture.caseStudy], sessions: [], options: Fixture.options, now: Fixture.now)
    _ = update(&state, .resize(Self.size))
    state.openWorkbench(
      caseStudy: Fixture.caseStudy,
      session: Session(participant: "Team 3", caseStudy: Fixture.caseStudy, now: Fixture.now),
      sessionName: "Team 3", readOnly: false, readOnlyReason: nil)
    state.joinWorkshop()
    return state
  }

  func announcing(_ texts: [String]) -> WorkshopState {
    var w = WorkshopState()
    for text in texts { w.announce(text, at: Fixture.now) }
    return w
  }

  func screen(_ state: AppState) -> String { render(state, size: Self.size).text }

  @Test func aLongAnnouncementSaysThereIsMoreAndOpensInFull() {
    var state = workbench()
    let words = (1...220).map { "word\($0)" }.joined(separator: " ")
    _ = update(&state, .workshop(announcing([words])))
    #expect(screen(state).contains("more lines"))
    #expect(!screen(state).contains("word220"))
    _ = update(&state, .key(.char("M")))
    #expect(screen(state).contains("Messages from the facilitator"))
    #expect(screen(state).contains("word1 "))
    _ = update(&state, .key(.end))
    _ = update(&state, .key(.pageDown))
    _ = update(&state, .key(.pageDown))
    _ = update(&state, .key(.pageDown))
    #expect(screen(state).contains("word220"))
    _ = update(&state, .key(.escape))
    #expect(!screen(state).contains("Messages from the facilitator"))
  }

  @Test func announcementsArrivingTogetherQueue() {
    var state = workbench()
    _ = update(&state, .workshop(announcing(["First news", "Second news", "Third news"])))
    #expect(screen(state).contains("First news"))
    #expect(screen(state).contains("2 more waiting"))
    _ = update(&state, .key(.escape))
    #expect(screen(state).contains("Second news"))
    _ = update(&state, .key(.escape))
    #expect(screen(state).contains("Third news"))
    _ = update(&state, .key(.escape))
    #expect(!screen(state).contains("From the facilitator"))
  }

  /// The page at 80×24, the size issue 21 makes first-class.
  @Test func theMessagesPageAtEightyByTwentyFour() {
    var state = workbench()
    let small = Size(width: 80, height: 24)
    _ = update(&state, .resize(small))
    _ = update(
      &state,
      .workshop(announcing(["Coffee at 11", "Helen called: the bank meeting moved to Monday."])))
    _ = update(&state, .key(.escape))
    _ = update(&state, .key(.escape))
    _ = update(&state, .key(.char("M")))
    let page = render(state, size: small).text
    #expect(page.contains("Messages from the facilitator"))
    #expect(page.contains("Coffee at 11") && page.contains("moved to Monday."))
    assertGolden(page, "messages-80x24")
  }

  @Test func theDaysAnnouncementsCanBeReadAgain() {
    var state = workbench()
    _ = update(&state, .workshop(announcing(["Coffee at 11", "Helen called"])))
    _ = update(&state, .key(.escape))
    _ = update(&state, .key(.escape))
    _ = update(&state, .key(.char("M")))
    let page = screen(state)
    #expect(page.contains("Coffee at 11"))
    #expect(page.contains("Helen called"))
    // Ctrl-C still reaches the program from the page.
    #expect(!update(&state, .key(.ctrl("c"))).isEmpty)
  }
}
