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
  /// Items taken out of an earlier version, so sessions that recorded them can still report
  /// them (`retired_items` in YAML).
  public var retiredItems: [RetiredItem]
  /// Set when the file is a lens (`lens:` in YAML): a checklist added on top of a session's
  /// case study, whose story fields are optional.
  public var lens: LensSettings?

  public init(
    formatVersion: Int, id: String, version: String, title: String, summary: String,
    background: String, cast: [CastMember], phases: [Phase], retiredItems: [RetiredItem] = [],
    lens: LensSettings? = nil
  ) {
    self.formatVersion = formatVersion
    self.id = id
    self.version = version
    self.title = title
    self.summary = summary
    self.background = background
    self.cast = cast
    self.phases = phases
    self.retiredItems = retiredItems
    self.lens = lens
  }

  /// The highest `format_version` this build understands.
  public static let supportedFormatVersion = 1

  public func phase(id: String) -> Phase? { phases.first { $0.id == id } }

  /// A phase as a person names it: its id, its number from 1, or its title (case aside).
  public func phase(named text: String) -> Phase? {
    if let phase = phase(id: text) { return phase }
    if let n = Int(text), n >= 1, n <= phases.count { return phases[n - 1] }
    return phases.first { $0.title.lowercased() == text.lowercased() }
  }

  /// Every checklist item, in phase order.
  public var allItems: [Item] { phases.flatMap(\.items) }

  public func item(id: String) -> Item? {
    for phase in phases { if let item = phase.items.first(where: { $0.id == id }) { return item } }
    return nil
  }

  public func retiredItem(id: String) -> RetiredItem? { retiredItems.first { $0.id == id } }

  /// An option taken out of a decision, listed in `retired_items` as `DECISION.OPTION` (for
  /// example `S0.D2.c`); nil while the decision still has the option.
  public func retiredOption(_ optionID: String, of decision: Decision) -> RetiredItem? {
    guard decision.option(id: optionID) == nil else { return nil }
    return retiredItem(id: decision.id + "." + optionID)
  }
}

/// An item taken out of an earlier version of a case study.
public struct RetiredItem: Sendable, Equatable {
  public var id: String
  /// The title it had, so reports can name it.
  public var title: String
  /// Why it was taken out.
  public var reason: String
  /// Current items that now carry its meaning.
  public var replacedBy: [String]

  public init(id: String, title: String, reason: String, replacedBy: [String] = []) {
    self.id = id
    self.title = title
    self.reason = reason
    self.replacedBy = replacedBy
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
  /// How a workshop spends the phase's minutes, if the author says.
  public var schedule: Schedule?
  /// What a facilitator would accept; shown only to facilitators.
  public var modelAnswers: [ModelAnswer]
  /// In a lens: the id of the session's phase whose checklist shows this phase's items
  /// (`shows_in`); nil means a phase with this phase's own id.
  public var showsIn: String?
  /// Questions the team answers once the phase's decisions are revealed (`reflection`).
  public var reflection: [ReflectionPrompt] = []
  /// Messages from inside the story that reach the teams during the phase (`Inject.swift`).
  public var injects: [Inject]

  public init(
    id: String, title: String, goal: String, briefing: String, timeboxMinutes: Int,
    items: [Item], decisions: [Decision], riskPrompts: [RiskPrompt], facilitatorNotes: String,
    gate: [String]? = nil, schedule: Schedule? = nil, modelAnswers: [ModelAnswer] = [],
    showsIn: String? = nil, injects: [Inject] = []
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
    self.schedule = schedule
    self.modelAnswers = modelAnswers
    self.showsIn = showsIn
    self.injects = injects
  }

  /// The checklist as screens and reports show it: core items first, then extension items,
  /// each group in the order the author wrote it.
  public var checklist: [Item] {
    items.filter { $0.level == .core } + items.filter { $0.level == .extension }
  }
}

/// Minutes of a phase's timebox spent reading, working, deciding and debriefing.
public struct Schedule: Sendable, Equatable {
  public var read: Int
  public var work: Int
  public var decide: Int
  public var debrief: Int

  public init(read: Int, work: Int, decide: Int, debrief: Int) {
    self.read = read
    self.work = work
    self.decide = decide
    self.debrief = debrief
  }

  public var total: Int { read + work + decide + debrief }

  /// "read 5 · work 30 · decide 10 · debrief 15 min"; the separator is the caller's.
  public func summary(separator: String = " · ") -> String {
    ["read \(read)", "work \(work)", "decide \(decide)", "debrief \(debrief)"]
      .joined(separator: separator) + " min"
  }
}

/// What a facilitator would accept or expects to hear on one topic of a phase.
public struct ModelAnswer: Sendable, Equatable {
  public var topic: String
  public var answer: String
  /// The item of the same phase the answer belongs to, if any.
  public var item: String?

  public init(topic: String, answer: String, item: String? = nil) {
    self.topic = topic
    self.answer = answer
    self.item = item
  }
}

/// Whether an item is on the day's path (`core`) or for longer courses (`extension`).
public enum ItemLevel: String, Sendable, Equatable, CaseIterable {
  case core
  case `extension`
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
  public var level: ItemLevel

  public init(
    id: String, title: String, guidance: String, caseContext: String, why: String, hint: String,
    tags: [String], required: Bool, references: [String] = [], arisesIn: [String] = [],
    level: ItemLevel = .core
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
    self.level = level
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
  /// The block of the phase's `schedule` from which teams in a workshop may choose an option
  /// (`read`, `work` or `decide`; never `debrief`). Before it they read the situation and the
  /// options but cannot vote (`WorkshopState.votingClosed`).
  public var opens: ScheduleBlock

  public init(
    id: String, title: String, situation: String, options: [DecisionOption],
    facilitatorNotes: String = "", opens: ScheduleBlock = .decide
  ) {
    self.id = id
    self.title = title
    self.situation = situation
    self.options = options
    self.facilitatorNotes = facilitatorNotes
    self.opens = opens
  }

  public func option(id: String) -> DecisionOption? { options.first { $0.id == id } }
}

public struct DecisionOption: Sendable, Equatable {
  public var id: String
  public var label: String
  /// What happens next, shown after the participant chooses.
  public var consequence: String
  public var verdict: Verdict
  /// What the facilitator says to a team that chose this option; "" when not written.
  public var debrief: String

  public init(
    id: String, label: String, consequence: String, verdict: Verdict, debrief: String = ""
  ) {
    self.id = id
    self.label = label
    self.consequence = consequence
    self.verdict = verdict
    self.debrief = debrief
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
