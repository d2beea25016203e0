import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Draws the workshop dashboard: a title row, the team rows (or the decision splits, or the
/// facilitator notes), the latest announcement and a status row. At 150 columns and more the
/// decision splits sit beside the teams.
enum DashboardView {
  /// The first row of the list.
  static let listTop = Dashboard.listTop
  /// Cells per phase in a team's mini bars.
  static let barCells = 3
  /// The teams list's width when the splits sit beside it.
  static let wideListWidth = 100

  static func draw(_ d: Dashboard, size: Size, into buf: inout ScreenBuffer) {
    let g = Glyphs.of(d.options)
    drawTitle(d, size: size, glyphs: g, into: &buf)
    let bottom = size.height - 2
    let wide = size.width >= 150 && d.page == .teams
    let listWidth = wide ? wideListWidth : size.width
    switch d.page {
    case .teams:
      drawTeams(d, width: listWidth, height: bottom - listTop, glyphs: g, into: &buf)
      if wide {
        let x = listWidth + 1
        for y in (listTop - 1)..<bottom {
          buf.put(g.vertical, x: listWidth, y: y, role: .border)
        }
        buf.put("Decision splits", x: x + 1, y: listTop - 1, role: .title, bold: true)
        let lines = splitLines(d, width: size.width - x - 2, glyphs: g)
        drawLines(lines, x: x + 1, y: listTop, height: bottom - listTop, scroll: 0, into: &buf)
      }
    case .decisions:
      buf.put(DashboardPage.decisions.title, x: 1, y: listTop - 1, role: .title, bold: true)
      let lines = splitLines(d, width: size.width - 2, glyphs: g)
      drawLines(
        lines, x: 1, y: listTop, height: bottom - listTop,
        scroll: DashboardVotes.scroll(lines, height: bottom - listTop), into: &buf)
    case .notes:
      buf.put(DashboardPage.notes.title, x: 1, y: listTop - 1, role: .title, bold: true)
      drawLines(
        noteLines(d, width: size.width - 2), x: 1, y: listTop, height: bottom - listTop,
        scroll: d.scroll, into: &buf)
    }
    let clockWidth = DashboardClockLine.draw(d, y: bottom, width: size.width, into: &buf)
    drawAnnouncement(d, y: bottom, width: size.width - clockWidth, glyphs: g, into: &buf)
    drawStatus(d, size: size, glyphs: g, into: &buf)
  }

  // MARK: Title

  static func drawTitle(_ d: Dashboard, size: Size, glyphs g: Glyphs, into buf: inout ScreenBuffer)
  {
    buf.fill(x: 0, y: 0, width: size.width, height: 1, with: Cell(" ", role: .statusBar))
    let teams = d.folder.teams.count
    let skipped = d.folder.skipped.count
    var text =
      " Workshop \(g.dot) \(d.caseStudy.title) \(g.dot) \(counted(teams, "team"))"
    if skipped > 0 { text += " \(g.dot) \(counted(skipped, "file")) skipped" }
    var right = "pacing off"
    if d.workshop.pacing {
      let open = d.caseStudy.phases.indices.filter {
        d.workshop.isOpen(phaseIndex: $0, in: d.caseStudy)
      }
      right = open.last.map { "pacing: open to phase \($0 + 1)" } ?? "pacing: nothing released"
    }
    right += " \(g.dot) \(d.page.title.lowercased())"
    if d.page == .teams { right += " by \(d.sort.rawValue)" }
    right += " "
    let rightWidth = DisplayWidth.of(right)
    buf.put(
      g.truncate(text, to: max(1, size.width - rightWidth - 1)), x: 0, y: 0, role: .statusBar,
      bold: true)
    if rightWidth < size.width - 20 {
      buf.put(right, x: size.width - rightWidth, y: 0, role: .statusBar)
    }
    if let error = d.folder.folderError {
      buf.put(g.truncate(error, to: size.width - 2), x: 1, y: listTop, role: .danger)
    }
  }

  // MARK: Teams

  struct Columns {
    var name: Int
    var bars: Int
    var phase = 14
    var decisions = 8
    var risks = 5
    var timebox = 9
    var idle = 5

    /// Cells per phase: `numbers` wide ("13/13") when the row has room, else `barCells`.
    var cell = barCells
    var showsNumbers = false

    init(width: Int, phases: Int, numbers: Int = 0) {
      (bars, name) = (0, 0)
      let rest = 2 + 1 + phase + 1 + decisions + 1 + risks + 1 + timebox + 1 + idle
      if let w = DashboardView.numberCells(free: width - rest - 1, phases: phases, numbers: numbers)
      {
        (cell, showsNumbers) = (w, true)
      }
      bars = max(1, phases * (cell + 1) - 1)
      let fixed = 2 + bars + 1 + phase + 1 + decisions + 1 + risks + 1 + timebox + 1 + idle
      name = max(6, min(28, width - fixed - 1))
    }
  }

  static func drawTeams(
    _ d: Dashboard, width: Int, height: Int, glyphs g: Glyphs, into buf: inout ScreenBuffer
  ) {
    let c = Columns(
      width: width, phases: d.caseStudy.phases.count, numbers: numberWidth(d.caseStudy))
    var x = 2
    func header(_ text: String, _ w: Int) {
      buf.put(g.truncate(text, to: w), x: x, y: listTop - 1, role: .dim, bold: true)
      x += w + 1
    }
    header("Team", c.name)
    header("Progress by phase", c.bars)
    header("Now", c.phase)
    header("Decided", c.decisions)
    header("Risks", c.risks)
    header("Timebox", c.timebox)
    header("Idle", c.idle)
    if d.order.isEmpty, d.folder.folderError == nil {
      buf.put(
        g.truncate(
          "No sessions yet. Teams join with: casebench join \(d.folder.url.path) --name TEAM",
          to: width - 4), x: 2, y: listTop, role: .dim)
    }
    for row in 0..<max(0, height) {
      let i = d.top + row
      guard d.order.indices.contains(i) else { break }
      let y = listTop + row
      let fileRow = d.folder.rows[d.order[i]]
      let selected = i == d.selection
      drawRow(d, fileRow, y: y, columns: c, glyphs: g, into: &buf)
      if selected {
        buf.put(g.pointer, x: 0, y: y, role: .selected, bold: true)
        buf.paint(x: 0, y: y, width: width, role: .selected)
      }
    }
  }

  static func drawRow(
    _ d: Dashboard, _ row: WorkshopRow, y: Int, columns c: Columns, glyphs g: Glyphs,
    into buf: inout ScreenBuffer
  ) {
    var x = 2
    guard let team = row.team else {
      buf.put(g.truncate(row.fileName, to: c.name), x: x, y: y, role: .danger)
      x += c.name + 1
      buf.put("skipped: \(row.skip?.label ?? "?")", x: x, y: y, role: .danger, bold: true)
      return
    }
    buf.put(g.truncate(team.team, to: c.name), x: x, y: y, bold: true)
    x += c.name + 1
    for (i, p) in team.progress.phases.enumerated() {
      drawPhaseCell(p, x: x, y: y, columns: c, glyphs: g, into: &buf)
      x += c.cell + (i + 1 < team.progress.phases.count ? 1 : 0)
    }
    x = 2 + c.name + 1 + c.bars + 1
    let phases = d.caseStudy.phases
    let current = phases.indices.contains(team.currentPhaseIndex) ? team.currentPhaseIndex : 0
    if let phase = phases.indices.contains(current) ? phases[current] : nil {
      buf.put(g.truncate("\(current + 1) \(phase.title)", to: c.phase), x: x, y: y)
      x += c.phase + 1
      let taken = "\(team.decisionsTaken)/\(d.summary.splits.count)"
      let tx = buf.put(taken, x: x, y: y)
      if team.decisionsTaken > 0 {
        buf.put(
          " \(g.check)\(team.decisionsRecommended)", x: tx, y: y,
          role: team.decisionsRecommended == team.decisionsTaken ? .success : .warning)
      }
      x += c.decisions + 1
      let high = team.openHighRisks
      buf.put(
        high == 0 ? "-" : "\(high) hi", x: x, y: y, role: high == 0 ? .dim : .danger,
        bold: high > 0)
      x += c.risks + 1
      let start = d.workshop.timeboxStart(
        phaseID: phase.id, entered: team.phaseEntered[phase.id])
      if let start, phase.timeboxMinutes > 0 {
        let (text, over) = timeboxText(
          minutes: phase.timeboxMinutes, since: start, now: d.now)
        buf.put(text, x: x, y: y, role: over ? .danger : .normal, bold: over)
      }
    }
    x = 2 + c.name + 1 + c.bars + 1 + c.phase + 1 + c.decisions + 1 + c.risks + 1 + c.timebox + 1
    let idle = d.now.timeIntervalSince(team.lastActivity)
    buf.put(
      durationText(idle), x: x, y: y, role: idle >= Dashboard.idleAfter ? .warning : .dim,
      bold: idle >= Dashboard.idleAfter)
  }

  /// "12m left" or "+3m over".
  static func timeboxText(minutes: Int, since start: Date, now: Date) -> (String, Bool) {
    let left = Double(minutes) * 60 - now.timeIntervalSince(start)
    if left >= 0 { return ("\(Int((left / 60).rounded(.up)))m left", false) }
    return ("+\(Int((-left / 60).rounded(.up)))m over", true)
  }

  /// "now", "4m", "2h05".
  static func durationText(_ seconds: TimeInterval) -> String {
    let minutes = Int(max(0, seconds) / 60)
    if minutes < 1 { return "now" }
    if minutes < 60 { return "\(minutes)m" }
    let h = minutes / 60
    let m = minutes % 60
    return h >= 100 ? "\(h)h" : "\(h)h" + (m < 10 ? "0\(m)" : "\(m)")
  }

  // MARK: Splits and notes

  static func splitLines(_ d: Dashboard, width: Int, glyphs g: Glyphs) -> [StyledLine] {
    var lines: [StyledLine] = []
    let w = max(10, width)
    if d.summary.splits.isEmpty {
      lines.append(StyledLine(text: "This case study has no decision points.", role: .dim))
    } else if d.voteSplits.isEmpty {
      lines.append(
        StyledLine(text: "No phase with decisions is open to the teams yet.", role: .dim))
    }
    for (index, split) in d.voteSplits.enumerated() {
      // Before the reveal, who voted and who has not; after it, the split (DashboardVotes).
      if DashboardVotes.votingLines(d, split, index: index, width: w, glyphs: g, into: &lines) {
        continue
      }
      let barWidth = max(4, min(20, w / 4))
      for (i, bar) in split.bars.enumerated() {
        let letter = split.decision.letter(ofOption: bar.option.id) ?? Decision.letter(at: i)
        let filled =
          bar.count == 0 ? 0 : max(1, bar.count * barWidth / max(1, split.teamCount))
        let drawn =
          String(repeating: g.barFull, count: filled)
          + String(repeating: g.barEmpty, count: barWidth - filled)
        let count = "\(bar.count) of \(split.teamCount)".leftPadded(to: 8)
        let text =
          "  \(letter) \(drawn) \(count)  \(bar.option.verdict.rawValue): \(bar.option.label)"
        lines.append(
          StyledLine(
            text: g.truncate(text, to: w),
            role: bar.option.verdict == .recommended
              ? .success
              : bar.option.verdict == .poor ? .warning : .normal))
        DashboardVotes.teamLines(bar.teams, width: w, glyphs: g, into: &lines)
      }
      if split.unknown > 0 {
        lines.append(
          StyledLine(text: "  \(split.unknown) chose an option this version lacks", role: .dim))
      }
      DashboardVotes.afterRevealLines(d, split, width: w, into: &lines)
      lines.append(.blank)
    }
    return lines
  }

  static func noteLines(_ d: Dashboard, width: Int) -> [StyledLine] {
    var lines: [StyledLine] = []
    for (i, phase) in d.caseStudy.phases.enumerated() {
      lines.append(StyledLine(text: "\(i + 1) \(phase.title)", role: .title, bold: true))
      let notes = phase.facilitatorNotes.trimming(.whitespacesAndNewlines)
      lines.prose(notes.isEmpty ? "(no notes)" : notes, width: width, indent: 2)
      for decision in phase.decisions {
        let dn = decision.facilitatorNotes.trimming(.whitespacesAndNewlines)
        guard !dn.isEmpty else { continue }
        lines.append(StyledLine(text: decision.title, bold: true, indent: 2))
        lines.prose(dn, width: width, indent: 4)
      }
      lines += lessonLines(
        d.summary.lessons.first { $0.phase.id == phase.id }, teams: d.summary.teamCount,
        width: width)
      lines.append(.blank)
    }
    return lines
  }

  static func drawLines(
    _ lines: [StyledLine], x: Int, y: Int, height: Int, scroll: Int, into buf: inout ScreenBuffer
  ) {
    let start = min(scroll, max(0, lines.count - height))
    for row in 0..<max(0, height) {
      let i = start + row
      guard lines.indices.contains(i) else { break }
      let line = lines[i]
      buf.put(line.text, x: x + line.indent, y: y + row, role: line.role, bold: line.bold)
    }
  }

  // MARK: Bottom rows

  static func drawAnnouncement(
    _ d: Dashboard, y: Int, width: Int, glyphs g: Glyphs, into buf: inout ScreenBuffer
  ) {
    if let e = d.workshopProblem {
      let text = DisplayWidth.visible(" ! \(e.description) Pacing stays as last read.")
      buf.put(g.truncate(text, to: width - 1), x: 0, y: y, role: .danger, bold: true)
      return
    }
    guard let last = d.workshop.announcements.last else { return }
    let when = clockText(last.at, now: d.now, timeZone: d.options.timeZone)
    buf.put(
      g.truncate(" Announced \(when): \(last.text)", to: width - 1), x: 0, y: y, role: .accent)
  }

  static func drawStatus(_ d: Dashboard, size: Size, glyphs g: Glyphs, into buf: inout ScreenBuffer)
  {
    let y = size.height - 1
    buf.fill(x: 0, y: y, width: size.width, height: 1, with: Cell(" ", role: .statusBar))
    // A prompt draws itself over this row afterwards (`DashboardOverlay.draw`).
    if d.announcing != nil { return }
    if let m = d.message {
      buf.put(
        " " + g.truncate(m.text, to: max(1, size.width - 2)), x: 0, y: y,
        role: m.isError ? .danger : .statusBar, bold: m.isError)
      return
    }
    let hints = [
      KeyTable.dashboardOpen.hint("open"), KeyTable.dashboardSort.hint("sort"),
      KeyTable.dashboardPage.hint("page"), KeyTable.announce.hint("announce"),
      KeyTable.release.hint("release"), KeyTable.revealVote.hint("reveal"),
      KeyTable.help.hint("help", keys: [.char("?")]),
      KeyTable.quit.hint("quit"),
    ]
    buf.put(
      g.truncate(" " + hints.joined(separator: "  "), to: size.width - 1), x: 0, y: y,
      role: .statusBar)
  }

  static func drawReleasePicker(
    _ d: Dashboard, picked: Int, size: Size, into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(d.options)
    let phases = d.caseStudy.phases
    let w = min(size.width - 4, 56)
    let h = min(size.height - 2, phases.count + 4)
    let r = Rect(x: (size.width - w) / 2, y: max(1, (size.height - h) / 2), w: w, h: h)
    buf.fill(x: r.x, y: r.y, width: r.w, height: r.h)
    buf.box(
      r, title: "Release a phase", focused: true, glyphs: g,
      footer: KeyTable.pickRelease.hint("release") + "  " + KeyTable.cancelRelease.hint("cancel"))
    for (i, phase) in phases.enumerated() where i < r.h - 3 {
      let open = d.workshop.pacing && d.workshop.isOpen(phaseIndex: i, in: d.caseStudy)
      let mark = open ? "released" : ""
      let text = g.truncate("\(i + 1) \(phase.title)", to: r.w - 16)
      let y = r.y + 2 + i
      buf.put(text, x: r.x + 3, y: y, bold: i == picked)
      buf.put(mark, x: r.x + r.w - 11, y: y, role: .success)
      if i == picked {
        buf.put(g.pointer, x: r.x + 1, y: y, role: .selected, bold: true)
        buf.paint(x: r.x + 1, y: y, width: r.w - 2, role: .selected)
      }
    }
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}

/// Draws the workshop dashboard, or the team's session open over it.
public func render(_ dashboard: Dashboard, size: Size) -> ScreenBuffer {
  var (buf, fits) = blankScreen(size, options: dashboard.options)
  guard fits else { return buf }
  if let team = dashboard.team {
    team.draw(size: size, into: &buf)
    return buf
  }
  DashboardView.draw(dashboard, size: size, into: &buf)
  // The overlays, bottom first; each draws itself.
  for overlay in dashboard.overlays.items {
    overlay.draw(dashboard, size: size, into: &buf)
  }
  return buf
}
