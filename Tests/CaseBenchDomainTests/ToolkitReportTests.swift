import Foundation
import Testing

@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

@Suite("Toolkit in the reports")
struct ToolkitReportTests {
  private func export(_ format: ReportFormat, mode: SessionMode = .caseStudy) throws -> String {
    Reports.export(
      caseStudy: ToolkitFixtures.caseStudy, session: try ToolkitFixtures.busy(mode: mode),
      format: format, log: true)
  }

  private func section(_ md: String, _ heading: String) -> String {
    guard let start = md.range(of: "\n## \(heading)\n") else { return "" }
    let rest = md[start.upperBound...]
    let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
  }

  @Test func markdownHasEachSectionInOrderBeforeTheEventLog() throws {
    let md = try export(.markdown)
    let headings = [
      "## Risks", "### Heat map", "## Estimate", "## Stakeholders", "## Success metrics",
      "## Models", "## Decision log", "## Event log",
    ]
    let offsets = headings.map { md.range(of: "\n\($0)\n")?.lowerBound }
    #expect(offsets.allSatisfy { $0 != nil }, "\(offsets)")
    let found = offsets.compactMap { $0 }
    #expect(found == found.sorted())
  }

  @Test func markdownRisksAndHeatMap() throws {
    let risks = section(try export(.markdown), "Risks")
    #expect(
      risks.contains(
        "| R1 | The price is fixed before the data is known. | Sprint 0 | 4 | 5 | 20 | Helen |  "
          + "| open |  |"))
    #expect(
      risks.contains(
        "| R2 | \\<script\\>alert(1)\\</script\\> \\| pipes | Data | 2 | 3 | 6 | Nadia | "
          + "Cover for the stocktake | open | 2026-12-14 |"))
    #expect(risks.contains("| Likelihood \\\\ Impact | 1 | 2 | 3 | 4 | 5 |"))
    #expect(risks.contains("| 4 | · | · | · | · | **1** |"))
    #expect(risks.contains("| 2 | · | · | **1** | · | · |"))
    #expect(risks.contains("| 5 | · | · | · | · | · |"))
  }

  @Test func markdownEstimateShowsTheWorkingsAndTasks() throws {
    let estimate = section(try export(.markdown), "Estimate")
    #expect(estimate.contains("**100–110 person-days**"))
    #expect(estimate.contains("- Base (solo) estimate: 12.5 person-days from 2 tasks"))
    #expect(estimate.contains("- × 2 for big data: 12.5 → 25") == false, "complex data comes first")
    #expect(estimate.contains("- × 2 for complex or poorly understood data: 25 → 50"))
    #expect(estimate.contains("- × 2 for big data: 50 → 100"))
    #expect(estimate.contains("- Flagged, not multiplied: ethics, security or privacy work"))
    #expect(estimate.contains("| Baseline | 7.5 | 60 |"))
    #expect(estimate.contains("| **Total** | **12.5** | **100** |"))
  }

  @Test func markdownStakeholdersMetricsModelsAndLog() throws {
    let md = try export(.markdown)
    let people = section(md, "Stakeholders")
    #expect(
      people.contains(
        "| Helen | Owner | high | high | manage closely | Proof | Overruns | Call on Fridays |"))
    #expect(people.contains("| Pat \\<Bank\\> | Bank manager | high | low | keep satisfied |"))
    let metrics = section(md, "Success metrics")
    #expect(
      metrics.contains(
        "| K1 | Stock-outs on key lines | revenue | Fewer empty shelves | Down a third |"))
    let models = section(md, "Models")
    #expect(
      models.contains(
        "| M1 | Seasonal naive | Data | till-2026-01 | 52 weeks | MAPE 31% | yes: Git tag v0.1 | "
          + "Baseline |"))
    #expect(models.contains("| no: Seed and feature list |"))
    #expect(
      models.contains(
        "- **Adopted M1** from M1, M2 on 2026-11-18 11:16 UTC: Tom can interrogate it"))
    let log = section(md, "Decision log")
    #expect(
      log.contains(
        "| 2026-11-18 11:07:40 | case decision | S0.D1 | Which problem first?: chose a) "
          + "Stock forecasting |"))
    #expect(
      log.contains("| 2026-11-18 11:17:40 | decision | L1 | Weekly, not daily: Orders are weekly |")
    )
  }

  @Test func emptySectionsSaySo() {
    let md = Reports.export(
      caseStudy: StoreFixtures.caseStudy, session: StoreFixtures.session(), format: .markdown)
    #expect(md.contains("*No risks recorded.*"))
    #expect(md.contains("*No estimate yet.*"))
    #expect(md.contains("*No stakeholders recorded.*"))
    #expect(md.contains("*No success metrics recorded.*"))
    #expect(md.contains("*No models registered.*"))
    #expect(md.contains("*Nothing decided or recorded yet.*"))
  }

  @Test func ownProjectModeShowsOnlyTheUsersPeople() throws {
    for format in [ReportFormat.markdown, .html] {
      let text = try export(format, mode: .ownProject)
      #expect(!text.contains("Fair rotas") && !text.contains("Overruns"), "\(format): no cast")
      #expect(text.contains("Bank manager"), "\(format)")
      #expect(text.contains("Seasonal naive"), "\(format): the tools work the same")
    }
  }

  @Test func htmlHasEverySectionAndEscapesUserText() throws {
    let html = try export(.html)
    for heading in [
      "<h2>Risks</h2>", "<h3>Heat map</h3>", "<h2>Estimate</h2>", "<h2>Stakeholders</h2>",
      "<h2>Success metrics</h2>", "<h2>Models</h2>", "<h2>Decision log</h2>",
    ] {
      #expect(html.contains(heading), "\(heading)")
    }
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | pipes"))
    #expect(html.contains("Pat &lt;Bank&gt;"))
    #expect(html.contains("<tr><th>4</th><td class=\"num h-low\"></td>"))
    #expect(html.contains("<td class=\"num h-high\">1</td></tr>"), "L4 × I5 is high")
    #expect(html.contains("<p class=\"result\"><strong>100–110 person-days</strong></p>"))
    #expect(html.contains("<li>× 2 for big data: 50 → 100</li>"))
    #expect(html.contains("<td>yes: Git tag v0.1</td>"))
    #expect(html.contains("<li><strong>Adopted M1</strong> from M1, M2"))
  }

  @Test func jsonCarriesTheToolkitViews() throws {
    let data = Data(try export(.json).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let toolkit = try #require(object["toolkit"] as? [String: Any])
    #expect(
      Set(toolkit.keys) == [
        "risks", "heat_map", "high_risks", "estimate", "stakeholders", "success_metrics",
        "models", "adoptions", "decision_log",
      ])
    let map = try #require(toolkit["heat_map"] as? [[Int]])
    #expect(map[3][4] == 1 && map[1][2] == 1)
    #expect((toolkit["high_risks"] as? [[String: Any]])?.map { $0["id"] as? String } == ["R1"])
    let estimate = try #require(toolkit["estimate"] as? [String: Any])
    #expect(estimate["chain"] as? String == "12.5 → 25 → 50 → 100")
    #expect(estimate["low"] as? Double == 100)
    #expect(estimate["multiplier"] as? Int == 8)
    #expect((estimate["workings"] as? [String])?.first?.hasPrefix("Base (solo)") == true)
    #expect((toolkit["stakeholders"] as? [Any])?.count == 3)
    #expect((toolkit["decision_log"] as? [Any])?.count == 11)
    let session = try #require(object["session"] as? [String: Any])
    #expect((session["toolkit"] as? [String: Any])?["risks"] != nil, "the raw records too")
  }

  @Test func statusShowsOpenHighRisksAndTheEstimate() throws {
    let s = try ToolkitFixtures.busy()
    let text = Reports.statusText(caseStudy: ToolkitFixtures.caseStudy, session: s)
    #expect(
      text.contains(
        "\nRisks: 2 recorded, 2 open, 1 open and high (likelihood x impact >= 15)\n"
          + "  R1  L4 x I5 = 20  The price is fixed before the data is known.\n"))
    #expect(text.contains("\nEstimate: 100-110 person-days (12.5 -> 25 -> 50 -> 100)\n"))
    #expect(!text.contains("R2  L2"), "only the high ones are listed")
    let json = Reports.statusJSON(caseStudy: ToolkitFixtures.caseStudy, session: s)
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    #expect((object["high_risks"] as? [[String: Any]])?.first?["score"] as? Int == 20)
    #expect((object["estimate"] as? [String: Any])?["range"] as? String == "100–110 person-days")
    // Nothing recorded: status is as it was.
    let plain = Reports.statusText(
      caseStudy: StoreFixtures.caseStudy, session: StoreFixtures.session())
    #expect(!plain.contains("Risks:") && !plain.contains("Estimate:"))
  }

  @Test func riskListAndEstimateOutput() throws {
    let s = try ToolkitFixtures.busy()
    let list = Reports.riskList(caseStudy: ToolkitFixtures.caseStudy, session: s)
    let lines = list.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "ID  Status  L  I  Score  Phase     Owner  Review      Title")
    #expect(
      lines[1]
        == "R1  open    4  5  20     sprint-0  Helen              The price is fixed before the data is known."
    )
    #expect(lines.contains("L4   .  .  .  .  1"))
    #expect(list.hasSuffix("Open and high (likelihood × impact ≥ 15): R1\n"))
    let json = Reports.riskListJSON(session: s)
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    #expect(object["high_risks"] as? [String] == ["R1"])
    #expect((object["risks"] as? [[String: Any]])?.count == 2)
    let text = Reports.estimateText(try #require(s.toolkit.estimate).workings)
    #expect(
      text.hasSuffix(
        "Tasks:\n  Data survey: 5 → 40 person-days\n  Baseline: 7.5 → 60 person-days\n"))
  }
}
