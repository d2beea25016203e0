import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel

@Suite("Prose reflow")
struct ProseTests {
  @Test func lineBreaksInsideAParagraphBecomeSpaces() {
    #expect(
      Prose.reflow("Monday, week 1. You have a desk\nin the meeting room.")
        == "Monday, week 1. You have a desk in the meeting room.")
  }

  @Test func blankLinesSeparateParagraphs() {
    #expect(Prose.reflow("One\ntwo.\n\n\nThree\nfour.\n") == "One two.\n\nThree four.")
  }

  @Test func listLinesKeepTheirOwnLines() {
    let text =
      "Ask about:\n- the till exports\n- the loyalty data\n  and its consent\n1. first\n2) second"
    #expect(
      Prose.reflow(text)
        == "Ask about:\n- the till exports\n- the loyalty data and its consent\n1. first\n2) second"
    )
  }

  @Test func crlfAndSingleLinesAreHandled() {
    #expect(Prose.reflow("a\r\nb") == "a b")
    #expect(Prose.reflow("just one line") == "just one line")
    #expect(Prose.reflow("") == "")
    #expect(Prose.reflow("2026 was a year\nof change") == "2026 was a year of change")
  }

  @Test func theBikeShopBriefingReadsAsParagraphs() throws {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    let briefing = try #require(study.phase(id: "sprint-0")?.briefing)
    #expect(briefing.contains("Kingsbridge store, a guest login"))
  }
}
