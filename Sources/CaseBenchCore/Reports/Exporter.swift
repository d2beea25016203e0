import Foundation

extension Reports {
  /// `casebench export`: a report for stakeholders. In own-project mode the story (summary,
  /// background, decision situations and consequences) is left out; the work stays.
  public static func export(caseStudy: CaseStudy, session: Session, format: ReportFormat) -> String
  {
    let model = ReportModel(caseStudy: caseStudy, session: session)
    switch format {
    case .markdown:
      var report = MarkdownReport(model)
      return report.render()
    case .html:
      var report = HTMLReport(model)
      return report.render()
    case .json:
      return String(decoding: encodeJSON(ExportDocument(model)), as: UTF8.self)
    }
  }
}

/// The JSON export: the session as saved, and the progress worked out from it.
struct ExportDocument: Encodable {
  var session: Session
  var progress: StatusDocument
  var format = "casebench-export"
  var formatVersion = 1

  enum CodingKeys: String, CodingKey {
    case session, progress, format
    case formatVersion = "format_version"
  }

  init(_ model: ReportModel) {
    session = model.session
    progress = StatusDocument(model)
  }
}

// MARK: Markdown

struct MarkdownReport {
  let model: ReportModel
  private var out: [String] = []

  init(_ model: ReportModel) { self.model = model }

  /// Escapes text for one line of GitHub-flavoured Markdown: punctuation that could start
  /// markup is backslash-escaped, `&` becomes an entity, line breaks become `<br>` (in tables)
  /// or spaces.
  static func inline(_ text: String, lineBreak: String = " ") -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    var previousWasBreak = false
    for ch in text {
      switch ch {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "!", "{", "}":
        out.append("\\")
        out.append(ch)
      case "&":
        out.append("&amp;")
      case "\n", "\r\n", "\r":
        if !previousWasBreak { out.append(lineBreak) }
        previousWasBreak = true
        continue
      default:
        out.append(ch)
      }
      previousWasBreak = false
    }
    return out.trimmingCharacters(in: .whitespaces)
  }

  /// Multi-line user text as a block quote, keeping its line breaks and blank lines.
  static func quote(_ text: String) -> [String] {
    var bodies = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
      .map { escapeBlockStart(inline(String($0))) }
    while bodies.first?.isEmpty == true { bodies.removeFirst() }
    while bodies.last?.isEmpty == true { bodies.removeLast() }
    var out: [String] = []
    for (index, body) in bodies.enumerated() {
      if body.isEmpty {
        out.append(">")
      } else {
        // A trailing backslash is a hard line break when another line of the paragraph follows.
        let continues = index + 1 < bodies.count && !bodies[index + 1].isEmpty
        out.append("> " + body + (continues ? "\\" : ""))
      }
    }
    return out
  }

  /// A line starting "-", "+", "=" or "1." would become a list, rule or heading: escape it.
  static func escapeBlockStart(_ line: String) -> String {
    guard let first = line.first else { return line }
    if first == "-" || first == "+" || first == "=" { return "\\" + line }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, let next = line.dropFirst(digits.count).first, next == "." || next == ")" {
      return digits + "\\" + line.dropFirst(digits.count)
    }
    return line
  }

  func cell(_ text: String) -> String { MarkdownReport.inline(text, lineBreak: "<br>") }

  mutating func render() -> String {
    let s = model.session
    let cs = model.caseStudy
    out.append("# \(MarkdownReport.inline(model.title))")
    out.append("")
    out.append("| | |")
    out.append("|---|---|")
    out.append("| Participant | \(cell(s.participant)) |")
    out.append(
      "| Case study | \(cell(cs.title)) (\(cell(cs.id)), version \(cell(cs.version))) |")
    out.append("| Mode | \(model.modeLabel) |")
    out.append("| Started | \(ReportModel.displayDate(s.created)) |")
    out.append("| Last updated | \(ReportModel.displayDate(s.updated)) |")
    out.append("")

    if model.showsStory {
      if !cs.summary.isEmpty {
        out.append(contentsOf: MarkdownReport.quote(cs.summary))
        out.append("")
      }
      if !cs.background.isEmpty {
        out.append("## Background")
        out.append("")
        out.append(contentsOf: paragraphs(cs.background))
      }
    }

    progressSection()
    for (index, section) in model.phases.enumerated() {
      phaseSection(section, number: index + 1)
    }
    straySection()
    eventLog()
    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
  }

  /// Text inside a code span: backticks would end it, so they are replaced.
  private func code(_ text: String) -> String {
    text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
  }

  private func paragraphs(_ text: String) -> [String] {
    var lines: [String] = []
    for paragraph in text.components(separatedBy: "\n\n") {
      let body = MarkdownReport.inline(paragraph)
      if body.isEmpty { continue }
      lines.append(body)
      lines.append("")
    }
    return lines
  }

  private mutating func progressSection() {
    let p = model.progress
    out.append("## Progress")
    out.append("")
    out.append("| Phase | Settled | Done | N/A | Doing | Blocked | Gate | Decisions |")
    out.append("|---|---:|---:|---:|---:|---:|---|---:|")
    for section in model.phases {
      let pp = section.progress
      out.append(
        "| \(cell(pp.title)) | \(pp.settled)/\(pp.total) (\(Progress.percent(pp.fraction))) | "
          + "\(pp.done) | \(pp.notApplicable) | \(pp.doing) | \(pp.blocked) | "
          + "\(ReportModel.gateText(pp)) | \(pp.decisionsTaken)/\(pp.decisionsTotal) |")
    }
    let taken = p.phases.reduce(0) { $0 + $1.decisionsTaken }
    let total = p.phases.reduce(0) { $0 + $1.decisionsTotal }
    out.append(
      "| **Overall** | **\(p.settled)/\(p.total) (\(Progress.percent(p.fraction)))** | "
        + "\(p.phases.reduce(0) { $0 + $1.done }) | "
        + "\(p.phases.reduce(0) { $0 + $1.notApplicable }) | "
        + "\(p.phases.reduce(0) { $0 + $1.doing }) | \(p.phases.reduce(0) { $0 + $1.blocked }) | "
        + "\(p.gatesMet) of \(p.phases.count) met | \(taken)/\(total) |")
    out.append("")
    let readiness = model.readinessParts
    out.append("**\(readiness.lead)** \(MarkdownReport.inline(readiness.rest))")
    out.append("")
  }

  private mutating func phaseSection(_ section: ReportModel.PhaseSection, number: Int) {
    let phase = section.phase
    out.append("## \(number). \(MarkdownReport.inline(phase.title))")
    out.append("")
    if !phase.goal.isEmpty {
      out.append("*Goal:* \(MarkdownReport.inline(phase.goal))")
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
        out.append(
          "| \(cell(row.id)) | \(cell(row.title)) | \(row.inGate ? "yes" : "no") | "
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
    if !section.decisions.isEmpty {
      out.append("### Decisions")
      out.append("")
      for d in section.decisions { decision(d) }
    }
  }

  private mutating func decision(_ d: ReportModel.DecisionRow) {
    out.append("#### \(MarkdownReport.inline(d.id)): \(MarkdownReport.inline(d.title))")
    out.append("")
    if model.showsStory && !d.situation.isEmpty {
      out.append("*Situation:* \(MarkdownReport.inline(d.situation))")
      out.append("")
    }
    guard let record = d.record else {
      out.append("*Not decided yet.*")
      out.append("")
      return
    }
    if let option = d.option {
      out.append(
        "- **Chosen:** \(MarkdownReport.inline(option.label)) "
          + "(option `\(code(option.id))`, verdict: \(option.verdict.rawValue))")
    } else {
      out.append(
        "- **Chosen:** option `\(code(record.option))` (not in this version of the case study)")
    }
    out.append(
      "- **Rationale:** "
        + (record.rationale.isEmpty ? "*none given*" : MarkdownReport.inline(record.rationale)))
    if model.showsStory, let option = d.option, !option.consequence.isEmpty {
      out.append("- **Consequence:** \(MarkdownReport.inline(option.consequence))")
    }
    out.append("- **Decided:** \(ReportModel.displayDate(record.decidedAt))")
    out.append("")
  }

  private mutating func straySection() {
    guard !model.strayItems.isEmpty || !model.strayDecisions.isEmpty else { return }
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
    for (id, record) in model.strayDecisions {
      out.append(
        "- Decision \(MarkdownReport.inline(id)): option `\(code(record.option))`, "
          + "rationale: \(MarkdownReport.inline(record.rationale))")
    }
    if !model.strayDecisions.isEmpty { out.append("") }
  }

  private mutating func eventLog() {
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

// MARK: HTML

struct HTMLReport {
  let model: ReportModel
  private var out = ""

  init(_ model: ReportModel) { self.model = model }

  /// Escapes the five characters that matter in HTML text and attribute values.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for ch in text.unicodeScalars {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(ch)
      }
    }
    return out
  }

  /// Escaped, without the line breaks YAML block scalars leave at either end.
  private func h(_ text: String) -> String {
    HTMLReport.escape(text.trimmingCharacters(in: .newlines))
  }

  private mutating func line(_ text: String) {
    out += text
    out += "\n"
  }

  static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
      sans-serif; color: #1f2328; background: #fff; max-width: 62rem; margin: 2rem auto;
      padding: 0 1.25rem; }
    h1 { font-size: 1.7rem; margin: 0 0 .75rem; }
    h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-bottom: .25rem;
      border-bottom: 1px solid #d0d7de; }
    h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
    h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
    p { margin: .4rem 0 .8rem; }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .94rem; }
    th, td { text-align: left; vertical-align: top; padding: .3rem .55rem;
      border-bottom: 1px solid #d8dee4; }
    th { background: #f6f8fa; font-weight: 600; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    tr.overall td { font-weight: 600; border-top: 2px solid #8c959f; }
    dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
      margin: 0 0 1rem; }
    dl.meta dt { color: #59636e; }
    dl.meta dd { margin: 0; }
    .summary { font-size: 1.05rem; color: #31363c; border-left: 4px solid #0969da;
      padding: .2rem .8rem; margin: 1rem 0; }
    .bar { display: inline-block; width: 7rem; height: .6rem; background: #e6e9ed;
      border-radius: .3rem; overflow: hidden; vertical-align: middle; margin-right: .4rem; }
    .bar > span { display: block; height: 100%; background: #1a7f37; }
    .readiness { font-size: 1.05rem; background: #f6f8fa; border: 1px solid #d0d7de;
      border-radius: .4rem; padding: .6rem .9rem; }
    .status { white-space: nowrap; font-weight: 600; }
    .s-done { color: #1a7f37; }
    .s-doing { color: #9a6700; }
    .s-blocked { color: #cf222e; }
    .s-na { color: #59636e; }
    .s-todo { color: #59636e; font-weight: 400; }
    .reason { display: block; font-weight: 400; color: #59636e; white-space: normal; }
    .note { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa;
      border-left: 3px solid #afb8c1; padding: .45rem .7rem; margin: .25rem 0 .9rem; }
    .decision { border: 1px solid #d0d7de; border-radius: .4rem; padding: .2rem .9rem .6rem;
      margin: .6rem 0 1rem; }
    .decision dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem;
      margin: .3rem 0 0; }
    .decision dt { color: #59636e; }
    .decision dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .verdict { font-size: .82rem; border-radius: 1rem; padding: .05rem .5rem;
      border: 1px solid currentColor; white-space: nowrap; }
    .v-recommended { color: #1a7f37; }
    .v-defensible { color: #9a6700; }
    .v-poor { color: #cf222e; }
    .muted { color: #59636e; }
    table.log { font-size: .85rem; }
    table.log td { padding: .15rem .5rem; }
    footer { margin-top: 2rem; color: #59636e; font-size: .85rem; }
    @media print {
      body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
      h2 { break-after: avoid; }
      section.phase { break-before: page; }
      tr, .note, .decision, .readiness { break-inside: avoid; }
      .bar, .bar > span, th, .note, .readiness { -webkit-print-color-adjust: exact;
        print-color-adjust: exact; }
      a { color: inherit; text-decoration: none; }
    }
    """

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
    line("<dt>Participant</dt><dd>\(h(s.participant))</dd>")
    line(
      "<dt>Case study</dt><dd>\(h(cs.title)) (<code>\(h(cs.id))</code>, version "
        + "\(h(cs.version)))</dd>")
    line("<dt>Mode</dt><dd>\(model.modeLabel)</dd>")
    line("<dt>Started</dt><dd>\(ReportModel.displayDate(s.created))</dd>")
    line("<dt>Last updated</dt><dd>\(ReportModel.displayDate(s.updated))</dd>")
    line("</dl>")
    line("</header>")
    if model.showsStory {
      if !cs.summary.isEmpty { line("<p class=\"summary\">\(h(cs.summary))</p>") }
      if !cs.background.isEmpty {
        line("<section class=\"story\">")
        line("<h2>Background</h2>")
        for paragraph in cs.background.components(separatedBy: "\n\n")
        where !paragraph.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
          line("<p>\(h(paragraph))</p>")
        }
        line("</section>")
      }
    }
    progressSection()
    for (index, section) in model.phases.enumerated() { phaseSection(section, number: index + 1) }
    straySection()
    eventLog()
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

  private mutating func progressSection() {
    let p = model.progress
    line("<section class=\"progress\">")
    line("<h2>Progress</h2>")
    line("<table>")
    line(
      "<thead><tr><th>Phase</th><th>Progress</th><th class=\"num\">Settled</th>"
        + "<th class=\"num\">Done</th><th class=\"num\">N/A</th><th class=\"num\">Doing</th>"
        + "<th class=\"num\">Blocked</th><th>Gate</th><th class=\"num\">Decisions</th></tr></thead>"
    )
    line("<tbody>")
    for section in model.phases {
      let pp = section.progress
      line(
        "<tr><td>\(h(pp.title))</td><td>\(bar(pp.fraction))\(Progress.percent(pp.fraction))</td>"
          + "<td class=\"num\">\(pp.settled)/\(pp.total)</td><td class=\"num\">\(pp.done)</td>"
          + "<td class=\"num\">\(pp.notApplicable)</td><td class=\"num\">\(pp.doing)</td>"
          + "<td class=\"num\">\(pp.blocked)</td><td>\(ReportModel.gateText(pp))</td>"
          + "<td class=\"num\">\(pp.decisionsTaken)/\(pp.decisionsTotal)</td></tr>")
    }
    let taken = p.phases.reduce(0) { $0 + $1.decisionsTaken }
    let total = p.phases.reduce(0) { $0 + $1.decisionsTotal }
    line(
      "<tr class=\"overall\"><td>Overall</td><td>\(bar(p.fraction))\(Progress.percent(p.fraction))"
        + "</td><td class=\"num\">\(p.settled)/\(p.total)</td>"
        + "<td class=\"num\">\(p.phases.reduce(0) { $0 + $1.done })</td>"
        + "<td class=\"num\">\(p.phases.reduce(0) { $0 + $1.notApplicable })</td>"
        + "<td class=\"num\">\(p.phases.reduce(0) { $0 + $1.doing })</td>"
        + "<td class=\"num\">\(p.phases.reduce(0) { $0 + $1.blocked })</td>"
        + "<td>\(p.gatesMet) of \(p.phases.count) met</td>"
        + "<td class=\"num\">\(taken)/\(total)</td></tr>")
    line("</tbody>")
    line("</table>")
    let readiness = model.readinessParts
    line(
      "<p class=\"readiness\"><strong>\(h(readiness.lead))</strong> \(h(readiness.rest))</p>")
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
    line("<section class=\"phase\" id=\"phase-\(number)\">")
    line("<h2>\(number). \(h(phase.title))</h2>")
    if !phase.goal.isEmpty { line("<p><em>Goal:</em> \(h(phase.goal))</p>") }
    line(
      "<p>\(pp.gateMet ? "Gate met" : "Gate not met"): \(pp.gateSettled) of \(pp.gateTotal) "
        + "required items done or N/A.</p>")
    if !section.items.isEmpty {
      line("<table>")
      line(
        "<thead><tr><th>Item</th><th>Title</th><th>Required</th><th>Status</th></tr></thead>")
      line("<tbody>")
      for row in section.items {
        line(
          "<tr><td>\(h(row.id))</td><td>\(h(row.title))</td><td>\(row.inGate ? "yes" : "no")</td>"
            + "<td>\(statusCell(row.state))</td></tr>")
      }
      line("</tbody>")
      line("</table>")
    }
    let noted = section.items.filter { !$0.state.note.isEmpty }
    if !noted.isEmpty {
      line("<h3>Notes</h3>")
      for row in noted {
        line("<h4>\(h(row.id)) \(h(row.title))</h4>")
        line("<div class=\"note\">\(h(row.state.note))</div>")
      }
    }
    if !section.decisions.isEmpty {
      line("<h3>Decisions</h3>")
      for d in section.decisions { decision(d) }
    }
    line("</section>")
  }

  private mutating func decision(_ d: ReportModel.DecisionRow) {
    line("<div class=\"decision\">")
    line("<h4>\(h(d.id)): \(h(d.title))</h4>")
    if model.showsStory && !d.situation.isEmpty {
      line("<p class=\"muted\">\(h(d.situation))</p>")
    }
    guard let record = d.record else {
      line("<p><em>Not decided yet.</em></p>")
      line("</div>")
      return
    }
    line("<dl>")
    if let option = d.option {
      let verdict = option.verdict.rawValue
      line(
        "<dt>Chosen</dt><dd>\(h(option.label)) <span class=\"verdict v-\(verdict)\">\(verdict)"
          + "</span></dd>")
    } else {
      line(
        "<dt>Chosen</dt><dd>option <code>\(h(record.option))</code> (not in this version of the "
          + "case study)</dd>")
    }
    line(
      "<dt>Rationale</dt><dd>"
        + (record.rationale.isEmpty ? "<em>none given</em>" : h(record.rationale)) + "</dd>")
    if model.showsStory, let option = d.option, !option.consequence.isEmpty {
      line("<dt>Consequence</dt><dd>\(h(option.consequence))</dd>")
    }
    line("<dt>Decided</dt><dd>\(ReportModel.displayDate(record.decidedAt))</dd>")
    line("</dl>")
    line("</div>")
  }

  private mutating func straySection() {
    guard !model.strayItems.isEmpty || !model.strayDecisions.isEmpty else { return }
    line("<section class=\"stray\">")
    line("<h2>Recorded work not in this version of the case study</h2>")
    if !model.strayItems.isEmpty {
      line("<table>")
      line("<thead><tr><th>Item</th><th>Status</th><th>Note</th></tr></thead>")
      line("<tbody>")
      for (id, state) in model.strayItems {
        line(
          "<tr><td>\(h(id))</td><td>\(statusCell(state))</td>"
            + "<td><div class=\"note\">\(h(state.note))</div></td></tr>")
      }
      line("</tbody>")
      line("</table>")
    }
    if !model.strayDecisions.isEmpty {
      line("<ul>")
      for (id, record) in model.strayDecisions {
        line(
          "<li>Decision \(h(id)): option <code>\(h(record.option))</code>, rationale: "
            + "\(h(record.rationale))</li>")
      }
      line("</ul>")
    }
    line("</section>")
  }

  private mutating func eventLog() {
    line("<section class=\"events\">")
    line("<h2>Event log</h2>")
    line("<table class=\"log\">")
    line("<thead><tr><th>When (UTC)</th><th>What</th><th>Item</th><th>Detail</th></tr></thead>")
    line("<tbody>")
    for e in model.session.events {
      line(
        "<tr><td>\(ReportModel.logDate(e.at))</td><td>\(e.kind.rawValue)</td>"
          + "<td>\(h(e.target ?? ""))</td><td>\(h(e.detail))</td></tr>")
    }
    line("</tbody>")
    line("</table>")
    line("</section>")
  }
}
