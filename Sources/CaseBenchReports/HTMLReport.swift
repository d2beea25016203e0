import CaseBenchLoading
import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The HTML export: one self-contained page, styled by Resources/report.css, printable.
struct HTMLReport {
  let model: ReportModel
  private var out = ""

  init(_ model: ReportModel) { self.model = model }

  /// Escaped, without the line breaks YAML block scalars leave at either end.
  private func h(_ text: String) -> String {
    HTMLReport.escapeTrimmingNewlines(text)
  }

  /// Authored or typed text where inline text fits (a cell, a definition): see
  /// `RichText.htmlFlow`.
  private func flow(_ text: String) -> String { RichText(text).htmlFlow }

  /// Text after an optional label (HTML): one paragraph when the text is one, otherwise the
  /// label's paragraph followed by the text's blocks, in a `div` of the class.
  private mutating func labelled(_ label: String, _ text: String, class name: String = "") {
    let attribute = name.isEmpty ? "" : " class=\"\(name)\""
    let rich = RichText(text)
    if rich.isSimple {
      line("<p\(attribute)>\(label)\(rich.htmlFlow)</p>")
      return
    }
    line("<div\(attribute)>")
    if !label.isEmpty { line("<p>\(label.trimming(.whitespaces))</p>") }
    line(rich.html)
    line("</div>")
  }

  private mutating func line(_ text: String) {
    out += text
    out += "\n"
  }

  /// The page's style sheet, Resources/report.css, without the file's final line break.
  static let css: String = {
    let text = String(decoding: PackageResources.report_css, as: UTF8.self)
    return text.hasSuffix("\n") ? String(text.dropLast()) : text
  }()

  mutating func render() -> String {
    let s = model.session
    let cs = model.caseStudy
    line("<!DOCTYPE html>")
    line("<html lang=\"en\">")
    line("<head>")
    line("<meta charset=\"utf-8\">")
    line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    line("<title>\(h(model.title))</title>")
    line("<style>")
    out += HTMLReport.css
    line("</style>")
    line("</head>")
    line("<body>")
    line("<header>")
    line("<h1>\(h(model.title))</h1>")
    line("<dl class=\"meta\">")
    line("<dt>\(model.participantLabel)</dt><dd>\(h(s.participant))</dd>")
    line(
      "<dt>\(model.caseStudyLabel)</dt><dd>\(h(model.caseStudyName)) (\(model.caseStudyIDLabel)"
        + "<code>\(h(cs.id))</code>, version \(h(cs.version)))</dd>")
    line("<dt>Mode</dt><dd>\(model.modeLabel)</dd>")
    line("<dt>Started</dt><dd>\(ReportModel.displayDate(s.created))</dd>")
    line("<dt>Last updated</dt><dd>\(ReportModel.displayDate(s.updated))</dd>")
    line("</dl>")
    line("</header>")
    summarySection()
    for (index, section) in model.phases.enumerated() { phaseSection(section, number: index + 1) }
    retiredSection()
    straySection()
    out += HTMLReport.scrollable(model.toolkit.html)
    out += HTMLReport.scrollable(model.lenses.html)
    eventLog()
    // The story comes last: a stakeholder reads the status first.
    if model.showsStory && !(cs.summary.isEmpty && cs.background.isEmpty) {
      line("<section class=\"story\" id=\"story\">")
      line("<h2>Appendix: the story</h2>")
      if !cs.summary.isEmpty { labelled("", cs.summary, class: "summary") }
      if !cs.background.isEmpty { line(RichText(cs.background).html) }
      line("</section>")
    }
    line("<footer>Written by casebench from the session file; times are UTC.</footer>")
    line("</body>")
    line("</html>")
    return out
  }

  private func bar(_ fraction: Double) -> String {
    let percent = Int((fraction * 100).rounded(.down))
    return
      "<span class=\"bar\" aria-hidden=\"true\"><span style=\"width: \(percent)%\"></span></span>"
  }

  /// What a stakeholder reads in a minute: the overall status and readiness with its reason,
  /// each phase's status, the decisions taken and open, what is blocked and what comes next.
  private mutating func summarySection() {
    let p = model.progress
    line("<section class=\"glance\" id=\"summary\">")
    line("<h2>Summary</h2>")
    line(
      "<p class=\"overall\"><strong>\(model.overallStatus).</strong> "
        + "\(h(model.overallFigures))</p>")
    let reason = model.readinessReason
    if let colon = reason.firstIndex(of: ":") {
      line(
        "<p class=\"readiness\"><strong>\(h(String(reason[..<colon]))):</strong>"
          + "\(h(String(reason[reason.index(after: colon)...])))</p>")
    } else {
      line("<p class=\"readiness\">\(h(reason))</p>")
    }
    line("<div class=\"scroll\"><table>")
    let decisions = model.showsDecisions
    line(
      "<thead><tr><th>Phase</th><th>Status</th><th>Progress</th><th class=\"num\">Settled</th>"
        + "<th class=\"num\">Done</th><th class=\"num\">N/A</th><th class=\"num\">Doing</th>"
        + "<th class=\"num\">Blocked</th><th>Gate</th>"
        + (decisions ? "<th class=\"num\">Decisions</th>" : "") + "</tr></thead>")
    line("<tbody>")
    for (index, section) in model.phases.enumerated() {
      let pp = section.progress
      line(
        "<tr><td><a href=\"#phase-\(index + 1)\">\(h(pp.title))</a></td>"
          + "<td>\(ReportModel.phaseStatus(section))</td>"
          + "<td>\(bar(pp.fraction))\(Progress.percent(pp.fraction))</td>"
          + "<td class=\"num\">\(pp.settled)/\(pp.total)</td><td class=\"num\">\(pp.done)</td>"
          + "<td class=\"num\">\(pp.notApplicable)</td><td class=\"num\">\(pp.doing)</td>"
          + "<td class=\"num\">\(pp.blocked)</td><td>\(ReportModel.gateText(pp))</td>"
          + (decisions ? "<td class=\"num\">\(pp.decisionsTaken)/\(pp.decisionsTotal)</td>" : "")
          + "</tr>")
    }
    let t = p.totals
    line(
      "<tr class=\"overall\"><td>Overall</td><td>\(model.overallStatus.lowercased())</td>"
        + "<td>\(bar(p.fraction))\(Progress.percent(p.fraction))"
        + "</td><td class=\"num\">\(t.settled)/\(t.items)</td>"
        + "<td class=\"num\">\(t.done)</td><td class=\"num\">\(t.notApplicable)</td>"
        + "<td class=\"num\">\(t.doing)</td><td class=\"num\">\(t.blocked)</td>"
        + "<td>\(p.gatesMet) of \(p.phases.count) met</td>"
        + (decisions ? "<td class=\"num\">\(t.decisionsTaken)/\(t.decisions)</td>" : "")
        + "</tr>")
    line("</tbody>")
    line("</table></div>")
    let lists = model.summaryLists(
      text: { HTMLReport.escape($0) }, strong: { "<strong>\($0)</strong>" },
      code: { "option <code>\(HTMLReport.escape($0))</code>" }, times: "&times;")
    for list in lists {
      // Each list stays with its heading on a printed page.
      line("<div class=\"keep\">")
      line("<h3>\(list.heading)</h3>")
      if list.entries.isEmpty {
        line("<p class=\"muted\">\(list.none)</p>")
      } else {
        line("<ul>")
        for entry in list.entries { line("<li>\(entry)</li>") }
        line("</ul>")
      }
      line("</div>")
    }
    line("</section>")
  }

  private func statusClass(_ status: ItemStatus) -> String {
    switch status {
    case .todo: "s-todo"
    case .doing: "s-doing"
    case .done: "s-done"
    case .blocked: "s-blocked"
    case .notApplicable: "s-na"
    }
  }

  private func statusCell(_ state: ItemState) -> String {
    var cell = "<span class=\"status \(statusClass(state.status))\">\(h(state.status.label))"
    if state.status == .notApplicable, let why = state.naReason, !why.isEmpty {
      cell += "<span class=\"reason\">\(h(why))</span>"
    }
    return cell + "</span>"
  }

  private mutating func phaseSection(_ section: ReportModel.PhaseSection, number: Int) {
    let phase = section.phase
    let pp = section.progress
    if model.isCompact(section) {
      // An untouched phase takes one line.
      line(
        "<p class=\"untouched\" id=\"phase-\(number)\"><strong>\(number). \(h(phase.title))"
          + "</strong>: not started; \(counted(section.items.count, "item")), \(pp.gateTotal) in the gate.</p>"
      )
      return
    }
    line("<section class=\"phase\" id=\"phase-\(number)\">")
    line("<h2>\(number). \(h(phase.title))</h2>")
    if !phase.goal.isEmpty { labelled("<em>Goal:</em> ", phase.goal) }
    line(
      "<p>\(pp.gateMet ? "Gate met" : "Gate not met"): \(pp.gateSettled) of \(pp.gateTotal) "
        + "required items done or N/A.</p>")
    if !section.items.isEmpty {
      line("<div class=\"scroll\"><table>")
      line(
        "<thead><tr><th>Item</th><th>Title</th><th>Required</th><th>Status</th></tr></thead>")
      line("<tbody>")
      for row in section.items {
        line(
          "<tr><td>\(h(row.id))</td><td>\(h(row.title))"
            + (row.level == .extension ? " <span class=\"ext\">extension</span>" : "")
            + "</td><td>\(row.inGate ? "yes" : "no")</td>"
            + "<td>\(statusCell(row.state))</td></tr>")
      }
      line("</tbody>")
      line("</table></div>")
    }
    let noted = section.items.filter { !$0.state.note.isEmpty }
    if !noted.isEmpty {
      line("<h3>Notes</h3>")
      for row in noted {
        line("<h4>\(h(row.id)) \(h(row.title))</h4>")
        line("<div class=\"note\">\(flow(row.state.note))</div>")
      }
    }
    if model.showsDecisions && !section.decisions.isEmpty {
      line("<h3>Decisions</h3>")
      for d in section.decisions { decision(d) }
    }
    let lessons = model.lessons(of: section)
    if !lessons.isEmpty {
      line("<h3>Lessons learned</h3>")
      for (prompt, answer) in lessons {
        line("<h4>\(h(prompt.prompt))</h4>")
        line("<div class=\"note\">\(flow(answer))</div>")
      }
    }
    if model.facilitator && model.showsStory && !phase.modelAnswers.isEmpty {
      line("<h3>Model answers (facilitator)</h3>")
      line("<dl class=\"answers\">")
      for answer in phase.modelAnswers {
        let item = answer.item.map { " (\(h($0)))" } ?? ""
        line("<dt>\(h(answer.topic))\(item)</dt><dd>\(flow(answer.answer))</dd>")
      }
      line("</dl>")
    }
    line("</section>")
  }

  private mutating func decision(_ d: ReportModel.DecisionRow) {
    line("<div class=\"decision\">")
    line("<h4>\(h(d.id)): \(h(d.title))</h4>")
    if model.showsStory && !d.situation.isEmpty {
      labelled("", d.situation, class: "muted")
    }
    guard let record = d.record else {
      line("<p><em>Not decided yet.</em></p>")
      line("</div>")
      return
    }
    line("<dl>")
    if let option = d.option {
      let letter = d.letter.map { "\($0)) " } ?? ""
      var verdict = ""
      if model.facilitator {
        let v = option.verdict.rawValue
        verdict = " <span class=\"verdict v-\(v)\">\(v)</span>"
      }
      line("<dt>Chosen</dt><dd>\(letter)\(h(option.label))\(verdict)</dd>")
    } else if let retired = d.retiredOption {
      line(
        "<dt>Chosen</dt><dd>\(h(retired.title)) (option <code>\(h(record.option))</code>, retired "
          + "in version \(h(model.caseStudy.version)): \(h(retired.reason)))</dd>")
    } else {
      line(
        "<dt>Chosen</dt><dd>option <code>\(h(record.option))</code> (not in this version of the "
          + "case study)</dd>")
    }
    line(
      "<dt>Rationale</dt><dd>"
        + (record.rationale.isEmpty ? "<em>none given</em>" : flow(record.rationale)) + "</dd>")
    if model.showsStory, let option = d.option, !option.consequence.isEmpty {
      line("<dt>Consequence</dt><dd>\(flow(option.consequence))</dd>")
    }
    if model.facilitator, let option = d.option, !option.debrief.isEmpty {
      line("<dt>Debrief (facilitator)</dt><dd>\(flow(option.debrief))</dd>")
    }
    line("<dt>Decided</dt><dd>\(ReportModel.displayDate(record.decidedAt))</dd>")
    line("</dl>")
    line("</div>")
  }

  private mutating func retiredSection() {
    guard !model.retiredWork.isEmpty else { return }
    line("<section class=\"retired\">")
    line("<h2>Retired items</h2>")
    line(
      "<p>This session recorded work on items that version \(h(model.caseStudy.version)) of the "
        + "case study has retired. The work stays in the session file.</p>")
    line("<div class=\"scroll\"><table>")
    line(
      "<thead><tr><th>Item</th><th>Title</th><th>Status</th><th>Why it was retired</th>"
        + "<th>Note</th></tr></thead>")
    line("<tbody>")
    for row in model.retiredWork {
      line(
        "<tr><td>\(h(row.item.id))</td><td>\(h(row.item.title))</td><td>\(statusCell(row.state))</td>"
          + "<td>\(h(RetiredWork.explanation(of: row.item)))</td>"
          + "<td><div class=\"note\">\(flow(row.state.note))</div></td></tr>")
    }
    line("</tbody>")
    line("</table></div>")
    line("</section>")
  }

  private mutating func straySection() {
    let decisions = model.showsDecisions ? model.strayDecisions : []
    guard !model.strayItems.isEmpty || !decisions.isEmpty else { return }
    line("<section class=\"stray\">")
    line("<h2>Recorded work not in this version of the case study</h2>")
    if !model.strayItems.isEmpty {
      line("<div class=\"scroll\"><table>")
      line("<thead><tr><th>Item</th><th>Status</th><th>Note</th></tr></thead>")
      line("<tbody>")
      for (id, state) in model.strayItems {
        line(
          "<tr><td>\(h(id))</td><td>\(statusCell(state))</td>"
            + "<td><div class=\"note\">\(flow(state.note))</div></td></tr>")
      }
      line("</tbody>")
      line("</table></div>")
    }
    if !decisions.isEmpty {
      line("<ul>")
      for (id, record) in decisions {
        line(
          "<li>Decision \(h(id)): option <code>\(h(record.option))</code>, rationale: "
            + "\(h(record.rationale))</li>")
      }
      line("</ul>")
    }
    line("</section>")
  }

  private mutating func eventLog() {
    guard model.includesLog else {
      let count = model.session.events.count
      line(
        "<p class=\"muted\">The event log (\(count) \(count == 1 ? "entry" : "entries")) is left "
          + "out: <code>casebench export --log</code> includes it.</p>")
      return
    }
    line("<section class=\"events\">")
    line("<h2>Event log</h2>")
    line("<div class=\"scroll\"><table class=\"log\">")
    line("<thead><tr><th>When (UTC)</th><th>What</th><th>Item</th><th>Detail</th></tr></thead>")
    line("<tbody>")
    for (e, detail) in zip(model.session.events, model.eventDetails()) {
      line(
        "<tr><td>\(ReportModel.logDate(e.at))</td><td>\(e.kind.rawValue)</td>"
          + "<td>\(h(e.target ?? ""))</td><td>\(h(detail))</td></tr>")
    }
    line("</tbody>")
    line("</table></div>")
    line("</section>")
  }
}
