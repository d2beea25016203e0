#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The toolkit's part of a report, worked out once so Markdown, HTML, JSON and status agree.
struct ToolkitReport {
  var risks: [Risk]
  var heatMap: [[Int]]
  var highRisks: [Risk]
  var estimate: Estimate?
  var stakeholders: [StakeholderMap.Entry]
  var metrics: [SuccessMetric]
  var models: [ModelRecord]
  var adoptions: [Adoption]
  var log: [DecisionLogEntry]
  private var phaseTitles: [String: String]

  init(caseStudy: CaseStudy, session: Session) {
    let t = session.toolkit
    risks = t.risks
    heatMap = RiskRegister.heatMap(t.risks)
    highRisks = RiskRegister.openHigh(t.risks)
    estimate = t.estimate
    stakeholders = StakeholderMap(caseStudy: caseStudy, session: session).entries
    metrics = t.metrics
    models = t.models
    adoptions = t.adoptions
    log = DecisionLog.entries(caseStudy: caseStudy, session: session)
    var titles: [String: String] = [:]
    for phase in caseStudy.phases { titles[phase.id] = phase.title }
    phaseTitles = titles
  }

  /// A phase's title, or its id when this version of the case study does not have it.
  func phaseTitle(_ id: String) -> String { phaseTitles[id] ?? id }

  /// "R2  L4 x I5 = 20  The fixed price is agreed before the data is known" (ASCII).
  static func riskLine(_ r: Risk) -> String {
    "\(r.id)  L\(r.likelihood) x I\(r.impact) = \(r.score)  \(r.title)"
  }

  /// Lines for `casebench status`: open high risks and the current estimate, in plain ASCII
  /// like the rest of it. Nothing when the session has neither risks nor an estimate.
  var statusLines: [String] {
    var lines: [String] = []
    if !risks.isEmpty {
      let open = risks.filter { $0.status == .open }.count
      lines.append(
        "Risks: \(risks.count) recorded, \(open) open, \(highRisks.count) open and high "
          + "(likelihood x impact >= \(RiskRegister.highScore))")
      for r in highRisks { lines.append("  " + ToolkitReport.riskLine(r)) }
    }
    if let estimate {
      let w = estimate.workings
      lines.append("Estimate: \(w.rangeText(dash: "-")) (\(w.chain(arrow: "->")))")
      if let warning = w.warning { lines.append("  Warning: \(warning)") }
    }
    return lines
  }
}

// MARK: Markdown

extension ToolkitReport {
  private static func cell(_ text: String) -> String {
    MarkdownReport.inline(text, lineBreak: "<br>")
  }

  private static func md(_ text: String) -> String { MarkdownReport.inline(text) }

  /// Risks (with the heat map), Estimate, Stakeholders, Success metrics, Models and Decision
  /// log, as GitHub-flavoured Markdown with every piece of text escaped.
  var markdown: [String] {
    let c = ToolkitReport.cell
    let md = ToolkitReport.md
    var out: [String] = []
    out.append("## Risks")
    out.append("")
    if risks.isEmpty {
      out.append("*No risks recorded.*")
      out.append("")
    } else {
      out.append(
        "| ID | Risk | Phase | Likelihood | Impact | Score | Owner | Mitigation | Status | Review |"
      )
      out.append("|---|---|---|---:|---:|---:|---|---|---|---|")
      for r in risks {
        out.append(
          "| \(c(r.id)) | \(c(r.title)) | \(c(phaseTitle(r.phase))) | \(r.likelihood) | "
            + "\(r.impact) | \(r.score) | \(c(r.owner)) | \(c(r.mitigation)) | "
            + "\(r.status.rawValue) | \(c(r.reviewDate ?? "")) |")
      }
      out.append("")
    }
    out.append("### Heat map")
    out.append("")
    out.append("Risks per cell, likelihood (rows) by impact (columns); closed risks are left out.")
    out.append("")
    out.append("| Likelihood \\\\ Impact | 1 | 2 | 3 | 4 | 5 |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for likelihood in stride(from: 5, through: 1, by: -1) {
      let cells = heatMap[likelihood - 1].map { $0 == 0 ? "·" : "**\($0)**" }
      out.append("| \(likelihood) | " + cells.joined(separator: " | ") + " |")
    }
    out.append("")

    out.append("## Estimate")
    out.append("")
    if let estimate {
      let w = estimate.workings
      out.append("**\(md(w.rangeText))**")
      out.append("")
      for line in w.lines { out.append("- " + md(line)) }
      out.append("")
      out.append("| Task | Base (person-days) | With the multipliers (× \(w.multiplier)) |")
      out.append("|---|---:|---:|")
      for task in w.tasks {
        out.append(
          "| \(c(task.title)) | \(EstimateWorkings.days(task.base)) | "
            + "\(EstimateWorkings.days(task.scaled)) |")
      }
      out.append(
        "| **Total** | **\(EstimateWorkings.days(w.base))** | **\(EstimateWorkings.days(w.low))** |"
      )
      out.append("")
    } else {
      out.append("*No estimate yet.*")
      out.append("")
    }

    out.append("## Stakeholders")
    out.append("")
    if stakeholders.isEmpty {
      out.append("*No stakeholders recorded.*")
      out.append("")
    } else {
      out.append("| Name | Role | Power | Interest | Approach | Wants | Hot buttons | Notes |")
      out.append("|---|---|---|---|---|---|---|---|")
      for e in stakeholders {
        let p = e.person
        out.append(
          "| \(c(p.name)) | \(c(p.role)) | \(p.power.rawValue) | \(p.interest.rawValue) | "
            + "\(p.strategy) | \(c(p.wants)) | \(c(p.hotButtons.joined(separator: "; "))) | "
            + "\(c(e.note)) |")
      }
      out.append("")
    }

    out.append("## Success metrics")
    out.append("")
    if metrics.isEmpty {
      out.append("*No success metrics recorded.*")
      out.append("")
    } else {
      out.append("| ID | Metric | KPI | Mechanism | Target |")
      out.append("|---|---|---|---|---|")
      for m in metrics {
        out.append(
          "| \(c(m.id)) | \(c(m.name)) | \(m.kpi.label) | \(c(m.mechanism)) | \(c(m.target)) |")
      }
      out.append("")
    }

    out.append("## Models")
    out.append("")
    if models.isEmpty {
      out.append("*No models registered.*")
      out.append("")
    } else {
      out.append(
        "| ID | Model | Phase | Data version | Parameters | Metrics | Can we rebuild it? | Notes |")
      out.append("|---|---|---|---|---|---|---|---|")
      for m in models {
        let rebuild = (m.rebuildable ? "yes" : "no") + (m.rebuildNeeds.isEmpty ? "" : ": ")
        out.append(
          "| \(c(m.id)) | \(c(m.name)) | \(c(phaseTitle(m.phase))) | \(c(m.dataVersion)) | "
            + "\(c(m.parameters)) | \(c(m.metrics)) | \(rebuild)\(c(m.rebuildNeeds)) | "
            + "\(c(m.notes)) |")
      }
      out.append("")
    }
    for a in adoptions {
      out.append(
        "- **Adopted \(md(a.chosen))** from \(md(a.candidates.joined(separator: ", "))) on "
          + "\(ReportModel.displayDate(a.decidedAt)): \(md(a.rationale))")
    }
    if !adoptions.isEmpty { out.append("") }

    out.append("## Decision log")
    out.append("")
    if log.isEmpty {
      out.append("*Nothing decided or recorded yet.*")
      out.append("")
    } else {
      out.append("| When (UTC) | Kind | Subject | Entry |")
      out.append("|---|---|---|---|")
      for e in log {
        out.append(
          "| \(ReportModel.logDate(e.at)) | \(e.kind) | \(c(e.subject)) | \(c(e.text)) |")
      }
      out.append("")
    }
    return out
  }
}

// MARK: HTML

extension ToolkitReport {
  private static func h(_ text: String) -> String {
    HTMLReport.escape(text.trimming(.newlines))
  }

  /// The same sections as HTML, every piece of text escaped.
  var html: String {
    let h = ToolkitReport.h
    var out = ""
    func line(_ text: String) { out += text + "\n" }

    line("<section class=\"risks\">")
    line("<h2>Risks</h2>")
    if risks.isEmpty {
      line("<p><em>No risks recorded.</em></p>")
    } else {
      line("<table>")
      line(
        "<thead><tr><th>ID</th><th>Risk</th><th>Phase</th><th class=\"num\">Likelihood</th>"
          + "<th class=\"num\">Impact</th><th class=\"num\">Score</th><th>Owner</th>"
          + "<th>Mitigation</th><th>Status</th><th>Review</th></tr></thead>")
      line("<tbody>")
      for r in risks {
        line(
          "<tr><td>\(h(r.id))</td><td>\(h(r.title))</td><td>\(h(phaseTitle(r.phase)))</td>"
            + "<td class=\"num\">\(r.likelihood)</td><td class=\"num\">\(r.impact)</td>"
            + "<td class=\"num\">\(r.score)</td><td>\(h(r.owner))</td><td>\(h(r.mitigation))</td>"
            + "<td>\(r.status.rawValue)</td><td>\(h(r.reviewDate ?? ""))</td></tr>")
      }
      line("</tbody>")
      line("</table>")
    }
    line("<h3>Heat map</h3>")
    line(
      "<table class=\"heatmap\"><caption>Risks per cell, likelihood by impact; closed risks are "
        + "left out.</caption>")
    line(
      "<thead><tr><th>Likelihood \\ Impact</th>"
        + (1...5).map { "<th class=\"num\">\($0)</th>" }.joined() + "</tr></thead>")
    line("<tbody>")
    for likelihood in stride(from: 5, through: 1, by: -1) {
      let cells = (1...5).map { impact -> String in
        let n = heatMap[likelihood - 1][impact - 1]
        let score = likelihood * impact
        let band = score >= RiskRegister.highScore ? "high" : score >= 8 ? "medium" : "low"
        return "<td class=\"num h-\(band)\">\(n == 0 ? "" : String(n))</td>"
      }
      line("<tr><th>\(likelihood)</th>" + cells.joined() + "</tr>")
    }
    line("</tbody>")
    line("</table>")
    line("</section>")

    line("<section class=\"estimate\">")
    line("<h2>Estimate</h2>")
    if let estimate {
      let w = estimate.workings
      line("<p class=\"result\"><strong>\(h(w.rangeText))</strong></p>")
      line("<ol class=\"workings\">")
      for text in w.lines { line("<li>\(h(text))</li>") }
      line("</ol>")
      line("<table>")
      line(
        "<thead><tr><th>Task</th><th class=\"num\">Base (person-days)</th>"
          + "<th class=\"num\">With the multipliers (× \(w.multiplier))</th></tr></thead>")
      line("<tbody>")
      for task in w.tasks {
        line(
          "<tr><td>\(h(task.title))</td><td class=\"num\">\(EstimateWorkings.days(task.base))</td>"
            + "<td class=\"num\">\(EstimateWorkings.days(task.scaled))</td></tr>")
      }
      line(
        "<tr class=\"overall\"><td>Total</td><td class=\"num\">\(EstimateWorkings.days(w.base))"
          + "</td><td class=\"num\">\(EstimateWorkings.days(w.low))</td></tr>")
      line("</tbody>")
      line("</table>")
    } else {
      line("<p><em>No estimate yet.</em></p>")
    }
    line("</section>")

    line("<section class=\"stakeholders\">")
    line("<h2>Stakeholders</h2>")
    if stakeholders.isEmpty {
      line("<p><em>No stakeholders recorded.</em></p>")
    } else {
      line("<table>")
      line(
        "<thead><tr><th>Name</th><th>Role</th><th>Power</th><th>Interest</th><th>Approach</th>"
          + "<th>Wants</th><th>Hot buttons</th><th>Notes</th></tr></thead>")
      line("<tbody>")
      for e in stakeholders {
        let p = e.person
        let buttons = p.hotButtons.map { "<li>\(h($0))</li>" }.joined()
        line(
          "<tr><td>\(h(p.name))</td><td>\(h(p.role))</td><td>\(p.power.rawValue)</td>"
            + "<td>\(p.interest.rawValue)</td><td>\(p.strategy)</td><td>\(h(p.wants))</td>"
            + "<td>\(buttons.isEmpty ? "" : "<ul>\(buttons)</ul>")</td>"
            + "<td><div class=\"note\">\(h(e.note))</div></td></tr>")
      }
      line("</tbody>")
      line("</table>")
    }
    line("</section>")

    line("<section class=\"metrics\">")
    line("<h2>Success metrics</h2>")
    if metrics.isEmpty {
      line("<p><em>No success metrics recorded.</em></p>")
    } else {
      line("<table>")
      line(
        "<thead><tr><th>ID</th><th>Metric</th><th>KPI</th><th>Mechanism</th><th>Target</th>"
          + "</tr></thead>")
      line("<tbody>")
      for m in metrics {
        line(
          "<tr><td>\(h(m.id))</td><td>\(h(m.name))</td><td>\(m.kpi.label)</td>"
            + "<td>\(h(m.mechanism))</td><td>\(h(m.target))</td></tr>")
      }
      line("</tbody>")
      line("</table>")
    }
    line("</section>")

    line("<section class=\"models\">")
    line("<h2>Models</h2>")
    if models.isEmpty {
      line("<p><em>No models registered.</em></p>")
    } else {
      line("<table>")
      line(
        "<thead><tr><th>ID</th><th>Model</th><th>Phase</th><th>Data version</th>"
          + "<th>Parameters</th><th>Metrics</th><th>Can we rebuild it?</th><th>Notes</th>"
          + "</tr></thead>")
      line("<tbody>")
      for m in models {
        let needs = m.rebuildNeeds.isEmpty ? "" : ": \(h(m.rebuildNeeds))"
        line(
          "<tr><td>\(h(m.id))</td><td>\(h(m.name))</td><td>\(h(phaseTitle(m.phase)))</td>"
            + "<td>\(h(m.dataVersion))</td><td>\(h(m.parameters))</td><td>\(h(m.metrics))</td>"
            + "<td>\(m.rebuildable ? "yes" : "no")\(needs)</td><td>\(h(m.notes))</td></tr>")
      }
      line("</tbody>")
      line("</table>")
    }
    if !adoptions.isEmpty {
      line("<ul class=\"adoptions\">")
      for a in adoptions {
        line(
          "<li><strong>Adopted \(h(a.chosen))</strong> from "
            + "\(h(a.candidates.joined(separator: ", "))) on "
            + "\(ReportModel.displayDate(a.decidedAt)): \(h(a.rationale))</li>")
      }
      line("</ul>")
    }
    line("</section>")

    line("<section class=\"decision-log\">")
    line("<h2>Decision log</h2>")
    if log.isEmpty {
      line("<p><em>Nothing decided or recorded yet.</em></p>")
    } else {
      line("<table class=\"log\">")
      line(
        "<thead><tr><th>When (UTC)</th><th>Kind</th><th>Subject</th><th>Entry</th></tr></thead>")
      line("<tbody>")
      for e in log {
        line(
          "<tr><td>\(ReportModel.logDate(e.at))</td><td>\(h(e.kind))</td><td>\(h(e.subject))</td>"
            + "<td>\(h(e.text))</td></tr>")
      }
      line("</tbody>")
      line("</table>")
    }
    line("</section>")
    return out
  }
}
