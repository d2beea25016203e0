import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

private let now = Date(timeIntervalSince1970: 1_795_000_000)

/// Three teams in a folder: each gets the answers given to Sprint 0's prompts, by prompt id.
private func folder(_ dir: URL, _ answers: [(String, [String: String])]) throws -> WorkshopFolder {
  let study = try #require(CaseStudyCatalog.builtIn().first)
  for (team, byPrompt) in answers {
    var s = Session(participant: team, caseStudy: study, now: now)
    for (id, text) in byPrompt.sorted(by: { $0.key < $1.key }) {
      s.answerReflection(text, to: id, at: now)
    }
    try SessionStore.save(s, to: WorkshopJoin.url(team: team, caseStudyID: study.id, in: dir))
  }
  return WorkshopFolder.read(dir, caseStudy: study)
}

@Suite("Lessons learned side by side: the class summary and the debrief")
struct ClassLessonsTests {
  @Test func theSummaryPutsEachTeamsAnswerUnderEachPrompt() throws {
    try withStoreTemporaryDirectory { dir in
      let read = try folder(
        dir,
        [
          ("Team 10", ["S0.L1": "The pathfinder."]),
          ("Team 2", ["S0.L1": "  Mock-ups.  ", "S0.L2": "The estimate's contingency."]),
          ("Team 3", ["S0.L1": "   "]),
        ])
      let summary = ClassSummary(caseStudy: read.caseStudy, teams: read.teams)
      #expect(summary.lessons.map(\.phase.id) == read.caseStudy.phases.map(\.id))
      let first = try #require(summary.lessons.first?.prompts.first)
      #expect(first.prompt.id == "S0.L1")
      // Teams in natural order; an answer of spaces is none; answers are trimmed.
      #expect(
        first.answers == [
          TeamAnswer(team: "Team 2", text: "Mock-ups."),
          TeamAnswer(team: "Team 10", text: "The pathfinder."),
        ])
      #expect(first.unanswered == ["Team 3"])
      #expect(summary.lessons[0].answerCount == 3)
      #expect(summary.lessons[1].answerCount == 0)
    }
  }

  @Test func theDebriefShowsTheAnswersPerPhaseAndPromptUnderTheTeamsNames() throws {
    try withStoreTemporaryDirectory { dir in
      let read = try folder(
        dir,
        [
          ("Team A", ["S0.L1": "We built the pathfinder.\nIt slipped three days."]),
          ("Team <B>", ["S0.L1": "Mock-ups only."]),
          ("Team C", [:]),
        ])
      let prompt = try #require(read.caseStudy.phases.first?.reflection.first)
      let md = WorkshopReport.render(
        read, WorkshopReport.Options(format: .markdown, phase: "sprint-0"), now: now)
      let section = try #require(md.range(of: "## Lessons learned")).lowerBound
      let progress = try #require(md.range(of: "## Class progress per phase")).lowerBound
      #expect(section > (md.range(of: "## Decisions")?.lowerBound ?? md.endIndex))
      let lessons = String(md[section..<progress])
      #expect(lessons.contains("### Sprint 0"))
      #expect(!lessons.contains("### Data"), "--phase keeps one phase's lessons")
      #expect(lessons.contains("**S0.L1: \(MarkdownReport.inline(prompt.prompt))**"))
      #expect(
        lessons.contains(
          "- **Team A**:\n\n  > We built the pathfinder.\\\n  > It slipped three days."))
      #expect(lessons.contains("- **Team \\<B\\>**:\n\n  > Mock-ups only."))
      #expect(lessons.contains("Not answered yet: Team C."))
      #expect(lessons.contains("*No team has answered yet.*"), "S0.L2 has no answer")

      let html = WorkshopReport.render(
        read, WorkshopReport.Options(format: .html, phase: "sprint-0"), now: now)
      #expect(html.contains("<h2>Lessons learned</h2>"))
      // Side by side, in the teams' order ("<" sorts before letters).
      #expect(
        html.contains(
          "<div class=\"answers\">\n<div class=\"answer\"><h5>Team &lt;B&gt;</h5><p>Mock-ups only."
            + "</p></div>\n<div class=\"answer\"><h5>Team A</h5>"))
      #expect(html.contains("<p class=\"muted\">Not answered yet: Team C.</p>"))
      #expect(html.contains(".answers { display: grid;"))
    }
  }

  @Test func aCaseStudyWithoutPromptsHasNoLessonsSection() throws {
    try withStoreTemporaryDirectory { dir in
      var study = try #require(CaseStudyCatalog.builtIn().first)
      for i in study.phases.indices { study.phases[i].reflection = [] }
      let read = WorkshopFolder.read(dir, caseStudy: study)
      let md = WorkshopReport.render(read, format: .markdown, now: now)
      #expect(!md.contains("Lessons learned"))
      #expect(md.contains("## Class progress per phase"))
    }
  }

  @Test func aSessionsExportsCarryItsAnswers() throws {
    let study = try #require(CaseStudyCatalog.builtIn().first)
    var s = Session(participant: "Solo", caseStudy: study, now: now)
    s.decide("S0.D1", option: "b", rationale: "Evidence first.", at: now)
    s.answerReflection("The pathfinder paid for itself.", to: "S0.L1", at: now)
    let prompt = try #require(study.phases.first?.reflection.first)
    let md = Reports.export(caseStudy: study, session: s, format: .markdown)
    #expect(
      md.contains(
        "### Lessons learned\n\n**\(MarkdownReport.inline(prompt.prompt))**\n\n"
          + "> The pathfinder paid for itself."))
    let html = Reports.export(caseStudy: study, session: s, format: .html)
    #expect(
      html.contains(
        "<h3>Lessons learned</h3>\n<h4>\(HTMLReport.escape(prompt.prompt))</h4>"))
    // Own-project mode leaves the story, and so the prompts, out.
    s.mode = .ownProject
    #expect(
      !Reports.export(caseStudy: study, session: s, format: .markdown).contains("Lessons learned"))
  }
}
