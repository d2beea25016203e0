#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The class debrief document: `casebench workshop DIR --report markdown|html`. Built from a
/// read workshop folder; it writes nothing anywhere itself.
public enum WorkshopReport {
  public enum Format: String, Sendable, CaseIterable {
    case markdown, html
  }

  public static func render(_ folder: WorkshopFolder, format: Format, now: Date) -> String {
    let summary = ClassSummary(caseStudy: folder.caseStudy, teams: folder.teams)
    switch format {
    case .markdown: return markdown(folder, summary, now: now)
    case .html: return html(folder, summary, now: now)
    }
  }

  static let noCommonRisks = "No open risk is in the registers of two or more teams yet."

  static func percent(_ fraction: Double) -> String { Progress.percent(fraction) }

  // MARK: Markdown

  static func markdown(_ folder: WorkshopFolder, _ s: ClassSummary, now: Date) -> String {
    func md(_ text: String) -> String { MarkdownReport.inline(text, lineBreak: "<br>") }
    let cs = folder.caseStudy
    var out: [String] = []
    out.append("# Workshop debrief: \(md(cs.title))")
    out.append("")
    out.append(
      "\(s.teamCount) team(s) in \(md(folder.url.lastPathComponent)), "
        + "\(folder.skipped.count) file(s) skipped. Written \(ReportModel.displayDate(now)).")
    out.append("")
    out.append("## Class progress per phase")
    out.append("")
    out.append("| Phase | Mean progress | Gate met | Working here |")
    out.append("|---|---|---|---|")
    for p in s.phases {
      out.append(
        "| \(md(p.phase.title)) | \(percent(p.meanFraction)) | \(p.gateMet.count) of "
          + "\(s.teamCount) | \(p.here) |")
    }
    out.append("")
    out.append("## Decisions")
    for split in s.splits {
      out.append("")
      out.append("### \(md(split.decision.title)) (\(md(split.phase.title)))")
      out.append("")
      out.append("| Option | Verdict | Teams | Consequence |")
      out.append("|---|---|---|---|")
      for bar in split.bars {
        out.append(
          "| \(md(bar.option.label)) | \(bar.option.verdict.rawValue) | \(bar.count) | "
            + "\(md(bar.option.consequence)) |")
      }
      var tail = "\(split.undecided) team(s) have not decided."
      if split.unknown > 0 {
        tail += " \(split.unknown) chose an option this version of the case study does not have."
      }
      out.append("")
      out.append(tail)
    }
    out.append("")
    out.append("## Common risks")
    out.append("")
    if s.risks.isEmpty { out.append(noCommonRisks) }
    for risk in s.risks {
      out.append(
        "- \(md(risk.title)) (\(md(risk.phase))): \(risk.teams.count) teams, highest score "
          + "\(risk.highestScore); \(md(risk.teams.joined(separator: ", ")))")
    }
    out.append("")
    out.append("## Notable notes")
    out.append("")
    if s.notes.isEmpty { out.append("No team has written a note yet.") }
    for note in s.notes {
      out.append("**\(md(note.team))** on \(md(note.item.title)) (\(md(note.phase.title))):")
      out.append("")
      out += MarkdownReport.quote(note.text)
      out.append("")
    }
    out.append("## Gates met")
    out.append("")
    out.append("| Team | " + cs.phases.map { md($0.title) }.joined(separator: " | ") + " |")
    out.append("|---|" + cs.phases.map { _ in "---" }.joined(separator: "|") + "|")
    for team in folder.teams.sorted(by: teamOrder) {
      let marks = team.progress.phases.map {
        $0.gateMet ? "met" : "\($0.gateSettled)/\($0.gateTotal)"
      }
      out.append("| \(md(team.team)) | " + marks.joined(separator: " | ") + " |")
    }
    out.append("")
    out.append("## Skipped files")
    out.append("")
    if folder.skipped.isEmpty { out.append("None.") }
    for row in folder.skipped {
      out.append(
        "- \(md(row.fileName)): \(md(row.skip?.label ?? "skipped")). \(md(row.reason ?? ""))")
    }
    out.append("")
    return out.joined(separator: "\n")
  }

  static func teamOrder(_ a: TeamSummary, _ b: TeamSummary) -> Bool {
    NaturalOrder.ascending(a.team, b.team)
  }

  // MARK: HTML

  static func html(_ folder: WorkshopFolder, _ s: ClassSummary, now: Date) -> String {
    func h(_ text: String) -> String { HTMLReport.escape(text) }
    let cs = folder.caseStudy
    var out: [String] = []
    out.append("<!DOCTYPE html>")
    out.append("<html lang=\"en\">")
    out.append("<head>")
    out.append("<meta charset=\"utf-8\">")
    out.append("<title>Workshop debrief: \(h(cs.title))</title>")
    out.append("<style>")
    out.append(HTMLReport.css)
    out.append(
      "svg.bars{display:block;max-width:100%;margin:.5em 0} svg.bars text{font:12px sans-serif}")
    out.append("</style>")
    out.append("</head>")
    out.append("<body>")
    out.append("<h1>Workshop debrief: \(h(cs.title))</h1>")
    out.append(
      "<p>\(s.teamCount) team(s) in <code>\(h(folder.url.lastPathComponent))</code>, "
        + "\(folder.skipped.count) file(s) skipped. Written \(ReportModel.displayDate(now)).</p>")
    out.append("<h2>Class progress per phase</h2>")
    out.append(
      svgBars(
        s.phases.map {
          (label: $0.phase.title, value: $0.meanFraction, text: percent($0.meanFraction))
        },
        scale: 1, title: "Mean progress per phase"))
    out.append("<table><thead><tr><th>Phase</th><th>Mean progress</th><th>Gate met</th>")
    out.append("<th>Working here</th></tr></thead><tbody>")
    for p in s.phases {
      out.append(
        "<tr><td>\(h(p.phase.title))</td><td>\(percent(p.meanFraction))</td>"
          + "<td>\(p.gateMet.count) of \(s.teamCount)</td><td>\(p.here)</td></tr>")
    }
    out.append("</tbody></table>")
    out.append("<h2>Decisions</h2>")
    for split in s.splits {
      out.append("<section>")
      out.append("<h3>\(h(split.decision.title)) <small>(\(h(split.phase.title)))</small></h3>")
      out.append(
        svgBars(
          split.bars.map {
            (label: $0.option.label, value: Double($0.count), text: "\($0.count)")
          }, scale: Double(split.largest), title: "How the class split"))
      out.append("<table><thead><tr><th>Option</th><th>Verdict</th><th>Teams</th>")
      out.append("<th>Consequence</th></tr></thead><tbody>")
      for bar in split.bars {
        out.append(
          "<tr><td>\(h(bar.option.label))</td><td>\(bar.option.verdict.rawValue)</td>"
            + "<td>\(bar.count)</td><td>\(h(bar.option.consequence))</td></tr>")
      }
      out.append("</tbody></table>")
      var tail = "\(split.undecided) team(s) have not decided."
      if split.unknown > 0 {
        tail += " \(split.unknown) chose an option this version of the case study does not have."
      }
      out.append("<p>\(tail)</p>")
      out.append("</section>")
    }
    out.append("<h2>Common risks</h2>")
    if s.risks.isEmpty { out.append("<p>\(h(noCommonRisks))</p>") }
    if !s.risks.isEmpty { out.append("<ul>") }
    for risk in s.risks {
      out.append(
        "<li>\(h(risk.title)) (\(h(risk.phase))): \(risk.teams.count) teams, highest score "
          + "\(risk.highestScore); \(h(risk.teams.joined(separator: ", ")))</li>")
    }
    if !s.risks.isEmpty { out.append("</ul>") }
    out.append("<h2>Notable notes</h2>")
    if s.notes.isEmpty { out.append("<p>No team has written a note yet.</p>") }
    for note in s.notes {
      out.append(
        "<blockquote><p><strong>\(h(note.team))</strong> on \(h(note.item.title)) "
          + "(\(h(note.phase.title)))</p><p>\(h(note.text))</p></blockquote>")
    }
    out.append("<h2>Gates met</h2>")
    out.append(
      "<table><thead><tr><th>Team</th>"
        + cs.phases.map { "<th>\(h($0.title))</th>" }.joined() + "</tr></thead><tbody>")
    for team in folder.teams.sorted(by: teamOrder) {
      let cells = team.progress.phases.map {
        "<td>\($0.gateMet ? "met" : "\($0.gateSettled)/\($0.gateTotal)")</td>"
      }
      out.append("<tr><td>\(h(team.team))</td>" + cells.joined() + "</tr>")
    }
    out.append("</tbody></table>")
    out.append("<h2>Skipped files</h2>")
    if folder.skipped.isEmpty { out.append("<p>None.</p>") }
    out.append("<ul>")
    for row in folder.skipped {
      out.append(
        "<li><code>\(h(row.fileName))</code>: \(h(row.skip?.label ?? "skipped")). "
          + "\(h(row.reason ?? ""))</li>")
    }
    out.append("</ul>")
    out.append("</body>")
    out.append("</html>")
    out.append("")
    return out.joined(separator: "\n")
  }

  /// A horizontal bar chart as inline SVG: one labelled bar per value, scaled to `scale`.
  static func svgBars(
    _ bars: [(label: String, value: Double, text: String)], scale: Double, title: String
  ) -> String {
    let rowHeight = 22
    let labelWidth = 260
    let barWidth = 300
    let height = max(1, bars.count) * rowHeight + 4
    var svg =
      "<svg class=\"bars\" role=\"img\" width=\"\(labelWidth + barWidth + 60)\" "
      + "height=\(quoted(height)) viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\">"
    svg += "<title>\(HTMLReport.escape(title))</title>"
    for (i, bar) in bars.enumerated() {
      let y = i * rowHeight + 2
      let share = scale > 0 ? min(1, max(0, bar.value / scale)) : 0
      let w = Int((share * Double(barWidth)).rounded())
      var label = bar.label
      if label.count > 40 { label = String(label.prefix(39)) + "…" }
      svg +=
        "<text x=\"0\" y=\(quoted(y + 15))>\(HTMLReport.escape(label))</text>"
        + "<rect x=\(quoted(labelWidth)) y=\(quoted(y + 3)) width=\(quoted(w)) height=\"16\" "
        + "fill=\"#4a7bb7\"/>"
        + "<text x=\(quoted(labelWidth + w + 6)) y=\(quoted(y + 15))>"
        + "\(HTMLReport.escape(bar.text))</text>"
    }
    return svg + "</svg>"
  }

  private static func quoted(_ n: Int) -> String { "\"\(n)\"" }
}
