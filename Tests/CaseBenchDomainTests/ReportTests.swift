import Foundation
import Testing

@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

private func reportSession(mode: SessionMode = .caseStudy) -> Session {
  var s = StoreFixtures.session(participant: "Team <A> & \"Co\"", mode: mode)
  s.setStatus(.done, of: "S0.1", at: StoreFixtures.at(1))
  s.setNote(
    "Agreed with Maya: stock first.\n- ask Tom | about tills", of: "S0.1",
    at: StoreFixtures.at(2))
  s.setStatus(.notApplicable, of: "S0.2", reason: "No web shop yet", at: StoreFixtures.at(3))
  s.setStatus(.blocked, of: "D.1", at: StoreFixtures.at(4))
  s.setNote("<script>alert(1)</script>", of: "D.1", at: StoreFixtures.at(5))
  s.decide("S0.D1", option: "b", rationale: "Margins", at: StoreFixtures.at(6))
  s.decide("S0.D1", option: "a", rationale: "The till data supports it", at: StoreFixtures.at(7))
  return s
}

private func readinessReason(_ object: [String: Any]) -> String? {
  (object["readiness"] as? [String: Any])?["reason"] as? String
}

@Suite("Status report")
struct StatusReportTests {
  @Test func textShowsEachPhaseOverallAndReadinessWorkings() {
    let text = Reports.statusText(caseStudy: StoreFixtures.caseStudy, session: reportSession())
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "Team <A> & \"Co\": The Bike Shop (bike-shop 1.2), case study mode")
    #expect(lines[1] == "Started 2026-11-18 11:06 UTC, updated 2026-11-18 11:13 UTC")
    let sprint = lines.first { $0.hasPrefix("Sprint 0") }
    #expect(sprint == "Sprint 0  [######----]  66%  2/3    met      1/1        1 N/A")
    let data = lines.first { $0.hasPrefix("Data") }
    #expect(data == "Data      [----------]   0%  0/2    0/2      0/0        1 blocked")
    let overall = lines.first { $0.hasPrefix("Overall") }
    #expect(overall == "Overall   [####------]  40%  2/5    1/2 met  1/1")
    #expect(text.contains("\nReadiness 0%: 1 of 2 phase gates met; the Data gate needs D.1"))
    #expect(text.contains("\nOpen decisions: none.\nBlocked (1):\n  D.1 Title of D.1 (Data)"))
    #expect(text.contains("\nNext required, for the Data gate:\n  D.1 Title of D.1\n"))
    #expect(lines.allSatisfy { $0.count <= 80 })
    #expect(text.allSatisfy { $0.isASCII || "<>&\"".contains($0) || $0 == "\n" })
  }

  @Test func jsonHasTheFiguresWithSortedKeys() throws {
    let data = Reports.statusJSON(caseStudy: StoreFixtures.caseStudy, session: reportSession())
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasPrefix("{\n  \"blocked_items\" : [\n"))
    #expect(text.hasSuffix("}\n"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "case_study", "participant", "mode", "created", "updated", "phases", "overall", "readiness",
        "high_risks", "schema_version", "retired_items", "open_decisions", "blocked_items",
        "next_required",
      ])
    let blocked = try #require(object["blocked_items"] as? [[String: Any]])
    #expect(blocked.first?["id"] as? String == "D.1")
    #expect(
      (readinessReason(object))?.hasPrefix("Readiness 0%: 1 of 2 phase gates met; the Data gate")
        == true)
    #expect(object["schema_version"] as? Int == 1)
    let phases = try #require(object["phases"] as? [[String: Any]])
    #expect(phases.count == 2)
    #expect(phases[0]["id"] as? String == "sprint-0")
    #expect(phases[0]["gate_met"] as? Bool == true)
    #expect(phases[0]["settled"] as? Int == 2)
    #expect(phases[0]["not_applicable"] as? Int == 1)
    #expect(phases[0]["todo"] as? Int == 1)
    #expect(phases[1]["blocked"] as? Int == 1)
    #expect(phases[1]["gate_met"] as? Bool == false)
    let readiness = try #require(object["readiness"] as? [String: Any])
    #expect(readiness["score"] as? Double == 0)
    #expect(readiness["weakest_phase"] as? String == "data")
    #expect((readiness["workings"] as? String)?.hasPrefix("Readiness 0% = ") == true)
    let overall = try #require(object["overall"] as? [String: Any])
    #expect(overall["gates_met"] as? Int == 1)
    #expect(overall["percent"] as? String == "40%")
    #expect(object["mode"] as? String == "case_study")
    #expect(object["created"] as? String == "2026-11-18T11:06:40Z")
    // Keys are sorted at every level.
    let afterPhases = text.components(separatedBy: "\n").drop { !$0.hasPrefix("  \"phases\"") }
    let phaseKeys = afterPhases.filter { $0.hasPrefix("      \"") }
      .prefix(16).compactMap { $0.split(separator: "\"").dropFirst().first.map(String.init) }
    #expect(phaseKeys == phaseKeys.sorted())
  }
}

@Suite("Export")
struct ExportTests {
  private func export(
    _ format: ReportFormat, mode: SessionMode = .caseStudy, facilitator: Bool = false,
    log: Bool = false
  ) -> String {
    Reports.export(
      caseStudy: StoreFixtures.caseStudy, session: reportSession(mode: mode), format: format,
      facilitator: facilitator, log: log)
  }

  @Test func htmlEscapesEveryPieceOfUserText() {
    let html = export(.html)
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("Team &lt;A&gt; &amp; &quot;Co&quot;"))
    #expect(!html.contains("Team <A>"))
  }

  @Test func htmlEscapesCaseTextAndSingleQuotes() {
    var cs = StoreFixtures.caseStudy
    cs.title = "Bob's <b>Bikes</b>"
    cs.phases[0].items[0].title = "Check \"data\" & <i>consent</i>"
    let html = Reports.export(caseStudy: cs, session: reportSession(), format: .html)
    #expect(html.contains("Bob&#39;s &lt;b&gt;Bikes&lt;/b&gt;"))
    #expect(html.contains("Check &quot;data&quot; &amp; &lt;i&gt;consent&lt;/i&gt;"))
    #expect(!html.contains("<b>Bikes"))
    #expect(!html.contains("<i>consent"))
  }

  @Test func htmlIsOneSelfContainedPrintableFile() {
    let html = export(.html)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.hasSuffix("</html>\n"))
    #expect(html.contains("<style>") && html.contains("@media print"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    for external in ["<script", "<link", "src=", "href=\"http", "url(", "@import"] {
      #expect(!html.contains(external), "\(external)")
    }
  }

  @Test func htmlHasTheContent() {
    let html = export(.html, log: true)
    #expect(html.contains("<h1>The Bike Shop \u{2014} Team &lt;A&gt; &amp; &quot;Co&quot;</h1>"))
    #expect(html.contains("version 1.2"))
    #expect(html.contains("No web shop yet"))
    #expect(html.contains("Stock forecasting"))
    #expect(!html.contains("class=\"verdict"), "participants see no verdicts")
    #expect(html.contains("<dt>Chosen</dt><dd>a) Stock forecasting</dd>"))
    #expect(export(.html, facilitator: true).contains("v-recommended\">recommended"))
    #expect(html.contains("The till data supports it"))
    #expect(html.contains("Tom is pleased; data is good."))
    #expect(
      html.contains(
        "<p class=\"readiness\"><strong>Readiness 0%:</strong> 1 of 2 phase gates met; the Data "
          + "gate needs D.1"))
    #expect(html.contains("The shop has sold bikes since 1987."))
    #expect(html.contains("changed b) → a) Stock forecasting"))
  }

  @Test func markdownHasItemsNotesDecisionsAndTheLog() {
    let md = export(.markdown, log: true)
    #expect(md.hasPrefix("# The Bike Shop \u{2014} Team \\<A\\> &amp; \"Co\"\n"))
    #expect(md.contains("| Case study | The Bike Shop (bike-shop, version 1.2) |"))
    #expect(md.contains("| Mode | Case study |"))
    #expect(md.contains("| S0.1 | Title of S0.1 | yes | done |"))
    #expect(md.contains("| S0.2 | Title of S0.2 | yes | N/A: No web shop yet |"))
    #expect(md.contains("| S0.3 | Title of S0.3 | no | todo |"))
    #expect(md.contains("| D.1 | Title of D.1 | yes | blocked |"))
    // The note's list line is a list in the quote, as in the workbench.
    #expect(md.contains("> Agreed with Maya: stock first.\n>\n> - ask Tom \\| about tills"))
    #expect(md.contains("> \\<script\\>alert(1)\\</script\\>"))
    #expect(md.contains("#### S0.D1: Which problem first?"))
    #expect(md.contains("- **Chosen:** a) Stock forecasting\n"))
    #expect(!md.contains("recommended"), "participants see no verdicts")
    #expect(
      export(.markdown, facilitator: true).contains(
        "- **Chosen:** a) Stock forecasting (verdict: recommended)"))
    #expect(md.contains("- **Rationale:** The till data supports it"))
    #expect(md.contains("- **Consequence:** Tom is pleased; data is good."))
    #expect(md.contains("*Situation:* Maya wants pricing; Tom wants stock forecasts."))
    #expect(md.contains("\nReadiness 0%: 1 of 2 phase gates met; the Data gate needs D.1"))
    #expect(md.contains("| Sprint 0 | gate met | 2/3 (66%) | 1 | 1 | 0 | 0 | met (2/2) | 1/1 |"))
    #expect(md.contains("## Appendix: the story"))
    let log = md.range(of: "## Event log")
    let decisions = md.range(of: "### Decisions")
    #expect(log != nil && decisions != nil)
    if let log, let decisions { #expect(decisions.lowerBound < log.lowerBound) }
    #expect(
      md.contains("| 2026-11-18 11:13:40 | decision | S0.D1 | changed b) → a) Stock forecasting |"))
    let story = md.range(of: "## Appendix: the story")
    if let log, let story { #expect(log.lowerBound < story.lowerBound, "the story comes last") }
  }

  @Test func markdownTablesSurviveAwkwardText() {
    var s = StoreFixtures.session()
    s.setStatus(.notApplicable, of: "S0.1", reason: "a | b\nc", at: StoreFixtures.at(1))
    let md = Reports.export(caseStudy: StoreFixtures.caseStudy, session: s, format: .markdown)
    #expect(md.contains("| S0.1 | Title of S0.1 | yes | N/A: a \\| b<br>c |"))
    for line in md.split(separator: "\n") where line.hasPrefix("| S0.1 ") {
      let unescapedPipes = line.indices.filter { i in
        line[i] == "|" && (i == line.startIndex || line[line.index(before: i)] != "\\")
      }
      #expect(unescapedPipes.count == 5, "\(line)")
    }
  }

  @Test func markdownQuotesKeepParagraphsWithoutStrayBackslashes() {
    #expect(MarkdownReport.quote("one\ntwo\n\nthree\n") == ["> one\\", "> two", ">", "> three"])
    #expect(MarkdownReport.quote("1. first\n2) second") == ["> 1. first", "> 2) second"])
    #expect(MarkdownReport.quote("1994. A year") == ["> 1994\\. A year"])
    #expect(MarkdownReport.quote("    code?") == ["> code?"])
  }

  @Test func ownProjectModeLeavesTheStoryOut() {
    for format in [ReportFormat.markdown, .html] {
      let text = export(format, mode: .ownProject)
      #expect(!text.contains("The shop has sold bikes since 1987."), "\(format)")
      #expect(!text.contains("A small shop builds its first ML application."), "\(format)")
      #expect(!text.contains("Maya wants pricing"), "\(format)")
      #expect(!text.contains("Tom is pleased"), "\(format)")
      #expect(text.contains("Own project"), "\(format)")
      #expect(text.contains("alert(1)"), "\(format): the work stays")
      #expect(text.contains("Title of D.1"), "\(format): the work stays")
      // Decision points are part of the story: own-project reports leave them out.
      #expect(!text.contains("Which problem first?"), "\(format)")
      #expect(!text.contains("Stock forecasting"), "\(format)")
      #expect(!text.contains("Decisions"), "\(format)")
    }
  }

  @Test func undecidedDecisionsSaySo() {
    var s = StoreFixtures.session()
    // A phase with nothing recorded takes one line; this one has work, so its detail shows.
    s.setStatus(.doing, of: "S0.1", at: StoreFixtures.at(1))
    let md = Reports.export(caseStudy: StoreFixtures.caseStudy, session: s, format: .markdown)
    #expect(md.contains("*Not decided yet.*"))
    let html = Reports.export(caseStudy: StoreFixtures.caseStudy, session: s, format: .html)
    #expect(html.contains("<em>Not decided yet.</em>"))
    #expect(md.contains("### Open decisions\n\n- Sprint 0: Which problem first? (S0.D1)\n"))
  }

  @Test func workRecordedForUnknownIdsIsStillReported() {
    var s = reportSession()
    s.setNote("from an older version", of: "OLD.9", at: StoreFixtures.at(9))
    s.decide("OLD.D", option: "z", rationale: "kept", at: StoreFixtures.at(10))
    s.decide("S0.D1", option: "gone", rationale: "option removed", at: StoreFixtures.at(11))
    let md = Reports.export(caseStudy: StoreFixtures.caseStudy, session: s, format: .markdown)
    #expect(md.contains("## Recorded work not in this version of the case study"))
    #expect(md.contains("| OLD.9 | todo | from an older version |"))
    #expect(md.contains("- Decision OLD.D: option `z`, rationale: kept"))
    #expect(md.contains("option `gone` (not in this version of the case study)"))
    let html = Reports.export(caseStudy: StoreFixtures.caseStudy, session: s, format: .html)
    #expect(html.contains("from an older version"))
  }

  @Test func jsonExportIsTheSessionPlusProgress() throws {
    let text = export(.json)
    #expect(text.hasSuffix("}\n"))
    let data = Data(text.utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "format", "format_version", "progress", "session", "toolkit", "decisions",
      ])
    let chosen = try #require(object["decisions"] as? [[String: Any]])
    #expect(chosen.first?["decision"] as? String == "S0.D1")
    #expect(chosen.first?["letter"] as? String == "a")
    #expect(chosen.first?["label"] as? String == "Stock forecasting")
    let session = try #require(object["session"] as? [String: Any])
    let items = try #require(session["items"] as? [String: Any])
    #expect((items["D.1"] as? [String: Any])?["note"] as? String == "<script>alert(1)</script>")
    let decisions = try #require(session["decisions"] as? [String: Any])
    #expect(
      (decisions["S0.D1"] as? [String: Any])?["rationale"] as? String
        == "The till data supports it")
    let progress = try #require(object["progress"] as? [String: Any])
    #expect((progress["readiness"] as? [String: Any])?["percent"] as? String == "0%")
    // The embedded session reads back as a session.
    let sessionRange = try #require(text.range(of: "\"session\" : "))
    #expect(text[sessionRange.upperBound...].hasPrefix("{"))
    let format = try #require(text.range(of: "\"format\""))
    let progressKey = try #require(text.range(of: "\"progress\""))
    #expect(format.lowerBound < progressKey.lowerBound)
  }

  @Test func everyFormatIsListed() {
    #expect(ReportFormat.allCases.map(\.rawValue) == ["markdown", "html", "json"])
    #expect(ReportFormat(rawValue: "html") == .html)
    #expect(ReportFormat.markdown.fileExtension == "md")
  }
}
