import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What `casebench risk list` and `casebench estimate` print, kept here so the command line
/// only parses arguments and wires things together.
extension Reports {
  /// The register as a table, then the heat map.
  public static func riskList(caseStudy: CaseStudy, session: Session) -> String {
    let risks = session.toolkit.risks
    guard !risks.isEmpty else {
      return "No risks recorded yet (add one with `casebench risk add`).\n"
    }
    let header = ["ID", "Status", "L", "I", "Score", "Phase", "Owner", "Review", "Title"]
    var rows = [header]
    for r in risks {
      rows.append([
        r.id, r.status.rawValue, String(r.likelihood), String(r.impact), String(r.score), r.phase,
        oneLine(r.owner), r.reviewDate ?? "", oneLine(r.title),
      ])
    }
    let widths = (0..<header.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
    var lines = rows.map { row in
      var line = ""
      for (column, cell) in row.enumerated() {
        line +=
          column == row.count - 1
          ? cell : padded(cell, to: widths[column] + 2)
      }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
    lines.append("")
    lines.append(contentsOf: RiskRegister.heatMapLines(risks))
    let high = RiskRegister.openHigh(risks)
    if !high.isEmpty {
      lines.append("")
      lines.append(
        "Open and high (likelihood × impact ≥ \(RiskRegister.highScore)): "
          + high.map(\.id).joined(separator: ", "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The register as JSON: the risks as saved, the heat map and the open high ones.
  public static func riskListJSON(session: Session) -> Data {
    struct Document: Encodable {
      var risks: [Risk]
      var heatMap: [[Int]]
      var highRisks: [String]
      enum CodingKeys: String, CodingKey {
        case risks
        case heatMap = "heat_map"
        case highRisks = "high_risks"
      }
    }
    let risks = session.toolkit.risks
    return encodeJSON(
      Document(
        risks: risks, heatMap: RiskRegister.heatMap(risks),
        highRisks: RiskRegister.openHigh(risks).map(\.id)))
  }

  /// The workings line by line, then the task breakdown when there is more than one task.
  public static func estimateText(_ w: EstimateWorkings) -> String {
    var lines = w.lines
    if w.tasks.count > 1 {
      lines.append("Tasks:")
      lines.append(contentsOf: w.taskLines.map { "  " + $0 })
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public static func estimateJSON(_ w: EstimateWorkings) -> Data {
    encodeJSON(ToolkitDocument.EstimateView(w))
  }

  private static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}

/// `text` with spaces after it to `length` UTF-16 units, or cut to that many, as NSString's
/// `padding(toLength:withPad:startingAt:)` does with a space.
private func padded(_ text: String, to length: Int) -> String {
  let units = text.utf16.count
  if units >= length { return String(decoding: Array(text.utf16.prefix(length)), as: UTF16.self) }
  return text + String(repeating: " ", count: length - units)
}
