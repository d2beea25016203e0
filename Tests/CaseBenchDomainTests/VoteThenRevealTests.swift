import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

@Suite("Vote, then reveal: the rule")
struct VoteThenRevealTests {
  static let now = Date(timeIntervalSince1970: 1_795_000_000)

  @Test func aVoteWaitsForItsRevealInAWorkshopOnly() {
    var state = WorkshopState()
    #expect(!state.showsConsequence(of: "S0.D1"))
    #expect(!WorkshopState.showsConsequence(of: "S0.D1", in: state))
    // Outside a workshop, and for the facilitator, at once.
    #expect(WorkshopState.showsConsequence(of: "S0.D1", in: nil))
    #expect(WorkshopState.showsConsequence(of: "S0.D1", in: state, facilitator: true))
    state.reveal("S0.D1", at: Self.now)
    #expect(state.showsConsequence(of: "S0.D1"))
    #expect(!state.showsConsequence(of: "S0.D2"))
  }

  @Test func noVoteShowsTheConsequenceAtOnce() {
    var state = WorkshopState()
    state.skipVote("S0.D2")
    state.skipVote("S0.D2")
    #expect(state.noVote == ["S0.D2"])
    #expect(state.showsConsequence(of: "S0.D2"))
    #expect(!state.isVoted("S0.D2"))
    #expect(!state.showsConsequence(of: "S0.D1"))
  }

  @Test func noVoteIsAnOptionalFieldOfTheFacilitatorsFile() throws {
    let old = Data(
      #"{"format_version":1,"pacing":false,"released":[],"announcements":[]}"#.utf8)
    let read = try SessionStore.makeDecoder().decode(WorkshopState.self, from: old)
    #expect(read.noVote == nil)
    let plain = String(decoding: try SessionStore.makeEncoder().encode(read), as: UTF8.self)
    #expect(!plain.contains("no_vote"))
    var state = read
    state.skipVote("S0.D1")
    let data = try SessionStore.makeEncoder().encode(state)
    #expect(String(decoding: data, as: UTF8.self).contains("\"no_vote\""))
    #expect(try SessionStore.makeDecoder().decode(WorkshopState.self, from: data) == state)
  }

  @Test func votesNameTheTeamsAndFlagOnlyAChangeAfterTheReveal() throws {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    let decision = try #require(study.phases.first?.decisions.first)
    let revealed = Self.now
    func team(_ name: String, _ choices: [(String, TimeInterval)]) -> TeamSummary {
      var s = Session(participant: name, caseStudy: study, mode: .caseStudy, now: Self.now)
      for (option, offset) in choices {
        _ = s.decide(
          decision.id, option: option, rationale: "Why \(option).",
          at: revealed.addingTimeInterval(offset))
      }
      return TeamSummary(session: s, caseStudy: study)
    }
    let teams = [
      team("Team 1", [("c", -60), ("a", -30)]),  // changed before the reveal
      team("Team 2", [("c", -60), ("a", 30)]),  // changed after it
      team("Team 3", []),
      team("Team 4", [("c", -60)]),
    ]
    let votes = DecisionVotes(decision: decision, teams: teams, revealed: revealed)
    #expect(votes.voted == ["Team 1", "Team 2", "Team 4"])
    #expect(votes.notVoted == ["Team 3"])
    #expect(votes.changedAfterReveal == ["Team 2"])
    #expect(votes.countText == "3 of 4 teams have voted.")
    let before = DecisionVotes(decision: decision, teams: teams, revealed: nil)
    #expect(before.changedAfterReveal.isEmpty)
  }

  @Test func exportsOfAWorkshopSessionHideAConsequenceUntilItsReveal() throws {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    let decision = try #require(study.phases.first?.decisions.first)
    let consequence = try #require(decision.options.first?.consequence)
    var s = Session(participant: "Team 1", caseStudy: study, mode: .caseStudy, now: Self.now)
    _ = s.decide(decision.id, option: decision.options[0].id, rationale: "Why.", at: Self.now)
    let firstWords = String(consequence.prefix(30))

    var state = WorkshopState()
    let waiting = Reports.export(
      caseStudy: study.hidingUnrevealed(state), session: s, format: .markdown)
    #expect(waiting.contains(WorkshopState.waitingForReveal))
    #expect(!waiting.contains(firstWords))

    state.reveal(decision.id, at: Self.now)
    let shown = Reports.export(
      caseStudy: study.hidingUnrevealed(state), session: s, format: .markdown)
    #expect(shown.contains(firstWords))
    #expect(!shown.contains(WorkshopState.waitingForReveal))
    // A learner's own session (no workshop) keeps its consequences.
    #expect(study.hidingUnrevealed(nil) == study)
  }

  @Test func aSessionIsInAWorkshopWhenItsFolderHasTheFacilitatorsFile() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-vote-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("team-1-bike-shop.json")
    #expect(WorkshopStateFile.forSession(at: file) == nil)
    try WorkshopStateFile.update(in: dir) { $0.reveal("S0.D1", at: Self.now) }
    let state = try #require(WorkshopStateFile.forSession(at: file))
    #expect(state.showsConsequence(of: "S0.D1"))
    #expect(!state.showsConsequence(of: "S0.D2"))
  }
}
