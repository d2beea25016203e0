import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// The report a stakeholder reads in a minute: the summary first, untouched phases in a line,
/// the event log only when asked for, the story in an appendix. The Bike Shop at about 16% is
/// checked against golden files in Golden/, and its session is kept there too, for
/// scripts/report-snapshots.
@Suite("Report layout")
struct ReportLayoutTests {
  static func at(_ minutes: Int) -> Date {
    Date(timeIntervalSince1970: 1_795_000_000 + Double(minutes * 60))
  }

  /// The Bike Shop about 16% done: most of Sprint 0 settled, one item doing, one blocked with a
  /// note, the first decision taken with a two-line rationale, one high risk.
  static func bikeShop16(participant: String = "Team Greenway") throws -> (CaseStudy, Session) {
    let study = try #require(CaseStudyCatalog.builtIn().first { $0.id == "bike-shop" })
    var session = Session(participant: participant, caseStudy: study, now: at(0))
    var minute = 1
    func mark(_ status: ItemStatus, _ id: String) {
      session.setStatus(status, of: id, at: at(minute))
      minute += 1
    }
    // Sprint 0: its gate met and ten items done; one doing, one blocked with a note.
    let first = study.phases[0]
    let gate = Set(first.gate)
    let order =
      first.items.filter { gate.contains($0.id) } + first.items.filter { !gate.contains($0.id) }
    for item in order.prefix(10) { mark(.done, item.id) }
    let rest = Array(order.dropFirst(10))
    if rest.count >= 2 {
      mark(.doing, rest[0].id)
      mark(.blocked, rest[1].id)
      session.setNote(
        "Waiting for Tom's till export.\nHe is back on Monday.", of: rest[1].id, at: at(minute))
    }
    // Data: two items done, so that about 16% of the items are settled.
    for item in study.phases[1].items.prefix(2) { mark(.done, item.id) }
    if let decision = first.decisions.first, let option = decision.options.first {
      session.decide(
        decision.id, option: option.id,
        rationale: "The till data supports it.\nTom is on board.", at: at(minute + 3))
    }
    _ = try session.addRisk(
      RiskDraft(
        title: "The till export is late and Sprint 1 slips", phase: first.id, likelihood: 4,
        impact: 4),
      in: study, at: at(minute + 4))
    return (study, session)
  }

  static func export(_ format: ReportFormat, log: Bool = false, facilitator: Bool = false) throws
    -> String
  {
    let (study, session) = try bikeShop16()
    return Reports.export(
      caseStudy: study, session: session, format: format, facilitator: facilitator, log: log)
  }

  /// The summary section of the Markdown report.
  static func markdownSummary(_ md: String) -> String {
    guard let start = md.range(of: "## Summary\n"),
      let end = md.range(of: "\n## 1. ", range: start.upperBound..<md.endIndex)
    else { return md }
    return String(md[start.lowerBound..<end.lowerBound]) + "\n"
  }

  static func htmlSummary(_ html: String) -> String {
    guard let start = html.range(of: "<section class=\"glance\""),
      let end = html.range(of: "</section>\n", range: start.upperBound..<html.endIndex)
    else { return html }
    return String(html[start.lowerBound..<end.upperBound])
  }

  @Test func theSummariesMatchTheirGoldenFiles() throws {
    let md = try Self.export(.markdown)
    assertCoreGolden(Self.markdownSummary(md), "report-summary-bike-shop-16.md")
    let html = try Self.export(.html)
    assertCoreGolden(Self.htmlSummary(html), "report-summary-bike-shop-16.html")
    assertCoreGolden(md, "report-bike-shop-16.md")
    let (_, session) = try Self.bikeShop16()
    assertCoreGolden(
      String(decoding: try SessionStore.encode(session), as: UTF8.self),
      "bike-shop-16-session.json")
  }

  @Test func theSummaryComesFirstAndTheStoryLast() throws {
    for format in [ReportFormat.markdown, .html] {
      let text = try Self.export(format)
      let marks =
        format == .markdown
        ? ["## Summary", "## 1. ", "## Risks", "## Appendix: the story"]
        : ["<h2>Summary</h2>", "<h2>1. ", "<h2>Risks</h2>", "<h2>Appendix: the story</h2>"]
      let places = marks.map { text.range(of: $0)?.lowerBound }
      #expect(places.allSatisfy { $0 != nil }, "\(format): \(marks)")
      let found = places.compactMap { $0 }
      #expect(found == found.sorted(), "\(format): summary, phases, toolkit, then the story")
      #expect(text.contains("Greenway Cycles has been"), "the background is in the appendix")
    }
  }

  @Test func readinessSaysWhy() throws {
    let (study, session) = try Self.bikeShop16()
    let fresh = Session(participant: "New", caseStudy: study, now: Self.at(0))
    let model = ReportModel(caseStudy: study, session: fresh)
    let gate = study.phases[0].gate
    #expect(
      model.readinessReason
        == "Readiness 0%: no phase gate met yet; the \(study.phases[0].title) gate needs "
        + gate.joined(separator: ", ") + ".")
    let later = ReportModel(caseStudy: study, session: session)
    #expect(later.readinessReason.hasPrefix("Readiness 0%: "))
    #expect(later.readinessReason.contains(" gate needs "))
    let md = try Self.export(.markdown)
    #expect(md.contains("\n" + MarkdownReport.inline(later.readinessReason) + "\n"))
    let html = try Self.export(.html)
    #expect(html.contains("<p class=\"readiness\"><strong>Readiness 0%:</strong> "))
  }

  @Test func theEventLogIsOptIn() throws {
    let md = try Self.export(.markdown)
    #expect(!md.contains("## Event log"))
    #expect(md.contains("`casebench export --log` includes it."))
    let withLog = try Self.export(.markdown, log: true)
    #expect(withLog.contains("## Event log"))
    #expect(!withLog.contains("--log` includes it"))
    let html = try Self.export(.html)
    #expect(!html.contains("<h2>Event log</h2>"))
    #expect(try Self.export(.html, log: true).contains("<h2>Event log</h2>"))
  }

  @Test func untouchedPhasesTakeOneLine() throws {
    let (study, _) = try Self.bikeShop16()
    let md = try Self.export(.markdown)
    let last = try #require(study.phases.last)
    let n = study.phases.count
    #expect(md.contains("\n**\(n). \(MarkdownReport.inline(last.title))**: not started; "))
    #expect(!md.contains("## \(n). "))
    let html = try Self.export(.html)
    #expect(html.contains("<p class=\"untouched\" id=\"phase-\(n)\">"))
  }

  @Test func theSummaryListsDecisionsBlockedItemsNextStepsAndHighRisks() throws {
    let summary = Self.markdownSummary(try Self.export(.markdown))
    for heading in [
      "### Decisions taken", "### Open decisions", "### Blocked", "### Next required: the ",
      "### Open high risks",
    ] {
      #expect(summary.contains(heading + (heading.hasSuffix(" ") ? "" : "\n")), "\(heading)")
    }
    #expect(summary.contains("Waiting for Tom's till export."))
    #expect(!summary.contains("He is back on Monday"), "a blocked item shows its note's first line")
    #expect(summary.contains("The till export is late and Sprint 1 slips"))
  }

  @Test func everyHTMLTableScrollsSideways() throws {
    let html = try Self.export(.html, log: true)
    let tables = html.components(separatedBy: "<table").count - 1
    let wrapped = html.components(separatedBy: "<div class=\"scroll\"><table").count - 1
    #expect(tables > 5 && tables == wrapped)
    #expect(HTMLReport.css.contains(".scroll { overflow-x: auto;"))
  }

  @Test func printingIsCompact() {
    let css = HTMLReport.css
    #expect(!css.contains("break-before: page"), "a phase does not start a new page")
    #expect(css.contains("h2, h3, h4 { break-after: avoid;"))
    #expect(css.contains("break-inside: avoid"))
  }

  @Test func statusFitsEightyColumnsAndListsOpenDecisionsAndBlockedItems() throws {
    let study = try #require(CaseStudyCatalog.builtIn().first { $0.id == "bike-shop" })
    let long = "The Kingsbridge Evening Cohort, Table Four (Helen's bank review rehearsal) 2026"
    let unbroken = String(repeating: "X", count: 120)
    var states: [Session] = []
    for name in ["A", long, unbroken] {
      states.append(Session(participant: name, caseStudy: study, now: Self.at(0)))
      states.append(try Self.bikeShop16(participant: name).1)
      var all = try Self.bikeShop16(participant: name).1
      for (k, item) in study.allItems.enumerated() {
        all.setStatus(k % 7 == 3 ? .blocked : .doing, of: item.id, at: Self.at(100 + k))
      }
      states.append(all)
      var done = all
      for item in study.allItems { done.setStatus(.done, of: item.id, at: Self.at(300)) }
      states.append(done)
    }
    for session in states {
      let text = Reports.statusText(caseStudy: study, session: session)
      for line in text.split(separator: "\n") {
        #expect(line.count <= 80, "\(line.count) columns: \(line)")
      }
    }
    let text = Reports.statusText(caseStudy: study, session: try Self.bikeShop16().1)
    #expect(text.contains("\nOpen decisions (8):\n"))
    #expect(text.contains("\nBlocked (1):\n"))
    #expect(text.contains("(Sprint 0): Waiting for Tom's"))
    #expect(text.contains("\nReadiness 0%: 1 of 6 phase gates met; the Modelling gate needs "))
    #expect(text.contains("\nNext required, for the Data gate:\n"))
    let json = Reports.statusJSON(caseStudy: study, session: try Self.bikeShop16().1)
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    #expect(object["schema_version"] as? Int == 1)
    #expect((object["open_decisions"] as? [Any])?.count == 8)
    #expect((object["blocked_items"] as? [Any])?.count == 1)
  }

  @Test func participantsSeeNoVerdictsFacilitatorsDo() throws {
    #expect(!(try Self.export(.markdown)).contains("(verdict: "))
    #expect(try Self.export(.markdown, facilitator: true).contains("(verdict: "))
    #expect(!(try Self.export(.html)).contains("class=\"verdict"))
    #expect(try Self.export(.html, facilitator: true).contains("class=\"verdict"))
  }
}

/// Compares `actual` with `Golden/NAME`. A missing file is written (and fails under CI=true);
/// `UPDATE_GOLDEN=1` rewrites it.
func assertCoreGolden(
  _ actual: String, _ name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden").appendingPathComponent(name)
  let env = ProcessInfo.processInfo.environment
  let existing = try? String(contentsOf: url, encoding: .utf8)
  if existing == nil || env["UPDATE_GOLDEN"] == "1" {
    if existing == nil, env["CI"] == "true" {
      Issue.record("golden file \(name) is missing: run the tests locally and commit it")
      return
    }
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("could not write golden \(url.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  #expect(
    existing == actual, "golden \(name) differs (UPDATE_GOLDEN=1 rewrites it)",
    sourceLocation: sourceLocation)
}
