#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The project manager's working records kept in a session (schema 2): the risk register, the
/// estimate, stakeholders and success metrics, the model register and the decision log's own
/// entries. Everything here is the user's; the case study's cast and risk prompts are only
/// offered as suggestions and copied in when taken.
public struct Toolkit: Sendable, Equatable, Codable {
  public var risks: [Risk]
  /// The current estimate; nil until one is made.
  public var estimate: Estimate?
  /// People the user added to the stakeholder map (the case study's cast is not copied).
  public var people: [Stakeholder]
  /// Notes per person, by person id: a cast member's id or one of `people`.
  public var personNotes: [String: String]
  public var metrics: [SuccessMetric]
  public var models: [ModelRecord]
  public var adoptions: [Adoption]
  /// Decisions the user logs in their own words (most useful on their own project).
  public var log: [LogEntry]

  public init(
    risks: [Risk] = [], estimate: Estimate? = nil, people: [Stakeholder] = [],
    personNotes: [String: String] = [:], metrics: [SuccessMetric] = [],
    models: [ModelRecord] = [], adoptions: [Adoption] = [], log: [LogEntry] = []
  ) {
    self.risks = risks
    self.estimate = estimate
    self.people = people
    self.personNotes = personNotes
    self.metrics = metrics
    self.models = models
    self.adoptions = adoptions
    self.log = log
  }

  enum CodingKeys: String, CodingKey {
    case risks, estimate, people, metrics, models, adoptions, log
    case personNotes = "person_notes"
  }

  /// Every list may be left out of a hand-written file; a missing one is empty.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    risks = try c.decodeIfPresent([Risk].self, forKey: .risks) ?? []
    estimate = try c.decodeIfPresent(Estimate.self, forKey: .estimate)
    people = try c.decodeIfPresent([Stakeholder].self, forKey: .people) ?? []
    personNotes = try c.decodeIfPresent([String: String].self, forKey: .personNotes) ?? [:]
    metrics = try c.decodeIfPresent([SuccessMetric].self, forKey: .metrics) ?? []
    models = try c.decodeIfPresent([ModelRecord].self, forKey: .models) ?? []
    adoptions = try c.decodeIfPresent([Adoption].self, forKey: .adoptions) ?? []
    log = try c.decodeIfPresent([LogEntry].self, forKey: .log) ?? []
  }

  public var isEmpty: Bool { self == Toolkit() }

  public func risk(id: String) -> Risk? { risks.first { $0.id == id } }
  public func model(id: String) -> ModelRecord? { models.first { $0.id == id } }
  public func metric(id: String) -> SuccessMetric? { metrics.first { $0.id == id } }
  public func person(id: String) -> Stakeholder? { people.first { $0.id == id } }

  /// The largest number an id made by `nextID` carries; a larger one in a hand-edited file is
  /// not counted, so the next id can never overflow.
  static let maximumIDNumber = 999_999_999

  /// The next free id with a prefix: "R1", "R2", … (never reuses one, even after a gap).
  static func nextID(_ prefix: String, after ids: [String]) -> String {
    let numbers = ids.compactMap { id -> Int? in
      guard id.hasPrefix(prefix), let n = Int(id.dropFirst(prefix.count)),
        (0...maximumIDNumber).contains(n)
      else { return nil }
      return n
    }
    return prefix + String((numbers.max() ?? 0) + 1)
  }
}

// MARK: Risks

public enum RiskStatus: String, Sendable, Equatable, CaseIterable, Codable {
  case open, mitigated, closed, occurred

  /// Closed risks leave the heat map; the others are still part of the picture.
  public var isOnHeatMap: Bool { self != .closed }
}

public struct Risk: Sendable, Equatable, Codable, Identifiable {
  /// "R1", "R2", … within the session.
  public var id: String
  public var title: String
  /// The phase id it belongs to.
  public var phase: String
  /// 1 (rare) to 5 (almost certain).
  public var likelihood: Int
  /// 1 (minor) to 5 (severe).
  public var impact: Int
  public var owner: String
  public var mitigation: String
  public var status: RiskStatus
  /// The next review, as a calendar day "YYYY-MM-DD".
  public var reviewDate: String?
  /// The case study's risk prompt it was taken from, if any.
  public var prompt: String?
  public var raised: Date

  public init(
    id: String, title: String, phase: String, likelihood: Int, impact: Int, owner: String = "",
    mitigation: String = "", status: RiskStatus = .open, reviewDate: String? = nil,
    prompt: String? = nil, raised: Date
  ) {
    self.id = id
    self.title = title
    self.phase = phase
    self.likelihood = likelihood
    self.impact = impact
    self.owner = owner
    self.mitigation = mitigation
    self.status = status
    self.reviewDate = reviewDate
    self.prompt = prompt
    self.raised = raised
  }

  enum CodingKeys: String, CodingKey {
    case id, title, phase, likelihood, impact, owner, mitigation, status, prompt, raised
    case reviewDate = "review_date"
  }

  /// Likelihood × impact, 1 to 25.
  public var score: Int { likelihood * impact }

  /// Open and scored at or above `RiskRegister.highScore`.
  public var isOpenHigh: Bool { status == .open && score >= RiskRegister.highScore }
}

// MARK: Estimate

/// The factors of the author's estimating heuristic: three double the figure, six are flagged.
public enum EstimateFactor: String, Sendable, Equatable, CaseIterable, Codable {
  case complexData = "complex_data"
  case bigData = "big_data"
  case distributedPlatform = "distributed_platform"
  case dirtyData = "dirty_data"
  case ethics
  case manyModels = "many_models"
  case unstructuredData = "unstructured_data"
  case complexEvaluation = "complex_evaluation"
  case modelDocs = "model_docs"

  /// Whether the factor doubles the estimate (the rest are flagged without multiplying).
  public var doubles: Bool {
    switch self {
    case .complexData, .bigData, .distributedPlatform: true
    default: false
    }
  }

  public var label: String {
    switch self {
    case .complexData: "complex or poorly understood data"
    case .bigData: "big data"
    case .distributedPlatform: "a complex or distributed platform"
    case .dirtyData: "dirty data"
    case .ethics: "ethics, security or privacy work"
    case .manyModels: "many models"
    case .unstructuredData: "unstructured data"
    case .complexEvaluation: "complicated evaluation"
    case .modelDocs: "model documentation required"
    }
  }

  /// The command-line flag, without its dashes: `complex-data`.
  public var flagName: String {
    switch self {
    case .complexData: "complex-data"
    case .bigData: "big-data"
    case .distributedPlatform: "distributed-platform"
    case .dirtyData: "dirty-data"
    case .ethics: "ethics"
    case .manyModels: "many-models"
    case .unstructuredData: "unstructured-data"
    case .complexEvaluation: "complex-evaluation"
    case .modelDocs: "model-docs"
    }
  }
}

public struct EstimateTask: Sendable, Equatable, Codable {
  public var title: String
  /// Base effort in person-days, as one person working alone would estimate it.
  public var days: Double

  public init(title: String, days: Double) {
    self.title = title
    self.days = days
  }
}

public struct Estimate: Sendable, Equatable, Codable {
  public var tasks: [EstimateTask]
  /// The factors that apply, in `EstimateFactor.allCases` order.
  public var factors: [EstimateFactor]
  public var updated: Date

  public init(tasks: [EstimateTask], factors: [EstimateFactor], updated: Date) {
    self.tasks = tasks
    self.factors = EstimateFactor.allCases.filter(Set(factors).contains)
    self.updated = updated
  }

  /// The heuristic applied to these tasks and factors.
  public var workings: EstimateWorkings { EstimateWorkings(tasks: tasks, factors: factors) }
}

// MARK: Stakeholders and value

public struct Stakeholder: Sendable, Equatable, Codable, Identifiable {
  /// A cast member's id, or "P1", "P2", … for the user's own people.
  public var id: String
  public var name: String
  public var role: String
  public var wants: String
  public var hotButtons: [String]
  public var power: Level
  public var interest: Level

  public init(
    id: String, name: String, role: String = "", wants: String = "", hotButtons: [String] = [],
    power: Level, interest: Level
  ) {
    self.id = id
    self.name = name
    self.role = role
    self.wants = wants
    self.hotButtons = hotButtons
    self.power = power
    self.interest = interest
  }

  public init(_ member: CastMember) {
    self.init(
      id: member.id, name: member.name, role: member.role, wants: member.wants,
      hotButtons: member.hotButtons, power: member.power, interest: member.interest)
  }

  enum CodingKeys: String, CodingKey {
    case id, name, role, wants, power, interest
    case hotButtons = "hot_buttons"
  }

  /// Where the person sits on the power/interest grid, and so how to keep them close.
  public var strategy: String {
    switch (power, interest) {
    case (.high, .high): "manage closely"
    case (.high, _): "keep satisfied"
    case (_, .high): "keep informed"
    default: "monitor"
    }
  }
}

/// The business KPIs a system can move when none is given (the author's five).
public enum KPI: String, Sendable, Equatable, CaseIterable, Codable {
  case revenue
  case costSaving = "cost_saving"
  case cycleTime = "cycle_time"
  case peopleIntensity = "people_intensity"
  case customerExperience = "customer_experience"

  public var label: String {
    switch self {
    case .revenue: "revenue"
    case .costSaving: "cost saving"
    case .cycleTime: "cycle time"
    case .peopleIntensity: "people intensity"
    case .customerExperience: "customer experience"
    }
  }
}

public struct SuccessMetric: Sendable, Equatable, Codable, Identifiable {
  /// "K1", "K2", …
  public var id: String
  /// What is measured, e.g. "stock-outs on the 400 key lines".
  public var name: String
  public var kpi: KPI
  /// How the system moves the KPI.
  public var mechanism: String
  /// The target, in the user's words ("down a third by June").
  public var target: String

  public init(id: String, name: String, kpi: KPI, mechanism: String, target: String = "") {
    self.id = id
    self.name = name
    self.kpi = kpi
    self.mechanism = mechanism
    self.target = target
  }
}

// MARK: Models and decisions

public struct ModelRecord: Sendable, Equatable, Codable, Identifiable {
  /// "M1", "M2", …
  public var id: String
  public var name: String
  public var phase: String
  public var dataVersion: String
  /// Training regime and hyperparameters, in the user's words.
  public var parameters: String
  /// Evaluation results.
  public var metrics: String
  public var notes: String
  /// "Can we rebuild it?"
  public var rebuildable: Bool
  /// What rebuilding needs (code, data snapshot, seeds, transfer models…).
  public var rebuildNeeds: String
  public var recorded: Date

  public init(
    id: String, name: String, phase: String, dataVersion: String = "", parameters: String = "",
    metrics: String = "", notes: String = "", rebuildable: Bool = false, rebuildNeeds: String = "",
    recorded: Date
  ) {
    self.id = id
    self.name = name
    self.phase = phase
    self.dataVersion = dataVersion
    self.parameters = parameters
    self.metrics = metrics
    self.notes = notes
    self.rebuildable = rebuildable
    self.rebuildNeeds = rebuildNeeds
    self.recorded = recorded
  }

  enum CodingKeys: String, CodingKey {
    case id, name, phase, parameters, metrics, notes, rebuildable, recorded
    case dataVersion = "data_version"
    case rebuildNeeds = "rebuild_needs"
  }
}

/// Which model was adopted, from which candidates, and why.
public struct Adoption: Sendable, Equatable, Codable, Identifiable {
  /// "A1", "A2", …
  public var id: String
  /// Model ids considered.
  public var candidates: [String]
  /// The model id adopted.
  public var chosen: String
  public var rationale: String
  public var decidedAt: Date

  public init(id: String, candidates: [String], chosen: String, rationale: String, decidedAt: Date)
  {
    self.id = id
    self.candidates = candidates
    self.chosen = chosen
    self.rationale = rationale
    self.decidedAt = decidedAt
  }

  enum CodingKeys: String, CodingKey {
    case id, candidates, chosen, rationale
    case decidedAt = "decided_at"
  }
}

/// A decision the user records in their own words.
public struct LogEntry: Sendable, Equatable, Codable, Identifiable {
  /// "L1", "L2", …
  public var id: String
  public var title: String
  public var rationale: String
  public var at: Date

  public init(id: String, title: String, rationale: String, at: Date) {
    self.id = id
    self.title = title
    self.rationale = rationale
    self.at = at
  }
}
