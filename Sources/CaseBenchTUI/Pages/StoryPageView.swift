import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Draws a page of the story over the workbench (everything above the status bar).
enum StoryPageView {
  /// From this width the cast list names each person's role too.
  static let rolesFrom = 40

  static func draw(
    _ page: StoryPage, wb: Workbench, options: RenderOptions, size: Size,
    into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    let m = StoryPage.Metrics(page: page, wb: wb, options: options, size: size)
    buf.fill(x: m.body.x, y: m.body.y, width: m.body.w, height: m.body.h)
    let keys = PageKind.allCases.map { "\($0.binding.label) \($0.shortName)" }
      .joined(separator: "  ")
    let scroll = min(page.scroll, m.maxScroll)
    var footer = ""
    if m.maxScroll > 0 {
      let more = options.unicode ? "↓ more" : "v more"
      let how =
        page.kind == .background
        ? KeyTable.move.hint("scroll", keys: [.char("j"), .char("k")])
        : KeyTable.page.hint("scroll")
      footer = scroll < m.maxScroll ? "\(more)  \(how)" : "end"
    }
    buf.box(
      m.body, title: "\(page.kind.title) \(g.dot) \(wb.caseStudy.title)", focused: true, glyphs: g,
      topRight: keys, footer: footer)
    switch page.kind {
    case .cast: drawCast(page, wb: wb, m: m, scroll: scroll, g: g, into: &buf)
    case .background:
      if wb.showsCase {
        buf.lines(m.text, in: m.inner, scroll: scroll)
      } else {
        notice("the story's background", in: m.inner, into: &buf)
      }
    case .ethics: drawEthics(page, wb: wb, m: m, g: g, into: &buf)
    }
    if let query = wb.search?.query, page.kind != .ethics {
      let area = page.kind == .cast ? m.card : m.inner
      DetailView.highlight(query, lines: m.text, in: area, scroll: scroll, into: &buf)
    }
  }

  /// Own-project mode leaves the story out, as the workbench does.
  static func notice(_ what: String, in r: Rect, into buf: inout ScreenBuffer) {
    let text = "Own project: \(what) belongs to the case study, and is not part of this session."
    buf.lines(Wrap.lines(text, width: r.w).map { StyledLine(text: $0, role: .dim) }, in: r)
  }

  // MARK: The cast

  static func drawCast(
    _ page: StoryPage, wb: Workbench, m: StoryPage.Metrics, scroll: Int, g: Glyphs,
    into buf: inout ScreenBuffer
  ) {
    guard wb.showsCase else {
      notice("the cast", in: m.inner, into: &buf)
      return
    }
    let people = wb.caseStudy.cast
    guard !people.isEmpty else {
      buf.put("This case study has no cast.", x: m.inner.x, y: m.inner.y, role: .dim)
      return
    }
    let rows = people.map {
      m.names.w >= rolesFrom ? "\($0.name), \(ToolView.oneLine($0.role))" : $0.name
    }
    ToolView.list(
      rows, selected: min(page.row, people.count - 1), focused: true, g: g,
      in: m.names, into: &buf)
    for y in m.card.y..<(m.card.y + m.card.h) {
      buf.put(g.vertical, x: m.card.x - 2, y: y, role: .border)
    }
    buf.lines(m.text, in: m.card, scroll: scroll)
  }

  // MARK: The background

  // MARK: The ethics lens

  static func drawEthics(
    _ page: StoryPage, wb: Workbench, m: StoryPage.Metrics, g: Glyphs, into buf: inout ScreenBuffer
  ) {
    let entries = StoryPages.ethicsRows(wb)
    guard !entries.isEmpty else {
      buf.put(
        "No item in this case study is tagged \(StoryPages.ethicsTag).", x: m.inner.x,
        y: m.inner.y, role: .dim)
      return
    }
    let phases = wb.caseStudy.phases
    let phaseW = min(16, phases.map { DisplayWidth.of($0.title) }.max() ?? 0)
    // A lens's items follow the case study's, grouped by lens, each marked with its name.
    let selected = min(page.row, entries.count - 1)
    var rows: [String] = []
    var shownSelection = 0
    for (i, e) in entries.enumerated() {
      if let lens = e.lens, i == 0 || entries[i - 1].lens?.id != lens.id {
        rows.append("\(g.horizontal)\(g.horizontal) \(lens.title) [\(LensTag.short(lens))]")
      }
      if i == selected { shownSelection = rows.count }
      let status = g.status(wb.session.status(of: e.item.id))
      let phase = DisplayWidth.pad(
        g.truncate(phases[e.place.phase].title, to: phaseW), to: phaseW)
      let tag = e.lens.map { "[\(LensTag.short($0))] " } ?? ""
      rows.append("\(e.place.phase + 1) \(phase)  \(status) \(tag)\(e.item.title)")
    }
    ToolView.list(rows, selected: shownSelection, focused: true, g: g, in: m.list, into: &buf)
    let entry = entries[selected].place
    let item = entries[selected].item
    var lines: [StyledLine] = []
    let from = entries[selected].lens.map { " \(g.dot) from the lens \($0.title)" } ?? ""
    let place =
      "Phase \(entry.phase + 1), \(phases[entry.phase].title) \(g.dot) \(entries[selected].shownID)\(from)"
    lines.wrap(place, width: m.preview.w, role: .dim)
    if !item.arisesIn.isEmpty {
      let names = wb.caseStudy.arisesInNames(item).joined(separator: ", ")
      lines.wrap("Arises in: \(names)", width: m.preview.w, role: .dim)
    }
    lines.prose(item.guidance, width: m.preview.w)
    buf.put(
      String(repeating: g.horizontal, count: m.preview.w), x: m.preview.x, y: m.preview.y - 1,
      role: .border)
    let shown = lines.prefix(m.preview.h)
    buf.lines(Array(shown), in: m.preview)
    if lines.count > m.preview.h, m.preview.h > 0 {
      let hint = KeyTable.open.hint("opens it")
      buf.putRight(
        " \(g.ellipsis) \(hint) ", maxX: m.preview.x + m.preview.w,
        y: m.preview.y + m.preview.h - 1, role: .dim)
    }
  }
}

extension Array where Element == StyledLine {
  /// Appends a list item: the marker, then the text wrapped under itself.
  mutating func bullet(_ text: String, marker: String, width: Int, role: Role) {
    let indent = DisplayWidth.of(marker)
    for (k, row) in Wrap.lines(text, width: Swift.max(1, width - indent)).enumerated() {
      append(
        k == 0
          ? StyledLine(text: marker + row, role: role)
          : StyledLine(text: row, role: role, indent: indent))
    }
  }
}

extension StoryPageView {
  /// The status-bar hints of the open page, from the key table.
  /// `overTool`: the page was opened over a tool, which Esc goes back to.
  static func hints(_ page: StoryPage, overTool: Bool) -> [String] {
    typealias T = KeyTable
    let back = T.back.hint(overTool ? "back to the tool" : "back")
    let others = PageKind.allCases.filter { $0 != page.kind }.map {
      $0.binding.hint($0.shortName)
    }
    switch page.kind {
    case .cast:
      return [back, T.move.hint("person", keys: [.char("j"), .char("k")]), T.page.hint("scroll")]
        + others
    case .background:
      return [back, T.move.hint("scroll", keys: [.char("j"), .char("k")]), T.page.hint("page")]
        + others
    case .ethics:
      return [
        back, T.open.hint("go to item"), T.move.hint("move", keys: [.char("j"), .char("k")]),
      ]
        + others
    }
  }
}
