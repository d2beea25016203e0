import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The start screen: case studies to begin, saved sessions to resume.
enum StartScreenView {
  static func draw(_ state: AppState, size: Size, into buf: inout ScreenBuffer) {
    let g = Glyphs.of(state.options)
    let geo = StartScreen.geometry(size)
    buf.fill(x: 0, y: 0, width: size.width, height: 1, with: Cell(" ", role: .title))
    let x = buf.put(" casebench", x: 0, y: 0, role: .title, bold: true)
    let tagline = "  walk an ML project through its six phases, one decision at a time"
    if x + DisplayWidth.of(tagline) < size.width {
      buf.put(tagline, x: x, y: 0, role: .title)
    }
    let rows = StartScreen.rows(state, width: geo.width)
    let top = StartScreen.scroll(rows, selection: state.start.selection, height: geo.listHeight)
    let selectedRole: Role = state.start.prompt == nil ? .selected : .selectedInactive
    for i in 0..<geo.listHeight {
      let r = top + i
      guard r < rows.count else { break }
      let row = rows[r]
      let y = geo.listTop + i
      let selected = row.entry != nil && row.entry == state.start.selection
      if selected {
        buf.fill(x: geo.x, y: y, width: geo.width, height: 1, with: Cell(" ", role: selectedRole))
      }
      let role = selected ? selectedRole : row.line.role
      if selected, row.line.indent == 2 {
        buf.put(g.pointer, x: geo.x, y: y, role: role, bold: true)
      }
      buf.put(
        row.line.text, x: geo.x + row.line.indent, y: y, role: role, bold: row.line.bold,
        maxX: geo.x + geo.width)
      if let right = row.right {
        buf.putRight(
          right.text, maxX: geo.x + geo.width - 1, y: y, role: selected ? role : right.role)
      }
    }
    if top > 0 {
      buf.putRight(
        g.pointer == ">" ? "^ more" : "↑ more", maxX: geo.x + geo.width, y: 2, role: .dim)
    }
    if top + geo.listHeight < rows.count {
      buf.putRight(
        g.pointer == ">" ? "v more" : "↓ more", maxX: geo.x + geo.width, y: size.height - 2,
        role: .dim)
    }
    if let prompt = state.start.prompt { drawPrompt(prompt, state: state, size: size, into: &buf) }
  }

  static func promptBox(_ size: Size) -> Rect {
    let w = min(64, size.width - 4)
    let h = 10
    return Rect(x: (size.width - w) / 2, y: max(1, (size.height - h) / 2), w: w, h: h)
  }

  static func drawPrompt(
    _ prompt: NewSessionPrompt, state: AppState, size: Size, into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(state.options)
    let r = promptBox(size)
    DecisionView.clear(r, into: &buf)
    let title =
      state.caseStudies.indices.contains(prompt.caseStudy)
      ? state.caseStudies[prompt.caseStudy].title : ""
    buf.box(
      r, title: "New session \(g.dot) \(title)", focused: true, glyphs: g,
      footer: NewSessionPrompt.keys.joined(separator: " \(g.dot) "))
    let inner = r.inner
    let x0 = inner.x + 2
    let labelEnd = buf.put("Participant or team:", x: x0, y: inner.y + 1, role: .title, bold: true)
    let fieldX = labelEnd + 1
    let fieldW = max(1, inner.x + inner.w - 2 - fieldX)
    buf.fill(
      x: fieldX, y: inner.y + 1, width: fieldW, height: 1, with: Cell(" ", role: .selectedInactive))
    let mode = prompt.mode
    var x = buf.put("Mode:", x: x0, y: inner.y + 3, role: .title, bold: true) + 1
    x = buf.put(
      (mode == .caseStudy ? g.radioOn : g.radioOff) + " Case study", x: x, y: inner.y + 3,
      role: mode == .caseStudy ? .accent : .normal, bold: mode == .caseStudy)
    buf.put(
      (mode == .ownProject ? g.radioOn : g.radioOff) + " Own project", x: x + 3, y: inner.y + 3,
      role: mode == .ownProject ? .accent : .normal, bold: mode == .ownProject)
    let explain =
      mode == .caseStudy
      ? "Work through the story: every item shows what it means in the case."
      : "Use the phases and guidance on your own project; the story is hidden."
    buf.lines(
      Wrap.lines(explain, width: max(1, inner.w - 4)).map { StyledLine(text: $0, role: .dim) },
      in: Rect(x: x0, y: inner.y + 5, w: max(0, inner.w - 4), h: 2))
    var field = prompt.name
    field.top = 0
    buf.paint(x: fieldX, y: inner.y + 1, width: fieldW, role: .selectedInactive)
    drawField(field, x: fieldX, y: inner.y + 1, width: fieldW, into: &buf)
  }
}
