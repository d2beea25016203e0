import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

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
      "the embedded Bike Shop differs from CaseStudies/bike-shop.yaml: is Sources/CaseBenchLoading/Resources/bike-shop.yaml still a link to it?"
    )
    // A link, not a second copy that could fall behind.
    let resource = Self.repoRoot.appendingPathComponent(
      "Sources/CaseBenchLoading/Resources/bike-shop.yaml")
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
        let defensible = decision.options.filter { $0.verdict == .defensible }.count
        #expect(
          verdicts.contains(.recommended) || defensible >= 2,
          "\(decision.id) has a recommended option, or two defensible ones")
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
      let defensible = decision.options.filter { $0.verdict == .defensible }.count
      #expect(
        !recommended.isEmpty || defensible >= 2,
        "\(decision.id) has a recommended option, or two defensible ones")
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

  /// Third edition (issue 19): about three core items a phase, and at least eight minutes of
  /// debrief for every decision.
  @Test func theCorePathFitsTheDay() throws {
    let study = try Self.bikeShop()
    for phase in study.phases {
      let core = phase.items.filter { $0.level == .core }.count
      #expect((3...4).contains(core), "\(phase.id) has \(core) core items; the brief asks about 3")
      let schedule = try #require(phase.schedule, "\(phase.id) has a schedule")
      #expect(schedule.total == phase.timeboxMinutes, "\(phase.id): the schedule fills the timebox")
      #expect(
        schedule.debrief >= 8 * phase.decisions.count,
        "\(phase.id): \(schedule.debrief) minutes of debrief for \(phase.decisions.count) decisions"
      )
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

/// The third edition's promise (issue 19): the run sheet a facilitator holds agrees, minute for
/// minute, with the case study's own schedules, and the day fits 09:30 to 16:30.
@Suite("The Bike Shop, third edition: the run sheet")
struct BikeShopRunSheetTests {
  struct Row: Equatable {
    var start: Int
    var block: String
    var minutes: Int
    var split: [Int]
  }

  /// The rows of the run sheet's Timings table: "| 10:10 | Sprint 0 | 60 (5 / 25 / 10 / 20) |".
  static func timings() throws -> [Row] {
    let url = BikeShopTests.repoRoot.appendingPathComponent(
      "CaseStudies/bike-shop-facilitator.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    var rows: [Row] = []
    for line in text.split(separator: "\n") where line.hasPrefix("| ") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count == 3 else { continue }
      let clock = cells[0].split(separator: ":").compactMap { Int($0) }
      guard clock.count == 2 else { continue }
      let numbers = cells[2].split { !$0.isNumber }.compactMap { Int($0) }
      guard let minutes = numbers.first else { continue }
      rows.append(
        Row(
          start: clock[0] * 60 + clock[1], block: cells[1], minutes: minutes,
          split: Array(numbers.dropFirst())))
    }
    return rows
  }

  @Test func theTimingsAgreeWithEachPhasesSchedule() throws {
    let study = try BikeShopTests.bikeShop()
    let rows = try Self.timings()
    #expect(rows.first?.start == 9 * 60 + 30, "the day starts at 09:30")
    for (row, next) in zip(rows, rows.dropFirst()) {
      #expect(row.start + row.minutes == next.start, "\(row.block) runs into \(next.block)")
    }
    if let last = rows.last { #expect(last.start + last.minutes == 16 * 60 + 30) }
    for phase in study.phases {
      let row = try #require(rows.first { $0.block == phase.title }, "\(phase.title) is timed")
      let schedule = try #require(phase.schedule)
      #expect(row.minutes == phase.timeboxMinutes, "\(phase.id)")
      #expect(
        row.split == [schedule.read, schedule.work, schedule.decide, schedule.debrief],
        "\(phase.id)")
    }
    let opening = try #require(rows.first { $0.block.hasPrefix("Opening") })
    #expect(opening.minutes >= 40, "the opening has 40 minutes")
  }

  @Test func caseWorkIsAtMostThreeHundredMinutesAndTheSheetSaysSo() throws {
    let study = try BikeShopTests.bikeShop()
    let total = study.phases.map(\.timeboxMinutes).reduce(0, +)
    #expect(total <= 300)
    let url = BikeShopTests.repoRoot.appendingPathComponent(
      "CaseStudies/bike-shop-facilitator.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.contains("Case work comes to \(total) minutes"))
    #expect(text.contains(study.version), "the run sheet names the version it was written for")
  }
}
