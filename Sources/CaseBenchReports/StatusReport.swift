import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Status and export reports for a session.
public enum Reports {
  /// `casebench status`: per phase a bar, items settled, gate, decisions; then overall,
  /// readiness with its reason, open decisions, blocked items and what the next gate needs.
  /// Plain ASCII, every line at most 80 columns, so it reads the same in any terminal.
  public static func statusText(caseStudy: CaseStudy, session: Session) -> String {
    let model = ReportModel(caseStudy: caseStudy, session: session)
    var lines: [String] = []
    lines += wrap(
      "\(session.participant): \(model.caseStudyName) (\(model.caseStudyIDLabel)\(caseStudy.id) "
        + "\(caseStudy.version)), \(model.modeLabel.lowercased()) mode", indent: 0, hang: 2)
    lines.append(
      "Started \(ReportModel.displayDate(session.created)), "
        + "updated \(ReportModel.displayDate(session.updated))")
    lines.append("")
    lines += phaseTable(model)
    lines.append("")
    lines += wrap(model.readinessReason, indent: 0, hang: 2)
    let toolkit = model.toolkit.statusLines + model.lenses.statusLines
    if !toolkit.isEmpty {
      lines.append("")
      for line in toolkit {
        let indent = line.prefix { $0 == " " }.count
        lines += wrap(line, indent: indent, hang: indent + 2)
      }
    }
    if model.showsDecisions {
      let open = model.openDecisions
      lines.append("")
      lines.append(open.isEmpty ? "Open decisions: none." : "Open decisions (\(open.count)):")
      for d in open { lines += wrap("\(d.row.id) \(d.row.title) (\(d.phase))", indent: 2, hang: 4) }
    }
    let blocked = model.blockedItems
    lines.append(blocked.isEmpty ? "Blocked: nothing." : "Blocked (\(blocked.count)):")
    for b in blocked {
      let note = b.note.isEmpty ? "" : ": " + ReportModel.firstLine(b.note)
      lines += wrap("\(b.id) \(b.title) (\(b.phase))\(note)", indent: 2, hang: 4)
    }
    if let next = model.nextRequired, !next.items.isEmpty {
      lines += wrap("Next required, for the \(next.phase.phase.title) gate:", indent: 0, hang: 2)
      for item in next.items { lines += wrap("\(item.id) \(item.title)", indent: 2, hang: 4) }
    }
    if !model.retiredWork.isEmpty {
      lines.append("")
      lines += wrap(
        "Retired items (work kept in the file; version \(caseStudy.version) no longer has them):",
        indent: 0, hang: 2)
      for row in model.retiredWork {
        let note = row.state.note.isEmpty ? "" : ", with a note"
        lines.append(contentsOf: wrap("\(row.item.id) \(row.item.title)", indent: 2))
        lines.append(
          contentsOf: wrap(
            "\(ReportModel.statusText(row.state))\(note). \(RetiredWork.explanation(of: row.item))",
            indent: 4))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The phase table of `status`: a phase name longer than 22 columns is shortened, and a
  /// remark that would pass column 80 goes on a line of its own.
  private static func phaseTable(_ model: ReportModel) -> [String] {
    struct Row {
      var name: String
      var fraction: Double
      var items: String
      var gate: String
      var decisions: String
      var remark: String
    }
    let p = model.progress
    var rows = model.phases.map { section in
      let pp = section.progress
      var remarks: [String] = []
      if pp.doing > 0 { remarks.append("\(pp.doing) doing") }
      if pp.blocked > 0 { remarks.append("\(pp.blocked) blocked") }
      if pp.notApplicable > 0 { remarks.append("\(pp.notApplicable) N/A") }
      return Row(
        name: shortened(pp.title, to: 22), fraction: pp.fraction,
        items: "\(pp.settled)/\(pp.total)",
        gate: pp.gateMet ? "met" : "\(pp.gateSettled)/\(pp.gateTotal)",
        decisions: "\(pp.decisionsTaken)/\(pp.decisionsTotal)",
        remark: remarks.joined(separator: ", "))
    }
    rows.append(
      Row(
        name: "Overall", fraction: p.fraction, items: "\(p.settled)/\(p.total)",
        gate: "\(p.gatesMet)/\(p.phases.count) met",
        decisions: "\(p.totals.decisionsTaken)/\(p.totals.decisions)", remark: ""))

    let nameWidth = max(5, rows.map(\.name.count).max() ?? 0)
    let itemsWidth = max(5, rows.map(\.items.count).max() ?? 0)
    let gateWidth = max(4, rows.map(\.gate.count).max() ?? 0)
    let decisionsWidth = max(9, rows.map(\.decisions.count).max() ?? 0)
    let barWidth = 10
    func pad(_ s: String, _ width: Int) -> String {
      s + String(repeating: " ", count: max(0, width - s.count))
    }
    func padLeft(_ s: String, _ width: Int) -> String {
      String(repeating: " ", count: max(0, width - s.count)) + s
    }
    // Decision points belong to the story: own-project mode leaves them out.
    let decisions = model.showsDecisions
    var lines: [String] = []
    var header =
      pad("Phase", nameWidth) + "  " + pad("Progress", barWidth + 7) + "  "
      + pad("Items", itemsWidth) + "  " + pad("Gate", gateWidth) + "  "
      + (decisions ? "Decisions" : "")
    while header.hasSuffix(" ") { header.removeLast() }
    lines.append(header)
    for (index, row) in rows.enumerated() {
      if index == rows.count - 1 {
        lines.append(String(repeating: "-", count: header.count))
      }
      let filled = Int((row.fraction * Double(barWidth)).rounded(.down))
      let bar =
        "[" + String(repeating: "#", count: filled)
        + String(repeating: "-", count: barWidth - filled) + "]"
      var line =
        pad(row.name, nameWidth) + "  " + bar + " " + padLeft(Progress.percent(row.fraction), 4)
        + "  " + pad(row.items, itemsWidth) + "  " + pad(row.gate, gateWidth) + "  "
        + (decisions ? pad(row.decisions, decisionsWidth) : "")
      if !row.remark.isEmpty {
        if line.count + 2 + row.remark.count <= 80 {
          line += "  " + row.remark
        } else {
          while line.hasSuffix(" ") { line.removeLast() }
          lines.append(line)
          line = String(repeating: " ", count: nameWidth + 2) + row.remark
        }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      lines.append(line)
    }
    return lines
  }

  /// `text` cut to `width` columns with "..." when it is longer.
  static func shortened(_ text: String, to width: Int) -> String {
    text.count <= width ? text : String(text.prefix(width - 3)) + "..."
  }

  /// Plain text wrapped at word boundaries to fit `width` columns: the first line indented by
  /// `indent`, the rest by `hang` (the same unless given). A word longer than a line is cut.
  static func wrap(_ text: String, indent: Int, hang: Int? = nil, width: Int = 80) -> [String] {
    let hang = hang ?? indent
    let body = text.trimming(.whitespaces)
    // A line that fits is kept as it is, with its spacing.
    if indent + body.count <= width, !body.contains(where: \.isNewline) {
      return body.isEmpty ? [] : [String(repeating: " ", count: indent) + body]
    }
    var lines: [String] = []
    var line = ""
    var prefix = String(repeating: " ", count: indent)
    func flush() {
      lines.append(prefix + line)
      line = ""
      prefix = String(repeating: " ", count: hang)
    }
    for word in text.split(whereSeparator: \.isWhitespace) {
      var word = Substring(word)
      if !line.isEmpty && prefix.count + line.count + 1 + word.count > width { flush() }
      while prefix.count + line.count + (line.isEmpty ? 0 : 1) + word.count > width {
        let room = max(1, width - prefix.count - line.count - (line.isEmpty ? 0 : 1))
        line += (line.isEmpty ? "" : " ") + word.prefix(room)
        word = word.dropFirst(room)
        flush()
      }
      if !word.isEmpty { line += (line.isEmpty ? "" : " ") + word }
    }
    if !line.isEmpty { lines.append(prefix + line) }
    return lines
  }

  /// `casebench status --json`: the same figures, machine-readable, sorted keys.
  public static func statusJSON(caseStudy: CaseStudy, session: Session) -> Data {
    let document = StatusDocument(ReportModel(caseStudy: caseStudy, session: session))
    return encodeJSON(document)
  }
}

/// The JSON form of a session's status.
struct StatusDocument: Encodable {
  struct CaseStudyRef: Encodable {
    var id: String
    var version: String
    var title: String
  }

  struct PhaseStatus: Encodable {
    var id: String
    var title: String
    var total: Int
    var settled: Int
    var done: Int
    var notApplicable: Int
    var doing: Int
    var blocked: Int
    var todo: Int
    var fraction: Double
    var gateTotal: Int
    var gateSettled: Int
    var gateMet: Bool
    var score: Double
    var decisionsTotal: Int
    var decisionsTaken: Int

    enum CodingKeys: String, CodingKey {
      case id, title, total, settled, done, doing, blocked, todo, fraction, score
      case notApplicable = "not_applicable"
      case gateTotal = "gate_total"
      case gateSettled = "gate_settled"
      case gateMet = "gate_met"
      case decisionsTotal = "decisions_total"
      case decisionsTaken = "decisions_taken"
    }

    init(_ p: PhaseProgress) {
      id = p.phaseID
      title = p.title
      total = p.total
      settled = p.settled
      done = p.done
      notApplicable = p.notApplicable
      doing = p.doing
      blocked = p.blocked
      todo = p.total - p.done - p.notApplicable - p.doing - p.blocked
      fraction = p.fraction
      gateTotal = p.gateTotal
      gateSettled = p.gateSettled
      gateMet = p.gateMet
      score = p.score
      decisionsTotal = p.decisionsTotal
      decisionsTaken = p.decisionsTaken
    }
  }

  struct Overall: Encodable {
    var total: Int
    var settled: Int
    var fraction: Double
    var percent: String
    var gatesMet: Int
    var phases: Int
    var decisionsTotal: Int
    var decisionsTaken: Int

    enum CodingKeys: String, CodingKey {
      case total, settled, fraction, percent, phases
      case gatesMet = "gates_met"
      case decisionsTotal = "decisions_total"
      case decisionsTaken = "decisions_taken"
    }
  }

  struct Readiness: Encodable {
    var score: Double
    var percent: String
    var weakestPhase: String?
    var workings: String
    /// Readiness and why, in one sentence: what the next gate needs.
    var reason: String

    enum CodingKeys: String, CodingKey {
      case score, percent, workings, reason
      case weakestPhase = "weakest_phase"
    }
  }

  /// The version of this document's shape, for scripts that read `status --json`. Raise it
  /// when a key is renamed or removed or its meaning changes; adding keys keeps it.
  static let currentSchemaVersion = 1

  var schemaVersion = StatusDocument.currentSchemaVersion
  var caseStudy: CaseStudyRef
  var participant: String
  var mode: SessionMode
  var created: Date
  var updated: Date
  var phases: [PhaseStatus]
  var overall: Overall
  var readiness: Readiness
  /// Open risks scoring `RiskRegister.highScore` or more, highest first.
  var highRisks: [ToolkitDocument.RiskRow]
  /// The current estimate's workings, if there is one.
  var estimate: ToolkitDocument.EstimateView?
  var retiredItems: [RetiredStatus]
  /// A summary per lens with its own score; nil (left out) when the session has no lenses.
  var lenses: [LensDocument]?
  /// Decisions not taken yet, in phase order (case-study mode only).
  var openDecisions: [Named]
  /// Items marked blocked, in phase order.
  var blockedItems: [Named]
  /// The gate items still needed in the first phase whose gate is not met.
  var nextRequired: [Named]

  /// A decision or item named in the status, with the id of its phase.
  struct Named: Encodable {
    var id: String
    var title: String
    var phase: String
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case participant, mode, created, updated, phases, overall, readiness, estimate
    case highRisks = "high_risks"
    case caseStudy = "case_study"
    case retiredItems = "retired_items"
    case openDecisions = "open_decisions"
    case blockedItems = "blocked_items"
    case nextRequired = "next_required"
    case lenses
  }

  init(_ model: ReportModel) {
    let p = model.progress
    caseStudy = CaseStudyRef(
      id: model.caseStudy.id, version: model.caseStudy.version, title: model.caseStudy.title)
    participant = model.session.participant
    mode = model.session.mode
    created = model.session.created
    updated = model.session.updated
    phases = p.phases.map(PhaseStatus.init)
    overall = Overall(
      total: p.total, settled: p.settled, fraction: p.fraction,
      percent: Progress.percent(p.fraction),
      gatesMet: p.gatesMet, phases: p.phases.count,
      decisionsTotal: p.totals.decisions, decisionsTaken: p.totals.decisionsTaken)
    readiness = Readiness(
      score: p.readiness, percent: Progress.percent(p.readiness), weakestPhase: p.weakest?.phaseID,
      workings: p.readinessWorkings, reason: model.readinessReason)
    highRisks = model.toolkit.highRisks.map(ToolkitDocument.RiskRow.init)
    openDecisions = model.phases.flatMap { s in
      model.showsDecisions
        ? s.decisions.filter { $0.record == nil }.map {
          Named(id: $0.id, title: $0.title, phase: s.phase.id)
        } : []
    }
    blockedItems = model.phases.flatMap { s in
      s.items.filter { $0.state.status == .blocked }.map {
        Named(id: $0.id, title: $0.title, phase: s.phase.id)
      }
    }
    nextRequired =
      model.nextRequired.map { next in
        next.items.map { Named(id: $0.id, title: $0.title, phase: next.phase.phase.id) }
      } ?? []
    estimate = model.toolkit.estimate.map { ToolkitDocument.EstimateView($0.workings) }
    lenses = LensDocument.all(model.lenses)
    retiredItems = model.retiredWork.map {
      RetiredStatus(
        id: $0.item.id, title: $0.item.title, reason: $0.item.reason,
        replacedBy: $0.item.replacedBy, status: $0.state.status, note: $0.state.note)
    }
  }
}
