import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// The Bike Shop with its first decision's options given ids that are not letters, so that a
/// surface printing the id instead of the letter the team saw cannot pass.
private func studyWithOddIDs() throws -> (CaseStudy, Decision) {
  var study = try #require(CaseStudyCatalog.builtIn().first)
  var decision = try #require(study.phases.first?.decisions.first)
  try #require(decision.options.count >= 3)
  for (i, id) in ["zeta", "eta", "theta", "iota"].prefix(decision.options.count).enumerated() {
    decision.options[i].id = id
  }
  study.phases[0].decisions[0] = decision
  return (study, decision)
}

private let now = Date(timeIntervalSince1970: 1_795_000_000)

/// Writes one session per (team, option id or nil) into `dir` and reads the folder.
private func classFolder(
  _ dir: URL, _ study: CaseStudy, _ decision: Decision, _ votes: [(String, String?)]
) throws -> WorkshopFolder {
  for (team, option) in votes {
    var s = Session(participant: team, caseStudy: study, now: now.addingTimeInterval(-600))
    if let option {
      s.decide(decision.id, option: option, rationale: "\(team) thinks so.", at: now)
    }
    try SessionStore.save(s, to: WorkshopJoin.url(team: team, caseStudyID: study.id, in: dir))
  }
  return WorkshopFolder.read(dir, caseStudy: study)
}

@Suite("One letter per option, and the class debrief")
struct DebriefReportTests {
  @Test func theLetterIsThePositionNotTheID() throws {
    let (_, d) = try studyWithOddIDs()
    #expect(d.letter(ofOption: "zeta") == "a")
    #expect(d.letter(ofOption: "theta") == "c")
    #expect(d.letter(ofOption: "b") == nil)
    #expect(d.shown(option: "theta") == "c) \(d.options[2].label)")
    #expect(Decision.letter(at: 25) == "z")
    #expect(Decision.letter(at: 26) == "27")
    #expect(Decision.letter(at: -1) == "0")
  }

  @Test func decisionEventsAreWrittenAndReadInOnePlace() throws {
    let (_, d) = try studyWithOddIDs()
    for detail in [
      DecisionEventDetail.chose("theta"), .changed(from: "zeta", to: "theta"), .revised("eta"),
    ] {
      #expect(DecisionEventDetail(stored: detail.stored) == detail)
    }
    // The stored format of every earlier session reads back.
    #expect(DecisionEventDetail(stored: "chose b") == .chose("b"))
    #expect(DecisionEventDetail(stored: "changed d → b") == .changed(from: "d", to: "b"))
    #expect(DecisionEventDetail(stored: "a note") == nil)
    #expect(
      DecisionEventDetail.changed(from: "zeta", to: "theta").shown(in: d)
        == "changed a) → c) \(d.options[2].label)")
  }

  @Test func everyReportNamesTheOptionByTheLetterTheTeamSaw() throws {
    let (study, d) = try studyWithOddIDs()
    var s = Session(participant: "Team L", caseStudy: study, now: now)
    s.decide(d.id, option: "zeta", rationale: "First thought.", at: now)
    s.decide(d.id, option: "theta", rationale: "Second thought.", at: now.addingTimeInterval(60))
    let label = d.options[2].label
    let md = Reports.export(caseStudy: study, session: s, format: .markdown, log: true)
    #expect(md.contains("**Chosen:** c) \(MarkdownReport.inline(label))"))
    #expect(md.contains("changed a) → c)"))
    let html = Reports.export(caseStudy: study, session: s, format: .html, log: true)
    #expect(html.contains("<dt>Chosen</dt><dd>c) \(HTMLReport.escape(label))</dd>"))
    #expect(html.contains("changed a) → c)"))
    let json = Reports.export(caseStudy: study, session: s, format: .json)
    #expect(json.contains("\"letter\" : \"c\""))
    let log = DecisionLog.entries(caseStudy: study, session: s).filter { $0.subject == d.id }
    #expect(log.map(\.text).last == "\(d.title): changed a) → c) \(label)")
    for text in [md, html] + log.map(\.text) {
      #expect(!text.contains("theta"), "the stored id never shows")
    }
    try withStoreTemporaryDirectory { dir in
      let folder = try classFolder(dir, study, d, [("Team 1", "theta"), ("Team 2", "zeta")])
      for format in WorkshopReport.Format.allCases {
        let report = WorkshopReport.render(folder, format: format, now: now)
        let bold = format == .markdown ? "**" : ""
        #expect(report.contains("\(bold)Team 1\(bold) chose c) "), "\(format)")
        #expect(report.contains("\(bold)Team 2\(bold) chose a) "), "\(format)")
        #expect(!report.contains("theta"), "\(format)")
      }
    }
  }

  @Test func aSplitIsAShareOfTheWholeClass() throws {
    let (study, d) = try studyWithOddIDs()
    try withStoreTemporaryDirectory { dir in
      let folder = try classFolder(
        dir, study, d,
        [("Team 1", "zeta"), ("Team 2", "eta"), ("Team 3", "theta"), ("Team 4", nil)])
      let split = try #require(ClassSummary(caseStudy: study, teams: folder.teams).splits.first)
      #expect(split.teamCount == 4)
      #expect(split.bars.prefix(3).allSatisfy { split.share(of: $0) == 0.25 })
      let md = WorkshopReport.render(folder, format: .markdown, now: now)
      #expect(md.contains("| 1 of 4 (25%) | Team 1 |"))
      #expect(md.contains("Not decided yet: 1 of 4 (Team 4)."))
      let html = WorkshopReport.render(folder, format: .html, now: now)
      #expect(html.contains("style=\"width:25%\""))
      #expect(!html.contains("style=\"width:100%\""), "one team of four is not a full bar")
      #expect(html.contains("<span class=\"teams\">Team 3</span>"))
    }
  }

  @Test func verdictsAndDebriefsOnlyInTheFacilitatorsCopy() throws {
    let (study, d) = try studyWithOddIDs()
    try withStoreTemporaryDirectory { dir in
      let folder = try classFolder(dir, study, d, [("Team 1", "zeta")])
      let debrief = try #require(d.options.first { !$0.debrief.isEmpty }?.debrief)
      for format in WorkshopReport.Format.allCases {
        let participants = WorkshopReport.render(folder, .init(format: format), now: now)
        let facilitator = WorkshopReport.render(
          folder, .init(format: format, facilitator: true), now: now)
        #expect(!participants.contains("Verdicts and debrief"), "\(format)")
        #expect(!participants.contains(d.options[0].verdict.rawValue + "**"), "\(format)")
        #expect(!participants.contains("class=\"verdict"), "\(format)")
        #expect(facilitator.contains("Verdicts and debrief (facilitator)"), "\(format)")
        let copy = "Facilitator's copy"
        #expect(
          facilitator.contains(format == .html ? HTMLReport.escape(copy) : copy), "\(format)")
        let firstWords = String(debrief.split(separator: " ").prefix(4).joined(separator: " "))
        #expect(facilitator.contains(firstWords), "\(format)")
        #expect(!participants.contains(firstWords), "\(format)")
      }
    }
  }

  @Test func onePhasesDebrief() throws {
    let (study, d) = try studyWithOddIDs()
    try withStoreTemporaryDirectory { dir in
      let folder = try classFolder(dir, study, d, [("Team 1", "zeta")])
      let second = study.phases[1]
      let md = WorkshopReport.render(
        folder, .init(format: .markdown, phase: second.id), now: now)
      #expect(!md.contains(d.title), "the first phase's decision is left out")
      for decision in second.decisions { #expect(md.contains(decision.title)) }
      #expect(md.contains("The \(second.title) debrief only."))
    }
  }

  @Test func aChangeOfMindIsShownWithTheTeamsLetters() throws {
    let (study, d) = try studyWithOddIDs()
    try withStoreTemporaryDirectory { dir in
      var s = Session(participant: "Team C", caseStudy: study, now: now)
      s.decide(d.id, option: "iota", rationale: "At first.", at: now)
      s.decide(d.id, option: "eta", rationale: "Then.", at: now.addingTimeInterval(120))
      try SessionStore.save(s, to: WorkshopJoin.url(team: "Team C", caseStudyID: study.id, in: dir))
      let folder = WorkshopFolder.read(dir, caseStudy: study)
      let md = WorkshopReport.render(folder, format: .markdown, now: now)
      let last = try #require(d.letter(ofOption: "iota"))
      #expect(md.contains("**Team C** chose b) "))
      #expect(md.contains("changed from \(last)) at "))
    }
  }

  @Test func aChangeAfterTheRevealIsFlagged() throws {
    let (study, d) = try studyWithOddIDs()
    try withStoreTemporaryDirectory { dir in
      var s = Session(participant: "Team R", caseStudy: study, now: now)
      s.decide(d.id, option: "zeta", rationale: "First.", at: now)
      s.decide(d.id, option: "eta", rationale: "Before.", at: now.addingTimeInterval(60))
      s.decide(d.id, option: "theta", rationale: "After.", at: now.addingTimeInterval(600))
      try SessionStore.save(s, to: WorkshopJoin.url(team: "Team R", caseStudyID: study.id, in: dir))
      let folder = WorkshopFolder.read(dir, caseStudy: study)
      let reveal = DecisionReveal(decision: d.id, at: now.addingTimeInterval(300))
      let md = WorkshopReport.render(
        folder, .init(format: .markdown, reveals: [reveal]), now: now)
      #expect(md.contains("(changed from a) at "))
      #expect(md.contains(", then after the reveal from b) at "))
      let unrevealed = WorkshopReport.render(folder, .init(format: .markdown), now: now)
      #expect(!unrevealed.contains("after the reveal"))
    }
  }

  @Test func aRevealIsKeptOnceAndOldFilesHaveNone() throws {
    var state = WorkshopState()
    state.reveal("S0.D1", at: now)
    state.reveal("S0.D1", at: now.addingTimeInterval(60))
    #expect(state.reveals == [DecisionReveal(decision: "S0.D1", at: now)])
    #expect(state.revealTime(of: "S0.D2") == nil)
    let old = Data(
      "{\"format_version\": 1, \"pacing\": false, \"released\": [], \"announcements\": []}".utf8)
    let decoded = try SessionStore.makeDecoder().decode(WorkshopState.self, from: old)
    #expect(decoded.reveals.isEmpty)
  }

  @Test func countsReadAsEnglish() throws {
    let (study, d) = try studyWithOddIDs()
    try withStoreTemporaryDirectory { dir in
      let one = try classFolder(dir, study, d, [("Team 1", "zeta")])
      let md = WorkshopReport.render(one, format: .markdown, now: now)
      #expect(md.contains("1 team in "))
      #expect(md.contains("0 files skipped"))
      #expect(!md.contains("(s)"))
    }
    #expect(counted(1, "risk") == "1 risk")
    #expect(counted(3, "risk") == "3 risks")
  }

  @Test func aNoteKeepsItsLinesInTheHTMLReport() throws {
    let (study, _) = try studyWithOddIDs()
    try withStoreTemporaryDirectory { dir in
      var s = Session(participant: "Team N", caseStudy: study, now: now)
      let item = try #require(study.phases.first?.items.first)
      s.setNote("First line of the note.\nSecond line of the note.", of: item.id, at: now)
      try SessionStore.save(s, to: WorkshopJoin.url(team: "Team N", caseStudyID: study.id, in: dir))
      let html = WorkshopReport.render(
        WorkshopFolder.read(dir, caseStudy: study), format: .html, now: now)
      #expect(!html.contains("First line of the note. Second line"))
      #expect(!html.contains("First line of the note.Second line"))
      #expect(html.contains("First line of the note.<br>Second line of the note."))
    }
  }

  @Test func anAnnouncementIsNotTheTeamsActivity() throws {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    var s = Session(participant: "Team I", caseStudy: study, now: now)
    let item = try #require(study.phases.first?.items.first)
    s.setStatus(.doing, of: item.id, at: now.addingTimeInterval(60))
    s.log(
      SessionEvent(at: now.addingTimeInterval(600), kind: .announcement, detail: "Break now"),
      at: now.addingTimeInterval(600))
    let team = TeamSummary(session: s, caseStudy: study)
    #expect(team.lastActivity == now.addingTimeInterval(60))
  }
}

@Suite("Hidden characters")
struct HiddenCharacterTests {
  /// The ASCII fast path answers as Unicode's tables do, for every ASCII scalar.
  @Test func asciiAgreesWithUnicodesCategories() throws {
    for value in UInt32(0)..<0x80 {
      let scalar = try #require(Unicode.Scalar(value))
      let category = scalar.properties.generalCategory
      #expect(
        DiagnosticLine.needsEscape(scalar) == (category == .control || category == .format),
        "U+\(String(value, radix: 16))")
    }
    #expect(DiagnosticLine.needsEscape("\u{202E}"))
    #expect(DiagnosticLine.needsEscape("\u{85}"))
    #expect(!DiagnosticLine.needsEscape("\u{200D}"))
    #expect(!DiagnosticLine.needsEscape("é"))
  }
}
