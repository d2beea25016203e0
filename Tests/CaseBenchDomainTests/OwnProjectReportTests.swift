import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// Own-project mode speaks only of the user's project (issue 10, item 8): its reports carry the
/// phases, the guidance's titles and the user's own work, and nothing of the Bike Shop's story.
@Suite("Own-project reports")
struct OwnProjectReportTests {
  /// Every place the Bike Shop's story names, from the background's "Facts at a glance".
  static let storyPlaces = [
    "Kingsbridge", "Harbourside", "Northgate", "Millford", "Elmstead", "Westfield", "Stanmoor",
    "Fernley", "Ashby Green", "Thornby", "Hollins Dale", "Riverside Quay", "Greenway",
    "Larchwood", "the Vale",
  ]

  static func session(_ study: CaseStudy) -> Session {
    var session = Session(
      participant: "Churn forecast for Acme Telecom", caseStudy: study, mode: .ownProject,
      now: Date(timeIntervalSince1970: 1_800_000_000))
    var minute = 1.0
    func at() -> Date {
      minute += 1
      return Date(timeIntervalSince1970: 1_800_000_000 + minute * 60)
    }
    for (index, item) in study.allItems.enumerated() {
      let status: ItemStatus = [.done, .doing, .blocked, .notApplicable, .todo][index % 5]
      session.setStatus(status, of: item.id, reason: "Not relevant to us", at: at())
      if index % 3 == 0 { session.setNote("Agreed with our product owner.", of: item.id, at: at()) }
    }
    // A decision recorded before the mode was chosen still must not bring its story along.
    if let decision = study.phases.first?.decisions.first, let option = decision.options.first {
      session.decide(decision.id, option: option.id, rationale: "Our call", at: at())
    }
    return session
  }

  @Test func namesNoCastMemberAndNoStoryPlace() throws {
    let study = try BikeShopTests.bikeShop()
    let session = Self.session(study)
    let castNames = study.cast.flatMap { member in
      member.name.split(separator: " ").map(String.init).filter { $0.count >= 2 }
    }
    #expect(castNames.contains("Nadia") && castNames.contains("Helen"))
    var texts = [
      ("status", Reports.statusText(caseStudy: study, session: session)),
      (
        "status json",
        String(decoding: Reports.statusJSON(caseStudy: study, session: session), as: UTF8.self)
      ),
    ]
    for format in ReportFormat.allCases {
      texts.append(
        ("\(format)", Reports.export(caseStudy: study, session: session, format: format)))
      texts.append(
        (
          "\(format) facilitator",
          Reports.export(caseStudy: study, session: session, format: format, facilitator: true)
        ))
    }
    for (name, text) in texts {
      let words = Set(CaseStudyValidator.words(of: text))
      let cast = castNames.filter { words.contains($0) }
      #expect(cast.isEmpty, "\(name) names \(cast)")
      let places = Self.storyPlaces.filter { text.contains($0) }
      #expect(places.isEmpty, "\(name) names \(places)")
    }
  }

  @Test func isTitledWithTheProjectAndLeavesDecisionPointsOut() throws {
    let study = try BikeShopTests.bikeShop()
    let session = Self.session(study)
    let markdown = Reports.export(caseStudy: study, session: session, format: .markdown)
    #expect(markdown.hasPrefix("# Churn forecast for Acme Telecom\n"))
    #expect(markdown.contains("| Project | Churn forecast for Acme Telecom |"))
    #expect(!markdown.contains("### Decisions"))
    #expect(!markdown.contains("Our call"))
    let html = Reports.export(caseStudy: study, session: session, format: .html)
    #expect(html.contains("<h1>Churn forecast for Acme Telecom</h1>"))
    #expect(html.contains("<title>Churn forecast for Acme Telecom</title>"))
    #expect(!html.contains("<h3>Decisions</h3>"))
    let status = Reports.statusText(caseStudy: study, session: session)
    #expect(!status.contains("Decisions"))
  }

  /// Issue 19: a manager's report for their own stakeholders names the method, by its phases,
  /// not the story it was written for.
  @Test func namesTheMethodNotTheStory() throws {
    let study = try BikeShopTests.bikeShop()
    let session = Self.session(study)
    let phases = "Sprint 0, Data, Modelling, Evaluation, Production, Ethics"
    let markdown = Reports.export(caseStudy: study, session: session, format: .markdown)
    #expect(
      markdown.contains(
        "| Method | \(phases) (checklist bike-shop, version \(study.version)) |"))
    #expect(!markdown.contains("Phases from"))
    let html = Reports.export(caseStudy: study, session: session, format: .html)
    #expect(html.contains("<dt>Method</dt><dd>\(phases) (checklist <code>bike-shop</code>"))
    let status = Reports.statusText(caseStudy: study, session: session)
    #expect(status.hasPrefix("Churn forecast for Acme Telecom: Sprint 0, Data, Modelling,"))
    for text in [markdown, html, status] {
      #expect(!text.contains(study.title), "the story's title stays out")
    }
  }
}
