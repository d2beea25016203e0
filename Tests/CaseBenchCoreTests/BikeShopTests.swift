import Foundation
import Testing

@testable import CaseBenchCore

/// The flagship case study is the product: these tests hold it to the brief.
@Suite("The Bike Shop case study")
struct BikeShopTests {
  static let repoRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func bikeShop() throws -> CaseStudy {
    try #require(CaseStudyCatalog.builtIn().first { $0.id == "bike-shop" })
  }

  /// The binary embeds CaseStudies/bike-shop.yaml itself, through a symbolic link in Core's
  /// Resources folder: an edit to the file is in the next build.
  @Test func builtInBikeShopIsTheFileInCaseStudies() throws {
    let source = try Data(
      contentsOf: Self.repoRoot.appendingPathComponent("CaseStudies/bike-shop.yaml"))
    let embedded = Data(BuiltInCaseStudies.bikeShopYAML.utf8)
    #expect(
      source == embedded,
      "the embedded Bike Shop differs from CaseStudies/bike-shop.yaml: is Sources/CaseBenchCore/Resources/bike-shop.yaml still a link to it?"
    )
    // A link, not a second copy that could fall behind.
    let resource = Self.repoRoot.appendingPathComponent(
      "Sources/CaseBenchCore/Resources/bike-shop.yaml")
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: resource.path)
        == "../../../CaseStudies/bike-shop.yaml")
  }

  /// Model answers reach a facilitator's report and never a participant's.
  @Test func modelAnswersAreInTheFacilitatorsReportOnly() throws {
    let study = try Self.bikeShop()
    let session = Session(
      participant: "Team A", caseStudy: study, now: Date(timeIntervalSince1970: 0))
    let answer = "Between 180 and 260 person-days"
    for format in [ReportFormat.markdown, .html, .json] {
      let participant = Reports.export(caseStudy: study, session: session, format: format)
      #expect(!participant.contains(answer), "\(format)")
      #expect(!participant.contains("Model answers"), "\(format)")
    }
    for format in [ReportFormat.markdown, .html] {
      let facilitator = Reports.export(
        caseStudy: study, session: session, format: format, facilitator: true)
      #expect(facilitator.contains(answer), "\(format)")
    }
  }

  @Test func lintsWithoutErrorsOrWarnings() {
    #expect(CaseStudyCatalog.builtInDiagnostics() == [])
  }

  @Test func hasTheSixPhasesInOrder() throws {
    let study = try Self.bikeShop()
    #expect(
      study.phases.map(\.id) == [
        "sprint-0", "data", "modelling", "evaluation", "production", "ethics",
      ])
    #expect(
      study.phases.map(\.title) == [
        "Sprint 0", "Data", "Modelling", "Evaluation", "Production", "Ethics",
      ])
  }

  @Test func everyPhaseIsTeachable() throws {
    let study = try Self.bikeShop()
    for phase in study.phases {
      #expect(!phase.briefing.isEmpty, "\(phase.id) has a briefing")
      #expect((8...14).contains(phase.items.count), "\(phase.id) has 8–14 items")
      #expect(phase.decisions.contains { $0.options.count >= 3 }, "\(phase.id) has a real decision")
      #expect(!phase.riskPrompts.isEmpty, "\(phase.id) has risk prompts")
      #expect(!phase.facilitatorNotes.isEmpty, "\(phase.id) has facilitator notes")
      #expect(!phase.gate.isEmpty, "\(phase.id) has a gate")
      for decision in phase.decisions {
        let verdicts = Set(decision.options.map(\.verdict))
        #expect(verdicts.contains(.recommended), "\(decision.id) has a recommended option")
        #expect(verdicts.count >= 2, "\(decision.id) is a real trade-off, not one right answer")
      }
    }
  }

  @Test func hasAFullCast() throws {
    let study = try Self.bikeShop()
    #expect(study.cast.count >= 6)
    #expect(study.cast.allSatisfy { !$0.hotButtons.isEmpty })
  }

  @Test func ethicsIsTaggedWhereItArises() throws {
    let study = try Self.bikeShop()
    let others = study.phases.filter { $0.id != "ethics" }
    let tagged = Set(
      others.filter { phase in phase.items.contains { $0.tags.contains("ethics") } }.map(\.id))
    #expect(tagged == Set(others.map(\.id)), "every other phase has an ethics-tagged item")
    let ethics = try #require(study.phase(id: "ethics"))
    #expect(ethics.items.allSatisfy { !$0.arisesIn.isEmpty })
  }

  @Test func sprintZeroTeachesTheDoublingEstimate() throws {
    let study = try Self.bikeShop()
    let sprint0 = try #require(study.phase(id: "sprint-0"))
    let estimate = try #require(sprint0.items.first { $0.tags.contains("estimate") })
    let text = (estimate.guidance + estimate.caseContext + estimate.hint).lowercased()
    #expect(text.contains("double"))
    #expect(text.contains("20"))
  }

  @Test func textHasNoStrayLineBreaksAtTheEnd() throws {
    let study = try Self.bikeShop()
    for item in study.allItems {
      for text in [item.title, item.guidance, item.caseContext, item.why, item.hint] {
        #expect(text == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(item.id)")
      }
    }
  }
}

/// The second edition's promises to a facilitator (issue 10): decisions that must be thought
/// through, a day that fits, and titles that own-project mode can show.
@Suite("The Bike Shop, second edition")
struct BikeShopSecondEditionTests {
  static func bikeShop() throws -> CaseStudy { try BikeShopTests.bikeShop() }

  @Test func decisionsGiveNoAnswerAwayByPositionOrLength() throws {
    let decisions = try Self.bikeShop().phases.flatMap(\.decisions)
    #expect(decisions.count >= 6)
    var positions: [Int: Int] = [:]
    var longestIsRecommended = 0
    for decision in decisions {
      let recommended = decision.options.indices.filter {
        decision.options[$0].verdict == .recommended
      }
      #expect(!recommended.isEmpty, "\(decision.id) has a recommended option")
      for index in recommended { positions[index, default: 0] += 1 }
      let longest = decision.options.max { $0.label.count < $1.label.count }
      if longest?.verdict == .recommended { longestIsRecommended += 1 }
      #expect(
        decision.options.contains { $0.verdict == .poor }, "\(decision.id) has a poor option")
    }
    #expect(positions.count >= 3, "the recommended option sits in varied places: \(positions)")
    #expect(
      positions.values.allSatisfy { $0 * 2 <= decisions.count },
      "no one position holds the recommended option in more than half the decisions: \(positions)")
    #expect(
      decisions.filter { $0.options.first?.verdict == .poor }.count * 2 <= decisions.count,
      "the first option is not usually the poor one")
    #expect(
      longestIsRecommended * 2 <= decisions.count,
      "the longest label is the recommended one in \(longestIsRecommended) of \(decisions.count)")
  }

  @Test func everyOptionHasADebrief() throws {
    for decision in try Self.bikeShop().phases.flatMap(\.decisions) {
      for option in decision.options {
        #expect(!option.debrief.isEmpty, "\(decision.id) option \(option.id) has a debrief")
      }
    }
  }

  @Test func theCorePathFitsTheDay() throws {
    let study = try Self.bikeShop()
    for phase in study.phases {
      let core = phase.items.filter { $0.level == .core }.count
      #expect((5...7).contains(core), "\(phase.id) has \(core) core items; the brief asks 5–7")
      let schedule = try #require(phase.schedule, "\(phase.id) has a schedule")
      #expect(schedule.total == phase.timeboxMinutes, "\(phase.id): the schedule fills the timebox")
      #expect(schedule.debrief > 0, "\(phase.id) leaves time for the debrief")
      let gateItems = phase.items.filter { phase.gate.contains($0.id) }
      #expect(
        gateItems.allSatisfy { $0.level == .core },
        "\(phase.id): a team on the core path can meet the gate")
    }
    let minutes = study.phases.map(\.timeboxMinutes).reduce(0, +)
    #expect(minutes <= 300, "the phase timeboxes sum to \(minutes) minutes")
  }

  @Test func retiredItemsAreTheRestatedEthicsItems() throws {
    let study = try Self.bikeShop()
    let retired = Set(study.retiredItems.map(\.id))
    #expect(
      retired.isSuperset(of: ["X.1", "X.2", "X.3", "X.5", "X.6", "X.8", "X.10", "X.12", "X.13"]))
    for item in study.retiredItems {
      #expect(study.item(id: item.id) == nil, "\(item.id) is not reused")
      #expect(!item.title.isEmpty && !item.reason.isEmpty)
      for replacement in item.replacedBy {
        #expect(study.item(id: replacement) != nil, "\(item.id) points at \(replacement)")
      }
    }
  }

  @Test func titlesAndGoalsNameNoCastMember() throws {
    let study = try Self.bikeShop()
    let names = Set(
      study.cast.flatMap { $0.name.split(separator: " ").map(String.init) }.filter { $0.count >= 2 }
    )
    var texts = study.phases.map { ($0.id, $0.goal) }
    texts += study.allItems.map { ($0.id, $0.title) }
    for (id, text) in texts {
      let words = Set(CaseStudyValidator.words(of: text))
      #expect(words.isDisjoint(with: names), "\(id): '\(text)' names the cast")
    }
  }
}
