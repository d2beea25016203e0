import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

// MARK: Markdown

extension ToolkitReport {
  private static func cell(_ text: String) -> String {
    MarkdownReport.inline(text, lineBreak: "<br>")
  }

  private static func md(_ text: String) -> String { MarkdownReport.inline(text) }

  /// A section: its heading, then the table (header, rule and rows) or, with no rows, the line
  /// that says so; a blank line after each part.
  private static func section(
    _ title: String, header: String, rule: String, rows: [String], empty: String
  ) -> [String] {
    ["## \(title)", ""] + (rows.isEmpty ? ["*\(empty)*", ""] : [header, rule] + rows + [""])
  }

  /// Risks (with the heat map), Estimate, Stakeholders, Success metrics, Models and Decision
  /// log, as GitHub-flavoured Markdown with every piece of text escaped.
  var markdown: [String] {
    let c = ToolkitReport.cell
    let md = ToolkitReport.md
    var out = ToolkitReport.section(
      "Risks",
      header:
        "| ID | Risk | Phase | Likelihood | Impact | Score | Owner | Mitigation | Status | Review |",
      rule: "|---|---|---|---:|---:|---:|---|---|---|---|",
      rows: risks.map { r in
        "| \(c(r.id)) | \(c(r.title)) | \(c(phaseTitle(r.phase))) | \(r.likelihood) | "
          + "\(r.impact) | \(r.score) | \(c(r.owner)) | \(c(r.mitigation)) | "
          + "\(r.status.rawValue) | \(c(r.reviewDate ?? "")) |"
      }, empty: "No risks recorded.")
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

    out += ToolkitReport.section(
      "Stakeholders",
      header: "| Name | Role | Power | Interest | Approach | Wants | Hot buttons | Notes |",
      rule: "|---|---|---|---|---|---|---|---|",
      rows: stakeholders.map { e in
        let p = e.person
        return "| \(c(p.name)) | \(c(p.role)) | \(p.power.rawValue) | \(p.interest.rawValue) | "
          + "\(p.strategy) | \(c(p.wants)) | \(c(p.hotButtons.joined(separator: "; "))) | "
          + "\(c(e.note)) |"
      }, empty: "No stakeholders recorded.")
    out += ToolkitReport.section(
      "Success metrics", header: "| ID | Metric | KPI | Mechanism | Target |",
      rule: "|---|---|---|---|---|",
      rows: metrics.map { m in
        "| \(c(m.id)) | \(c(m.name)) | \(m.kpi.label) | \(c(m.mechanism)) | \(c(m.target)) |"
      }, empty: "No success metrics recorded.")
    out += ToolkitReport.section(
      "Models",
      header:
        "| ID | Model | Phase | Data version | Parameters | Metrics | Can we rebuild it? | Notes |",
      rule: "|---|---|---|---|---|---|---|---|",
      rows: models.map { m in
        let rebuild = (m.rebuildable ? "yes" : "no") + (m.rebuildNeeds.isEmpty ? "" : ": ")
        return "| \(c(m.id)) | \(c(m.name)) | \(c(phaseTitle(m.phase))) | \(c(m.dataVersion)) | "
          + "\(c(m.parameters)) | \(c(m.metrics)) | \(rebuild)\(c(m.rebuildNeeds)) | "
          + "\(c(m.notes)) |"
      }, empty: "No models registered.")
    for a in adoptions {
      out.append(
        "- **Adopted \(md(a.chosen))** from \(md(a.candidates.joined(separator: ", "))) on "
          + "\(ReportModel.displayDate(a.decidedAt)): \(md(a.rationale))")
    }
    if !adoptions.isEmpty { out.append("") }
    out += ToolkitReport.section(
      "Decision log", header: "| When (UTC) | Kind | Subject | Entry |", rule: "|---|---|---|---|",
      rows: log.map { e in
        "| \(ReportModel.logDate(e.at)) | \(e.kind) | \(c(e.subject)) | \(c(e.text)) |"
      }, empty: "Nothing decided or recorded yet.")
    return out
  }
}
