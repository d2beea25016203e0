import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What the decision dialog shows, and its measures at a size. Both live with the dialog's
/// state: its view draws them, and its update pages and clamps with them, so the update never
/// asks the view.
extension DecisionDialog {
  /// The dialog's measures at a size: its largest box, the width of its text and the rows of
  /// the rationale's editor.
  struct Metrics {
    var size: Size

    init(_ size: Size) { self.size = size }

    var box: Rect {
      let w = min(88, max(10, size.width - 6))
      let h = max(8, min(size.height - 3, 30))
      return Rect(x: (size.width - w) / 2, y: max(0, (size.height - 1 - h) / 2), w: w, h: h)
    }

    var textWidth: Int { max(1, box.inner.w - 4) }
    var editorWidth: Int { textWidth }
    /// Rows for the rationale: what is left under the chosen option and the question.
    var editorHeight: Int { max(2, min(6, size.height - 14)) }

    /// The largest box, shrunk to fit `rows` rows of text (plus a blank row above and below).
    func fitted(rows: Int) -> Rect {
      let big = box
      let h = max(6, min(big.h, rows + 4))
      return Rect(x: big.x, y: max(0, (size.height - 1 - h) / 2), w: big.w, h: h)
    }
  }

  /// How far the dialog can scroll.
  func maxScroll(
    wb: Workbench, options: RenderOptions, size: Size, workshop: WorkshopState? = nil,
    now: Date
  ) -> Int {
    guard let c = content(wb: wb, options: options, size: size, workshop: workshop, now: now)
    else { return 0 }
    let r = Metrics(size).fitted(rows: c.lines.count)
    return max(0, c.lines.count - max(0, r.inner.h - 2))
  }

  struct Content {
    var lines: [StyledLine] = []
    var title = ""
    var footer = ""
    /// Lines that must stay visible (the selected option).
    var keep: ClosedRange<Int>?
  }

  /// `workshop`: the facilitator's state when the session is in a workshop folder; a vote's
  /// consequence waits for its reveal (`WorkshopState.showsConsequence`), and its options cannot
  /// be chosen before the room's clock reaches the block the vote opens at
  /// (`WorkshopState.votingClosed`, read at `now`).
  func content(
    wb: Workbench, options: RenderOptions, size: Size,
    workshop: WorkshopState? = nil, now: Date
  ) -> Content? {
    let g = Glyphs.of(options)
    guard wb.caseStudy.phases.indices.contains(self.phase) else { return nil }
    let phase = wb.caseStudy.phases[self.phase]
    let width = Metrics(size).textWidth
    var lines: [StyledLine] = []
    var title = "Decisions \(g.dot) \(phase.title)"
    var footer = ""
    var keep: ClosedRange<Int>?
    switch stage {
    case .pick(let sel):
      footer = "\(Self.arrows(g)) choose \(g.dot) Enter open \(g.dot) Esc close"
      lines.wrap(
        "This phase has \(counted(phase.decisions.count, "decision")) to take.", width: width,
        role: .dim)
      lines.append(.blank)
      for (i, d) in phase.decisions.enumerated() {
        let taken = wb.session.decisions[d.id]
        let waits = !WorkshopState.showsConsequence(
          of: d.id, in: workshop, facilitator: options.facilitator)
        let closed = WorkshopState.votingClosed(
          on: d, in: workshop, caseStudy: wb.caseStudy, at: now)
        let status =
          taken.map {
            "chose \(Self.shownLetter(of: $0.option, in: d)))"
              + (waits ? ", waiting for the reveal" : "")
          }
          ?? closed?.shortText ?? "open"
        let start = lines.count
        let marker = i == sel ? g.pointer : " "
        lines.append(
          StyledLine(
            text: "\(marker) " + g.truncate(d.title, to: max(1, width - 4 - status.count)),
            role: i == sel ? .selected : .normal, bold: i == sel))
        lines.append(StyledLine(text: status, role: taken == nil ? .warning : .success, indent: 4))
        if i == sel { keep = start...(lines.count - 1) }
      }
    case .choose(let d, let sel):
      guard phase.decisions.indices.contains(d) else { return nil }
      let decision = phase.decisions[d]
      title = "Decision \(g.dot) \(decision.title)"
      let letters = decision.options.indices.map { Self.letter($0) }
      let range = letters.isEmpty ? "" : "\(letters.first ?? "a")-\(letters.last ?? "a")"
      footer = "\(Self.arrows(g))/\(range) choose \(g.dot) Enter select \(g.dot) Esc back"
      if let closed = WorkshopState.votingClosed(
        on: decision, in: workshop, caseStudy: wb.caseStudy, at: now)
      {
        footer = "\(closed.text) \(g.dot) Esc back"
        // A facilitator previewing the phase still reads it all.
        if !options.facilitator {
          lines.wrap(closed.heldText, width: width, role: .dim)
          return Content(lines: lines, title: title, footer: footer, keep: nil)
        }
      }
      lines.append(StyledLine(text: "Situation", role: .title, bold: true))
      lines.prose(decision.situation, width: width)
      lines.append(.blank)
      let previous = wb.session.decisions[decision.id]
      lines.append(StyledLine(text: "Your options", role: .title, bold: true))
      for (i, option) in decision.options.enumerated() {
        let start = lines.count
        let selected = i == sel
        let chosenMark = previous?.option == option.id ? "  (your choice)" : ""
        let wrapped = Wrap.lines(option.label + chosenMark, width: max(1, width - 6))
        for (k, line) in wrapped.enumerated() {
          let prefix = k == 0 ? "\(selected ? g.pointer : " ") \(Self.letter(i))) " : "     "
          lines.append(
            StyledLine(text: prefix + line, role: selected ? .selected : .normal, bold: selected))
        }
        if options.facilitator { Self.facilitatorView(of: option, width: width, into: &lines) }
        if selected { keep = start...(lines.count - 1) }
      }
      if let previous {
        lines.append(.blank)
        lines.wrap(
          "You chose \(Self.shownLetter(of: previous.option, in: decision)) before; choosing again "
            + "replaces it, and the change is "
            + "kept in the session's log.", width: width, role: .dim)
      }
    case .rationale(let d, let o, _):
      guard phase.decisions.indices.contains(d) else { return nil }
      let decision = phase.decisions[d]
      title = "Decision \(g.dot) \(decision.title)"
      footer = "Ctrl-S confirm \(g.dot) Enter new line \(g.dot) Esc back"
      let option = decision.options.indices.contains(o) ? decision.options[o] : nil
      let chosen = Wrap.clipped(
        "You chose \(Self.letter(o))) \(option?.label ?? "")", width: width, maxLines: 2,
        ellipsis: g.ellipsis)
      for l in chosen { lines.append(StyledLine(text: l, role: .accent, bold: true)) }
      while lines.count < 2 { lines.append(.blank) }
      lines.append(.blank)
      lines.append(
        StyledLine(text: "Why? A sentence or two for your report:", role: .title, bold: true))
    case .outcome(let d):
      guard phase.decisions.indices.contains(d) else { return nil }
      let decision = phase.decisions[d]
      title = "Decision \(g.dot) \(decision.title)"
      footer = "c change \(g.dot) Enter list \(g.dot) q close"
      guard let record = wb.session.decisions[decision.id] else { break }
      let option = decision.option(id: record.option)
      lines.append(StyledLine(text: "Your choice", role: .title, bold: true))
      lines.wrap(
        "\(Self.shownLetter(of: record.option, in: decision))) \(option?.label ?? "")",
        width: width,
        role: .accent, bold: true)
      lines.wrap(
        "decided \(clockText(record.decidedAt, now: wb.session.updated, timeZone: options.timeZone))",
        width: width, role: .dim)
      lines.append(.blank)
      lines.append(StyledLine(text: "Your rationale", role: .title, bold: true))
      lines.prose(record.rationale, width: width)
      lines.append(.blank)
      lines.append(StyledLine(text: "What happened next", role: .title, bold: true))
      if WorkshopState.showsConsequence(
        of: decision.id, in: workshop, facilitator: options.facilitator)
      {
        lines.prose(option?.consequence ?? "", width: width)
      } else {
        Self.waitingLines(width: width, into: &lines)
      }
      if options.facilitator {
        lines.append(.blank)
        lines.append(StyledLine(text: "Facilitator's view", role: .title, bold: true))
        for (i, other) in decision.options.enumerated() {
          let chosen = other.id == record.option
          let rows = Wrap.lines(other.label, width: max(1, width - 5))
          for (k, row) in rows.enumerated() {
            let prefix = k == 0 ? "\(chosen ? g.pointer : " ") \(Self.letter(i))) " : "     "
            lines.append(
              StyledLine(text: prefix + row, role: chosen ? .accent : .normal, bold: chosen))
          }
          Self.facilitatorView(of: other, width: width, into: &lines)
        }
        if !decision.facilitatorNotes.isEmpty {
          lines.append(.blank)
          lines.prose(decision.facilitatorNotes, width: width, role: .dim)
        }
      }
    }
    return Content(lines: lines, title: title, footer: footer, keep: keep)
  }

  /// The letter an option is shown under: its position, since options are listed in the
  /// author's order and their ids say what they mean, not where they sit. An id the decision no
  /// longer has is shown as it was recorded.
  static func shownLetter(of optionID: String, in decision: Decision) -> String {
    decision.letter(ofOption: optionID) ?? optionID
  }

  /// An option's verdict and debrief, indented under its label: facilitators only.
  static func facilitatorView(of option: DecisionOption, width: Int, into lines: inout [StyledLine])
  {
    let role: Role =
      option.verdict == .recommended ? .success : option.verdict == .poor ? .danger : .warning
    lines.wrap(option.verdict.rawValue, width: width, role: role, bold: true, indent: 5)
    if !option.debrief.isEmpty {
      lines.prose("Debrief: " + option.debrief, width: width, role: .dim, indent: 5)
    }
  }

  static func letter(_ i: Int) -> String { Decision.letter(at: i) }

  static func arrows(_ g: Glyphs) -> String { g.pointer == ">" ? "up/down" : "↑↓" }
}
