import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// Lenses: deon's checklist imported unchanged, the ML Test Score, and how a lens lives in a
/// session (issue 20).
@Suite("Lenses")
struct LensTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  static let deon = fixtures.appendingPathComponent("deon-0.3.0/checklist.yml")
  static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

  static func deonLensYAML() throws -> String {
    let checklist = try DeonImport.load(
      checklist: deon, examples: DeonImport.examplesBeside(deon))
    return checklist.lensYAML(source: "deon checklist checklist.yml")
  }

  /// deon 0.3.0's ids and summaries, in its order.
  static let deonLines: [(String, String)] = [
    ("A.1", "Informed consent"), ("A.2", "Collection bias"), ("A.3", "Limit PII exposure"),
    ("A.4", "Downstream bias mitigation"), ("B.1", "Data security"),
    ("B.2", "Right to be forgotten"), ("B.3", "Data retention plan"),
    ("C.1", "Missing perspectives"), ("C.2", "Dataset bias"), ("C.3", "Honest representation"),
    ("C.4", "Privacy in analysis"), ("C.5", "Auditability"), ("D.1", "Proxy discrimination"),
    ("D.2", "Fairness across groups"), ("D.3", "Metric selection"), ("D.4", "Explainability"),
    ("D.5", "Communicate bias"), ("E.1", "Redress"), ("E.2", "Roll back"),
    ("E.3", "Concept drift"), ("E.4", "Unintended use"),
  ]

  @Test func deonsDefaultChecklistImportsWithItsIdsWordingAndExamples() throws {
    let yaml = try Self.deonLensYAML()
    #expect(CaseStudyLoader.lint(yaml, file: "deon.yaml").isEmpty, "lints clean, no warnings")
    let lens = try CaseStudyLoader.parse(yaml, file: "deon.yaml")
    #expect(lens.lens?.scoring == .checklist)
    #expect(lens.title == "Data Science Ethics Checklist")
    #expect(lens.phases.map(\.id) == ["A", "B", "C", "D", "E"])
    #expect(
      lens.phases.map(\.title) == [
        "Data Collection", "Data Storage", "Analysis", "Modeling", "Deployment",
      ])
    #expect(
      lens.phases.map { Lens.hostPhase(of: $0) } == [
        "data", "data", "data", "modelling", "production",
      ])
    #expect(lens.allItems.map(\.id) == Self.deonLines.map(\.0))
    #expect(lens.allItems.map(\.title) == Self.deonLines.map(\.1))
    let first = try #require(lens.allItems.first)
    #expect(
      first.guidance
        == "If there are human subjects, have they given informed consent, where subjects "
        + "affirmatively opt-in and have a clear understanding of the data uses to which they "
        + "consent?")
    #expect(first.caseContext.isEmpty && first.why.isEmpty && first.hint.isEmpty)
    let allEthics = lens.allItems.allSatisfy { $0.isEthicsItem }
    #expect(allEthics)
    #expect(first.references.count == 2)
    #expect(
      first.references[1].hasSuffix("<https://en.wikipedia.org/wiki/Tuskegee_syphilis_experiment>"))
  }

  @Test func aDeonSessionExportsAll21ItemsInDeonsOrderWithDeonsSummaries() throws {
    let study = try BikeShopTests.bikeShop()
    var session = Session(participant: "Team D", caseStudy: study, mode: .ownProject, now: Self.t0)
    let yaml = try Self.deonLensYAML()
    try session.addLens(
      content: yaml, checklist: try CaseStudyLoader.parse(yaml, file: "deon.yaml"),
      caseStudy: study, at: Self.t0)
    session.setStatus(.done, of: "data-science-ethics-checklist:A.1", at: Self.t0)
    let markdown = Reports.export(caseStudy: study, session: session, format: .markdown)
    var rows: [String] = []
    for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
      let cells = line.split(separator: "|").map { $0.trimming(.whitespaces) }
      if let id = cells.first, Self.deonLines.contains(where: { $0.0 == id }) {
        rows.append("\(cells[0]) \(cells[1])")
      }
    }
    #expect(rows == Self.deonLines.map { "\($0.0) \($0.1)" })
    #expect(markdown.contains("## Lens: Data Science Ethics Checklist"))
    #expect(markdown.contains("**1 of 21 settled (4%).**"), "percentages round down")
    // The lens counts towards its own score, never the case study's gates.
    let plain = Session(participant: "Team D", caseStudy: study, mode: .ownProject, now: Self.t0)
    #expect(
      Progress(caseStudy: study, session: session) == Progress(caseStudy: study, session: plain))
  }

  @Test func aCustomChecklistInAnotherLanguageMapsByLetterAndKeepsItsLinks() throws {
    let custom = """
      title: Lista de verificação
      sections:
        - title: Coleta de Dados
          section_id: A
          lines:
            - line_id: A.1
              line_summary: Consentimento informado
              line: "Os sujeitos deram consentimento: sim ou não?"
        - title: Governança
          section_id: G
          lines:
            - line_id: G.1
              line_summary: Dono dos dados
              line: Quem responde pelos dados?
      """
    var checklist = try DeonImport.parse(custom, file: "custom.yml")
    checklist.examples = try DeonImport.parseExamples(
      """
      - line_id: A.1
        links:
          - text: ✅ Um bom exemplo.
            url: https://example.org/bom
          - text: ⛔ Um dano.
            url: https://example.org/dano
      """, file: "examples.yml")
    #expect(checklist.examples["A.1"]?.map(\.kind) == [.goodPractice, .harm])
    let yaml = checklist.lensYAML(source: "custom.yml")
    let lens = try CaseStudyLoader.parse(yaml, file: "custom.yaml")
    #expect(lens.id == "lista-de-verifica-o")
    #expect(lens.phases.map(\.showsIn) == ["data", nil])
    #expect(
      lens.allItems.map(\.guidance) == [
        "Os sujeitos deram consentimento: sim ou não?", "Quem responde pelos dados?",
      ])
    #expect(
      lens.allItems[0].references == [
        "✅ Um bom exemplo. <https://example.org/bom>", "⛔ Um dano. <https://example.org/dano>",
      ])
    let study = try BikeShopTests.bikeShop()
    let placed = Lens(
      record: LensRecord(id: lens.id, title: lens.title, content: yaml, added: Self.t0),
      checklist: lens)
    #expect(placed.unplacedPhases(in: study).map(\.id) == ["G"])
    #expect(placed.items(showingIn: "data").map(\.id) == ["A.1"])
  }

  /// A broken deon file: each problem located, as the case-study loader locates its own.
  @Test(arguments: [
    (
      "title: T\nsections:\n  - title: A\n    section_id: A\n    lines:\n      - line_id: A.1\n        line: x\n",
      6, 9, "missing key 'line_summary'"
    ),
    (
      "title: T\nsections:\n  - title: A\n    section_id: A\n    lines:\n      - line_id: A.1\n        line_summary: s\n        line: x\n      - line_id: A.1\n        line_summary: t\n        line: y\n",
      9, 18, "line_id 'A.1' is used twice (first at line 6)"
    ),
    ("title: T\nsections: 3\n", 2, 11, "'sections' in the checklist must be a list"),
    (
      "title: T\nsections:\n  - title: A\n    section_id: A\n    lines: []\n", 5, 12,
      "'lines' in section 1 is empty"
    ),
    (
      "title: T\nsections:\n  - title: A\n    sektion_id: A\n    lines: []\n", 4, 5,
      "unknown key 'sektion_id' in section 1"
    ),
    ("title: [T\nsections: []\n", 2, 9, "YAML syntax error"),
    (
      "title: T\nsections:\n  - title: A\n    section_id: A 1\n    lines:\n      - {line_id: x, line_summary: s, line: l}\n",
      4, 17, "is not an id"
    ),
  ])
  func brokenDeonFilesGetLocatedErrors(yaml: String, line: Int, column: Int, message: String)
    throws
  {
    let error = try #require(throws: CaseStudyLoadError.self) {
      try DeonImport.parse(yaml, file: "broken.yml")
    }
    let located = error.diagnostics.filter { $0.line == line && $0.column == column }
    #expect(!located.isEmpty, "\(error.diagnostics.map(\.description))")
    #expect(
      located.contains { $0.message.contains(message) }, "\(error.diagnostics.map(\.description))")
    let named = error.diagnostics.allSatisfy { $0.description.hasPrefix("broken.yml:") }
    #expect(named)
  }

  // MARK: The ML Test Score

  static func scoreLens() throws -> Lens {
    let yaml = BuiltInLenses.mlTestScoreYAML
    let checklist = try CaseStudyLoader.parse(yaml, file: "ml-test-score")
    return Lens(
      record: LensRecord(id: checklist.id, title: checklist.title, content: yaml, added: t0),
      checklist: checklist)
  }

  @Test func theBuiltInRubricIsThe2017OneWith28TestsInFourSectionsOfSeven() throws {
    let lens = try Self.scoreLens()
    #expect(lens.scoring == .mlTestScore)
    #expect(lens.title.contains("2017"))
    #expect(lens.checklist.lens?.source.contains("IEEE Big Data 2017") == true)
    #expect(
      lens.checklist.phases.map(\.title) == ["Data", "Model", "Infrastructure", "Monitoring"])
    #expect(lens.checklist.phases.map(\.items.count) == [7, 7, 7, 7])
    let lintErrors = CaseStudyLoader.lint(BuiltInLenses.mlTestScoreYAML, file: "m").filter {
      $0.isError
    }
    #expect(lintErrors.isEmpty)
  }

  @Test func sectionsSumTheirTestsAndTheFinalScoreIsTheMinimum() throws {
    let lens = try Self.scoreLens()
    let study = try BikeShopTests.bikeShop()
    var session = Session(participant: "T", caseStudy: study, now: Self.t0)
    #expect(lens.mlTestScore(in: session).sections.map(\.sum) == [0, 0, 0, 0])
    for (index, phase) in lens.checklist.phases.enumerated() {
      let points: TestPoints = [.byHand, .automated, .automated, .byHand][index]
      for item in phase.items { session.setPoints(points, of: lens.key(item.id), at: Self.t0) }
    }
    // Monitoring gets one automated test among its halves.
    session.setPoints(.automated, of: lens.key("Monitor.1"), at: Self.t0)
    let score = lens.mlTestScore(in: session)
    #expect(score.sections.map(\.sum) == [3.5, 7, 7, 4])
    #expect(score.final == 3.5)
    #expect(score.weakest.map(\.title) == ["Data"])
    #expect(score.band == .upToFive)
    #expect(
      score.workings()
        == "Data 3.5 · Model 7 · Infrastructure 7 · Monitoring 4; the minimum is 3.5 (Data)")
    #expect(session.points(of: lens.key("Data.1")) == .byHand)
    session.setPoints(.none, of: lens.key("Data.1"), at: Self.t0)
    #expect(lens.mlTestScore(in: session).final == 3)
    #expect(session.lenses?.points[lens.key("Data.1")] == nil, "0 is not stored")
  }

  @Test(arguments: [
    (0.0, MLTestScore.Band.zero), (0.5, .upToOne), (1, .upToOne), (1.5, .upToTwo), (2, .upToTwo),
    (2.5, .upToThree), (3, .upToThree), (3.5, .upToFive), (5, .upToFive), (5.5, .aboveFive),
    (7, .aboveFive),
  ])
  func everyBandsEdges(score: Double, band: MLTestScore.Band) {
    #expect(MLTestScore.Band(score: score) == band)
    let halves = Int(score * 2)
    var points = [TestPoints](repeating: .automated, count: halves / 2)
    if halves % 2 == 1 { points.append(.byHand) }
    points += [TestPoints](repeating: .none, count: 7 - points.count)
    #expect(points.count == 7)
    // One section at the score, the others full: the minimum is the score.
    let full = [TestPoints](repeating: .automated, count: 7)
    let sections = [points, full, full, full].enumerated().map {
      MLTestScore.Section(id: "\($0.offset)", title: "S\($0.offset)", points: $0.element)
    }
    #expect(MLTestScore(sections: sections).final == score)
  }

  // MARK: Lenses in a session

  @Test func addingALensKeepsEverythingAndRemovingItKeepsItsAnswers() throws {
    let study = try BikeShopTests.bikeShop()
    var session = OwnProjectReportTests.session(study)
    try session.addRisk(
      RiskDraft(title: "Late data", phase: "data", likelihood: 3, impact: 4), in: study)
    let before = session
    let lens = try Self.scoreLens()
    try session.addLens(
      content: lens.record.content, checklist: lens.checklist, caseStudy: study, at: Self.t0)
    #expect(session.items == before.items)
    #expect(session.decisions == before.decisions)
    #expect(session.toolkit == before.toolkit)
    #expect(Array(session.events.prefix(before.events.count)) == before.events)
    session.setNote("Schema checked in CI.", of: lens.key("Data.1"), at: Self.t0)
    session.setPoints(.automated, of: lens.key("Data.1"), at: Self.t0)
    try session.removeLens(id: "ml-test-score", at: Self.t0)
    #expect(try session.activeLenses(file: "s").isEmpty)
    let reread = try SessionStore.decode(try SessionStore.encode(session), file: "s.json")
    #expect(reread == session)
    #expect(reread.note(of: "ml-test-score:Data.1") == "Schema checked in CI.")
    #expect(reread.points(of: "ml-test-score:Data.1") == .automated)
    #expect(reread.lensRecords.first?.removed != nil)
    #expect(CaseStudyCatalog.orphanedIDs(of: reread, in: study).isEmpty)
    #expect(throws: ToolkitError.self) { try session.removeLens(id: "ml-test-score") }
    // Added again, it shows with the answers it had.
    try session.addLens(
      content: lens.record.content, checklist: lens.checklist, caseStudy: study, at: Self.t0)
    #expect(try session.activeLenses(file: "s").map(\.id) == ["ml-test-score"])
    #expect(session.note(of: "ml-test-score:Data.1") == "Schema checked in CI.")
    let encoder = SessionStore.makeEncoder()
    var expected = try encoder.encode(session)
    expected.append(0x0A)
    #expect(try SessionStore.encode(session) == expected, "the fast writer writes lenses too")
  }

  @Test func aHandOverTagNamingNoSectionIsALocatedError() throws {
    let yaml = BuiltInLenses.mlTestScoreYAML.replacingOccurrences(
      of: "[ml-test-score, model, kpi, model-card/metrics]",
      with: "[ml-test-score, model, kpi, model-card/metric]")
    #expect(yaml != BuiltInLenses.mlTestScoreYAML)
    let errors = CaseStudyLoader.lint(yaml, file: "m.yaml").filter(\.isError)
    #expect(errors.count == 1)
    let error = try #require(errors.first)
    #expect(error.line > 0 && error.column > 0)
    #expect(error.message.contains("'model-card/metric'"))
    #expect(error.fix?.contains("did you mean 'model-card/metrics'?") == true)
    #expect(error.fix?.contains("'model-card/caveats'") == true)
  }
}
