import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The decision dialog: situation, options, rationale, consequence.
enum DecisionView {
  /// Clears the box and a one-cell margin left and right of it, so it stands apart.
  static func clear(_ r: Rect, into buf: inout ScreenBuffer) {
    buf.fill(x: r.x - 1, y: r.y, width: r.w + 2, height: r.h)
  }

  static func draw(
    _ dialog: DecisionDialog, wb: Workbench, options: RenderOptions, size: Size,
    workshop: WorkshopState? = nil, now: Date, into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    guard
      let c = dialog.content(wb: wb, options: options, size: size, workshop: workshop, now: now)
    else { return }
    let m = DecisionDialog.Metrics(size)
    let lines = c.lines
    let title = c.title
    var footer = c.footer
    let width = m.textWidth
    if case .rationale(_, _, let editor) = dialog.stage {
      let r = m.fitted(rows: lines.count + m.editorHeight + 2)
      clear(r, into: &buf)
      buf.box(r, title: title, focused: true, glyphs: g, footer: footer)
      let text = Rect(x: r.inner.x + 2, y: r.inner.y + 1, w: width, h: max(0, r.inner.h - 2))
      buf.lines(lines, in: text)
      let editorRect = Rect(
        x: text.x, y: text.y + lines.count + 1, w: width,
        h: max(1, min(m.editorHeight, text.y + text.h - 1 - (text.y + lines.count + 1))))
      let frame = Rect(
        x: editorRect.x - 1, y: editorRect.y - 1, w: editorRect.w + 2, h: editorRect.h + 2)
      buf.box(frame, title: "", focused: false, glyphs: g)
      drawEditor(editor, in: editorRect, into: &buf)
      return
    }
    let r = m.fitted(rows: lines.count)
    clear(r, into: &buf)
    let inner = r.inner
    let text = Rect(x: inner.x + 2, y: inner.y + 1, w: width, h: max(0, inner.h - 2))
    var scroll = dialog.scroll
    if let keep = c.keep {
      if keep.upperBound >= scroll + text.h { scroll = keep.upperBound - text.h + 1 }
      if keep.lowerBound < scroll { scroll = keep.lowerBound }
    }
    let maxScroll = max(0, lines.count - text.h)
    scroll = min(max(0, scroll), maxScroll)
    if maxScroll > 0, scroll < maxScroll {
      footer = (options.unicode ? "↓ more" : "v more") + " \(g.dot) " + footer
    }
    buf.box(r, title: title, focused: true, glyphs: g, footer: footer)
    buf.lines(lines, in: text, scroll: scroll)
    // Stretch the selection highlight across the dialog.
    for row in 0..<text.h {
      let i = scroll + row
      guard i < lines.count, lines[i].role == .selected else { continue }
      buf.paint(x: inner.x + 1, y: text.y + row, width: inner.w - 2, role: .selected)
    }
  }
}
