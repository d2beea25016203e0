import CaseBenchModel
import CaseBenchStore

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
  /// One row per risk, in columns: ids padded to the longest and scores to two digits, so the
  /// titles of "R1 ... = 9" and "R10 ... = 25" start in one column.
  static func riskLines(_ risks: [Risk]) -> [String] {
    let idWidth = risks.map(\.id.count).max() ?? 0
    func padded(_ text: String, _ width: Int) -> String {
      text + String(repeating: " ", count: max(0, width - text.count))
    }
    return risks.map { r in
      let score = String(r.score)
      let scoreText = String(repeating: " ", count: max(0, 2 - score.count)) + score
      return "\(padded(r.id, idWidth))  L\(r.likelihood) x I\(r.impact) = \(scoreText)  \(r.title)"
    }
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
      lines += ToolkitReport.riskLines(highRisks).map { "  " + $0 }
    }
    if let estimate {
      let w = estimate.workings
      lines.append("Estimate: \(w.rangeText(dash: "-")) (\(w.chain(arrow: "->")))")
      if let warning = w.warning { lines.append("  Warning: \(warning)") }
    }
    return lines
  }
}
