#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// An authored case study: the story, the cast and the six phases.
/// Built from YAML by `CaseStudyLoader` after validation; never mutated by a session.
public struct CaseStudy: Sendable, Equatable {
  public var formatVersion: Int
  public var id: String
  public var version: String
  public var title: String
  public var summary: String
  public var background: String
  public var cast: [CastMember]
  public var phases: [Phase]

  public init(
    formatVersion: Int, id: String, version: String, title: String, summary: String,
    background: String, cast: [CastMember], phases: [Phase]
  ) {
    self.formatVersion = formatVersion
    self.id = id
    self.version = version
    self.title = title
    self.summary = summary
    self.background = background
    self.cast = cast
    self.phases = phases
  }

  /// The highest `format_version` this build understands.
  public static let supportedFormatVersion = 1

  public func phase(id: String) -> Phase? { phases.first { $0.id == id } }

  /// Every checklist item, in phase order.
  public var allItems: [Item] { phases.flatMap(\.items) }

  public func item(id: String) -> Item? {
    for phase in phases { if let item = phase.items.first(where: { $0.id == id }) { return item } }
    return nil
  }

}

/// Power and interest on a stakeholder grid.
public enum Level: String, Sendable, Equatable, CaseIterable, Codable {
  case low, medium, high
}

public struct CastMember: Sendable, Equatable {
  public var id: String
  public var name: String
  public var role: String
  public var wants: String
  public var hotButtons: [String]
  public var power: Level
  public var interest: Level

  public init(
    id: String, name: String, role: String, wants: String, hotButtons: [String], power: Level,
    interest: Level
  ) {
    self.id = id
    self.name = name
    self.role = role
    self.wants = wants
    self.hotButtons = hotButtons
    self.power = power
    self.interest = interest
  }
}

public struct Phase: Sendable, Equatable {
  public var id: String
  public var title: String
  public var goal: String
  public var briefing: String
  public var timeboxMinutes: Int
  public var items: [Item]
  public var decisions: [Decision]
  public var riskPrompts: [RiskPrompt]
  public var facilitatorNotes: String
  /// Item ids that must be done or N/A for the phase to count as complete.
  /// Defaults to the phase's required items when the YAML gives no `gate`.
  public var gate: [String]

  public init(
    id: String, title: String, goal: String, briefing: String, timeboxMinutes: Int,
    items: [Item], decisions: [Decision], riskPrompts: [RiskPrompt], facilitatorNotes: String,
    gate: [String]? = nil
  ) {
    self.id = id
    self.title = title
    self.goal = goal
    self.briefing = briefing
    self.timeboxMinutes = timeboxMinutes
    self.items = items
    self.decisions = decisions
    self.riskPrompts = riskPrompts
    self.facilitatorNotes = facilitatorNotes
    self.gate = gate ?? items.filter(\.required).map(\.id)
  }
}

public struct Item: Sendable, Equatable {
  public var id: String
  public var title: String
  /// Generic advice that holds on any ML project.
  public var guidance: String
  /// What the item means in this case study's story (`case` in YAML).
  public var caseContext: String
  public var why: String
  /// A nudge that does not give the answer away.
  public var hint: String
  public var tags: [String]
  public var required: Bool
  public var references: [String]
  /// For Ethics-phase items: the other phases where the concern shows up.
  public var arisesIn: [String]

  public init(
    id: String, title: String, guidance: String, caseContext: String, why: String, hint: String,
    tags: [String], required: Bool, references: [String] = [], arisesIn: [String] = []
  ) {
    self.id = id
    self.title = title
    self.guidance = guidance
    self.caseContext = caseContext
    self.why = why
    self.hint = hint
    self.tags = tags
    self.required = required
    self.references = references
    self.arisesIn = arisesIn
  }
}

public enum Verdict: String, Sendable, Equatable, CaseIterable, Codable {
  case recommended, defensible, poor
}

public struct Decision: Sendable, Equatable {
  public var id: String
  public var title: String
  public var situation: String
  public var options: [DecisionOption]
  public var facilitatorNotes: String

  public init(
    id: String, title: String, situation: String, options: [DecisionOption],
    facilitatorNotes: String = ""
  ) {
    self.id = id
    self.title = title
    self.situation = situation
    self.options = options
    self.facilitatorNotes = facilitatorNotes
  }

  public func option(id: String) -> DecisionOption? { options.first { $0.id == id } }
}

public struct DecisionOption: Sendable, Equatable {
  public var id: String
  public var label: String
  /// What happens next, shown after the participant chooses.
  public var consequence: String
  public var verdict: Verdict

  public init(id: String, label: String, consequence: String, verdict: Verdict) {
    self.id = id
    self.label = label
    self.consequence = consequence
    self.verdict = verdict
  }
}

public struct RiskPrompt: Sendable, Equatable {
  public var id: String
  public var text: String
  /// Suggested starting scores on the 1–5 scales, if the author gives them.
  public var likelihood: Int?
  public var impact: Int?

  public init(id: String, text: String, likelihood: Int? = nil, impact: Int? = nil) {
    self.id = id
    self.text = text
    self.likelihood = likelihood
    self.impact = impact
  }
}
