#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The Markdown export: GitHub-flavoured Markdown, every piece of author or user text escaped.
struct MarkdownReport {
  let model: ReportModel
  private var out: [String] = []

  init(_ model: ReportModel) { self.model = model }

  /// Multi-line user text as a block quote: its paragraphs, lists and line breaks, rendered
  /// by `RichText`.
  static func quote(_ text: String) -> [String] {
    RichText(text).markdown.map { $0.isEmpty ? ">" : "> " + $0 }
  }

  func cell(_ text: String) -> String { MarkdownReport.inline(text, lineBreak: "<br>") }

  mutating func render() -> String {
    let s = model.session
    let cs = model.caseStudy
    out.append("# \(MarkdownReport.inline(model.title))")
    out.append("")
    out.append("| | |")
    out.append("|---|---|")
    out.append("| \(model.participantLabel) | \(cell(s.participant)) |")
    out.append(
      "| \(model.caseStudyLabel) | \(cell(cs.title)) (\(cell(cs.id)), version \(cell(cs.version))) |"
    )
    out.append("| Mode | \(model.modeLabel) |")
    out.append("| Started | \(ReportModel.displayDate(s.created)) |")
    out.append("| Last updated | \(ReportModel.displayDate(s.updated)) |")
    out.append("")

    summarySection()
    for (index, section) in model.phases.enumerated() {
      phaseSection(section, number: index + 1)
    }
    retiredSection()
    straySection()
    out.append(contentsOf: model.toolkit.markdown)
    eventLog()
    // The story comes last: a stakeholder reads the status first.
    if model.showsStory && !(cs.summary.isEmpty && cs.background.isEmpty) {
      out.append("## Appendix: the story")
      out.append("")
      if !cs.summary.isEmpty {
        out.append(contentsOf: MarkdownReport.quote(cs.summary))
        out.append("")
      }
      if !cs.background.isEmpty {
        out.append(contentsOf: RichText(cs.background).markdown)
        out.append("")
      }
    }
    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
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
    out.append("## Summary")
    out.append("")
    out.append("**\(model.overallStatus).** \(model.overallFigures)")
    out.append("")
    out.append(MarkdownReport.inline(model.readinessReason))
    out.append("")
    let decisions = model.showsDecisions
    out.append(
      "| Phase | Status | Settled | Done | N/A | Doing | Blocked | Gate |"
        + (decisions ? " Decisions |" : ""))
    out.append("|---|---|---:|---:|---:|---:|---:|---|" + (decisions ? "---:|" : ""))
    for section in model.phases {
      let pp = section.progress
      out.append(
        "| \(cell(pp.title)) | \(ReportModel.phaseStatus(section)) | "
          + "\(pp.settled)/\(pp.total) (\(Progress.percent(pp.fraction))) | "
          + "\(pp.done) | \(pp.notApplicable) | \(pp.doing) | \(pp.blocked) | "
          + "\(ReportModel.gateText(pp)) |"
          + (decisions ? " \(pp.decisionsTaken)/\(pp.decisionsTotal) |" : ""))
    }
    let t = p.totals
    out.append(
      "| **Overall** | **\(model.overallStatus.lowercased())** | "
        + "**\(t.settled)/\(t.items) (\(Progress.percent(p.fraction)))** | "
        + "\(t.done) | \(t.notApplicable) | \(t.doing) | \(t.blocked) | "
        + "\(p.gatesMet) of \(p.phases.count) met |"
        + (decisions ? " \(t.decisionsTaken)/\(t.decisions) |" : ""))
    out.append("")
    let lists = model.summaryLists(
      text: { MarkdownReport.inline($0) }, strong: { "**\($0)**" },
      code: { "option `\(code($0))`" }, times: "x")
    for list in lists {
      out.append("### \(list.heading)")
      out.append("")
      out.append(contentsOf: list.entries.isEmpty ? [list.none] : list.entries.map { "- " + $0 })
      out.append("")
    }
  }

  private mutating func phaseSection(_ section: ReportModel.PhaseSection, number: Int) {
    let phase = section.phase
    if model.isCompact(section) {
      // An untouched phase takes one line.
      out.append(
        "**\(number). \(MarkdownReport.inline(phase.title))**: not started; "
          + "\(section.items.count) items, \(section.progress.gateTotal) in the gate.")
      out.append("")
      return
    }
    out.append("## \(number). \(MarkdownReport.inline(phase.title))")
    out.append("")
    if !phase.goal.isEmpty {
      out.append(contentsOf: RichText(phase.goal).markdown(after: "*Goal:* ", indent: ""))
      out.append("")
    }
    let pp = section.progress
    out.append(
      pp.gateMet
        ? "Gate met: \(pp.gateSettled) of \(pp.gateTotal) required items done or N/A."
        : "Gate not met: \(pp.gateSettled) of \(pp.gateTotal) required items done or N/A.")
    out.append("")
    if !section.items.isEmpty {
      out.append("| Item | Title | Required | Status |")
      out.append("|---|---|---|---|")
      for row in section.items {
        let tag = row.level == .extension ? " *(extension)*" : ""
        out.append(
          "| \(cell(row.id)) | \(cell(row.title))\(tag) | \(row.inGate ? "yes" : "no") | "
            + "\(cell(ReportModel.statusText(row.state))) |")
      }
      out.append("")
    }
    let noted = section.items.filter { !$0.state.note.isEmpty }
    if !noted.isEmpty {
      out.append("### Notes")
      out.append("")
      for row in noted {
        out.append("**\(MarkdownReport.inline(row.id)) \(MarkdownReport.inline(row.title))**")
        out.append("")
        out.append(contentsOf: MarkdownReport.quote(row.state.note))
        out.append("")
      }
    }
    if model.showsDecisions && !section.decisions.isEmpty {
      out.append("### Decisions")
      out.append("")
      for d in section.decisions { decision(d) }
    }
    if model.facilitator && model.showsStory && !phase.modelAnswers.isEmpty {
      out.append("### Model answers (facilitator)")
      out.append("")
      for answer in phase.modelAnswers {
        let item = answer.item.map { " (\(MarkdownReport.inline($0)))" } ?? ""
        let label = "- **\(MarkdownReport.inline(answer.topic))**\(item): "
        out.append(contentsOf: RichText(answer.answer).markdown(after: label, indent: "  "))
      }
      out.append("")
    }
  }

  private mutating func decision(_ d: ReportModel.DecisionRow) {
    out.append("#### \(MarkdownReport.inline(d.id)): \(MarkdownReport.inline(d.title))")
    out.append("")
    if model.showsStory && !d.situation.isEmpty {
      out.append(contentsOf: RichText(d.situation).markdown(after: "*Situation:* ", indent: ""))
      out.append("")
    }
    guard let record = d.record else {
      out.append("*Not decided yet.*")
      out.append("")
      return
    }
    if let option = d.option {
      let verdict = model.facilitator ? ", verdict: \(option.verdict.rawValue)" : ""
      out.append(
        "- **Chosen:** \(MarkdownReport.inline(option.label)) "
          + "(option `\(code(option.id))`\(verdict))")
    } else {
      out.append(
        "- **Chosen:** option `\(code(record.option))` (not in this version of the case study)")
    }
    if record.rationale.isEmpty {
      out.append("- **Rationale:** *none given*")
    } else {
      field("- **Rationale:** ", record.rationale)
    }
    if model.showsStory, let option = d.option, !option.consequence.isEmpty {
      field("- **Consequence:** ", option.consequence)
    }
    if model.facilitator, let option = d.option, !option.debrief.isEmpty {
      field("- **Debrief (facilitator):** ", option.debrief)
    }
    out.append("- **Decided:** \(ReportModel.displayDate(record.decidedAt))")
    out.append("")
  }

  /// A labelled list item whose text keeps its line breaks and lists.
  private mutating func field(_ label: String, _ text: String) {
    out.append(contentsOf: RichText(text).markdown(after: label, indent: "  "))
  }

  private mutating func retiredSection() {
    guard !model.retiredWork.isEmpty else { return }
    out.append("## Retired items")
    out.append("")
    out.append(
      "This session recorded work on items that version \(MarkdownReport.inline(model.caseStudy.version)) "
        + "of the case study has retired. The work stays in the session file.")
    out.append("")
    out.append("| Item | Title | Status | Why it was retired | Note |")
    out.append("|---|---|---|---|---|")
    for row in model.retiredWork {
      out.append(
        "| \(cell(row.item.id)) | \(cell(row.item.title)) | \(cell(ReportModel.statusText(row.state))) | "
          + "\(cell(RetiredWork.explanation(of: row.item))) | \(cell(row.state.note)) |")
    }
    out.append("")
  }

  private mutating func straySection() {
    let decisions = model.showsDecisions ? model.strayDecisions : []
    guard !model.strayItems.isEmpty || !decisions.isEmpty else { return }
    out.append("## Recorded work not in this version of the case study")
    out.append("")
    if !model.strayItems.isEmpty {
      out.append("| Item | Status | Note |")
      out.append("|---|---|---|")
      for (id, state) in model.strayItems {
        out.append(
          "| \(cell(id)) | \(cell(ReportModel.statusText(state))) | \(cell(state.note)) |")
      }
      out.append("")
    }
    for (id, record) in decisions {
      out.append(
        "- Decision \(MarkdownReport.inline(id)): option `\(code(record.option))`, "
          + "rationale: \(MarkdownReport.inline(record.rationale))")
    }
    if !decisions.isEmpty { out.append("") }
  }

  private mutating func eventLog() {
    guard model.includesLog else {
      let count = model.session.events.count
      out.append(
        "*The event log (\(count) \(count == 1 ? "entry" : "entries")) is left out: "
          + "`casebench export --log` includes it.*")
      out.append("")
      return
    }
    out.append("## Event log")
    out.append("")
    out.append("| When (UTC) | What | Item | Detail |")
    out.append("|---|---|---|---|")
    for e in model.session.events {
      out.append(
        "| \(ReportModel.logDate(e.at)) | \(e.kind.rawValue) | \(cell(e.target ?? "")) | "
          + "\(cell(e.detail)) |")
    }
    out.append("")
  }
}
