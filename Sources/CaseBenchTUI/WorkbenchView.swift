import CaseBenchCore
import Foundation

/// The workbench: phases, the phase's checklist, and the detail of the selection.
enum WorkbenchView {
  static func draw(_ wb: Workbench, state: AppState, size: Size, into buf: inout ScreenBuffer) {
    let l = WorkbenchLayout(size: size, for: wb)
    let progress = CaseBenchCore.Progress(caseStudy: wb.caseStudy, session: wb.session)
    drawPhases(wb, progress: progress, options: state.options, rect: l.phases, into: &buf)
    drawChecklist(wb, progress: progress, options: state.options, rect: l.checklist, into: &buf)
    if case .note(let itemID, let editor) = state.overlay {
      NoteView.draw(
        editor, itemID: itemID, wb: wb, options: state.options, rect: l.detail, into: &buf)
    } else {
      drawDetail(wb, options: state.options, layout: l, into: &buf)
    }
  }

  // MARK: Phases

  static func drawPhases(
    _ wb: Workbench, progress: CaseBenchCore.Progress, options: RenderOptions, rect: Rect,
    into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    let focused = wb.focus == .phases
    buf.box(rect, title: "Phases", focused: focused, glyphs: g)
    let inner = rect.inner
    guard inner.w > 4, inner.h > 0 else { return }
    let phases = wb.caseStudy.phases
    let per = WorkbenchLayout.rowsPerPhase(innerHeight: inner.h, phases: phases.count)
    let right = inner.x + inner.w
    let first = WorkbenchLayout.firstPhase(
      innerHeight: inner.h, phases: phases.count, selected: wb.phase)
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
        let barW = inner.w - 2 - DisplayWidth.of(number) - DisplayWidth.of(count) - 1
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
    x = buf.put(CaseBenchCore.Progress.percent(readiness), x: x, y: y0 + 2, role: rRole, bold: true)
    let gates = "gates \(progress.gatesMet)/\(progress.phases.count)"
    if x + 2 + DisplayWidth.of(gates) <= right - 1 {
      buf.putRight(gates, maxX: right - 1, y: y0 + 2, role: .dim)
    }
  }

  // MARK: Checklist

  static func drawChecklist(
    _ wb: Workbench, progress: CaseBenchCore.Progress, options: RenderOptions, rect: Rect,
    into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    let focused = wb.focus == .checklist
    guard let phase = wb.currentPhase else {
      buf.box(rect, title: "Checklist", focused: focused, glyphs: g)
      return
    }
    let p = progress.phases.indices.contains(wb.phase) ? progress.phases[wb.phase] : nil
    let counts = p.map { "\($0.settled)/\($0.total) done" } ?? ""
    var parts: [String] = []
    if !phase.decisions.isEmpty {
      let taken = p?.decisionsTaken ?? 0
      let plural = phase.decisions.count == 1 ? "" : "s"
      parts.append("d: \(taken)/\(phase.decisions.count) decision\(plural) taken")
    }
    parts += ["* required", "\(g.note) note"]
    let footer = fitting(parts, width: rect.w - 6)
    buf.box(
      rect, title: "\(wb.phase + 1) \(phase.title)", focused: focused, glyphs: g,
      topRight: counts, footer: footer)
    let inner = rect.inner
    guard inner.w > 8, inner.h > 0 else { return }
    if phase.items.isEmpty {
      buf.put(
        "No items in this phase.", x: inner.x + 1, y: inner.y, role: .dim, maxX: inner.x + inner.w)
      return
    }
    let top = max(0, min(wb.listTop, phase.items.count - 1))
    let right = inner.x + inner.w
    for row in 0..<inner.h {
      let i = top + row
      guard i < phase.items.count else { break }
      let item = phase.items[i]
      let y = inner.y + row
      let state = wb.session.state(of: item.id)
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
      let marks = 5
      let isMatch = wb.search?.matches.contains(SearchMatch(phase: wb.phase, item: i)) ?? false
      let titleRole: Role =
        selected ? rowRole : isMatch ? .match : (state.status.isSettled ? .dim : .normal)
      buf.put(
        g.truncate(item.title, to: max(1, right - x - marks)), x: x, y: y, role: titleRole,
        bold: selected)
      if !state.note.isEmpty {
        buf.put(g.note, x: right - 4, y: y, role: selected ? rowRole : .accent)
      }
      if item.required {
        buf.put("*", x: right - 2, y: y, role: selected ? rowRole : .warning, bold: true)
      }
    }
    if top > 0 {
      buf.put(options.unicode ? "↑" : "^", x: rect.x + rect.w - 1, y: inner.y, role: .dim)
    }
    if top + inner.h < phase.items.count {
      buf.put(
        options.unicode ? "↓" : "v", x: rect.x + rect.w - 1, y: inner.y + inner.h - 1, role: .dim)
    }
  }

  // MARK: Detail

  static func drawDetail(
    _ wb: Workbench, options: RenderOptions, layout l: WorkbenchLayout,
    into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    let rect = l.detail
    let focused = wb.focus == .detail
    let lines = DetailView.lines(wb, options: options, width: l.detailTextWidth)
    let inner = rect.inner
    let maxScroll = max(0, lines.count - inner.h)
    let scroll = min(wb.detailScroll, maxScroll)
    let count = wb.currentPhase?.items.count ?? 0
    let title =
      wb.detailMode == .briefing || wb.currentItem == nil
      ? "Briefing" : "Item \(wb.item + 1) of \(count)"
    var footer = ""
    if maxScroll > 0 {
      let more = options.unicode ? "↓ more" : "v more"
      footer =
        scroll < maxScroll
        ? (focused ? "\(more)  j/k scroll" : "\(more)  Tab here to scroll") : "end"
    }
    let modeKey = wb.detailMode == .briefing ? "b item" : "b briefing"
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
    guard !query.isEmpty else { return }
    for row in 0..<r.h {
      let i = scroll + row
      guard i < lines.count else { break }
      let text = lines[i].text
      var from = text.startIndex
      while from < text.endIndex,
        let found = text.range(
          of: query, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex
        )
      {
        let x = r.x + lines[i].indent + DisplayWidth.of(String(text[..<found.lowerBound]))
        let w = DisplayWidth.of(String(text[found]))
        buf.paint(x: x, y: r.y + row, width: min(w, r.x + r.w - x), role: .match)
        from = found.upperBound > from ? found.upperBound : text.index(after: from)
      }
    }
  }
}

/// As many of `parts` as fit in `width` cells, in order, two spaces apart.
func fitting(_ parts: [String], width: Int) -> String {
  var out = ""
  for part in parts {
    let next = out.isEmpty ? part : out + "  " + part
    if DisplayWidth.of(next) > width { break }
    out = next
  }
  return out
}

/// The text of the detail pane: an item, or the phase briefing.
enum DetailView {
  static func caseHeading(_ title: String) -> String {
    let short = title.split(separator: ":").first.map(String.init) ?? title
    if short.hasPrefix("The ") { return "At the " + short.dropFirst(4) }
    return "In " + short
  }

  static func lines(_ wb: Workbench, options: RenderOptions, width: Int) -> [StyledLine] {
    var out: [StyledLine] = []
    let g = Glyphs.of(options)
    guard let phase = wb.currentPhase else { return out }
    if wb.detailMode == .item, let item = wb.currentItem {
      let state = wb.session.state(of: item.id)
      out.wrap(item.title, width: width, role: .title, bold: true)
      let statusRole: Role
      switch state.status {
      case .done: statusRole = .success
      case .doing: statusRole = .warning
      case .blocked: statusRole = .danger
      default: statusRole = .dim
      }
      var meta = "\(item.id) \(g.dot) \(item.required ? "required" : "optional") \(g.dot) "
      if DisplayWidth.of(meta) + DisplayWidth.of(state.status.label) > width { meta = "" }
      out.append(StyledLine(text: meta, role: .dim))
      if !meta.isEmpty {
        out[out.count - 1].text = meta + state.status.label
        out[out.count - 1].role = statusRole == .dim ? .dim : statusRole
      } else {
        out[out.count - 1].text = state.status.label
        out[out.count - 1].role = statusRole
      }
      if state.status == .notApplicable, let why = state.naReason, !why.isEmpty {
        out.wrap("Not applicable: \(why)", width: width, role: .warning)
      }
      func section(_ heading: String, _ text: String, role: Role = .normal) {
        guard !text.isEmpty else { return }
        out.append(.blank)
        out.append(StyledLine(text: heading, role: .title, bold: true))
        out.wrap(text, width: width, role: role)
      }
      section("Guidance", item.guidance)
      if wb.showsCase { section(caseHeading(wb.caseStudy.title), item.caseContext) }
      section("Why it matters", item.why)
      if !item.arisesIn.isEmpty {
        let names = item.arisesIn.map { id in
          wb.caseStudy.phase(id: id).map { p in
            let n = (wb.caseStudy.phases.firstIndex { $0.id == id } ?? 0) + 1
            return "\(n) \(p.title)"
          } ?? id
        }
        section("Shows up in", names.joined(separator: ", "))
      }
      if !item.references.isEmpty {
        out.append(.blank)
        out.append(StyledLine(text: "Read more", role: .title, bold: true))
        for ref in item.references {
          let rows = Wrap.lines(ref, width: max(1, width - 2))
          for (k, row) in rows.enumerated() {
            out.append(StyledLine(text: (k == 0 ? "\(g.pointer) " : "  ") + row, role: .dim))
          }
        }
      }
      if !item.hint.isEmpty {
        out.append(.blank)
        if wb.hintShown {
          out.append(StyledLine(text: "Hint", role: .title, bold: true))
          out.wrap(item.hint, width: width, role: .accent)
        } else {
          out.append(StyledLine(text: "Hint hidden: press h to show it.", role: .dim))
        }
      }
      out.append(.blank)
      out.append(StyledLine(text: "Note", role: .title, bold: true))
      if state.note.isEmpty {
        out.wrap("No note yet: n writes one here, E opens $EDITOR.", width: width, role: .dim)
      } else {
        out.wrap(state.note, width: width)
      }
      return out
    }
    let count = wb.caseStudy.phases.count
    out.wrap(
      "Phase \(wb.phase + 1) of \(count): \(phase.title)", width: width, role: .title, bold: true)
    let required = phase.items.filter(\.required).count
    var facts = "\(phase.items.count) items, \(required) required"
    if phase.timeboxMinutes > 0 { facts = "Timebox \(phase.timeboxMinutes) min \(g.dot) " + facts }
    out.wrap(facts, width: width, role: .dim)
    if !phase.goal.isEmpty {
      out.append(.blank)
      out.append(StyledLine(text: "Goal", role: .title, bold: true))
      out.wrap(phase.goal, width: width)
    }
    // Own-project mode hides the story: the briefing is what is happening at the case
    // study's company, so it gives way to the goal, the gate and the risks.
    if !phase.briefing.isEmpty && wb.showsCase {
      out.append(.blank)
      out.append(StyledLine(text: "Briefing", role: .title, bold: true))
      out.wrap(phase.briefing, width: width)
    }
    if !phase.gate.isEmpty {
      let settled = phase.gate.filter { wb.session.status(of: $0).isSettled }.count
      let met = settled == phase.gate.count
      out.append(.blank)
      out.append(StyledLine(text: "Gate", role: .title, bold: true))
      out.wrap(
        (met ? "\(g.check) " : "")
          + "\(settled) of \(phase.gate.count) required items done or N/A"
          + (met ? ": this phase is complete." : "."), width: width,
        role: met ? .success : .normal)
    }
    if !phase.riskPrompts.isEmpty {
      out.append(.blank)
      out.append(StyledLine(text: "Risks to weigh", role: .title, bold: true))
      for risk in phase.riskPrompts {
        let rows = Wrap.lines(risk.text, width: max(1, width - 2))
        for (k, row) in rows.enumerated() {
          out.append(StyledLine(text: (k == 0 ? "\(g.pointer) " : "  ") + row))
        }
      }
    }
    if !phase.decisions.isEmpty {
      out.append(.blank)
      out.append(StyledLine(text: "Decisions (press d)", role: .title, bold: true))
      for d in phase.decisions {
        if let r = wb.session.decisions[d.id] {
          let label = d.option(id: r.option)?.label ?? r.option
          out.wrap(
            "\(g.check) \(d.title): chose \(r.option), \(label)", width: width, role: .success,
            indent: 0)
        } else {
          out.wrap("\(g.pointer) \(d.title): not taken yet", width: width, role: .warning)
        }
      }
    }
    out.append(.blank)
    out.append(StyledLine(text: "Readiness", role: .title, bold: true))
    let progress = CaseBenchCore.Progress(caseStudy: wb.caseStudy, session: wb.session)
    out.wrap(progress.readinessWorkings, width: width, role: .dim)
    if wb.currentItem != nil {
      out.append(.blank)
      out.wrap("Press b or move in the checklist to see an item.", width: width, role: .dim)
    }
    return out
  }
}

/// The inline note editor, drawn in place of the detail pane.
enum NoteView {
  static func textRect(_ l: WorkbenchLayout) -> Rect {
    let inner = l.detail.inner
    return Rect(x: inner.x + 1, y: inner.y + 1, w: max(1, inner.w - 2), h: max(1, inner.h - 1))
  }

  static func textWidth(_ l: WorkbenchLayout) -> Int { textRect(l).w }
  static func textHeight(_ l: WorkbenchLayout) -> Int { textRect(l).h }

  static func draw(
    _ editor: TextEditor, itemID: String, wb: Workbench, options: RenderOptions, rect: Rect,
    into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    let title = wb.caseStudy.item(id: itemID)?.title ?? itemID
    buf.box(
      rect, title: "Note", focused: true, glyphs: g,
      footer: fitting(["Esc/Ctrl-S keep", "Ctrl-O $EDITOR"], width: rect.w - 6))
    let inner = rect.inner
    guard inner.h > 1 else { return }
    buf.put(
      g.truncate(title, to: max(1, inner.w - 2)), x: inner.x + 1, y: inner.y, role: .dim,
      maxX: inner.x + inner.w)
    let l = WorkbenchLayout(size: Size(width: buf.width, height: buf.height), for: wb)
    drawEditor(editor, in: textRect(l), into: &buf)
  }
}
