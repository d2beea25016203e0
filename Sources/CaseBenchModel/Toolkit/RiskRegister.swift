#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Views of a session's risks: the 5×5 heat map, the high ones, and the case study's prompts
/// offered as suggestions.
public enum RiskRegister {
  /// Likelihood × impact at or above this is a high risk.
  public static let highScore = 15

  /// Counts per cell: `counts[likelihood - 1][impact - 1]`. Closed risks are left out.
  public static func heatMap(_ risks: [Risk]) -> [[Int]] {
    var counts = Array(repeating: Array(repeating: 0, count: 5), count: 5)
    for risk in risks where risk.status.isOnHeatMap {
      guard (1...5).contains(risk.likelihood), (1...5).contains(risk.impact) else { continue }
      counts[risk.likelihood - 1][risk.impact - 1] += 1
    }
    return counts
  }

  /// The risks on the heat map in one cell, in register order.
  public static func risks(_ risks: [Risk], likelihood: Int, impact: Int) -> [Risk] {
    risks.filter {
      $0.status.isOnHeatMap && $0.likelihood == likelihood && $0.impact == impact
    }
  }

  /// Open risks scoring `highScore` or more, highest first (register order within a score).
  public static func openHigh(_ risks: [Risk]) -> [Risk] {
    risks.enumerated().filter { $0.element.isOpenHigh }
      .sorted { ($1.element.score, $0.offset) < ($0.element.score, $1.offset) }
      .map(\.element)
  }

  /// The heat map as text, likelihood 5 at the top and impact 1 to 5 left to right, a dot for
  /// an empty cell. Plain ASCII apart from the × sign.
  public static func heatMapLines(_ risks: [Risk]) -> [String] {
    let counts = heatMap(risks)
    var lines = ["Likelihood × impact (open, mitigated and occurred risks)"]
    for likelihood in stride(from: 5, through: 1, by: -1) {
      let cells = (1...5).map { impact -> String in
        let n = counts[likelihood - 1][impact - 1]
        let text = n == 0 ? "." : String(n)
        return String(repeating: " ", count: max(0, 3 - text.count)) + text
      }
      lines.append("L\(likelihood) " + cells.joined())
    }
    lines.append("   " + (1...5).map { " I\($0)" }.joined())
    return lines
  }

  /// The case study's risk prompts for a phase that have not been taken into the register.
  /// None in own-project mode: there the register holds only the user's own risks.
  public static func suggestions(for phase: Phase, session: Session) -> [RiskPrompt] {
    guard session.mode == .caseStudy else { return [] }
    let taken = Set(session.toolkit.risks.compactMap(\.prompt))
    return phase.riskPrompts.filter { !taken.contains($0.id) }
  }

  /// Whether a day is written "YYYY-MM-DD" and exists in the calendar.
  public static func isDay(_ text: String) -> Bool {
    SessionDates.parse(text + "T00:00:00Z") != nil && text.count == 10
  }
}
