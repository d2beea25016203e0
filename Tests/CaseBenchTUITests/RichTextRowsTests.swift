import CaseBenchModel
import Testing

@testable import CaseBenchTUI

/// The workbench's side of the one text renderer (see RichTextTests in the core's tests).
@Suite("Rich text on screen")
struct RichTextRowsTests {
  static func rows(_ text: String, width: Int) -> [String] {
    Wrap.prose(text, width: width).map { String(repeating: " ", count: $0.indent) + $0.text }
  }

  @Test func listsWrapUnderTheirTextAndNestedListsKeepTheirIndent() {
    let text = Prose.reflow(
      """
      Three problems:
      - workshop waits in spring, worst at the small stores
        - Thornby
      - stock

      1. forecast
      """)
    #expect(
      RichTextRowsTests.rows(text, width: 24) == [
        "Three problems:",
        "- workshop waits in",
        "  spring, worst at the",
        "  small stores",
        "  - Thornby",
        "- stock",
        "",
        "1. forecast",
      ])
  }

  @Test func aTwoLineRationaleStaysTwoLinesAndParagraphsWrapAsBefore() {
    #expect(
      RichTextRowsTests.rows("We chose B.\nIt keeps Tom on board.", width: 40)
        == ["We chose B.", "It keeps Tom on board."])
    let plain = "One paragraph that wraps.\n\nAnother one."
    #expect(RichTextRowsTests.rows(plain, width: 12) == Wrap.lines(plain, width: 12))
  }

  @Test func linksAreShownAsWritten() {
    #expect(
      RichTextRowsTests.rows("See https://example.com/a?b=1&c=2.", width: 80)
        == ["See https://example.com/a?b=1&c=2."])
  }
}
