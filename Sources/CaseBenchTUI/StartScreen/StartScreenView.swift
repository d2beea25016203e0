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
  struct Row {
    var line: StyledLine
    var right: StyledLine?
    /// The selectable entry this row belongs to.
    var entry: Int?
  }

  struct Geometry {
    var x: Int
    var width: Int
    var listTop: Int
    var listHeight: Int
  }

  static func geometry(_ size: Size) -> Geometry {
    let width = min(96, max(1, size.width - 4))
    let x = max(1, (size.width - width) / 2)
    return Geometry(x: x, width: width, listTop: 3, listHeight: max(1, size.height - 5))
  }

  static func rows(_ state: AppState, width: Int) -> [Row] {
    let g = Glyphs.of(state.options)
    var rows: [Row] = []
    rows.append(Row(line: StyledLine(text: "Case studies", role: .title, bold: true)))
    for (i, cs) in state.caseStudies.enumerated() {
      let items = cs.phases.reduce(0) { $0 + $1.items.count }
      let right = "\(counted(cs.phases.count, "phase")) \(g.dot) \(counted(items, "item"))"
      let titleRoom = max(1, width - 4 - DisplayWidth.of(right) - 2)
      rows.append(
        Row(
          line: StyledLine(text: g.truncate(cs.title, to: titleRoom), bold: true, indent: 2),
          right: StyledLine(text: right, role: .dim), entry: i))
      for line in Wrap.clipped(
        cs.summary, width: max(1, width - 4), maxLines: 2, ellipsis: g.ellipsis)
      {
        rows.append(Row(line: StyledLine(text: line, role: .dim, indent: 4), entry: i))
      }
      rows.append(Row(line: .blank))
    }
    if state.caseStudies.isEmpty {
      rows.append(Row(line: StyledLine(text: "No case studies found.", role: .dim, indent: 2)))
      rows.append(Row(line: .blank))
    }
    rows.append(Row(line: StyledLine(text: "Saved sessions", role: .title, bold: true)))
    if state.sessions.isEmpty {
      rows.append(
        Row(
          line: StyledLine(
            text: g.truncate(
              "None yet: choose a case study and press Enter to start one.", to: width - 2),
            role: .dim, indent: 2)))
    }
    for (s, entry) in state.sessions.enumerated() {
      let index = state.caseStudies.count + s
      let right = entry.updated.map {
        clockText($0, now: state.now, timeZone: state.options.timeZone)
      }
      let rightW = right.map { DisplayWidth.of($0) + 2 } ?? 0
      rows.append(
        Row(
          line: StyledLine(
            text: g.truncate(entry.title, to: max(1, width - 4 - rightW)), bold: true, indent: 2),
          right: right.map { StyledLine(text: $0, role: .dim) }, entry: index))
      if let error = entry.error {
        rows.append(
          Row(
            line: StyledLine(
              text: g.truncate("can't open: \(error)", to: max(1, width - 4)), role: .danger,
              indent: 4), entry: index))
      } else if !entry.detail.isEmpty {
        rows.append(
          Row(
            line: StyledLine(
              text: g.truncate(entry.detail, to: max(1, width - 4)), role: .dim, indent: 4),
            entry: index))
      }
    }
    return rows
  }

  /// The first row shown, so the selected entry is fully visible.
  static func scroll(_ rows: [Row], selection: Int, height: Int) -> Int {
    guard let first = rows.firstIndex(where: { $0.entry == selection }),
      let last = rows.lastIndex(where: { $0.entry == selection })
    else { return 0 }
    var top = 0
    if last >= top + height { top = last - height + 1 }
    if first < top { top = first }
    // Show the section heading above the first entry of a section when it fits.
    if top > 0, first - 1 >= 0, rows[first - 1].entry == nil, last - (first - 1) < height,
      first - 1 < top
    {
      top = first - 1
    }
    return max(0, top)
  }

  static func draw(_ state: AppState, size: Size, into buf: inout ScreenBuffer) {
    let g = Glyphs.of(state.options)
    let geo = geometry(size)
    buf.fill(x: 0, y: 0, width: size.width, height: 1, with: Cell(" ", role: .title))
    let x = buf.put(" casebench", x: 0, y: 0, role: .title, bold: true)
    let tagline = "  walk an ML project through its six phases, one decision at a time"
    if x + DisplayWidth.of(tagline) < size.width {
      buf.put(tagline, x: x, y: 0, role: .title)
    }
    let rows = rows(state, width: geo.width)
    let top = scroll(rows, selection: state.start.selection, height: geo.listHeight)
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

  /// The entry under a click, if any.
  static func entry(at x: Int, _ y: Int, state: AppState) -> Int? {
    guard state.start.prompt == nil else { return nil }
    let geo = geometry(state.size)
    guard x >= geo.x, x < geo.x + geo.width, y >= geo.listTop, y < geo.listTop + geo.listHeight
    else { return nil }
    let rows = rows(state, width: geo.width)
    let top = scroll(rows, selection: state.start.selection, height: geo.listHeight)
    let r = top + y - geo.listTop
    return rows.indices.contains(r) ? rows[r].entry : nil
  }
}
