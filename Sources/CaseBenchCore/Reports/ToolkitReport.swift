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
