import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The phases pane: each phase with its progress, then overall progress and readiness.
enum PhasesPane {
  static func draw(
    _ wb: Workbench, progress: CaseBenchModel.Progress, options: RenderOptions, rect: Rect,
    into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    let focused = wb.focus == .phases
    if rect.h == 1 {
      drawStrip(wb, progress: progress, glyphs: g, rect: rect, into: &buf)
      return
    }
    buf.box(rect, title: "Phases", focused: focused, glyphs: g)
    let inner = rect.inner
    guard inner.w > 4, inner.h > 0 else { return }
    let phases = wb.caseStudy.phases
    let per = WorkbenchLayout.rowsPerPhase(innerHeight: inner.h, phases: phases.count)
    let right = inner.x + inner.w
    let first = WorkbenchLayout.firstPhase(
      innerHeight: inner.h, phases: phases.count, selected: wb.phase)
    // Every bar leaves room for the widest count, so the bars of "0/5" and "0/12" end together.
    let countW = progress.phases.map { DisplayWidth.of("\($0.settled)/\($0.total)") }.max() ?? 0
    for (i, phase) in phases.enumerated() where i >= first {
      let y = inner.y + (i - first) * per
      guard y + per - 1 < inner.y + inner.h, progress.phases.indices.contains(i) else { break }
      let p = progress.phases[i]
      let selected = i == wb.phase
      let rowRole: Role = selected ? (focused ? .selected : .selectedInactive) : .normal
      if selected {
        buf.fill(x: inner.x, y: y, width: inner.w, height: per, with: Cell(" ", role: rowRole))
      }
      let mark = p.gateMet ? g.check : ""
      let count = "\(p.settled)/\(p.total)"
      let number = "\(i + 1) "
      if per == 3 {
        var open: [String] = []
        if p.blocked > 0 { open.append("\(p.blocked) blocked") }
        if p.doing > 0 { open.append("\(p.doing) doing") }
        if p.decisionsTotal > 0 {
          let left = p.decisionsTotal - p.decisionsTaken
          open.append(
            left == 0 ? "decided" : left == 1 ? "1 decision open" : "\(left) decisions open")
        }
        let x = inner.x + 1 + DisplayWidth.of(number)
        buf.put(
          fitting(open, width: max(0, right - 1 - x)), x: x, y: y + 2,
          role: selected ? rowRole : (p.blocked > 0 ? .danger : .dim))
      }
      if per >= 2 {
        let titleRoom = inner.w - 2 - DisplayWidth.of(number) - DisplayWidth.of(mark) - 1
        buf.put(number, x: inner.x + 1, y: y, role: selected ? rowRole : .dim)
        buf.put(
          g.truncate(phase.title, to: max(1, titleRoom)),
          x: inner.x + 1 + DisplayWidth.of(number), y: y, role: rowRole, bold: selected)
        if !mark.isEmpty {
          buf.putRight(mark, maxX: right - 1, y: y, role: selected ? rowRole : .success, bold: true)
        }
        let barW = inner.w - 2 - DisplayWidth.of(number) - countW - 1
        let bar = progressBar(p.fraction, width: barW, glyphs: g, unicode: options.unicode)
        buf.put(
          bar, x: inner.x + 1 + DisplayWidth.of(number), y: y + 1,
          role: selected ? rowRole : (p.gateMet ? .success : .accent))
        buf.putRight(count, maxX: right - 1, y: y + 1, role: selected ? rowRole : .dim)
      } else {
        let tail = count + (mark.isEmpty ? "" : " " + mark)
        let titleRoom = inner.w - 2 - DisplayWidth.of(number) - DisplayWidth.of(tail) - 1
        buf.put(number, x: inner.x + 1, y: y, role: selected ? rowRole : .dim)
        buf.put(
          g.truncate(phase.title, to: max(1, titleRoom)),
          x: inner.x + 1 + DisplayWidth.of(number), y: y, role: rowRole, bold: selected)
        buf.putRight(tail, maxX: right - 1, y: y, role: selected ? rowRole : .dim)
      }
    }
    // Overall progress and readiness, at the bottom of the pane.
    let used = phases.count * per
    let footer = 3
    guard inner.h - used >= footer + 1 else { return }
    let y0 = inner.y + inner.h - footer
    buf.put(
      String(repeating: g.horizontal, count: inner.w - 2), x: inner.x + 1, y: y0, role: .border)
    let count = "\(progress.settled)/\(progress.total)"
    let label = "Overall "
    buf.put(label, x: inner.x + 1, y: y0 + 1, role: .title, bold: true)
    let barW = inner.w - 2 - DisplayWidth.of(label) - DisplayWidth.of(count) - 1
    buf.put(
      progressBar(progress.fraction, width: barW, glyphs: g, unicode: options.unicode),
      x: inner.x + 1 + DisplayWidth.of(label), y: y0 + 1, role: .accent)
    buf.putRight(count, maxX: right - 1, y: y0 + 1, role: .dim)
    let readiness = progress.readiness
    let rRole: Role = readiness >= 1 ? .success : (readiness >= 0.5 ? .warning : .danger)
    var x = buf.put("Readiness ", x: inner.x + 1, y: y0 + 2, role: .title, bold: true)
    x = buf.put(
      CaseBenchModel.Progress.percent(readiness), x: x, y: y0 + 2, role: rRole, bold: true)
    let gates = "gates \(progress.gatesMet)/\(progress.phases.count)"
    if x + 2 + DisplayWidth.of(gates) <= right - 1 {
      buf.putRight(gates, maxX: right - 1, y: y0 + 2, role: .dim)
    }
  }
}

/// The phases as one line across the top, for short or narrow terminals: each phase's number
/// and title (with its count and the readiness where they fit), the selected one highlighted.
extension PhasesPane {
  struct StripCell: Equatable {
    var phase: Int
    var x: Int
    var text: String
  }

  /// Where each phase sits on the strip, and what the strip says at its right end. The longest
  /// of these that fits is used: titles with counts and readiness, titles and readiness, titles,
  /// then the selected phase's title with the others' titles shortened, then only their numbers.
  static func strip(
    _ wb: Workbench, progress: CaseBenchModel.Progress, glyphs g: Glyphs, width: Int
  ) -> (cells: [StripCell], tail: String) {
    let phases = wb.caseStudy.phases
    let readiness = "Readiness \(CaseBenchModel.Progress.percent(progress.readiness)) "
    /// `room` is the width the others' titles are cut to (nil: whole, 0: none).
    func layout(room: Int?, count: Bool) -> (cells: [StripCell], width: Int) {
      var cells: [StripCell] = []
      var x = 0
      for (i, phase) in phases.enumerated() {
        if i > 0 { x += DisplayWidth.of(g.vertical) }
        var text = "\(i + 1)"
        let title =
          i == wb.phase || room == nil ? phase.title : g.truncate(phase.title, to: room ?? 0)
        if !title.isEmpty { text += " " + title }
        let p = progress.phases.indices.contains(i) ? progress.phases[i] : nil
        if count, let p { text += " \(p.settled)/\(p.total)" }
        if p?.gateMet == true { text += " " + g.check }
        cells.append(StripCell(phase: i, x: x, text: " \(text) "))
        x += DisplayWidth.of(" \(text) ")
      }
      return (cells, x)
    }
    for (count, tail) in [(true, readiness), (false, readiness), (false, "")] {
      let (cells, used) = layout(room: nil, count: count)
      if used + (tail.isEmpty ? 0 : DisplayWidth.of(tail) + 1) <= width { return (cells, tail) }
    }
    let longest = phases.map { DisplayWidth.of($0.title) }.max() ?? 0
    for room in stride(from: longest - 1, through: 4, by: -1) {
      let (cells, used) = layout(room: room, count: false)
      if used <= width { return (cells, "") }
    }
    return (layout(room: 0, count: false).cells, "")
  }

  static func drawStrip(
    _ wb: Workbench, progress: CaseBenchModel.Progress, glyphs g: Glyphs, rect: Rect,
    into buf: inout ScreenBuffer
  ) {
    let focused = wb.focus == .phases
    let right = rect.x + rect.w
    let (cells, tail) = strip(wb, progress: progress, glyphs: g, width: rect.w)
    for cell in cells {
      let x = rect.x + cell.x
      guard x < right else { break }
      if cell.phase > 0 {
        buf.put(g.vertical, x: x - DisplayWidth.of(g.vertical), y: rect.y, role: .border)
      }
      let selected = cell.phase == wb.phase
      let gateMet =
        progress.phases.indices.contains(cell.phase) && progress.phases[cell.phase].gateMet
      let role: Role =
        selected
        ? (focused ? .selected : .selectedInactive)
        : wb.closedPhases.contains(cell.phase) ? .dim : gateMet ? .success : .normal
      buf.put(cell.text, x: x, y: rect.y, role: role, bold: selected, maxX: right)
    }
    if !tail.isEmpty {
      let readiness = progress.readiness
      let role: Role = readiness >= 1 ? .success : (readiness >= 0.5 ? .warning : .danger)
      buf.putRight(tail, maxX: right, y: rect.y, role: role, bold: true)
    }
  }

  /// The phase drawn at column `x` of row `y` of the pane in `rect`, for a mouse click.
  static func phase(
    atX x: Int, y: Int, _ wb: Workbench, progress: CaseBenchModel.Progress, glyphs g: Glyphs,
    rect: Rect
  ) -> Int? {
    if rect.h == 1 {
      guard y == rect.y else { return nil }
      let cells = strip(wb, progress: progress, glyphs: g, width: rect.w).cells
      return cells.first { x >= rect.x + $0.x && x < rect.x + $0.x + DisplayWidth.of($0.text) }?
        .phase
    }
    let inner = rect.inner
    guard inner.contains(x, y) else { return nil }
    let count = wb.caseStudy.phases.count
    let per = WorkbenchLayout.rowsPerPhase(innerHeight: inner.h, phases: count)
    let first = WorkbenchLayout.firstPhase(innerHeight: inner.h, phases: count, selected: wb.phase)
    let index = first + (y - inner.y) / per
    return wb.caseStudy.phases.indices.contains(index) ? index : nil
  }
}
