import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Draws the open tool over the workbench (everything above the status bar).
enum ToolView {
  static func draw(
    _ tool: ToolScreen, wb: Workbench, options: RenderOptions, size: Size,
    into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    let body = Rect(x: 0, y: 0, w: size.width, h: max(0, size.height - 1))
    buf.fill(x: body.x, y: body.y, width: body.w, height: body.h)
    let phase = wb.currentPhase?.title ?? ""
    let keys = ToolKind.allCases.map { "\($0.binding.label) \(shortName($0))" }
      .joined(separator: "  ")
    buf.box(
      body, title: "\(tool.kind.title) \(g.dot) \(phase)", focused: true, glyphs: g,
      topRight: keys)
    let r = Rect(x: body.x + 2, y: body.y + 1, w: max(0, body.w - 4), h: max(0, body.h - 2))
    if let form = tool.form {
      FormView.draw(form, wb: wb, g: g, in: r, into: &buf)
      return
    }
    switch tool.kind {
    case .risks: RiskToolView.draw(tool, wb: wb, g: g, in: r, into: &buf)
    case .estimate: EstimateToolView.draw(tool, wb: wb, g: g, in: r, into: &buf)
    case .stakeholders: StakeholderToolView.draw(tool, wb: wb, g: g, in: r, into: &buf)
    case .models: ModelToolView.draw(tool, wb: wb, g: g, in: r, into: &buf)
    case .log:
      LogToolView.draw(tool, wb: wb, g: g, timeZone: options.timeZone, in: r, into: &buf)
    }
  }

  static func shortName(_ kind: ToolKind) -> String {
    switch kind {
    case .risks: "risks"
    case .estimate: "estimate"
    case .stakeholders: "people"
    case .models: "models"
    case .log: "log"
    }
  }

  /// A list with one selected row (highlighted when `focused`), scrolled to keep it in view.
  static func list(
    _ rows: [String], selected: Int?, focused: Bool, g: Glyphs, in r: Rect,
    into buf: inout ScreenBuffer
  ) {
    guard r.h > 0, r.w > 0 else { return }
    let sel = selected ?? 0
    let top = max(0, min(sel - r.h + 1, rows.count - r.h))
    for (i, text) in rows.enumerated().dropFirst(max(0, top)).prefix(r.h) {
      let y = r.y + i - max(0, top)
      let isSelected = selected == i
      let role: Role = isSelected ? (focused ? .selected : .selectedInactive) : .normal
      if isSelected { buf.fill(x: r.x, y: y, width: r.w, height: 1, with: Cell(" ", role: role)) }
      buf.put(g.truncate(text, to: r.w), x: r.x, y: y, role: role, maxX: r.x + r.w)
    }
  }

  /// A pane's heading. The focused pane's has the pointer before it as well as its colour, so
  /// focus shows without colour too (a risk was once taken from the pane thought unfocused).
  static func heading(
    _ text: String, focused: Bool, g: Glyphs, x: Int, y: Int, w: Int,
    into buf: inout ScreenBuffer
  ) {
    let marked = (focused ? g.pointer : " ") + " " + text
    buf.put(marked, x: x, y: y, role: focused ? .title : .normal, bold: true, maxX: x + w)
  }

  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}

enum RiskToolView {
  static let cellWidth = 5

  static func role(likelihood: Int, impact: Int) -> Role {
    let score = likelihood * impact
    return score >= RiskRegister.highScore ? .danger : score >= 8 ? .warning : .success
  }

  static func draw(
    _ tool: ToolScreen, wb: Workbench, g: Glyphs, in r: Rect, into buf: inout ScreenBuffer
  ) {
    let risks = wb.session.toolkit.risks
    let counts = RiskRegister.heatMap(risks)
    let mapW = 4 + 5 * cellWidth
    let big = r.w >= 120 && r.h >= 30
    let cellH = big ? 3 : 1
    ToolView.heading(
      "Heat map: likelihood \(g.times) impact", focused: tool.focus == .map, g: g, x: r.x, y: r.y,
      w: mapW, into: &buf)
    for likelihood in stride(from: 5, through: 1, by: -1) {
      let top = r.y + 1 + (5 - likelihood) * cellH
      buf.put("L\(likelihood) \(g.vertical)", x: r.x, y: top + cellH / 2, role: .dim)
      for h in 0..<cellH where h != cellH / 2 {
        buf.put(g.vertical, x: r.x + 3, y: top + h, role: .dim)
      }
      for impact in 1...5 {
        let x = r.x + 4 + (impact - 1) * cellWidth
        let n = counts[likelihood - 1][impact - 1]
        let selected = tool.likelihood == likelihood && tool.impact == impact
        let text = n == 0 ? g.dot : String(n)
        let role: Role =
          selected
          ? (tool.focus == .map ? .selected : .selectedInactive)
          : n == 0 ? .dim : self.role(likelihood: likelihood, impact: impact)
        if selected {
          buf.fill(x: x, y: top, width: cellWidth - 1, height: cellH, with: Cell(" ", role: role))
        }
        let pad = (cellWidth - 1 - DisplayWidth.of(text)) / 2
        buf.put(text, x: x + pad, y: top + cellH / 2, role: role, bold: n > 0)
      }
    }
    let axisY = r.y + 1 + 5 * cellH
    buf.put(
      "   " + g.bottomLeft + String(repeating: g.horizontal, count: 5 * cellWidth), x: r.x,
      y: axisY, role: .dim)
    var axis = "    "
    for impact in 1...5 {
      axis += DisplayWidth.pad("I\(impact)", to: cellWidth)
    }
    buf.put(axis, x: r.x + 1, y: axisY + 1, role: .dim)
    let score = tool.likelihood * tool.impact
    let band = score >= RiskRegister.highScore ? "high" : score >= 8 ? "medium" : "low"
    var y = axisY + 3
    buf.put(
      "Cell L\(tool.likelihood) \(g.times) I\(tool.impact) = \(score) (\(band))", x: r.x, y: y,
      role: role(likelihood: tool.likelihood, impact: tool.impact), bold: true, maxX: r.x + mapW)
    y += 1
    let open = risks.filter { $0.status == .open }.count
    let high = RiskRegister.openHigh(risks).count
    buf.put(
      "\(counted(risks.count, "risk")), \(open) open, \(high) high", x: r.x, y: y, role: .dim,
      maxX: r.x + mapW)
    if y + 2 < r.y + r.h {
      buf.put("Closed risks leave the map.", x: r.x, y: y + 1, role: .dim, maxX: r.x + mapW)
    }

    // The cell's risks and the phase's suggestions, to the right.
    let rx = r.x + mapW + 3
    let rw = max(0, r.x + r.w - rx)
    let inCell = ToolLists.risksInCell(tool, wb: wb)
    ToolView.heading(
      "In this cell (\(inCell.count))", focused: tool.focus == .list, g: g, x: rx, y: r.y, w: rw,
      into: &buf)
    let suggestions = ToolLists.suggestions(wb)
    let listH = max(1, (r.h - 3) / 2)
    let rows =
      inCell.isEmpty
      ? ["Nothing here: \(KeyTable.toolAdd.hint("adds a risk")) in this cell."]
      : inCell.map { "\($0.id) \($0.status.rawValue)  \(ToolView.oneLine($0.title))" }
    ToolView.list(
      rows, selected: inCell.isEmpty || tool.focus != .list ? nil : tool.row,
      focused: tool.focus == .list, g: g, in: Rect(x: rx, y: r.y + 1, w: rw, h: listH),
      into: &buf)
    let sy = r.y + 2 + listH
    ToolView.heading(
      "Suggested for \(wb.currentPhase?.title ?? "this phase") (\(suggestions.count))",
      focused: tool.focus == .suggestions, g: g, x: rx, y: sy, w: rw, into: &buf)
    let suggestionRows =
      suggestions.isEmpty
      ? ["No risk prompts left in this phase."]
      : suggestions.map {
        "\($0.id) L\($0.likelihood ?? 3)\(g.times)I\($0.impact ?? 3)  \(ToolView.oneLine($0.text))"
      }
    ToolView.list(
      suggestionRows, selected: suggestions.isEmpty || tool.focus != .suggestions ? nil : tool.row,
      focused: tool.focus == .suggestions, g: g,
      in: Rect(x: rx, y: sy + 1, w: rw, h: max(0, r.y + r.h - sy - 1)), into: &buf)
  }
}

enum EstimateToolView {
  static func draw(
    _ tool: ToolScreen, wb: Workbench, g: Glyphs, in r: Rect, into buf: inout ScreenBuffer
  ) {
    let estimate = wb.session.toolkit.estimate
    let leftW = min(44, max(20, r.w / 2 - 1))
    let factorsH = EstimateFactor.allCases.count + 1
    ToolView.heading(
      "Tasks (person-days, solo)", focused: true, g: g, x: r.x, y: r.y, w: leftW, into: &buf)
    let tasks = estimate?.tasks ?? []
    let taskRows =
      tasks.isEmpty
      ? ["No tasks yet: \(KeyTable.toolAdd.hint("adds one")), e.g. Data survey 5"]
      : tasks.map { task -> String in
        let days = EstimateWorkings.days(task.days)
        let room = max(1, leftW - DisplayWidth.of(days) - 2)
        return DisplayWidth.pad(g.truncate(ToolView.oneLine(task.title), to: room), to: room)
          + "  " + days
      }
    let tasksH = max(1, r.h - factorsH - 2)
    ToolView.list(
      taskRows, selected: tasks.isEmpty ? nil : tool.row, focused: true, g: g,
      in: Rect(x: r.x, y: r.y + 1, w: leftW, h: tasksH), into: &buf)
    let fy = r.y + r.h - factorsH
    ToolView.heading(
      "Factors (1-9 switch)", focused: false, g: g, x: r.x, y: fy, w: leftW, into: &buf)
    let on = Set(estimate?.factors ?? [])
    for (i, factor) in EstimateFactor.allCases.enumerated() {
      let mark = on.contains(factor) ? g.radioOn : g.radioOff
      let effect = factor.doubles ? "\(g.times)2" : "flag"
      let text = "\(i + 1) \(mark) \(factor.label)"
      let room = leftW - 5
      buf.put(
        DisplayWidth.pad(g.truncate(text, to: room), to: room), x: r.x, y: fy + 1 + i,
        role: on.contains(factor) ? .accent : .normal, bold: on.contains(factor),
        maxX: r.x + room)
      buf.putRight(effect, maxX: r.x + leftW, y: fy + 1 + i, role: .dim)
    }

    let rx = r.x + leftW + 3
    let rw = max(1, r.x + r.w - rx)
    ToolView.heading("Workings", focused: false, g: g, x: rx, y: r.y, w: rw, into: &buf)
    guard let estimate else {
      var lines: [StyledLine] = []
      lines.wrap(
        "The author's heuristic: double the solo estimate; double again for complex data, big "
          + "data and a complex or distributed platform; flag the rest. Past 20 days of solo "
          + "work, expect it to be much bigger.", width: rw, role: .dim)
      buf.lines(lines, in: Rect(x: rx, y: r.y + 1, w: rw, h: r.h - 1))
      return
    }
    let w = estimate.workings
    var lines: [StyledLine] = []
    for line in w.lines {
      let role: Role =
        line.hasPrefix("Warning") ? .warning : line.hasPrefix("Result") ? .title : .normal
      lines.wrap(line, width: rw, role: role, bold: line.hasPrefix("Result"))
    }
    if w.tasks.count > 1 {
      lines.append(.blank)
      lines.append(StyledLine(text: "Breakdown", role: .title, bold: true))
      for line in w.taskLines { lines.wrap(line, width: rw, indent: 2) }
    }
    buf.lines(lines, in: Rect(x: rx, y: r.y + 1, w: rw, h: r.h - 1))
  }
}

enum StakeholderToolView {
  static func draw(
    _ tool: ToolScreen, wb: Workbench, g: Glyphs, in r: Rect, into buf: inout ScreenBuffer
  ) {
    let map = StakeholderMap(caseStudy: wb.caseStudy, session: wb.session)
    let labelW = 14
    let cellW = max(6, (r.w - labelW) / 3)
    let bandH = r.h >= 40 ? 5 : 3
    ToolView.heading(
      "Power (rows) \(g.times) interest (columns)", focused: tool.focus == .map, g: g, x: r.x,
      y: r.y,
      w: r.w, into: &buf)
    for (c, level) in Level.allCases.enumerated() {
      buf.put(
        "interest \(level.rawValue)", x: r.x + labelW + c * cellW, y: r.y + 1, role: .dim,
        maxX: r.x + labelW + (c + 1) * cellW)
    }
    for (band, power) in Level.allCases.reversed().enumerated() {
      let top = r.y + 2 + band * bandH
      buf.put("power \(power.rawValue)", x: r.x, y: top, role: .dim, maxX: r.x + labelW)
      for (c, interest) in Level.allCases.enumerated() {
        let x = r.x + labelW + c * cellW
        let selected = tool.powerLevel == power && tool.interestLevel == interest
        let role: Role = selected ? (tool.focus == .map ? .selected : .selectedInactive) : .normal
        if selected {
          buf.fill(x: x, y: top, width: cellW - 1, height: bandH, with: Cell(" ", role: role))
        }
        let people = map.cell(power: power, interest: interest)
        for (i, e) in people.prefix(bandH).enumerated() {
          var name = e.person.name
          if i == bandH - 1 && people.count > bandH { name = "+\(people.count - bandH + 1) more" }
          buf.put(
            g.truncate(name, to: cellW - 2), x: x, y: top + i, role: role, maxX: x + cellW - 1)
        }
        if people.isEmpty {
          buf.put(g.dot, x: x, y: top, role: selected ? role : .dim)
        }
      }
    }
    var y = r.y + 2 + 3 * bandH
    let people = ToolLists.peopleInCell(tool, wb: wb)
    let strategy =
      Stakeholder(id: "", name: "", power: tool.powerLevel, interest: tool.interestLevel).strategy
    ToolView.heading(
      "In this cell: \(strategy) (\(people.count))", focused: tool.focus == .list, g: g, x: r.x,
      y: y,
      w: r.w, into: &buf)
    y += 1
    let metricsFocused = tool.focus == .metrics
    let metricsH = min(metricsFocused ? max(4, r.h / 2) : 4, wb.session.toolkit.metrics.count + 2)
    let restH = max(0, r.y + r.h - y - metricsH)
    if people.isEmpty {
      buf.put(
        "No one here: \(KeyTable.toolAdd.hint("adds a person")) in this cell.", x: r.x, y: y,
        role: .dim, maxX: r.x + r.w)
    } else {
      let sel = tool.focus == .list ? min(tool.row, people.count - 1) : 0
      let rows = people.map { "\($0.person.name), \(ToolView.oneLine($0.person.role))" }
      let listH = min(people.count, max(1, restH / 2))
      ToolView.list(
        rows, selected: sel, focused: tool.focus == .list, g: g,
        in: Rect(x: r.x, y: y, w: r.w, h: listH), into: &buf)
      let e = people[sel]
      var lines: [StyledLine] = []
      if !e.person.wants.isEmpty {
        lines.wrap("Wants: " + ToolView.oneLine(e.person.wants), width: r.w)
      }
      if !e.person.hotButtons.isEmpty {
        lines.wrap(
          "Hot buttons: " + e.person.hotButtons.joined(separator: "; "), width: r.w,
          role: .warning)
      }
      lines.wrap(
        "Note: " + (e.note.isEmpty ? "(none: \(KeyTable.toolNote.hint("writes one")))" : e.note),
        width: r.w, role: .accent)
      buf.lines(lines, in: Rect(x: r.x, y: y + listH, w: r.w, h: max(0, restH - listH)))
    }
    let my = r.y + r.h - metricsH
    let metrics = wb.session.toolkit.metrics
    if metricsFocused { buf.fill(x: r.x, y: my, width: r.w, height: metricsH) }
    ToolView.heading(
      "Success metrics, each moving a business KPI (\(metrics.count))", focused: metricsFocused,
      g: g,
      x: r.x, y: my, w: r.w, into: &buf)
    let rows =
      metrics.isEmpty
      ? [
        "None yet: Tab here, then \(KeyTable.toolAdd.hint("adds one")) with its KPI and mechanism."
      ]
      : metrics.map {
        "\($0.id) \($0.kpi.label): \($0.name) \(g.dot) \(ToolView.oneLine($0.mechanism))"
          + ($0.target.isEmpty ? "" : " \(g.dot) target \(ToolView.oneLine($0.target))")
      }
    ToolView.list(
      rows, selected: metricsFocused && !metrics.isEmpty ? tool.row : nil, focused: metricsFocused,
      g: g, in: Rect(x: r.x, y: my + 1, w: r.w, h: metricsH - 1), into: &buf)
  }
}
