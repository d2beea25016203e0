import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The detail pane: an item, or the phase briefing, scrolled; search matches highlighted.
/// What the detail pane says: the selected item, or the phase's briefing, as styled lines.
/// The view draws a window of them; the update counts them to clamp the scroll. Neither the
/// update nor this depends on how the pane is drawn.
enum DetailContent {
  static func caseHeading(_ title: String) -> String {
    let short = title.split(separator: ":").first.map(String.init) ?? title
    if short.hasPrefix("The ") { return "At the " + short.dropFirst(4) }
    return "In " + short
  }

  /// What the detail pane says of a phase the facilitator has not opened.
  static let closedPhaseLine =
    "This phase opens when the facilitator says: its briefing, guidance, hints and decisions "
    + "come with it."

  /// The pages of the story this workbench has something for, in key-table order.
  static func storyPages(_ wb: Workbench) -> [PageKind] {
    PageKind.allCases.filter { kind in
      switch kind {
      case .cast: wb.showsCase && !wb.caseStudy.cast.isEmpty
      case .background: wb.showsCase && !wb.caseStudy.background.isEmpty
      case .ethics: !StoryPages.ethicsRows(wb).isEmpty
      }
    }
  }

  /// A risk prompt's likelihood and impact as the author gave them ("L4 I5 "), or nothing.
  static func riskScore(_ risk: RiskPrompt) -> String {
    let parts = [risk.likelihood.map { "L\($0)" }, risk.impact.map { "I\($0)" }].compactMap { $0 }
    return parts.isEmpty ? "" : parts.joined(separator: " ") + " "
  }

  /// Notes up to this many bytes are drawn as `RichText` (lists, kept line breaks); longer
  /// ones as plain wrapped rows, built only for the rows on screen.
  static let proseNoteLimit = 64 * 1024

  /// The pane's lines. A note's rows outside `window` (row numbers of the whole pane) are left
  /// blank, so a long note costs one counting pass rather than a string per row.
  static func lines(
    _ wb: Workbench, options: RenderOptions, width: Int, window: Range<Int> = 0..<Int.max
  ) -> [StyledLine] {
    var out: [StyledLine] = []
    let g = Glyphs.of(options)
    guard let phase = wb.currentPhase else { return out }
    if wb.detailMode == .item, let item = wb.currentItem {
      let state = wb.session.state(of: item.id)
      out.wrap(item.title, width: width, role: .title, bold: true)
      let shown = wb.row(wb.phase, wb.item)
      let lens = shown?.lens
      let scored = lens?.scoring == .mlTestScore
      let points = wb.session.points(of: item.id)
      let statusRole: Role
      switch scored ? LensTag.status(points) : state.status {
      case .done: statusRole = .success
      case .doing: statusRole = .warning
      case .blocked: statusRole = .danger
      default: statusRole = .dim
      }
      // One word for an extension item everywhere: the checklist's "ext" and the reports say it.
      let level =
        item.level == .extension
        ? (item.required ? "required extension" : "extension")
        : (item.required ? "required" : "optional")
      let kind = lens.map { "[\(LensTag.short($0))]" } ?? level
      let statusText = scored ? "\(points.label) points" : state.status.label
      var meta = "\(shown?.localID ?? item.id) \(g.dot) \(kind) \(g.dot) "
      if DisplayWidth.of(meta) + DisplayWidth.of(statusText) > width { meta = "" }
      out.append(StyledLine(text: meta + statusText, role: statusRole))
      if let lens { lensLines(lens, item: item, wb: wb, width: width, into: &out) }
      if wb.closedPhases.contains(wb.phase) {
        out.wrap(closedPhaseLine, width: width, role: .warning)
      }
      if state.status == .notApplicable, let why = state.naReason, !why.isEmpty {
        out.wrap("Not applicable: \(why)", width: width, role: .warning)
      }
      // What the participant writes and asks for comes before what they read, so a saved
      // note or a hint just shown is on screen at 80×24 without scrolling.
      let headed = noteAndHint(
        item, note: state.note, wb: wb, width: width, window: window, into: &out)
      // An item that talks about a tool offers the key that opens it.
      let tools = ToolKind.offered(for: item)
      if !tools.isEmpty {
        if headed { out.append(.blank) }
        let keys = tools.map { "\($0.binding.label) \($0.title.lowercased())" }
        out.wrap("Open the tool: " + keys.joined(separator: ", "), width: width, role: .accent)
      }
      func section(_ heading: String, _ text: String, role: Role = .normal) {
        guard !text.isEmpty else { return }
        out.append(.blank)
        out.append(StyledLine(text: heading, role: .title, bold: true))
        out.prose(text, width: width, role: role)
      }
      section("Guidance", item.guidance)
      if wb.showsCase { section(caseHeading(wb.caseStudy.title), item.caseContext) }
      section("Why it matters", item.why)
      if !item.arisesIn.isEmpty {
        section("Shows up in", wb.caseStudy.arisesInNames(item).joined(separator: ", "))
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
      return out
    }
    let count = wb.caseStudy.phases.count
    out.wrap(
      "Phase \(wb.phase + 1) of \(count): \(phase.title)", width: width, role: .title, bold: true)
    let required = phase.items.filter(\.required).count
    let extensions = phase.items.filter { $0.level == .extension }.count
    var facts = "\(counted(phase.items.count, "item")), \(required) required"
    if extensions > 0 { facts += ", \(extensions) extension" }
    if phase.timeboxMinutes > 0 { facts = "Timebox \(phase.timeboxMinutes) min \(g.dot) " + facts }
    out.wrap(facts, width: width, role: .dim)
    if wb.closedPhases.contains(wb.phase) {
      out.wrap(closedPhaseLine, width: width, role: .warning)
    }
    if let schedule = phase.schedule {
      out.wrap(
        "Schedule: " + schedule.summary(separator: " \(g.dot) "), width: width, role: .dim)
    }
    let pages = storyPages(wb)
    if !pages.isEmpty {
      out.wrap(
        "The story: " + pages.map { $0.binding.hint($0.shortName) }.joined(separator: ", "),
        width: width, role: .accent)
    }
    if !phase.goal.isEmpty {
      out.append(.blank)
      out.append(StyledLine(text: "Goal", role: .title, bold: true))
      out.prose(phase.goal, width: width)
    }
    // Own-project mode hides the story: the briefing is what is happening at the case
    // study's company, so it gives way to the goal, the gate and the risks.
    if !phase.briefing.isEmpty && wb.showsCase {
      out.append(.blank)
      out.append(StyledLine(text: "Briefing", role: .title, bold: true))
      out.prose(phase.briefing, width: width)
    }
    // The facilitator's material speaks of the story, so own-project mode leaves it out too.
    if options.facilitator && wb.showsCase {
      if !phase.facilitatorNotes.isEmpty {
        out.append(.blank)
        out.append(StyledLine(text: "Facilitator notes", role: .title, bold: true))
        out.prose(phase.facilitatorNotes, width: width, role: .accent)
      }
      if !phase.modelAnswers.isEmpty {
        out.append(.blank)
        out.append(StyledLine(text: "Model answers", role: .title, bold: true))
        for answer in phase.modelAnswers {
          let topic = answer.topic + (answer.item.map { " (\($0))" } ?? "")
          out.wrap("\(g.pointer) \(topic)", width: width, role: .normal, bold: true)
          out.prose(answer.answer, width: width, role: .accent, indent: 2)
        }
      }
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
        out.bullet(
          riskScore(risk) + risk.text, marker: "\(g.pointer) ", width: width, role: .normal)
      }
    }
    if !phase.decisions.isEmpty {
      out.append(.blank)
      out.append(StyledLine(text: "Decisions (press d)", role: .title, bold: true))
      for d in phase.decisions {
        if let r = wb.session.decisions[d.id] {
          let label = d.option(id: r.option)?.label ?? r.option
          out.wrap(
            "\(g.check) \(d.title): chose \(DecisionDialog.shownLetter(of: r.option, in: d)), \(label)",
            width: width, role: .success,
            indent: 0)
        } else {
          out.wrap("\(g.pointer) \(d.title): not taken yet", width: width, role: .warning)
        }
      }
    }
    out.append(.blank)
    out.append(StyledLine(text: "Readiness", role: .title, bold: true))
    let progress = CaseBenchModel.Progress(caseStudy: wb.caseStudy, session: wb.session)
    out.wrap(progress.readinessWorkings, width: width, role: .dim)
    if wb.currentItem != nil {
      out.append(.blank)
      out.wrap("Press b or move in the checklist to see an item.", width: width, role: .dim)
    }
    return out
  }

  /// The item's note (or how to write one) and its hint (or how to show it). An empty note
  /// and a hidden hint take one dim line each; a note or a shown hint gets a heading, and then
  /// this returns true (what follows starts after a blank line).
  @discardableResult
  static func noteAndHint(
    _ item: Item, note: String, wb: Workbench, width: Int, window: Range<Int>,
    into out: inout [StyledLine]
  ) -> Bool {
    if note.isEmpty {
      out.wrap("No note yet: n writes one here, E opens $EDITOR.", width: width, role: .dim)
    } else {
      out.append(.blank)
      out.append(StyledLine(text: "Note", role: .title, bold: true))
      if note.utf8.count <= proseNoteLimit {
        out.prose(note, width: width)
      } else {
        // A note this long is drawn as plain wrapped rows, and only the rows in `window`
        // are built, so each keystroke costs one counting pass over it.
        let first = out.count
        let low = max(0, window.lowerBound - first)
        let wanted = low..<max(low, window.upperBound - first)
        let rows = Wrap.window(note, width: max(1, width), rows: wanted)
        out.reserveCapacity(first + rows.count)
        for row in 0..<rows.count {
          out.append(wanted.contains(row) ? StyledLine(text: rows.lines[row - low]) : .blank)
        }
      }
    }
    guard !item.hint.isEmpty else { return !note.isEmpty }
    if wb.hintShown {
      out.append(.blank)
      out.append(StyledLine(text: "Hint", role: .title, bold: true))
      out.prose(item.hint, width: width, role: .accent)
      return true
    }
    if !note.isEmpty { out.append(.blank) }
    out.append(StyledLine(text: "Hint hidden: press h to show it.", role: .dim))
    return false
  }

  /// What a lens's item adds: the lens it is from, that it counts towards the lens's own
  /// score, and for a test of the ML Test Score its points and the score's workings.
  static func lensLines(
    _ lens: Lens, item: Item, wb: Workbench, width: Int, into out: inout [StyledLine]
  ) {
    out.wrap(
      "From the lens \(lens.title): it counts towards the lens's own score, not the gate.",
      width: width, role: .dim)
    guard lens.scoring == .mlTestScore else { return }
    let points = wb.session.points(of: item.id)
    out.wrap(
      "Points: \(points.label), \(points.meaning). "
        + KeyTable.status.hint("gives 0, 0.5 or 1") + "; the note holds the evidence.",
      width: width, role: .accent)
    let score = lens.mlTestScore(in: wb.session)
    out.wrap(score.workings(), width: width, role: .dim)
    out.wrap(score.verdict + ".", width: width, role: .dim)
  }
}
