import CaseBenchModel
import CaseBenchStore

// The debrief's "Lessons learned" section: per phase, per reflection prompt, each team's
// answer under its name, side by side (a grid of cards in HTML). Only for case studies whose
// phases ask reflection questions.

extension Debrief {
  /// The lessons of the phases the report covers.
  var lessons: [PhaseLessons] { summary.lessons.filter { phaseIDs.contains($0.phase.id) } }

  static let lessonsCSS = """
    .answers { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: .6rem; margin: .4rem 0 1rem; }
    .answer { border: 1px solid #d8dee4; border-radius: .4rem; padding: .4rem .7rem;
      overflow-wrap: anywhere; }
    .answer h5 { margin: 0 0 .2rem; font-size: 1em; }
    section.lessons h3 { font-size: 1.25em; }
    section.lessons h4 { font-size: 1.05em; margin-top: 1.2rem; }
    @media print {
      section.lessons h3, section.lessons h4 { break-after: avoid; page-break-after: avoid; }
      .answer { break-inside: avoid; page-break-inside: avoid; }
    }
    """

  /// "Not answered yet: Team 3." or "" when every team answered.
  static func unansweredLine(_ p: PromptAnswers) -> String {
    p.unanswered.isEmpty ? "" : "Not answered yet: \(p.unanswered.joined(separator: ", "))."
  }

  func lessonsMarkdown(_ md: (String) -> String) -> [String] {
    guard !lessons.isEmpty else { return [] }
    var out = ["", "## Lessons learned"]
    for phase in lessons {
      out += ["", "### \(md(phase.phase.title))"]
      for p in phase.prompts {
        out += ["", "**\(md(p.prompt.id)): \(md(p.prompt.prompt))**"]
        if p.answers.isEmpty { out += ["", "*No team has answered yet.*"] }
        for answer in p.answers {
          out += ["", "- **\(md(answer.team))**:", ""]
          out += MarkdownReport.quote(answer.text).map { "  " + $0 }
        }
        let missing = Debrief.unansweredLine(p)
        if !missing.isEmpty, !p.answers.isEmpty { out += ["", md(missing)] }
      }
    }
    return out
  }

  func lessonsHTML() -> [String] {
    guard !lessons.isEmpty else { return [] }
    func h(_ text: String) -> String { HTMLReport.escape(text) }
    var out = ["<h2>Lessons learned</h2>"]
    for phase in lessons {
      out.append("<section class=\"lessons\">")
      out.append("<h3>\(h(phase.phase.title))</h3>")
      for p in phase.prompts {
        out.append("<h4>\(h(p.prompt.id)): \(h(p.prompt.prompt))</h4>")
        if p.answers.isEmpty {
          out.append("<p><em>No team has answered yet.</em></p>")
          continue
        }
        out.append("<div class=\"answers\">")
        for answer in p.answers {
          out.append(
            "<div class=\"answer\"><h5>\(h(answer.team))</h5>\(RichText(answer.text).html)</div>")
        }
        out.append("</div>")
        let missing = Debrief.unansweredLine(p)
        if !missing.isEmpty { out.append("<p class=\"muted\">\(h(missing))</p>") }
      }
      out.append("</section>")
    }
    return out
  }
}
