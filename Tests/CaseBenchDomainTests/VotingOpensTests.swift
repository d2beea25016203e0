import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures")

/// A decision's `opens` field: the format, lint, and the one rule for when a team may vote
/// (`WorkshopState.votingClosed`).
@Suite("A decision's vote opens at a block of the room's clock")
struct VotingOpensTests {
  static let workshop: String = {
    (try? String(
      contentsOf: fixtures.appendingPathComponent("valid/workshop.yaml"), encoding: .utf8)) ?? ""
  }()

  static let titleLine = "        title: Build or buy\n"

  /// The workshop fixture with `opens: VALUE` under S.D1's title, and other replacements.
  private func variant(opens value: String?, _ replacements: [(String, String)] = []) throws
    -> String
  {
    var text = Self.workshop
    var all = replacements
    if let value { all.append((Self.titleLine, Self.titleLine + "        opens: \(value)\n")) }
    for (old, new) in all {
      try #require(text.components(separatedBy: old).count == 2, "'\(old)' must occur once")
      text = text.replacingOccurrences(of: old, with: new)
    }
    return text
  }

  /// The 1-based line of the `opens:` key in `yaml`.
  private func opensLine(_ yaml: String) -> Int {
    (yaml.components(separatedBy: "\n").firstIndex { $0.hasPrefix("        opens:") } ?? -1) + 1
  }

  private func lint(_ yaml: String) -> [Diagnostic] { CaseStudyLoader.lint(yaml, file: "w.yaml") }

  private func decision(_ yaml: String) throws -> Decision {
    let study = try CaseStudyLoader.parse(yaml, file: "w.yaml")
    return try #require(study.phases.first?.decisions.first)
  }

  // MARK: The format

  @Test func opensLoadsAndDefaultsToDecide() throws {
    #expect(try decision(Self.workshop).opens == .decide, "left out: the decide block")
    for block in [ScheduleBlock.read, .work, .decide] {
      #expect(try decision(try variant(opens: block.rawValue)).opens == block)
    }
    let study = try CaseStudyLoader.load(
      contentsOf: fixtures.appendingPathComponent("opens/vote-opens.yaml"))
    #expect(study.phases[0].decisions.map(\.opens) == [.decide, .work])
  }

  @Test func debriefIsRefusedAtItsLineAndColumn() throws {
    let yaml = try variant(opens: "debrief")
    let errors = lint(yaml).filter(\.isError)
    #expect(errors.count == 1, "\(errors)")
    let error = try #require(errors.first)
    #expect(error.line == opensLine(yaml))
    #expect(error.column == 16)
    #expect(error.message == "'opens' in decision 'S.D1' is 'debrief', not read, work or decide")
    #expect(error.fix == "votes are in before the debrief: use 'read', 'work', 'decide'")
    #expect(error.description.hasPrefix("w.yaml:\(opensLine(yaml)):16: error: "))
  }

  @Test func aWrongWordGetsASuggestion() throws {
    let typo = lint(try variant(opens: "wrok")).filter(\.isError)
    #expect(typo.map(\.fix) == ["did you mean 'work'? Use 'read', 'work', 'decide'"])
    let upper = lint(try variant(opens: "Work")).filter(\.isError)
    #expect(upper.map(\.fix) == ["write 'work' in lower case"])
    let list = lint(try variant(opens: "[work]")).filter(\.isError)
    #expect(list.count == 1, "a list is not a block: \(list)")
  }

  @Test func theHandoutSaysWhenEachVoteOpens() throws {
    let study = try CaseStudyLoader.load(
      contentsOf: fixtures.appendingPathComponent("opens/vote-opens.yaml"))
    let markdown = Handout.render(study, part: .decisions, format: .markdown)
    let first = try #require(markdown.range(of: "*Voting opens at the Decide block.*"))
    let second = try #require(markdown.range(of: "*Voting opens at the Work block.*"))
    let d2 = try #require(markdown.range(of: "### Decision S.D2"))
    #expect(first.lowerBound < d2.lowerBound && d2.lowerBound < second.lowerBound)
    let html = Handout.render(study, part: .decisions, format: .html)
    #expect(html.contains("<p><em>Voting opens at the Work block.</em></p>"))
    var unscheduled = study
    unscheduled.phases[0].schedule = nil
    #expect(
      !Handout.render(unscheduled, part: .decisions, format: .markdown).contains("Voting opens"),
      "a phase without a schedule has no blocks to name")
  }

  // MARK: Lint

  private static let noDecideBlock = [
    ("      work: 15\n      decide: 5\n", "      work: 20\n      decide: 0\n")
  ]

  @Test func opensAtDecideWithoutADecideBlockWarnsWhereItSaysSo() throws {
    let yaml = try variant(opens: "decide", Self.noDecideBlock)
    let diagnostics = lint(yaml)
    #expect(diagnostics.filter(\.isError).isEmpty)
    let warning = try #require(diagnostics.first { $0.message.contains("'decide: 0'") })
    #expect(warning.severity == .warning)
    #expect(warning.line == opensLine(yaml))
    #expect(warning.column == 16)
    #expect(
      warning.message
        == "decision 'S.D1' opens its vote at the decide block, but the schedule of phase "
        + "'scoping' gives 'decide: 0', so the vote would open only at the debrief")
  }

  @Test func noWarningWhenTheVoteOpensEarlierOrTheDecideBlockHasMinutes() throws {
    func warns(_ yaml: String) -> Bool {
      lint(yaml).contains { $0.message.contains("'decide: 0'") }
    }
    #expect(!warns(try variant(opens: "work", Self.noDecideBlock)))
    #expect(!warns(try variant(opens: "decide")))
  }

  @Test func theDefaultOpensAtDecideTooAndWarnsAtTheDecision() throws {
    let yaml = try variant(opens: nil, Self.noDecideBlock)
    let warning = try #require(lint(yaml).first { $0.message.contains("'decide: 0'") })
    #expect(warning.severity == .warning)
    #expect(warning.message.hasPrefix("decision 'S.D1' opens its vote at the decide block"))
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[warning.line - 1].contains("S.D1"), "the warning points at the decision")
  }

  // MARK: The rule

  static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
  static func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

  /// The fixture's scoping phase (read 5, work 15, decide 5, debrief 5) with its decision
  /// opening at `opens`.
  static func study(opens: ScheduleBlock) throws -> CaseStudy {
    var study = try CaseStudyLoader.parse(workshop, file: "w.yaml")
    study.phases[0].decisions[0].opens = opens
    return study
  }

  static func running(_ phase: String = "scoping") -> WorkshopState {
    var state = WorkshopState()
    state.clock = RoomClock(phase: phase, started: t0)
    return state
  }

  @Test func closedUntilTheDecideBlockStarts() throws {
    let study = try Self.study(opens: .decide)
    let d = study.phases[0].decisions[0]
    let state = Self.running()
    let early = try #require(state.votingClosed(on: d, in: study, at: Self.at(8)))
    #expect(early.text == "Voting opens at the Decide block, in 12 min")
    #expect(early.shortText == "voting opens in 12 min")
    #expect(early.time(from: Self.at(8)) == Self.at(20))
    #expect(state.votingClosed(on: d, in: study, at: Self.at(0)) != nil, "the read block")
    let last = try #require(state.votingClosed(on: d, in: study, at: Self.at(19.5)))
    #expect(last.text == "Voting opens at the Decide block, in 1 min", "30 s rounds up")
    #expect(state.votingClosed(on: d, in: study, at: Self.at(20)) == nil, "open at the boundary")
    #expect(state.votingClosed(on: d, in: study, at: Self.at(27)) == nil, "the debrief")
    #expect(state.votingClosed(on: d, in: study, at: Self.at(45)) == nil, "after the schedule")
  }

  @Test func eachBlockOpensAtItsStart() throws {
    for (block, start) in [(ScheduleBlock.read, 0.0), (.work, 5), (.decide, 20)] {
      let study = try Self.study(opens: block)
      let d = study.phases[0].decisions[0]
      let state = Self.running()
      if start > 0 {
        let closed = state.votingClosed(on: d, in: study, at: Self.at(start - 0.01))
        #expect(closed?.opens == block, "\(block)")
      }
      #expect(state.votingClosed(on: d, in: study, at: Self.at(start)) == nil, "\(block)")
    }
  }

  @Test func aPauseHoldsItAndAnExtensionMovesIt() throws {
    let study = try Self.study(opens: .decide)
    let d = study.phases[0].decisions[0]
    var state = Self.running()
    state.clock?.pause(at: Self.at(10))
    let paused = try #require(state.votingClosed(on: d, in: study, at: Self.at(40)))
    #expect(paused.text == "Voting opens at the Decide block, in 10 min (clock paused)")
    #expect(paused.time(from: Self.at(40)) == nil, "no wall-clock time while paused")
    state.clock?.resume(at: Self.at(40))
    #expect(state.votingClosed(on: d, in: study, at: Self.at(49)) != nil, "shifted by 30 min")
    #expect(state.votingClosed(on: d, in: study, at: Self.at(50)) == nil)
    state.clock?.extend(.work, by: 5)
    #expect(state.votingClosed(on: d, in: study, at: Self.at(50))?.minutes == 5)
    #expect(state.votingClosed(on: d, in: study, at: Self.at(55)) == nil)
    // Extending the read block moves it too; extending the decide block does not.
    var other = Self.running()
    other.clock?.extend(.decide, by: 5)
    #expect(other.votingClosed(on: d, in: study, at: Self.at(20)) == nil)
    other.clock?.extend(.read, by: 3)
    #expect(other.votingClosed(on: d, in: study, at: Self.at(22))?.minutes == 1)
  }

  @Test func nothingChangesOutsideTheClocksPhase() throws {
    let study = try Self.study(opens: .decide)
    let d = study.phases[0].decisions[0]
    #expect(WorkshopState.votingClosed(on: d, in: nil, caseStudy: study, at: Self.at(1)) == nil)
    #expect(WorkshopState().votingClosed(on: d, in: study, at: Self.at(1)) == nil, "no clock")
    #expect(Self.running("ethics").votingClosed(on: d, in: study, at: Self.at(1)) == nil)
    var revealed = Self.running()
    revealed.reveal(d.id, at: Self.at(1))
    #expect(revealed.votingClosed(on: d, in: study, at: Self.at(1)) == nil, "revealed")
    var unscheduled = study
    unscheduled.phases[0].schedule = nil
    #expect(Self.running().votingClosed(on: d, in: unscheduled, at: Self.at(1)) == nil)
    #expect(
      WorkshopState.votingClosed(on: d, in: Self.running(), caseStudy: study, at: Self.at(1))
        != nil, "the static form agrees")
  }

  @Test func aZeroMinuteDecideBlockOpensWhenTheWorkEnds() throws {
    var study = try Self.study(opens: .decide)
    study.phases[0].schedule = Schedule(read: 5, work: 20, decide: 0, debrief: 5)
    let d = study.phases[0].decisions[0]
    #expect(Self.running().votingClosed(on: d, in: study, at: Self.at(24.9)) != nil)
    #expect(Self.running().votingClosed(on: d, in: study, at: Self.at(25)) == nil)
  }
}
