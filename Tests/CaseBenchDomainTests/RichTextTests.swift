import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports

/// One text model, three renderers: the same paragraphs, lists, line breaks and links in the
/// workbench (see the TUI's RichTextRowsTests), in Markdown and in HTML.
@Suite("Rich text")
struct RichTextTests {
  /// Background text as the loader leaves it: paragraphs reflowed, list lines kept with their
  /// indentation.
  static let background = Prose.reflow(
    """
    The shop has three problems:
    - stock that does not move
    - workshop waits in spring,
      worst at the small stores
      - Thornby
      - Hollins Dale
    - ordering by spreadsheet

    Read https://example.com/a?b=1&c=2_x. Then:
    1. forecast
    2. order
    """)

  @Test func reflowKeepsTheIndentationOfNestedListLines() {
    #expect(
      RichTextTests.background
        == "The shop has three problems:\n- stock that does not move\n"
        + "- workshop waits in spring, worst at the small stores\n  - Thornby\n  - Hollins Dale\n"
        + "- ordering by spreadsheet\n\nRead https://example.com/a?b=1&c=2_x. Then:\n"
        + "1. forecast\n2. order")
  }

  @Test func parsesParagraphsNestedListsAndOrderedLists() {
    let text = RichText(RichTextTests.background)
    #expect(text.blocks.count == 4)
    guard case .list(let list) = text.blocks[1] else {
      Issue.record("expected a list, got \(text.blocks[1])")
      return
    }
    #expect(!list.ordered)
    #expect(
      list.items.map(\.lines) == [
        ["stock that does not move"], ["workshop waits in spring, worst at the small stores"],
        ["ordering by spreadsheet"],
      ])
    #expect(list.items[1].sublists.first?.items.map(\.lines) == [["Thornby"], ["Hollins Dale"]])
    guard case .list(let numbered) = text.blocks[3] else {
      Issue.record("expected an ordered list")
      return
    }
    #expect(numbered.ordered && numbered.items.map(\.number) == [1, 2])
    #expect(text.pieces.map(\.gapBefore) == [false, false, true, false])
  }

  @Test func aTwoLineTextStaysTwoLines() {
    let text = RichText("We chose B.\nIt keeps Tom on board.")
    #expect(text.blocks == [.paragraph(["We chose B.", "It keeps Tom on board."])])
    #expect(text.isSimple)
  }

  @Test func linksStopBeforeSentencePunctuationAndOuterBrackets() {
    #expect(
      RichText.spans("See (https://x.org/a_(b)) and http://y.org/?q=1&r=2.")
        == [
          .text("See ("), .url("https://x.org/a_(b)"), .text(") and "),
          .url("http://y.org/?q=1&r=2"), .text("."),
        ])
    #expect(RichText.spans("nohttps://x.org") == [.text("nohttps://x.org")])
    #expect(RichText.spans("https://") == [.text("https://")])
  }

  @Test func markdownKeepsListsNestingLineBreaksAndRawLinks() {
    #expect(
      RichText(RichTextTests.background).markdown == [
        "The shop has three problems:",
        "",
        "- stock that does not move",
        "- workshop waits in spring, worst at the small stores",
        "  - Thornby",
        "  - Hollins Dale",
        "- ordering by spreadsheet",
        "",
        "Read <https://example.com/a?b=1&c=2_x>. Then:",
        "",
        "1. forecast",
        "2. order",
      ])
    #expect(RichText("a *b*\n- c").markdown == ["a \\*b\\*", "", "- c"])
    #expect(RichText("one\ntwo").markdown == ["one\\", "two"])
  }

  @Test func markdownAfterALabelIndentsWhatFollows() {
    #expect(
      RichText("We chose B.\nIt keeps Tom on board.").markdown(
        after: "- **Rationale:** ", indent: "  ")
        == ["- **Rationale:** We chose B.\\", "  It keeps Tom on board."])
    #expect(
      RichText("- one\n- two").markdown(after: "- **Rationale:** ", indent: "  ")
        == ["- **Rationale:**", "  - one", "  - two"])
  }

  @Test func htmlKeepsListsNestingLineBreaksAndLinks() {
    #expect(
      RichText(RichTextTests.background).html == """
        <p>The shop has three problems:</p>
        <ul>
        <li>stock that does not move</li>
        <li>workshop waits in spring, worst at the small stores
        <ul>
        <li>Thornby</li>
        <li>Hollins Dale</li>
        </ul>
        </li>
        <li>ordering by spreadsheet</li>
        </ul>
        <p>Read <a href="https://example.com/a?b=1&amp;c=2_x">https://example.com/a?b=1&amp;c=2_x</a>. Then:</p>
        <ol>
        <li>forecast</li>
        <li>order</li>
        </ol>
        """)
    #expect(RichText("a <b>\nc").htmlFlow == "a &lt;b&gt;<br>c")
    #expect(RichText("3. x\n4. y").html == "<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>")
  }
}

@Suite("Rich text in the reports")
struct RichTextReportTests {
  static func export(_ format: ReportFormat, title: String = "The Bike Shop") throws -> String {
    var study = try #require(CaseStudyCatalog.builtIn().first)
    study.title = title
    study.background = RichTextTests.background
    let start = try #require(SessionDates.parse("2026-11-18T10:00:00Z"))
    var session = Session(participant: "Team A", caseStudy: study, now: start)
    let decision = try #require(study.phases.first { !$0.decisions.isEmpty }?.decisions.first)
    let option = try #require(decision.options.first)
    session.decide(
      decision.id, option: option.id, rationale: "We chose it.\nIt keeps Tom on board.",
      at: session.created)
    return Reports.export(caseStudy: study, session: session, format: format)
  }

  @Test func markdownReportKeepsTheBackgroundsListsAndTheRationalesLines() throws {
    let md = try RichTextReportTests.export(.markdown)
    #expect(md.contains("- workshop waits in spring, worst at the small stores\n  - Thornby\n"))
    #expect(md.contains("<https://example.com/a?b=1&c=2_x>"))
    #expect(!md.contains("&amp;c=2"))
    #expect(md.contains("- **Rationale:** We chose it.\\\n  It keeps Tom on board.\n"))
  }

  @Test func htmlReportKeepsTheBackgroundsListsAndTheRationalesLines() throws {
    let html = try RichTextReportTests.export(.html)
    #expect(
      html.contains(
        "<li>workshop waits in spring, worst at the small stores\n<ul>\n<li>Thornby</li>"))
    #expect(html.contains("<dd>We chose it.<br>It keeps Tom on board.</dd>"))
  }

  @Test func aTitleWithAColonIsNotRunIntoTheTeam() throws {
    let md = try RichTextReportTests.export(.markdown, title: "Bikes: a case")
    #expect(md.hasPrefix("# Bikes: a case \u{2014} Team A\n"))
    let html = try RichTextReportTests.export(.html, title: "Bikes: a case")
    #expect(html.contains("<title>Bikes: a case \u{2014} Team A</title>"))
  }
}
