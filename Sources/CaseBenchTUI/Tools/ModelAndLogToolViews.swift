import CaseBenchModel
import CaseBenchReports

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

enum ModelToolView {
  static func draw(
    _ tool: ToolScreen, wb: Workbench, g: Glyphs, in r: Rect, into buf: inout ScreenBuffer
  ) {
    let models = wb.session.toolkit.models
    ToolView.heading(
      "Models (\(models.count))", focused: true, g: g, x: r.x, y: r.y, w: r.w, into: &buf)
    guard !models.isEmpty else {
      var lines: [StyledLine] = []
      lines.wrap(
        "No models yet: \(KeyTable.toolAdd.hint("registers one")) in this phase. Track each "
          + "candidate's data version, parameters and results, or you will have a model you "
          + "cannot rebuild.", width: r.w, role: .dim)
      buf.lines(lines, in: Rect(x: r.x, y: r.y + 1, w: r.w, h: r.h - 1))
      return
    }
    let rows = models.map { m in
      "\(m.id)  \(m.rebuildable ? g.check : g.radioOff) \(ToolView.oneLine(m.name))  (\(m.phase))"
    }
    let listH = min(models.count, max(1, (r.h - 1) / 2))
    let sel = tool.focus == .list ? min(tool.row, models.count - 1) : 0
    ToolView.list(
      rows, selected: sel, focused: tool.focus == .list, g: g,
      in: Rect(x: r.x, y: r.y + 1, w: r.w, h: listH), into: &buf)
    let m = models[sel]
    var lines: [StyledLine] = [.blank]
    func field(_ name: String, _ value: String) {
      lines.wrap("\(name): " + (value.isEmpty ? "-" : ToolView.oneLine(value)), width: r.w)
    }
    field("Data version", m.dataVersion)
    field("Parameters", m.parameters)
    field("Metrics", m.metrics)
    lines.wrap(
      "Can we rebuild it? " + (m.rebuildable ? "yes" : "no")
        + (m.rebuildNeeds.isEmpty ? "" : ": " + ToolView.oneLine(m.rebuildNeeds))
        + "  (\(KeyTable.toolToggle.hint("changes")))", width: r.w,
      role: m.rebuildable ? .success : .warning)
    field("Notes", m.notes)
    let adoptions = wb.session.toolkit.adoptions
    let adoptionsH = min(max(3, r.h / 3), adoptions.count + 2)
    let detailH = max(0, r.h - 1 - listH - adoptionsH)
    buf.lines(lines, in: Rect(x: r.x, y: r.y + 1 + listH, w: r.w, h: detailH))
    let ay = r.y + r.h - adoptionsH
    let focused = tool.focus == .adoptions
    ToolView.heading(
      "Adoption decisions (\(adoptions.count))", focused: focused, g: g, x: r.x, y: ay, w: r.w,
      into: &buf)
    let adoptionRows =
      adoptions.isEmpty
      ? ["None yet: Tab here, then \(KeyTable.toolAdd.hint("records which model was adopted"))."]
      : adoptions.map {
        "\($0.id) adopted \($0.chosen) from \($0.candidates.joined(separator: ", ")): "
          + ToolView.oneLine($0.rationale)
      }
    ToolView.list(
      adoptionRows, selected: focused && !adoptions.isEmpty ? tool.row : nil, focused: focused,
      g: g,
      in: Rect(x: r.x, y: ay + 1, w: r.w, h: adoptionsH - 1), into: &buf)
  }
}

enum LogToolView {
  static func draw(
    _ tool: ToolScreen, wb: Workbench, g: Glyphs, timeZone: TimeZone?, in r: Rect,
    into buf: inout ScreenBuffer
  ) {
    let entries = DecisionLog.entries(caseStudy: wb.caseStudy, session: wb.session)
    ToolView.heading(
      "Decisions and records, oldest first (\(entries.count))", focused: true, g: g, x: r.x, y: r.y,
      w: r.w, into: &buf)
    guard !entries.isEmpty else {
      buf.put(
        "Nothing yet: decisions, risks, the estimate and models appear here; "
          + KeyTable.toolAdd.hint("logs a decision of your own") + ".", x: r.x, y: r.y + 1,
        role: .dim, maxX: r.x + r.w)
      return
    }
    let rows = entries.map { e in
      "\(shortClock(e.at, timeZone: timeZone)) "
        + DisplayWidth.pad(e.kind, to: 13) + " " + DisplayWidth.pad(e.subject, to: 6) + " "
        + ToolView.oneLine(e.text)
    }
    ToolView.list(
      rows, selected: min(tool.row, entries.count - 1), focused: true, g: g,
      in: Rect(x: r.x, y: r.y + 1, w: r.w, h: r.h - 1), into: &buf)
  }
}
