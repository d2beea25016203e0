#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The state of one checklist item in a session.
public enum ItemStatus: String, Sendable, Equatable, CaseIterable, Codable {
  case todo, doing, done, blocked
  case notApplicable = "na"

  /// `Space` cycles todo → doing → done → todo. Blocked and N/A return to todo.
  public var next: ItemStatus {
    switch self {
    case .todo: .doing
    case .doing: .done
    case .done, .blocked, .notApplicable: .todo
    }
  }

  /// Done and N/A both satisfy a gate.
  public var isSettled: Bool { self == .done || self == .notApplicable }

  public var label: String {
    switch self {
    case .todo: "todo"
    case .doing: "doing"
    case .done: "done"
    case .blocked: "blocked"
    case .notApplicable: "N/A"
    }
  }
}

public struct ItemState: Sendable, Equatable, Codable {
  public var status: ItemStatus
  public var note: String
  /// Why the item does not apply; set only with `.notApplicable`.
  public var naReason: String?

  public init(status: ItemStatus = .todo, note: String = "", naReason: String? = nil) {
    self.status = status
    self.note = note
    self.naReason = naReason
  }

  enum CodingKeys: String, CodingKey {
    case status, note
    case naReason = "na_reason"
  }

  public var isEmpty: Bool { status == .todo && note.isEmpty && naReason == nil }
}

public struct DecisionRecord: Sendable, Equatable, Codable {
  public var option: String
  public var rationale: String
  public var decidedAt: Date

  public init(option: String, rationale: String, decidedAt: Date) {
    self.option = option
    self.rationale = rationale
    self.decidedAt = decidedAt
  }

  enum CodingKeys: String, CodingKey {
    case option, rationale
    case decidedAt = "decided_at"
  }
}

/// One line of the append-only event log: who did what, when.
public struct SessionEvent: Sendable, Equatable, Codable {
  public var at: Date
  public var kind: Kind
  public var target: String?
  public var detail: String

  public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
    case created, status, note, decision, opened
    /// The toolkit (schema 2): risk register, estimate, stakeholders, success metrics, model
    /// register, adoption decisions and the user's own log entries.
    case risk, estimate, stakeholder, metric, model, adoption, log
    /// The facilitator's announcement reached this session (a workshop).
    case announcement
    /// A lens was added or removed, or a test of a scored lens given its points.
    case lens
    /// An answer to one of a phase's reflection prompts (lessons learned).
    case reflection

    /// Whether the event is the team's own work (not being opened, not receiving a message).
    public var isWork: Bool {
      switch self {
      case .opened, .announcement: false
      default: true
      }
    }
  }

  public init(at: Date, kind: Kind, target: String? = nil, detail: String) {
    self.at = at
    self.kind = kind
    self.target = target
    self.detail = detail
  }
}

public enum SessionMode: String, Sendable, Equatable, CaseIterable, Codable {
  /// Work through the case study's story.
  case caseStudy = "case_study"
  /// Use the phases and guidance on a real project; the story is hidden.
  case ownProject = "own_project"
}

/// Where the participant was, so a resumed session lands in the same place.
public struct SessionCursor: Sendable, Equatable, Codable {
  public var phase: String
  public var item: String?

  public init(phase: String, item: String? = nil) {
    self.phase = phase
    self.item = item
  }
}

/// One person's or team's state for one case study.
/// Saved as pretty-printed JSON with sorted keys (see `SessionStore`).
public struct Session: Sendable, Equatable, Codable {
  /// 2 added `toolkit`; a schema-1 file opens with an empty toolkit and is saved as 2.
  public static let currentSchemaVersion = 2

  /// Note edits closer together than this (seconds) share one event in the log.
  public static let noteEventSpell: TimeInterval = 300

  public var schemaVersion: Int
  public var participant: String
  public var caseStudyID: String
  public var caseStudyVersion: String
  /// The file the session was started from and its content hash, so that `open`, `status` and
  /// `export` find it again without `--case-dir`. `nil` for the built-in case studies and for
  /// sessions saved before it was added.
  public var caseStudySource: CaseStudySource?
  public var mode: SessionMode
  public var created: Date
  public var updated: Date
  public var items: [String: ItemState]
  public var decisions: [String: DecisionRecord]
  public var cursor: SessionCursor?
  public var events: [SessionEvent]
  /// The project manager's records: risks, estimate, stakeholders, metrics, models, log.
  public var toolkit: Toolkit
  /// Lenses added on top of the case study, and scored tests' points; nil until the first
  /// lens is added, so files without lenses are unchanged.
  public var lenses: SessionLenses?
  /// Answers to the phases' reflection prompts, by prompt id; nil until the first answer, so
  /// files without any are unchanged (and files written before them still open).
  public var reflections: [String: String]?

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case participant
    case caseStudyID = "case_study_id"
    case caseStudyVersion = "case_study_version"
    case caseStudySource = "case_study_source"
    case mode, created, updated, items, decisions, cursor, events, toolkit, lenses, reflections
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    // Read for the check in SessionStore; the session in memory is always the current schema.
    _ = try c.decode(Int.self, forKey: .schemaVersion)
    schemaVersion = Session.currentSchemaVersion
    participant = try c.decode(String.self, forKey: .participant)
    caseStudyID = try c.decode(String.self, forKey: .caseStudyID)
    caseStudyVersion = try c.decode(String.self, forKey: .caseStudyVersion)
    caseStudySource = try c.decodeIfPresent(CaseStudySource.self, forKey: .caseStudySource)
    mode = try c.decode(SessionMode.self, forKey: .mode)
    created = try c.decode(Date.self, forKey: .created)
    updated = try c.decode(Date.self, forKey: .updated)
    items = try c.decode([String: ItemState].self, forKey: .items)
    decisions = try c.decode([String: DecisionRecord].self, forKey: .decisions)
    cursor = try c.decodeIfPresent(SessionCursor.self, forKey: .cursor)
    events = try c.decode([SessionEvent].self, forKey: .events)
    // Schema 1 had no toolkit.
    toolkit = try c.decodeIfPresent(Toolkit.self, forKey: .toolkit) ?? Toolkit()
    lenses = try c.decodeIfPresent(SessionLenses.self, forKey: .lenses)
    reflections = try c.decodeIfPresent([String: String].self, forKey: .reflections)
  }

  public init(
    participant: String, caseStudy: CaseStudy, mode: SessionMode = .caseStudy,
    source: CaseStudySource? = nil, now: Date = Date()
  ) {
    self.schemaVersion = Session.currentSchemaVersion
    self.participant = participant
    self.caseStudyID = caseStudy.id
    self.caseStudyVersion = caseStudy.version
    self.caseStudySource = source
    self.mode = mode
    self.created = now
    self.updated = now
    self.items = [:]
    self.decisions = [:]
    self.cursor = caseStudy.phases.first.map {
      SessionCursor(phase: $0.id, item: $0.items.first?.id)
    }
    self.events = [
      SessionEvent(
        at: now, kind: .created,
        detail: "\(participant) started \(caseStudy.id) \(caseStudy.version)")
    ]
    self.toolkit = Toolkit()
  }

  public func state(of itemID: String) -> ItemState { items[itemID] ?? ItemState() }

  public func status(of itemID: String) -> ItemStatus { state(of: itemID).status }

  public func note(of itemID: String) -> String { state(of: itemID).note }

  // MARK: Changes. Each one stamps `updated` and appends to the event log, and returns
  // whether anything changed.

  /// Sets an item's status. `reason` is kept only for N/A.
  @discardableResult
  public mutating func setStatus(
    _ status: ItemStatus, of itemID: String, reason: String? = nil, at now: Date = Date()
  ) -> Bool {
    var state = state(of: itemID)
    let old = state.status
    let oldReason = state.naReason
    state.status = status
    state.naReason = status == .notApplicable ? (reason ?? state.naReason ?? "") : nil
    guard old != status || oldReason != state.naReason else { return false }
    store(state, for: itemID)
    var detail = "\(old.label) → \(status.label)"
    if status == .notApplicable, let why = state.naReason, !why.isEmpty { detail += ": \(why)" }
    log(SessionEvent(at: now, kind: .status, target: itemID, detail: detail), at: now)
    return true
  }

  /// Advances an item along todo → doing → done → todo.
  @discardableResult
  public mutating func cycleStatus(of itemID: String, at now: Date = Date()) -> Bool {
    setStatus(status(of: itemID).next, of: itemID, at: now)
  }

  @discardableResult
  public mutating func setNote(_ note: String, of itemID: String, at now: Date = Date()) -> Bool {
    var state = state(of: itemID)
    guard state.note != note else { return false }
    let wasEmpty = state.note.isEmpty
    state.note = note
    store(state, for: itemID)
    let detail =
      note.isEmpty ? "note cleared" : wasEmpty ? "note added" : "note edited"
    // A note is saved as it is typed; one event per editing spell keeps the log readable.
    // The log stays append-only: a later edit within five minutes is covered by the last event.
    if let last = events.last, last.kind == .note, last.target == itemID, !note.isEmpty,
      now.timeIntervalSince(last.at) < Session.noteEventSpell
    {
      updated = now
      return true
    }
    log(SessionEvent(at: now, kind: .note, target: itemID, detail: detail), at: now)
    return true
  }

  /// Records (or changes) a decision. A change keeps the old choice in the log.
  @discardableResult
  public mutating func decide(
    _ decisionID: String, option: String, rationale: String, at now: Date = Date()
  ) -> Bool {
    let previous = decisions[decisionID]
    if previous?.option == option && previous?.rationale == rationale { return false }
    decisions[decisionID] = DecisionRecord(option: option, rationale: rationale, decidedAt: now)
    let detail: DecisionEventDetail
    if let previous, previous.option != option {
      detail = .changed(from: previous.option, to: option)
    } else if previous != nil {
      detail = .revised(option)
    } else {
      detail = .chose(option)
    }
    log(
      SessionEvent(at: now, kind: .decision, target: decisionID, detail: detail.stored), at: now)
    return true
  }

  /// Moves the resume point. Not logged: it is navigation, not work.
  public mutating func moveCursor(phase: String, item: String?) {
    cursor = SessionCursor(phase: phase, item: item)
  }

  private mutating func store(_ state: ItemState, for itemID: String) {
    items[itemID] = state.isEmpty ? nil : state
  }

  /// Appends to the event log and stamps `updated`: every change goes through here.
  mutating func log(_ event: SessionEvent, at now: Date) {
    events.append(event)
    updated = now
  }
}
