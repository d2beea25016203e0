import CaseBenchLoading
import CaseBenchReports

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The detail pane: an item, or the phase briefing, scrolled; search matches highlighted.
enum DetailView {
  static func draw(
    _ wb: Workbench, options: RenderOptions, layout l: WorkbenchLayout,
    into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    let rect = l.detail
    let focused = wb.focus == .detail
    let inner = rect.inner
    func visible(from top: Int) -> Range<Int> { top..<(top + min(inner.h, Int.max - top)) }
    var lines = DetailContent.lines(
      wb, options: options, width: l.detailTextWidth, window: visible(from: wb.detailScroll))
    let maxScroll = DetailMetrics(lineCount: lines.count, height: inner.h).maxScroll
    let scroll = min(wb.detailScroll, maxScroll)
    if scroll != wb.detailScroll {
      lines = DetailContent.lines(
        wb, options: options, width: l.detailTextWidth, window: visible(from: scroll))
    }
    let count = wb.rowCount(wb.phase)
    let title =
      wb.detailMode == .briefing || wb.currentItem == nil
      ? "Briefing" : "Item \(wb.item + 1) of \(count)"
    var footer = ""
    if maxScroll > 0 {
      let more = options.unicode ? "↓ more" : "v more"
      footer =
        scroll < maxScroll
        ? "\(more)  "
          + (focused
            ? KeyTable.move.hint("scroll", keys: [.char("j"), .char("k")])
            : KeyTable.cyclePane.hint("here to scroll", keys: [.tab])) : "end"
    }
    let modeKey = KeyTable.briefing.hint(wb.detailMode == .briefing ? "item" : "briefing")
    buf.box(rect, title: title, focused: focused, glyphs: g, topRight: modeKey, footer: footer)
    let area = Rect(x: inner.x + 1, y: inner.y, w: max(0, inner.w - 2), h: inner.h)
    buf.lines(lines, in: area, scroll: scroll)
    if let query = wb.search?.query {
      highlight(query, lines: lines, in: area, scroll: scroll, into: &buf)
    }
  }

  /// Paints every occurrence of `query` in the visible lines with the match role.
  static func highlight(
    _ query: String, lines: [StyledLine], in r: Rect, scroll: Int, into buf: inout ScreenBuffer
  ) {
    let folded = Folded(query)
    guard !folded.isEmpty else { return }
    for row in 0..<r.h {
      let i = scroll + row
      guard i < lines.count else { break }
      let text = lines[i].text
      for found in folded.ranges(in: text) {
        let x = r.x + lines[i].indent + DisplayWidth.of(String(text[..<found.lowerBound]))
        let w = DisplayWidth.of(String(text[found]))
        buf.paint(x: x, y: r.y + row, width: min(w, r.x + r.w - x), role: .match)
      }
    }
  }
}
