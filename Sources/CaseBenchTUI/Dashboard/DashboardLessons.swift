import CaseBenchModel
import CaseBenchStore

extension DashboardView {
  /// A phase's lessons learned on the notes page: each reflection prompt, then each team's
  /// answer under its name, so the facilitator reads the class's answers side by side.
  static func lessonLines(_ lessons: PhaseLessons?, teams: Int, width: Int) -> [StyledLine] {
    guard let lessons else { return [] }
    var lines: [StyledLine] = []
    let possible = lessons.prompts.count * teams
    lines.append(
      StyledLine(
        text: "Lessons learned (\(lessons.answerCount) of \(possible) answers)", role: .accent,
        bold: true, indent: 2))
    for p in lessons.prompts {
      lines.wrap("\(p.prompt.id) \(p.prompt.prompt)", width: width, bold: true, indent: 4)
      if p.answers.isEmpty {
        lines.append(StyledLine(text: "No team has answered yet.", role: .dim, indent: 6))
      }
      for answer in p.answers {
        lines.append(StyledLine(text: answer.team, role: .title, indent: 6))
        lines.prose(answer.text, width: width, indent: 8)
      }
      if !p.answers.isEmpty, !p.unanswered.isEmpty {
        lines.wrap(
          "Not answered yet: " + p.unanswered.joined(separator: ", "), width: width, role: .dim,
          indent: 6)
      }
    }
    return lines
  }
}
