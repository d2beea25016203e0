import CaseBenchModel
import CaseBenchStore

extension Debrief {
  /// The debrief's own rules on top of the report style sheet: bars drawn as boxes whose width is
  /// the share of the class, labels in full at body size, a layout that reads on a projector
  /// (1920×1080) and a phone (390 wide), and decisions that print without orphaned headings.
  static let css = """
    body { max-width: 72rem; }
    section.debrief h3 { font-size: 1.25em; }
    section.debrief h4 { font-size: 1.05em; margin-top: 1.2rem; }
    @media (min-width: 100rem) {
      html { font-size: 20px; }
      body { font-size: 1.1rem; max-width: 84rem; }
    }
    ol.split { list-style: none; padding: 0; margin: .6rem 0 .4rem; }
    ol.split li { display: grid; grid-template-columns: minmax(12rem, 2fr) minmax(8rem, 1fr);
      gap: .15rem 1rem; padding: .35rem 0; border-bottom: 1px solid #d8dee4; }
    ol.split .label { font-weight: 600; overflow-wrap: anywhere; }
    ol.split .meter { display: flex; align-items: center; gap: .5rem; }
    ol.split .track { flex: 1; height: 1rem; background: #e6e9ed; border-radius: .3rem;
      overflow: hidden; min-width: 4rem; }
    ol.split .fill { display: block; height: 100%; background: #0969da; }
    ol.split .share { white-space: nowrap; font-variant-numeric: tabular-nums; min-width: 7.5em;
      text-align: right; }
    ol.split .teams { grid-column: 1 / -1; color: #31363c; overflow-wrap: anywhere; }
    .situation { color: #31363c; border-left: 3px solid #afb8c1; padding: .1rem .8rem; }
    .voices dt { font-weight: 600; margin-top: .5rem; }
    .voices dd { margin: .1rem 0 .4rem 1rem; overflow-wrap: anywhere; }
    .changed { color: #9a6700; font-weight: 400; }
    table, .verdict { font-size: 1em; }
    blockquote { margin: .6rem 0 .6rem 1rem; }
    @media (max-width: 40rem) {
      ol.split li { grid-template-columns: 1fr; }
      blockquote { margin: .5rem 0; }
      .scroll > table.cards { width: 100%; }
      table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; }
      table.cards thead { display: none; }
      table.cards tr { padding: .4rem 0; border-bottom: 1px solid #d8dee4; }
      table.cards td { display: inline-block; border: 0; padding: .05rem 1rem .05rem 0;
        max-width: none; }
      table.cards td:first-child { display: block; font-weight: 600; }
      table.cards td[data-label]::before { content: attr(data-label) ": "; color: #59636e; }
    }
    @media print {
      body { font-size: 10pt; }
      section.debrief { break-inside: auto; }
      h2, section.debrief h3, section.debrief h4, .voices dt, ol.split {
        break-after: avoid; page-break-after: avoid; }
      ol.split li, .voices dt, .voices dd, .situation, blockquote, tr {
        break-inside: avoid; page-break-inside: avoid; }
      ol.split .fill { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """

  func html() -> String {
    func h(_ text: String) -> String { HTMLReport.escape(text) }
    func flow(_ text: String) -> String { RichText(text).htmlFlow }
    let cs = folder.caseStudy
    var out: [String] = []
    out.append("<!DOCTYPE html>")
    out.append("<html lang=\"en\">")
    out.append("<head>")
    out.append("<meta charset=\"utf-8\">")
    out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    out.append("<title>Workshop debrief: \(h(cs.title))</title>")
    out.append("<style>")
    out.append(HTMLReport.css)
    out.append(Debrief.css)
    out.append(Debrief.lessonsCSS)
    out.append("</style>")
    out.append("</head>")
    out.append("<body>")
    out.append("<h1>Workshop debrief: \(h(cs.title))</h1>")
    out.append("<p>\(h(header))</p>")
    out.append("<p class=\"muted\">\(h(scope))</p>")
    out.append("<h2>Decisions</h2>")
    if decisions.isEmpty { out.append("<p>No decision to debrief here.</p>") }
    for d in decisions {
      let split = d.split
      out.append("<section class=\"debrief\">")
      out.append(
        "<h3>\(h(split.decision.id)): \(h(split.decision.title)) "
          + "<small class=\"muted\">\(h(split.phase.title))</small></h3>")
      if !split.decision.situation.isEmpty {
        out.append("<div class=\"situation\">\(RichText(split.decision.situation).html)</div>")
      }
      out.append("<ol class=\"split\">")
      for (i, bar) in split.bars.enumerated() {
        let width = String(Int((split.share(of: bar) * 100).rounded()))
        let teams = bar.teams.isEmpty ? "No team" : bar.teams.joined(separator: ", ")
        out.append(
          "<li><span class=\"label\">\(Decision.letter(at: i))) \(h(bar.option.label))</span>"
            + "<span class=\"meter\"><span class=\"track\"><span class=\"fill\" "
            + "style=\"width:\(width)%\"></span></span>"
            + "<span class=\"share\">\(h(Debrief.share(bar, in: split)))</span></span>"
            + "<span class=\"teams\">\(h(teams))</span></li>")
      }
      out.append("</ol>")
      out.append("<p>\(h(undecidedLine(d, { $0 })))</p>")
      if !d.voices.isEmpty {
        out.append("<h4>What each team said</h4>")
        out.append("<dl class=\"voices\">")
        for v in d.voices {
          let changed =
            v.changes.isEmpty
            ? "" : " <span class=\"changed\">(\(h(Debrief.changeText(v.changes))))</span>"
          out.append("<dt>\(h(v.team)) chose \(h(v.choice))\(changed)</dt>")
          out.append(
            "<dd>" + (v.rationale.isEmpty ? "<em>No rationale given.</em>" : flow(v.rationale))
              + "</dd>")
        }
        out.append("</dl>")
      }
      let chosen = split.bars.enumerated().filter {
        $0.element.count > 0 && !$0.element.option.consequence.isEmpty
      }
      if !chosen.isEmpty {
        out.append("<h4>What happened next</h4>")
        out.append("<dl class=\"voices\">")
        for (i, bar) in chosen {
          out.append("<dt>\(Decision.letter(at: i))) \(h(bar.option.label))</dt>")
          out.append("<dd>\(flow(bar.option.consequence))</dd>")
        }
        out.append("</dl>")
      }
      if options.facilitator {
        out.append("<h4>Verdicts and debrief (facilitator)</h4>")
        out.append("<dl class=\"voices\">")
        for (i, option) in split.decision.options.enumerated() {
          let v = option.verdict.rawValue
          out.append(
            "<dt>\(Decision.letter(at: i))) \(h(option.label)) "
              + "<span class=\"verdict v-\(v)\">\(v)</span></dt>")
          if !option.debrief.isEmpty { out.append("<dd>\(flow(option.debrief))</dd>") }
        }
        out.append("</dl>")
      }
      out.append("</section>")
    }
    out += lessonsHTML()
    out.append("<h2>Class progress per phase</h2>")
    out.append(
      "<div class=\"scroll\"><table class=\"cards\"><thead><tr><th>Phase</th><th>Mean progress</th>"
    )
    out.append("<th>Gate met</th><th>Working here</th></tr></thead><tbody>")
    for p in phases {
      let percent = WorkshopReport.percent(p.meanFraction)
      let width = String(Int((p.meanFraction * 100).rounded()))
      out.append(
        "<tr><td>\(h(p.phase.title))</td><td data-label=\"Mean progress\"><span class=\"bar\">"
          + "<span style=\"width:\(width)%\"></span></span>\(percent)</td>"
          + "<td data-label=\"Gate met\">\(p.gateMet.count) of \(summary.teamCount)</td>"
          + "<td data-label=\"Working here\">\(p.here)</td></tr>")
    }
    out.append("</tbody></table></div>")
    out.append("<h2>Common risks</h2>")
    if summary.risks.isEmpty { out.append("<p>\(h(WorkshopReport.noCommonRisks))</p>") }
    if !summary.risks.isEmpty { out.append("<ul>") }
    for risk in summary.risks {
      out.append(
        "<li>\(h(risk.title)) (\(h(risk.phase))): \(counted(risk.teams.count, "team")), highest "
          + "score \(risk.highestScore); \(h(risk.teams.joined(separator: ", ")))</li>")
    }
    if !summary.risks.isEmpty { out.append("</ul>") }
    out.append("<h2>Notable notes</h2>")
    if notes.isEmpty { out.append("<p>No team has written a note yet.</p>") }
    for note in notes {
      out.append(
        "<blockquote><p><strong>\(h(note.team))</strong> on \(h(note.item.title)) "
          + "(\(h(note.phase.title)))</p><div class=\"note\">\(RichText(note.text).html)</div>"
          + "</blockquote>")
    }
    out.append("<h2>Gates met</h2>")
    out.append(
      "<div class=\"scroll\"><table class=\"cards\"><thead><tr><th>Team</th>"
        + cs.phases.map { "<th>\(h($0.title))</th>" }.joined() + "</tr></thead><tbody>")
    for team in folder.teams.sorted(by: WorkshopReport.teamOrder) {
      let cells = zip(cs.phases, team.progress.phases).map { phase, p in
        "<td data-label=\"\(h(phase.title))\">"
          + "\(p.gateMet ? "met" : "\(p.gateSettled)/\(p.gateTotal)")</td>"
      }
      out.append("<tr><td>\(h(team.team))</td>" + cells.joined() + "</tr>")
    }
    out.append("</tbody></table></div>")
    out.append("<h2>Skipped files</h2>")
    if folder.skipped.isEmpty { out.append("<p>None.</p>") }
    if !folder.skipped.isEmpty { out.append("<ul>") }
    for row in folder.skipped {
      out.append(
        "<li><code>\(h(row.fileName))</code>: \(h(row.skip?.label ?? "skipped")). "
          + "\(h(row.reason ?? ""))</li>")
    }
    if !folder.skipped.isEmpty { out.append("</ul>") }
    out.append("</body>")
    out.append("</html>")
    out.append("")
    return out.joined(separator: "\n")
  }
}
