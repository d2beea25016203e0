import Foundation
import Testing

@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// The documents a team hands over, filled from a Bike Shop session (issue 20).
@Suite("Hand-over documents")
struct HandOverTests {
  static func at(_ minutes: Double) -> Date {
    Date(timeIntervalSince1970: 1_800_000_000 + minutes * 60)
  }

  /// A team some way into the Bike Shop: notes on items that feed the model card and the
  /// datasheet, two models with one adopted, success metrics, an ethics note, and the ML Test
  /// Score lens with a few tests scored.
  static func session() throws -> (CaseStudy, Session) {
    let study = try BikeShopTests.bikeShop()
    var s = Session(participant: "Team Sprocket", caseStudy: study, now: at(0))
    let notes: [(String, String)] = [
      (
        "S0.3",
        "A weekly forecast of parts demand per shop, read by the shop managers on Monday, will cut stock-outs of fast movers by a third without raising stock value."
      ),
      (
        "D.2",
        "Till sales 2019-2025 (EPOS export), the parts catalogue, the loyalty scheme's transactions, and Gareth's events calendar."
      ),
      ("D.3", "EPOS → nightly CSV → cleaned parquet; lineage kept in the pipeline's README."),
      (
        "D.5",
        "One script rebuilds the training table from the raw exports; dedup and returns removed."
      ),
      ("M.3", "Sales capped by stock-outs are treated as censored: at least the recorded figure."),
      ("E.1", "Backtested per shop and quarter: MAPE 18% overall, 31% for Harbourside in winter."),
      ("E.4", "Error is similar across shops; rural shops have wider ranges."),
      ("P.6", "Not reliable for a new shop in its first three months; use the regional mean."),
      ("X.15", "DPIA drafted with Aisha; loyalty data used only in aggregate."),
    ]
    var minute = 1.0
    for (id, note) in notes {
      s.setStatus(.done, of: id, at: at(minute))
      s.setNote(note, of: id, at: at(minute + 0.5))
      minute += 1
    }
    s.setStatus(.notApplicable, of: "D.9", reason: "No free text in our sources", at: at(minute))
    try s.addMetric(
      name: "Stock-outs of fast movers", kpi: .revenue, mechanism: "fewer lost sales",
      target: "-33% by spring", at: at(20))
    try s.addMetric(
      name: "Stock value", kpi: .costSaving, mechanism: "less capital tied up", at: at(21))
    try s.addModel(
      name: "Seasonal naive", phase: "modelling", dataVersion: "sales-2025-10", metrics: "MAPE 24%",
      in: study, at: at(22))
    try s.addModel(
      name: "Gradient-boosted weekly forecast", phase: "modelling", dataVersion: "sales-2025-10",
      parameters: "LightGBM, 400 trees, depth 6", metrics: "MAPE 18%",
      notes: "Quantile loss for ranges",
      rebuildable: true, rebuildNeeds: "pipeline tag v1.2 and the seed", in: study, at: at(23))
    try s.recordAdoption(
      candidates: ["M1", "M2"], chosen: "M2", rationale: "Beats the baseline in every shop.",
      at: at(24))
    let lens = try LensTests.scoreLens()
    try s.addLens(
      content: lens.record.content, checklist: lens.checklist, caseStudy: study, at: at(25))
    s.setPoints(.byHand, of: lens.key("Model.6"), at: at(26))
    s.setNote("Per-shop backtest in the evaluation notebook.", of: lens.key("Model.6"), at: at(27))
    return (study, s)
  }

  @Test func theModelCardHasMitchellsNineSectionsFilledFromTheSession() throws {
    let (study, session) = try Self.session()
    let card = Reports.handOver(caseStudy: study, session: session, document: .modelCard)
    let headings = card.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(
      headings == [
        "## 1. Model details", "## 2. Intended use", "## 3. Factors", "## 4. Metrics",
        "## 5. Evaluation data", "## 6. Training data", "## 7. Quantitative analyses",
        "## 8. Ethical considerations", "## 9. Caveats and recommendations",
      ])
    #expect(card.hasPrefix("# Model card: Gradient-boosted weekly forecast\n"))
    #expect(
      card.contains("MAPE 31% for Harbourside in winter")
        || card.contains("31% for Harbourside in winter"))
    #expect(
      card.contains("| Stock-outs of fast movers | revenue | fewer lost sales | -33% by spring |"))
    assertCoreGolden(card, "bike-shop-model-card.md")
  }

  @Test func theDatasheetHasGebrusSevenSectionsAndSaysWhereNothingWasWritten() throws {
    let (study, session) = try Self.session()
    let sheet = Reports.handOver(caseStudy: study, session: session, document: .datasheet)
    let headings = sheet.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(
      headings == [
        "## 1. Motivation", "## 2. Composition", "## 3. Collection process",
        "## 4. Preprocessing, cleaning and labelling", "## 5. Uses", "## 6. Distribution",
        "## 7. Maintenance",
      ])
    #expect(sheet.contains("*Nothing was written for this section.*"))
    #expect(
      sheet.contains("D.9 Handle free-text fields")
        && sheet.contains("N/A: No free text in our sources"))
    assertCoreGolden(sheet, "bike-shop-datasheet.md")
  }

  @Test func anEmptySessionInventsNothing() throws {
    let study = try BikeShopTests.bikeShop()
    let session = Session(participant: "Empty", caseStudy: study, now: Self.at(0))
    let card = Reports.handOver(caseStudy: study, session: session, document: .modelCard)
    #expect(card.contains("*Nothing is recorded in the model register.*"))
    #expect(card.contains("*No success metrics or KPIs are recorded.*"))
    #expect(card.components(separatedBy: "*Nothing was written for this section.*").count == 10)
    let json = Reports.handOver(caseStudy: study, session: session, document: .modelCardJSON)
    #expect(
      json == """
        {
          "model_details" : {
            "name" : "Empty",
            "owners" : [
              {
                "name" : "Empty"
              }
            ]
          },
          "schema_version" : "0.0.2"
        }

        """)
  }

  @Test func theModelCardJSONValidatesAgainstModelCardToolkitsSchema() throws {
    let (study, session) = try Self.session()
    let json = Reports.handOver(caseStudy: study, session: session, document: .modelCardJSON)
    assertCoreGolden(json, "bike-shop-model-card.json")
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-model-card-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let card = folder.appendingPathComponent("card.json")
    try json.write(to: card, atomically: true, encoding: .utf8)
    let schema = LensTests.fixtures.appendingPathComponent(
      "model-card-toolkit/model_card.schema.json")
    let check = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1])); card = json.load(open(sys.argv[2]))
      jsonschema.Draft7Validator.check_schema(schema)
      errors = list(jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(card))
      for e in errors: print(e.message)
      sys.exit(1 if errors else 0)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", check, schema.path, card.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    process.waitUntilExit()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 0, "\(output)")
    // And the schema refuses what it should: a key it does not know.
    let bad = json.replacingOccurrences(of: "\"schema_version\"", with: "\"schema_versions\"")
    try bad.write(to: card, atomically: true, encoding: .utf8)
    let again = Process()
    again.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    again.arguments = ["python3", "-c", check, schema.path, card.path]
    again.standardOutput = Pipe()
    again.standardError = Pipe()
    try again.run()
    again.waitUntilExit()
    #expect(again.terminationStatus == 1)
  }
}
