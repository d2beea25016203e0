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

  @Test func builtInCopyIsByteForByteTheSourceInCaseStudies() throws {
    let source = try Data(
      contentsOf: Self.repoRoot.appendingPathComponent("CaseStudies/bike-shop.yaml"))
    let embedded = Data(BuiltInCaseStudies.bikeShopYAML.utf8)
    #expect(
      source == embedded,
      "Sources/CaseBenchCore/Resources/bike-shop.yaml differs from CaseStudies/bike-shop.yaml: copy the source over it"
    )
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
