import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The checklist pane: the selected phase's items with their status, note and required marks.
enum ChecklistPane {
  static func draw(
    _ wb: Workbench, progress: CaseBenchModel.Progress, options: RenderOptions, rect: Rect,
    into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    let focused = wb.focus == .checklist
    guard let phase = wb.currentPhase else {
      buf.box(rect, title: "Checklist", focused: focused, glyphs: g)
      return
    }
    let p = progress.phases.indices.contains(wb.phase) ? progress.phases[wb.phase] : nil
    let filter = wb.filter.label(wb.lenses).map { " \(g.dot) \($0)" } ?? ""
    let title = "\(wb.phase + 1) \(phase.title)\(filter)"
    // N/A counts as settled, so the header says so (an item marked N/A is not "done"), in the
    // longest words that fit beside the title (as `box` places it).
    let titleW = 2 + DisplayWidth.of(" \(title) ")
    let counts =
      p.map { p in
        ["done or N/A", "done/NA", ""].map {
          "\(p.settled)/\(p.total) \($0)".trimming(.whitespaces)
        }
        .first { titleW + DisplayWidth.of(" \($0) ") + 2 <= rect.w - 2 } ?? ""
      } ?? ""
    var parts: [String] = []
    if !phase.decisions.isEmpty {
      let taken = p?.decisionsTaken ?? 0
      let count = counted(phase.decisions.count, "decision")
      // The letters chosen, so the choice just made shows once the dialog closes.
      let letters = phase.decisions.compactMap { d in
        wb.session.decisions[d.id].map { DecisionDialog.shownLetter(of: $0.option, in: d) }
      }
      let chosen = letters.isEmpty ? "" : " (\(letters.joined(separator: ", ")))"
      parts.append("d: \(taken)/\(count) taken\(chosen)")
    }
    parts += ["* required", "\(g.note) note"]
    let footer = fitting(parts, width: rect.w - 6)
    buf.box(
      rect, title: title, focused: focused, glyphs: g,
      topRight: counts, footer: footer)
    let inner = rect.inner
    guard inner.w > 8, inner.h > 0 else { return }
    let count = wb.rowCount(wb.phase)
    if count == 0 {
      let empty = wb.filter == .all ? "No items in this phase." : "No items of this filter here."
      buf.put(empty, x: inner.x + 1, y: inner.y, role: .dim, maxX: inner.x + inner.w)
      return
    }
    let top = max(0, min(wb.listTop, count - 1))
    let right = inner.x + inner.w
    for row in 0..<inner.h {
      let i = top + row
      guard let shown = wb.row(wb.phase, i) else { break }
      let item = shown.item
      let y = inner.y + row
      var state = wb.session.state(of: item.id)
      // A test of a scored lens shows its points, and its glyph follows them.
      let points = shown.lens?.scoring == .mlTestScore ? wb.session.points(of: item.id) : nil
      if let points { state.status = LensTag.status(points) }
      let selected = i == wb.item
      let rowRole: Role = selected ? (focused ? .selected : .selectedInactive) : .normal
      if selected {
        buf.fill(x: inner.x, y: y, width: inner.w, height: 1, with: Cell(" ", role: rowRole))
      }
      let glyph = g.status(state.status)
      let glyphRole: Role
      switch state.status {
      case .done: glyphRole = .success
      case .doing: glyphRole = .warning
      case .blocked: glyphRole = .danger
      case .notApplicable, .todo: glyphRole = .dim
      }
      var x = buf.put(glyph, x: inner.x + 1, y: y, role: selected ? rowRole : glyphRole, bold: true)
      x += 1
      let extended = item.level == .extension
      let marks = extended ? 9 : (points != nil ? 8 : 5)
      // The tag says which lens (shortened where it would leave the title too little room);
      // under one lens's filter, the pane's title says it for every row.
      if let lens = shown.lens, wb.filter == .all {
        let tag = LensTag.fitting(lens, room: right - x - marks)
        x = buf.put("[\(tag)]", x: x, y: y, role: selected ? rowRole : .accent) + 1
      }
      // Search matches are positions among the case study's items.
      let isMatch =
        shown.lens == nil
        && (wb.search?.matches.contains(SearchMatch(phase: wb.phase, item: i)) ?? false)
      let titleRole: Role =
        selected
        ? rowRole
        : isMatch
          ? .match : (state.status.isSettled || wb.closedPhases.contains(wb.phase) ? .dim : .normal)
      buf.put(
        g.truncate(item.title, to: max(1, right - x - marks)), x: x, y: y, role: titleRole,
        bold: selected)
      if !state.note.isEmpty {
        buf.put(
          g.note, x: right - (points != nil ? 6 : 4), y: y, role: selected ? rowRole : .accent)
      }
      // Extension items are for longer courses: marked, dim, after the core path.
      if extended {
        buf.put("ext", x: right - 8, y: y, role: selected ? rowRole : .dim)
      }
      if let points {
        // Where the required mark goes: a lens's items never count towards a gate.
        buf.putRight(points.label, maxX: right - 1, y: y, role: selected ? rowRole : .accent)
      } else if item.required && shown.lens == nil {
        buf.put("*", x: right - 2, y: y, role: selected ? rowRole : .warning, bold: true)
      }
    }
    if top > 0 {
      buf.put(options.unicode ? "↑" : "^", x: rect.x + rect.w - 1, y: inner.y, role: .dim)
    }
    if top + inner.h < count {
      buf.put(
        options.unicode ? "↓" : "v", x: rect.x + rect.w - 1, y: inner.y + inner.h - 1, role: .dim)
    }
  }
}
