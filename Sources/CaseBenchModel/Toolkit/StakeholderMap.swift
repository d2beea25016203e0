#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The stakeholder map of a session: the case study's cast (in case-study mode only) followed by
/// the user's own people, each with their note.
public struct StakeholderMap: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public var person: Stakeholder
    /// From the case study's cast rather than added by the user.
    public var fromCaseStudy: Bool
    public var note: String
  }

  public var entries: [Entry]

  public init(caseStudy: CaseStudy, session: Session) {
    let cast = session.mode == .caseStudy ? caseStudy.cast.map(Stakeholder.init) : []
    let notes = session.toolkit.personNotes
    entries =
      cast.map { Entry(person: $0, fromCaseStudy: true, note: notes[$0.id] ?? "") }
      + session.toolkit.people.map {
        Entry(person: $0, fromCaseStudy: false, note: notes[$0.id] ?? "")
      }
  }

  /// The people in one cell of the power/interest grid, in map order.
  public func cell(power: Level, interest: Level) -> [Entry] {
    entries.filter { $0.person.power == power && $0.person.interest == interest }
  }
}

/// One line of the decision log.
public struct DecisionLogEntry: Sendable, Equatable {
  public var at: Date
  /// What kind of record: "case decision", "risk", "estimate", "model", …
  public var kind: String
  /// The id it concerns, if any: "S0.D1", "R2", "M1".
  public var subject: String
  public var text: String
}

/// The session's decision log: the case study's decisions and every toolkit change (risks, the
/// estimate, stakeholders, metrics, models, adoptions and the user's own entries), in time order.
public enum DecisionLog {
  public static func entries(caseStudy: CaseStudy, session: Session) -> [DecisionLogEntry] {
    var decisions: [String: Decision] = [:]
    for phase in caseStudy.phases { for d in phase.decisions { decisions[d.id] = d } }
    let entries = session.events.compactMap { e -> DecisionLogEntry? in
      let subject = e.target ?? ""
      switch e.kind {
      case .created, .status, .note, .opened, .announcement, .lens, .reflection: return nil
      case .decision:
        // Own-project mode hides the case study's decision points, so its log has none.
        guard session.mode == .caseStudy else { return nil }
        var text = e.detail
        if let d = decisions[subject] {
          text = "\(d.title): \(DecisionEventDetail.shown(e.detail, in: d, caseStudy: caseStudy))"
        }
        return DecisionLogEntry(at: e.at, kind: "case decision", subject: subject, text: text)
      case .log:
        let rationale = session.toolkit.log.first { $0.id == subject }?.rationale ?? ""
        let text = rationale.isEmpty ? e.detail : "\(e.detail): \(rationale)"
        return DecisionLogEntry(at: e.at, kind: "decision", subject: subject, text: text)
      case .adoption:
        let rationale = session.toolkit.adoptions.first { $0.id == subject }?.rationale ?? ""
        let text = rationale.isEmpty ? e.detail : "\(e.detail): \(rationale)"
        return DecisionLogEntry(at: e.at, kind: "adoption", subject: subject, text: text)
      case .risk, .estimate, .stakeholder, .metric, .model:
        return DecisionLogEntry(at: e.at, kind: e.kind.rawValue, subject: subject, text: e.detail)
      }
    }
    // Events are appended in time order; a stable sort keeps that true for hand-edited files.
    return entries.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
      .map(\.element)
  }
}
