import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

// MARK: JSON

/// The toolkit's views in the JSON export and `status --json` (the raw records are in the
/// session itself).
struct ToolkitDocument: Encodable {
  struct RiskRow: Encodable {
    var id: String
    var title: String
    var phase: String
    var likelihood: Int
    var impact: Int
    var score: Int
    var status: String

    init(_ r: Risk) {
      id = r.id
      title = r.title
      phase = r.phase
      likelihood = r.likelihood
      impact = r.impact
      score = r.score
      status = r.status.rawValue
    }
  }

  struct EstimateView: Encodable {
    struct Step: Encodable {
      var reason: String
      var from: Double
      var to: Double
    }
    struct Task: Encodable {
      var title: String
      var base: Double
      var scaled: Double
    }
    var base: Double
    var steps: [Step]
    var multiplier: Int
    var flags: [String]
    var low: Double
    var high: Double
    var range: String
    var chain: String
    var warning: String?
    var workings: [String]
    var tasks: [Task]

    init(_ w: EstimateWorkings) {
      base = w.base
      steps = w.steps.map { Step(reason: $0.reason, from: $0.from, to: $0.to) }
      multiplier = w.multiplier
      flags = w.flags.map(\.rawValue)
      low = w.low
      high = w.high
      range = w.rangeText
      chain = w.chain
      warning = w.warning
      workings = w.lines
      tasks = w.tasks.map { Task(title: $0.title, base: $0.base, scaled: $0.scaled) }
    }
  }

  struct Person: Encodable {
    var id: String
    var name: String
    var role: String
    var power: Level
    var interest: Level
    var strategy: String
    var wants: String
    var hotButtons: [String]
    var note: String
    var fromCaseStudy: Bool

    enum CodingKeys: String, CodingKey {
      case id, name, role, power, interest, strategy, wants, note
      case hotButtons = "hot_buttons"
      case fromCaseStudy = "from_case_study"
    }
  }

  struct LogRow: Encodable {
    var at: Date
    var kind: String
    var subject: String
    var text: String
  }

  var risks: [RiskRow]
  /// `heat_map[likelihood - 1][impact - 1]`.
  var heatMap: [[Int]]
  var highRisks: [RiskRow]
  var estimate: EstimateView?
  var stakeholders: [Person]
  var successMetrics: [SuccessMetric]
  var models: [ModelRecord]
  var adoptions: [Adoption]
  var decisionLog: [LogRow]

  enum CodingKeys: String, CodingKey {
    case risks, estimate, stakeholders, models, adoptions
    case heatMap = "heat_map"
    case highRisks = "high_risks"
    case successMetrics = "success_metrics"
    case decisionLog = "decision_log"
  }

  init(_ t: ToolkitReport) {
    risks = t.risks.map(RiskRow.init)
    heatMap = t.heatMap
    highRisks = t.highRisks.map(RiskRow.init)
    estimate = t.estimate.map { EstimateView($0.workings) }
    stakeholders = t.stakeholders.map {
      Person(
        id: $0.person.id, name: $0.person.name, role: $0.person.role, power: $0.person.power,
        interest: $0.person.interest, strategy: $0.person.strategy, wants: $0.person.wants,
        hotButtons: $0.person.hotButtons, note: $0.note, fromCaseStudy: $0.fromCaseStudy)
    }
    successMetrics = t.metrics
    models = t.models
    adoptions = t.adoptions
    decisionLog = t.log.map { LogRow(at: $0.at, kind: $0.kind, subject: $0.subject, text: $0.text) }
  }
}
