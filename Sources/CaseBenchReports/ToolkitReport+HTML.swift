import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

// MARK: HTML

extension ToolkitReport {
  private static func h(_ text: String) -> String {
    HTMLReport.escapeTrimmingNewlines(text)
  }

  /// A table: its head row and body rows, or with no rows the paragraph that says so. Each
  /// line ends with a newline.
  private static func table(
    _ head: String, rows: [String], empty: String, opening: String = "<table>"
  ) -> String {
    guard !rows.isEmpty else { return "<p><em>\(empty)</em></p>\n" }
    return
      ([opening, "<thead><tr>\(head)</tr></thead>", "<tbody>"] + rows + ["</tbody>", "</table>"])
      .map { $0 + "\n" }.joined()
  }

  /// Header cells: "<th>ID</th>…", with `class="num"` on the numeric columns.
  private static func heads(_ names: [String], numeric: Set<String> = []) -> String {
    names.map { numeric.contains($0) ? "<th class=\"num\">\($0)</th>" : "<th>\($0)</th>" }
      .joined()
  }

  /// A section with its class and heading around `body`.
  private static func section(_ css: String, _ title: String, _ body: String) -> String {
    "<section class=\"\(css)\">\n<h2>\(title)</h2>\n" + body + "</section>\n"
  }

  /// The same sections as HTML, every piece of text escaped.
  var html: String {
    let h = ToolkitReport.h
    let table = ToolkitReport.table
    let heads = ToolkitReport.heads
    var out = ""

    var risksBody = table(
      heads(
        [
          "ID", "Risk", "Phase", "Likelihood", "Impact", "Score", "Owner", "Mitigation", "Status",
          "Review",
        ], ["Likelihood", "Impact", "Score"]),
      risks.map { r in
        "<tr><td>\(h(r.id))</td><td>\(h(r.title))</td><td>\(h(phaseTitle(r.phase)))</td>"
          + "<td class=\"num\">\(r.likelihood)</td><td class=\"num\">\(r.impact)</td>"
          + "<td class=\"num\">\(r.score)</td><td>\(h(r.owner))</td><td>\(h(r.mitigation))</td>"
          + "<td>\(r.status.rawValue)</td><td>\(h(r.reviewDate ?? ""))</td></tr>"
      }, "No risks recorded.", "<table>")
    risksBody += "<h3>Heat map</h3>\n"
    risksBody +=
      "<table class=\"heatmap\"><caption>Risks per cell, likelihood by impact; closed risks are "
      + "left out.</caption>\n"
    risksBody +=
      "<thead><tr><th>Likelihood \\ Impact</th>"
      + (1...5).map { "<th class=\"num\">\($0)</th>" }.joined() + "</tr></thead>\n"
    risksBody += "<tbody>\n"
    for likelihood in stride(from: 5, through: 1, by: -1) {
      let cells = (1...5).map { impact -> String in
        let n = heatMap[likelihood - 1][impact - 1]
        let score = likelihood * impact
        let band = score >= RiskRegister.highScore ? "high" : score >= 8 ? "medium" : "low"
        return "<td class=\"num h-\(band)\">\(n == 0 ? "" : String(n))</td>"
      }
      risksBody += "<tr><th>\(likelihood)</th>" + cells.joined() + "</tr>\n"
    }
    risksBody += "</tbody>\n</table>\n"
    out += ToolkitReport.section("risks", "Risks", risksBody)

    var estimateBody = ""
    if let estimate {
      let w = estimate.workings
      estimateBody += "<p class=\"result\"><strong>\(h(w.rangeText))</strong></p>\n"
      estimateBody += "<ol class=\"workings\">\n"
      for text in w.lines { estimateBody += "<li>\(h(text))</li>\n" }
      estimateBody += "</ol>\n"
      let days = EstimateWorkings.days
      estimateBody += table(
        "<th>Task</th><th class=\"num\">Base (person-days)</th>"
          + "<th class=\"num\">With the multipliers (× \(w.multiplier))</th>",
        w.tasks.map { task in
          "<tr><td>\(h(task.title))</td><td class=\"num\">\(days(task.base))</td>"
            + "<td class=\"num\">\(days(task.scaled))</td></tr>"
        }
          + [
            "<tr class=\"overall\"><td>Total</td><td class=\"num\">\(days(w.base))"
              + "</td><td class=\"num\">\(days(w.low))</td></tr>"
          ], "", "<table>")
    } else {
      estimateBody += "<p><em>No estimate yet.</em></p>\n"
    }
    out += ToolkitReport.section("estimate", "Estimate", estimateBody)

    out += ToolkitReport.section(
      "stakeholders", "Stakeholders",
      table(
        heads(
          ["Name", "Role", "Power", "Interest", "Approach", "Wants", "Hot buttons", "Notes"], []),
        stakeholders.map { e in
          let p = e.person
          let buttons = p.hotButtons.map { "<li>\(h($0))</li>" }.joined()
          return "<tr><td>\(h(p.name))</td><td>\(h(p.role))</td><td>\(p.power.rawValue)</td>"
            + "<td>\(p.interest.rawValue)</td><td>\(p.strategy)</td><td>\(h(p.wants))</td>"
            + "<td>\(buttons.isEmpty ? "" : "<ul>\(buttons)</ul>")</td>"
            + "<td><div class=\"note\">\(h(e.note))</div></td></tr>"
        }, "No stakeholders recorded.", "<table>"))

    out += ToolkitReport.section(
      "metrics", "Success metrics",
      table(
        heads(["ID", "Metric", "KPI", "Mechanism", "Target"], []),
        metrics.map { m in
          "<tr><td>\(h(m.id))</td><td>\(h(m.name))</td><td>\(m.kpi.label)</td>"
            + "<td>\(h(m.mechanism))</td><td>\(h(m.target))</td></tr>"
        }, "No success metrics recorded.", "<table>"))

    var modelsBody = table(
      heads(
        [
          "ID", "Model", "Phase", "Data version", "Parameters", "Metrics", "Can we rebuild it?",
          "Notes",
        ], []),
      models.map { m in
        let needs = m.rebuildNeeds.isEmpty ? "" : ": \(h(m.rebuildNeeds))"
        return "<tr><td>\(h(m.id))</td><td>\(h(m.name))</td><td>\(h(phaseTitle(m.phase)))</td>"
          + "<td>\(h(m.dataVersion))</td><td>\(h(m.parameters))</td><td>\(h(m.metrics))</td>"
          + "<td>\(m.rebuildable ? "yes" : "no")\(needs)</td><td>\(h(m.notes))</td></tr>"
      }, "No models registered.", "<table>")
    if !adoptions.isEmpty {
      modelsBody += "<ul class=\"adoptions\">\n"
      for a in adoptions {
        modelsBody +=
          "<li><strong>Adopted \(h(a.chosen))</strong> from "
          + "\(h(a.candidates.joined(separator: ", "))) on "
          + "\(ReportModel.displayDate(a.decidedAt)): \(h(a.rationale))</li>\n"
      }
      modelsBody += "</ul>\n"
    }
    out += ToolkitReport.section("models", "Models", modelsBody)

    out += ToolkitReport.section(
      "decision-log", "Decision log",
      table(
        heads(["When (UTC)", "Kind", "Subject", "Entry"], []),
        log.map { e in
          "<tr><td>\(ReportModel.logDate(e.at))</td><td>\(h(e.kind))</td><td>\(h(e.subject))</td>"
            + "<td>\(h(e.text))</td></tr>"
        }, "Nothing decided or recorded yet.", "<table class=\"log\">"))
    return out
  }
}
