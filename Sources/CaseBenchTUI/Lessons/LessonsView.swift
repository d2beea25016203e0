import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

/// Draws the lessons-learned page: the phase's prompts with the team's answers, or, while an
/// answer is written, the prompt above the note editor's box.
enum LessonsView {
  /// The page's text, and the rows the selected prompt takes.
  static func lines(_ page: LessonsPage, _ context: PageContext, width: Int)
    -> (lines: [StyledLine], selected: Range<Int>)
  {
    let phases = context.workbench.caseStudy.phases
    var lines: [StyledLine] = []
    guard phases.indices.contains(page.phase) else { return (lines, 0..<0) }
    let phase = phases[page.phase]
    let prompts = phase.reflection
    if prompts.isEmpty {
      lines.wrap("This phase has no lessons-learned questions.", width: width, role: .dim)
      return (lines, 0..<0)
    }
    let availability = LessonsPage.availability(context, phase: page.phase)
    if availability.isOpen {
      lines.wrap(
        "Answer as a team, now that the phase's decisions are out in the open. The class "
          + "report puts every team's answers side by side.", width: width, role: .dim)
    } else {
      lines.wrap(
        LessonsPage.waitingLine(availability, context, phase: page.phase), width: width,
        role: .warning)
    }
    var selected = 0..<0
    for (i, prompt) in prompts.enumerated() {
      lines.append(.blank)
      let start = lines.count
      let isSelected = i == page.selected
      let marker = isSelected ? "> " : "  "
      guard availability.isOpen else {
        lines.append(
          StyledLine(
            text: "\(marker)\(i + 1). \(ReflectionAvailability.waitingText)",
            role: isSelected ? .accent : .dim))
        if isSelected { selected = start..<lines.count }
        continue
      }
      let head = Wrap.lines("\(i + 1). \(prompt.prompt)", width: max(1, width - 2))
      for (n, row) in head.enumerated() {
        lines.append(
          StyledLine(
            text: (n == 0 ? marker : "  ") + row, role: isSelected ? .accent : .normal,
            bold: true))
      }
      let answer = context.workbench.session.reflection(prompt.id)
      if answer.trimming(.whitespacesAndNewlines).isEmpty {
        lines.append(
          StyledLine(text: "No answer yet (Enter to write one).", role: .dim, indent: 5))
      } else {
        lines.prose(answer, width: width, indent: 5)
      }
      if isSelected { selected = start..<lines.count }
    }
    return (lines, selected)
  }

  static func draw(
    _ page: LessonsPage, _ context: PageContext, in rect: Rect, into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(context.options)
    let phases = context.workbench.caseStudy.phases
    let title =
      phases.indices.contains(page.phase)
      ? "Lessons learned \(g.dot) \(page.phase + 1) \(phases[page.phase].title)"
      : "Lessons learned"
    buf.box(
      rect, title: title, focused: true, glyphs: g,
      topRight: "phase \(page.phase + 1) of \(phases.count)")
    let inner = rect.inner
    guard inner.w > 2, inner.h > 0 else { return }
    let width = inner.w - 2
    if let editor = page.editor, let id = page.editingPromptID {
      let prompt = phases[page.phase].reflection.first { $0.id == id }?.prompt ?? id
      let box = LessonsPage.editorRect(context)
      var rows: [StyledLine] = []
      rows.wrap(prompt, width: width, bold: true)
      for (i, row) in rows.prefix(max(0, box.y - inner.y)).enumerated() {
        buf.put(row.text, x: inner.x + 1, y: inner.y + i, role: .accent, bold: true)
      }
      NoteView.drawBox(
        editor, title: "Answer", subject: context.workbench.sessionName,
        keys: [
          [KeyTable.leave, KeyTable.keep].map { $0.keys[0].key.name }.joined(separator: "/")
            + " keep"
        ], in: box, glyphs: g, into: &buf)
      return
    }
    let (lines, selected) = lines(page, context, width: width)
    var start = 0
    if selected.upperBound > inner.h { start = selected.upperBound - inner.h }
    if selected.lowerBound < start { start = selected.lowerBound }
    for row in 0..<inner.h {
      let i = start + row
      guard lines.indices.contains(i) else { break }
      let line = lines[i]
      buf.put(
        line.text, x: inner.x + 1 + line.indent, y: inner.y + row, role: line.role,
        bold: line.bold, maxX: inner.x + inner.w)
    }
  }
}
