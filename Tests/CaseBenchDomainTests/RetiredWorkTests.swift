import Foundation
import Testing

@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// A session started on the Bike Shop 1.x (made with the 1.0.0 build: `casebench new`, then
/// work on Ethics items that the second edition retires) still opens with 3.0.0, and its work on
/// retired items is reported, never dropped.
@Suite("Sessions from an earlier edition")
struct RetiredWorkTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/sessions/bike-shop-1x-session.json")

  static func load() throws -> (CaseStudy, Session) {
    let study = try BikeShopTests.bikeShop()
    let session = try SessionStore.load(from: fixture)
    return (study, session)
  }

  @Test func theFixtureIsAFirstEditionSession() throws {
    let (study, session) = try Self.load()
    #expect(session.caseStudyVersion == "1.0.0")
    #expect(study.version == "3.0.0")
    #expect(session.items["X.1"]?.note.hasPrefix("Loyalty data only") == true)
    #expect(session.cursor?.item == "X.8", "the cursor rests on an item that is now retired")
  }

  @Test func retiredWorkIsListedWithTitleAndReason() throws {
    let (study, session) = try Self.load()
    let work = RetiredWork(caseStudy: study, session: session)
    #expect(work.rows.map(\.item.id) == ["X.1", "X.3", "X.8", "X.12"])
    #expect(work.rows.map(\.state.status) == [.done, .doing, .blocked, .notApplicable])
    #expect(work.rows[0].item.title == "Keep loyalty data to its purpose")
    let message = try #require(work.message)
    #expect(
      message == "4 retired items keep their work: X.1, X.3, X.8, X.12 (see status or export).")
    #expect(message.count <= 80)
    // X.4 is still in the second edition: its work is ordinary work, not retired.
    #expect(!work.rows.contains { $0.item.id == "X.4" })
  }

  @Test func statusAndEveryExportHaveARetiredSection() throws {
    let (study, session) = try Self.load()
    let status = Reports.statusText(caseStudy: study, session: session)
    #expect(status.contains("Retired items (work kept in the file"))
    #expect(
      status.contains(
        "  X.1 Keep loyalty data to its purpose\n    done, with a note. Restated D.4."))
    #expect(
      status.contains(
        "  X.12 Keep job notes from judging mechanics\n    N/A: No job notes in scope"))
    let section = status.components(separatedBy: "Retired items").last ?? ""
    #expect(section.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(section)")
    let markdown = Reports.export(caseStudy: study, session: session, format: .markdown)
    #expect(markdown.contains("## Retired items"))
    #expect(markdown.contains("| X.8 | Explain forecasts to the staff who use them | blocked |"))
    #expect(markdown.contains("Waiting for the store managers' briefing slot."))
    #expect(!markdown.contains("Recorded work not in this version"), "nothing is left unexplained")
    let html = Reports.export(caseStudy: study, session: session, format: .html)
    #expect(html.contains("<h2>Retired items</h2>"))
    #expect(html.contains("Export share is readable by all staff"))
    let json = Reports.statusJSON(caseStudy: study, session: session)
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let retired = try #require(object["retired_items"] as? [[String: Any]])
    #expect(retired.map { $0["id"] as? String } == ["X.1", "X.3", "X.8", "X.12"])
    #expect(retired[0]["replaced_by"] as? [String] == ["D.4", "X.14"])
  }

  @Test func savingKeepsTheWorkOnRetiredItems() throws {
    let (study, original) = try Self.load()
    var session = original
    session.setStatus(.done, of: "X.14", at: Date(timeIntervalSince1970: 1_800_000_000))
    let data = try SessionStore.encode(session)
    let reread = try SessionStore.decode(data, file: "s.json")
    for id in ["X.1", "X.3", "X.8", "X.12"] {
      #expect(reread.items[id] == original.items[id], "\(id) is kept")
    }
    #expect(reread.items["X.14"]?.status == .done)
    #expect(RetiredWork(caseStudy: study, session: reread).rows.count == 4)
  }
}

/// A session started on the Bike Shop 2.0.0 chose options that the third edition takes out of
/// their decisions (S0.D2 c, D.D1 b, D.D2 d, P.D1 e), and worked on items that are now extension
/// items. It still opens with 3.0.0: every choice and rationale is kept, and reports name each
/// retired option by the title and reason in `retired_items`.
@Suite("Sessions from the second edition")
struct SecondEditionSessionTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/sessions/bike-shop-2x-session.json")
  static let retired = [("S0.D2", "c"), ("D.D1", "b"), ("D.D2", "d"), ("P.D1", "e")]

  static func load() throws -> (CaseStudy, Session) {
    (try BikeShopTests.bikeShop(), try SessionStore.load(from: fixture))
  }

  @Test func theFixtureIsASecondEditionSession() throws {
    let (study, session) = try Self.load()
    #expect(session.caseStudyVersion == "2.0.0")
    #expect(study.version == "3.0.0")
    #expect(session.decisions.count == 6)
  }

  @Test func everyRetiredOptionIsListedAndCurrentOnesAreNot() throws {
    let (study, session) = try Self.load()
    for (decisionID, optionID) in Self.retired {
      let decision = try #require(study.phases.flatMap(\.decisions).first { $0.id == decisionID })
      #expect(session.decisions[decisionID]?.option == optionID)
      let retired = study.retiredOption(optionID, of: decision)
      #expect(retired?.title.hasPrefix("Option of \(decisionID): ") == true, "\(decisionID)")
    }
    let kept = try #require(study.phases.flatMap(\.decisions).first { $0.id == "M.D1" })
    #expect(study.retiredOption("b", of: kept) == nil, "a current option is not retired")
  }

  @Test func reportsNameTheRetiredOptionsAndKeepTheRationales() throws {
    let (study, session) = try Self.load()
    let markdown = Reports.export(caseStudy: study, session: session, format: .markdown)
    #expect(
      markdown.contains(
        "- **Chosen:** Option of S0.D2: offer it as a separately priced option in the proposal "
          + "(option `c`, retired in version 3.0.0: "))
    #expect(markdown.contains("Price it separately so Jess has a route."))
    #expect(markdown.contains("Quick and tidy before modelling."))
    #expect(!markdown.contains("not in this version of the case study"), "nothing unexplained")
    let html = Reports.export(caseStudy: study, session: session, format: .html)
    #expect(html.contains("Option of P.D1: a retainer for the spring months only, March to June"))
    #expect(!html.contains("not in this version of the"))
    #expect(RetiredWork(caseStudy: study, session: session).isEmpty, "no item was retired")
    #expect(session.items["S0.12"]?.status == .done, "work on items now extension is kept")
  }

  @Test func savingKeepsTheChoicesOfRetiredOptions() throws {
    let (_, original) = try Self.load()
    let reread = try SessionStore.decode(try SessionStore.encode(original), file: "s.json")
    for (decisionID, _) in Self.retired {
      #expect(reread.decisions[decisionID] == original.decisions[decisionID], "\(decisionID)")
    }
  }
}
