import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchStore

private let now = Date(timeIntervalSince1970: 1_795_000_000)

/// The Bike Shop's class summary with three teams: two voted on the first decision (for its
/// first and third options), one has not.
private func threeTeams() throws -> (ClassSummary, Decision) {
  let study = try #require(CaseStudyCatalog.builtIn().first)
  let decision = try #require(study.phases.first?.decisions.first)
  try #require(decision.options.count >= 3)
  var teams: [TeamSummary] = []
  for (team, option) in [
    ("Team 1", decision.options[0].id), ("Team 2", nil), ("Team 3", decision.options[2].id),
  ] {
    var s = Session(participant: team, caseStudy: study, now: now)
    if let option { s.decide(decision.id, option: option, rationale: "Because.", at: now) }
    teams.append(TeamSummary(session: s, caseStudy: study))
  }
  return (ClassSummary(caseStudy: study, teams: teams), decision)
}

@Suite("Projector slide")
struct ProjectorSlideTests {
  @Test func beforeTheRevealOnlyTheVotesShowWhateverStepIsAskedFor() throws {
    let (summary, decision) = try threeTeams()
    for step in ProjectorStep.allCases {
      let slide = try #require(
        ProjectorSlide(summary: summary, decisionIndex: 0, workshop: WorkshopState(), step: step))
      #expect(slide.step == .votes)
      #expect(!slide.isRevealed)
      #expect(slide.votedLine == "2 of 3 teams have voted")
      #expect(slide.situation == decision.situation)
      #expect(slide.undecided == nil)
      for option in slide.options {
        #expect(option.count == nil && option.share == nil && option.teams.isEmpty)
        #expect(option.verdict == nil && option.consequence == nil && option.debrief == nil)
      }
    }
  }

  @Test func afterTheRevealEachStepAddsItsPart() throws {
    let (summary, decision) = try threeTeams()
    var workshop = WorkshopState()
    workshop.reveal(decision.id, at: now)
    func slide(_ step: ProjectorStep) throws -> ProjectorSlide {
      try #require(
        ProjectorSlide(summary: summary, decisionIndex: 0, workshop: workshop, step: step))
    }
    let split = try slide(.split)
    #expect(try slide(.votes).step == .split)
    #expect(
      split.options.map(\.letter) == ["a", "b", "c", "d"].prefix(decision.options.count).map { $0 })
    #expect(split.options[0].teams == ["Team 1"])
    #expect(split.options[2].teams == ["Team 3"])
    #expect(split.options[1].count == 0)
    #expect(split.options[0].share == 1.0 / 3.0)
    #expect(split.undecided == 1)
    #expect(split.options.allSatisfy { $0.verdict == nil && $0.consequence == nil })
    let verdicts = try slide(.verdicts)
    #expect(verdicts.options.map(\.verdict) == decision.options.map(\.verdict))
    #expect(verdicts.options.allSatisfy { $0.consequence == nil && $0.debrief == nil })
    let consequences = try slide(.consequences)
    #expect(consequences.options.map(\.consequence) == decision.options.map(\.consequence))
    #expect(consequences.options.allSatisfy { $0.debrief == nil })
    let debrief = try slide(.debrief)
    #expect(debrief.options.map(\.debrief) == decision.options.map(\.debrief))
    #expect(debrief.options.map(\.verdict) == decision.options.map(\.verdict))
    #expect(debrief.options.allSatisfy { $0.consequence == nil })
  }

  @Test func revealingAnotherDecisionRevealsNotThisOne() throws {
    let (summary, _) = try threeTeams()
    var workshop = WorkshopState()
    workshop.reveal(summary.splits[1].decision.id, at: now)
    let slide = try #require(
      ProjectorSlide(summary: summary, decisionIndex: 0, workshop: workshop, step: .debrief))
    #expect(slide.step == .votes)
    #expect(slide.options.allSatisfy { $0.verdict == nil })
    #expect(
      ProjectorSlide(summary: summary, decisionIndex: 99, workshop: workshop, step: .split) == nil)
  }

  @Test func stepsMoveOnlyWithinWhatTheRevealAllows() {
    #expect(ProjectorStep.votes.next(revealed: false) == nil)
    #expect(ProjectorStep.debrief.next(revealed: false) == nil)
    #expect(ProjectorStep.split.previous(revealed: false) == nil)
    #expect(ProjectorStep.votes.next(revealed: true) == .verdicts)
    #expect(ProjectorStep.split.next(revealed: true) == .verdicts)
    #expect(ProjectorStep.verdicts.next(revealed: true) == .consequences)
    #expect(ProjectorStep.debrief.next(revealed: true) == nil)
    #expect(ProjectorStep.split.previous(revealed: true) == nil)
    #expect(ProjectorStep.verdicts.previous(revealed: true) == .split)
  }
}
