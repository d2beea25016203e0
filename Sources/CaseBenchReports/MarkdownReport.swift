import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The Markdown export: GitHub-flavoured Markdown, every piece of author or user text escaped.
struct MarkdownReport {
  let model: ReportModel
  /// The report so far, one line after another, each ended by a line break.
  private var out = ""
  /// Where `out`'s last non-empty line ends: the report stops there, without blank lines.
  private var end = 0

  init(_ model: ReportModel) { self.model = model }

  private mutating func line(_ text: String) {
    out += text
    out += "\n"
    if !text.isEmpty { end = out.utf8.count }
  }

  private mutating func lines(_ texts: [String]) {
    for text in texts { line(text) }
  }

  /// Multi-line user text as a block quote: its paragraphs, lists and line breaks, rendered
  /// by `RichText`.
  static func quote(_ text: String) -> [String] {
    RichText(text).markdown.map { $0.isEmpty ? ">" : "> " + $0 }
  }

  func cell(_ text: String) -> String { MarkdownReport.inline(text, lineBreak: "<br>") }

  mutating func render() -> String {
    let s = model.session
    let cs = model.caseStudy
    out.reserveCapacity(32_768)
    line("# \(MarkdownReport.inline(model.title))")
    line("")
    line("| | |")
    line("|---|---|")
    line("| \(model.participantLabel) | \(cell(s.participant)) |")
    line(
      "| \(model.caseStudyLabel) | \(cell(model.caseStudyName)) (\(model.caseStudyIDLabel)"
        + "\(cell(cs.id)), version \(cell(cs.version))) |"
    )
    line("| Mode | \(model.modeLabel) |")
    line("| Started | \(ReportModel.displayDate(s.created)) |")
    line("| Last updated | \(ReportModel.displayDate(s.updated)) |")
    line("")

    summarySection()
    for (index, section) in model.phases.enumerated() {
      phaseSection(section, number: index + 1)
    }
    retiredSection()
    straySection()
    lines(model.toolkit.markdown)
    lines(model.lenses.markdown)
    eventLog()
    // The story comes last: a stakeholder reads the status first.
    if model.showsStory && !(cs.summary.isEmpty && cs.background.isEmpty) {
      line("## Appendix: the story")
      line("")
      if !cs.summary.isEmpty {
        lines(MarkdownReport.quote(cs.summary))
        line("")
      }
      if !cs.background.isEmpty {
        lines(RichText(cs.background).markdown)
        line("")
      }
    }
    guard end > 0 else { return "\n" }
    out.removeSubrange(out.utf8.index(out.utf8.startIndex, offsetBy: end)...)
    return out
  }

  /// Text inside a code span: backticks would end it, so they are replaced.
  private func code(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "`": out += "'"
      case "\n": out += " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// What a stakeholder reads in a minute: the overall status and readiness with its reason,
  /// each phase's status, the decisions taken and open, what is blocked and what comes next.
  private mutating func summarySection() {
    let p = model.progress
    line("## Summary")
    line("")
    line("**\(model.overallStatus).** \(model.overallFigures)")
    line("")
    line(MarkdownReport.inline(model.readinessReason))
    line("")
    let decisions = model.showsDecisions
    line(
      "| Phase | Status | Settled | Done | N/A | Doing | Blocked | Gate |"
        + (decisions ? " Decisions |" : ""))
    line("|---|---|---:|---:|---:|---:|---:|---|" + (decisions ? "---:|" : ""))
    for section in model.phases {
      let pp = section.progress
      line(
        "| \(cell(pp.title)) | \(ReportModel.phaseStatus(section)) | "
          + "\(pp.settled)/\(pp.total) (\(Progress.percent(pp.fraction))) | "
          + "\(pp.done) | \(pp.notApplicable) | \(pp.doing) | \(pp.blocked) | "
          + "\(ReportModel.gateText(pp)) |"
          + (decisions ? " \(pp.decisionsTaken)/\(pp.decisionsTotal) |" : ""))
    }
    let t = p.totals
    line(
      "| **Overall** | **\(model.overallStatus.lowercased())** | "
        + "**\(t.settled)/\(t.items) (\(Progress.percent(p.fraction)))** | "
        + "\(t.done) | \(t.notApplicable) | \(t.doing) | \(t.blocked) | "
        + "\(p.gatesMet) of \(p.phases.count) met |"
        + (decisions ? " \(t.decisionsTaken)/\(t.decisions) |" : ""))
    line("")
    let lists = model.summaryLists(
      text: { MarkdownReport.inline($0) }, strong: { "**\($0)**" },
      code: { "option `\(code($0))`" }, times: "x")
    for list in lists {
      line("### \(list.heading)")
      line("")
      lines(list.entries.isEmpty ? [list.none] : list.entries.map { "- " + $0 })
      line("")
    }
  }

  private mutating func phaseSection(_ section: ReportModel.PhaseSection, number: Int) {
    let phase = section.phase
    if model.isCompact(section) {
      // An untouched phase takes one line.
      line(
        "**\(number). \(MarkdownReport.inline(phase.title))**: not started; "
          + "\(counted(section.items.count, "item")), \(section.progress.gateTotal) in the gate.")
      line("")
      return
    }
    line("## \(number). \(MarkdownReport.inline(phase.title))")
    line("")
    if !phase.goal.isEmpty {
      lines(RichText(phase.goal).markdown(after: "*Goal:* ", indent: ""))
      line("")
    }
    let pp = section.progress
    line(
      pp.gateMet
        ? "Gate met: \(pp.gateSettled) of \(pp.gateTotal) required items done or N/A."
        : "Gate not met: \(pp.gateSettled) of \(pp.gateTotal) required items done or N/A.")
    line("")
    if !section.items.isEmpty {
      line("| Item | Title | Required | Status |")
      line("|---|---|---|---|")
      for row in section.items {
        let tag = row.level == .extension ? " *(extension)*" : ""
        line(
          "| \(cell(row.id)) | \(cell(row.title))\(tag) | \(row.inGate ? "yes" : "no") | "
            + "\(cell(ReportModel.statusText(row.state))) |")
      }
      line("")
    }
    let noted = section.items.filter { !$0.state.note.isEmpty }
    if !noted.isEmpty {
      line("### Notes")
      line("")
      for row in noted {
        line("**\(MarkdownReport.inline(row.id)) \(MarkdownReport.inline(row.title))**")
        line("")
        lines(MarkdownReport.quote(row.state.note))
        line("")
      }
    }
    if model.showsDecisions && !section.decisions.isEmpty {
      line("### Decisions")
      line("")
      for d in section.decisions { decision(d) }
    }
    let lessons = model.lessons(of: section)
    if !lessons.isEmpty {
      line("### Lessons learned")
      line("")
      for (prompt, answer) in lessons {
        line("**\(MarkdownReport.inline(prompt.prompt))**")
        line("")
        lines(MarkdownReport.quote(answer))
        line("")
      }
    }
    if model.facilitator && model.showsStory && !phase.modelAnswers.isEmpty {
      line("### Model answers (facilitator)")
      line("")
      for answer in phase.modelAnswers {
        let item = answer.item.map { " (\(MarkdownReport.inline($0)))" } ?? ""
        let label = "- **\(MarkdownReport.inline(answer.topic))**\(item): "
        lines(RichText(answer.answer).markdown(after: label, indent: "  "))
      }
      line("")
    }
  }

  private mutating func decision(_ d: ReportModel.DecisionRow) {
    line("#### \(MarkdownReport.inline(d.id)): \(MarkdownReport.inline(d.title))")
    line("")
    if model.showsStory && !d.situation.isEmpty {
      lines(RichText(d.situation).markdown(after: "*Situation:* ", indent: ""))
      line("")
    }
    guard let record = d.record else {
      line("*Not decided yet.*")
      line("")
      return
    }
    if let option = d.option {
      let verdict = model.facilitator ? " (verdict: \(option.verdict.rawValue))" : ""
      let letter = d.letter.map { "\($0)) " } ?? ""
      line("- **Chosen:** \(letter)\(MarkdownReport.inline(option.label))\(verdict)")
    } else if let retired = d.retiredOption {
      line(
        "- **Chosen:** \(MarkdownReport.inline(retired.title)) (option `\(code(record.option))`, "
          + "retired in version \(MarkdownReport.inline(model.caseStudy.version)): "
          + "\(MarkdownReport.inline(retired.reason)))")
    } else {
      line(
        "- **Chosen:** option `\(code(record.option))` (not in this version of the case study)")
    }
    if record.rationale.isEmpty {
      line("- **Rationale:** *none given*")
    } else {
      field("- **Rationale:** ", record.rationale)
    }
    if model.showsStory, let option = d.option, !option.consequence.isEmpty {
      field("- **Consequence:** ", option.consequence)
    }
    if model.facilitator, let option = d.option, !option.debrief.isEmpty {
      field("- **Debrief (facilitator):** ", option.debrief)
    }
    line("- **Decided:** \(ReportModel.displayDate(record.decidedAt))")
    line("")
  }

  /// A labelled list item whose text keeps its line breaks and lists.
  private mutating func field(_ label: String, _ text: String) {
    lines(RichText(text).markdown(after: label, indent: "  "))
  }

  private mutating func retiredSection() {
    guard !model.retiredWork.isEmpty else { return }
    line("## Retired items")
    line("")
    line(
      "This session recorded work on items that version \(MarkdownReport.inline(model.caseStudy.version)) "
        + "of the case study has retired. The work stays in the session file.")
    line("")
    line("| Item | Title | Status | Why it was retired | Note |")
    line("|---|---|---|---|---|")
    for row in model.retiredWork {
      line(
        "| \(cell(row.item.id)) | \(cell(row.item.title)) | \(cell(ReportModel.statusText(row.state))) | "
          + "\(cell(RetiredWork.explanation(of: row.item))) | \(cell(row.state.note)) |")
    }
    line("")
  }

  private mutating func straySection() {
    let decisions = model.showsDecisions ? model.strayDecisions : []
    guard !model.strayItems.isEmpty || !decisions.isEmpty else { return }
    line("## Recorded work not in this version of the case study")
    line("")
    if !model.strayItems.isEmpty {
      line("| Item | Status | Note |")
      line("|---|---|---|")
      for (id, state) in model.strayItems {
        line(
          "| \(cell(id)) | \(cell(ReportModel.statusText(state))) | \(cell(state.note)) |")
      }
      line("")
    }
    for (id, record) in decisions {
      line(
        "- Decision \(MarkdownReport.inline(id)): option `\(code(record.option))`, "
          + "rationale: \(MarkdownReport.inline(record.rationale))")
    }
    if !decisions.isEmpty { line("") }
  }

  private mutating func eventLog() {
    guard model.includesLog else {
      let count = model.session.events.count
      line(
        "*The event log (\(count) \(count == 1 ? "entry" : "entries")) is left out: "
          + "`casebench export --log` includes it.*")
      line("")
      return
    }
    line("## Event log")
    line("")
    line("| When (UTC) | What | Item | Detail |")
    line("|---|---|---|---|")
    for (e, detail) in zip(model.session.events, model.eventDetails()) {
      line(
        "| \(ReportModel.logDate(e.at)) | \(e.kind.rawValue) | \(cell(e.target ?? "")) | "
          + "\(cell(detail)) |")
    }
    line("")
  }
}
