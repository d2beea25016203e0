import CaseBenchLoading
import CaseBenchModel

/// Draws the projector view into a rectangle: a title row (where the decision is, the step, the
/// page), the page of the slide in a centred column, and the keys on the bottom row.
enum ProjectorView {
  static func draw(
    _ p: Projector, summary: ClassSummary, workshop: WorkshopState, options: RenderOptions,
    in r: Rect, into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    let size = Size(width: r.w, height: r.h)
    buf.fill(x: r.x, y: r.y, width: r.w, height: 1, with: Cell(" ", role: .statusBar))
    buf.fill(x: r.x, y: r.y + r.h - 1, width: r.w, height: 1, with: Cell(" ", role: .statusBar))
    drawHints(p, width: r.w, x: r.x, y: r.y + r.h - 1, into: &buf)
    guard let slide = p.slide(summary, workshop) else {
      buf.put(" Projector", x: r.x, y: r.y, role: .statusBar, bold: true)
      buf.put("This case study has no decision points.", x: r.x + 2, y: r.y + 2, role: .dim)
      return
    }
    let pages = ProjectorLayout.pages(slide, size: size, glyphs: g)
    let page = min(p.page, pages.count - 1)
    var left =
      " Decision \(slide.position) of \(slide.decisionCount) \(g.dot) \(slide.phaseTitle)"
      + " \(g.dot) \(slide.step.title)"
    if DisplayWidth.of(left) > r.w - 2 {
      left = " \(slide.position)/\(slide.decisionCount) \(g.dot) \(slide.step.title)"
    }
    buf.put(left, x: r.x, y: r.y, role: .statusBar, bold: true)
    if pages.count > 1 {
      let more = page + 1 < pages.count ? ": Space for more" : ""
      let right = "page \(page + 1) of \(pages.count)\(more) "
      if DisplayWidth.of(left) + DisplayWidth.of(right) + 2 <= r.w {
        buf.putRight(right, maxX: r.x + r.w, y: r.y, role: .statusBar, bold: true)
      }
    }
    let width = ProjectorLayout.columnWidth(r.w)
    let x = r.x + max(2, (r.w - width) / 2)
    for (row, pieces) in pages[page].enumerated() {
      for piece in pieces {
        buf.put(
          piece.text, x: x + piece.indent, y: r.y + 2 + row, role: piece.role, bold: piece.bold,
          maxX: r.x + r.w)
      }
    }
  }

  /// What the dashboard's program said (a reveal written, or why it could not be), over the keys.
  static func drawMessage(_ m: StatusMessage?, size: Size, into buf: inout ScreenBuffer) {
    guard let m else { return }
    let rows = Wrap.lines(m.text, width: max(1, size.width - 2))
    let top = size.height - rows.count
    buf.fill(x: 0, y: top, width: size.width, height: rows.count, with: Cell(" ", role: .statusBar))
    for (i, row) in rows.enumerated() {
      buf.put(" " + row, x: 0, y: top + i, role: m.isError ? .danger : .statusBar, bold: m.isError)
    }
  }

  /// The keys, most useful first; those that do not fit are left out whole.
  static func drawHints(_ p: Projector, width: Int, x: Int, y: Int, into buf: inout ScreenBuffer) {
    let hints = [
      KeyTable.projectorNext.hint("next"), KeyTable.projectorBack.hint("back"),
      KeyTable.projectorDecision.hint("decision", keys: [.char("n"), .char("N")]),
      KeyTable.projectorReveal.hint("reveal"),
      KeyTable.projectorClose.hint(p.standalone ? "quit" : "dashboard", keys: [.char("q")]),
    ]
    var line = ""
    for hint in hints {
      let next = line + " " + hint + " "
      if DisplayWidth.of(next) > width { break }
      line = next
    }
    buf.put(line, x: x, y: y, role: .statusBar)
  }
}
