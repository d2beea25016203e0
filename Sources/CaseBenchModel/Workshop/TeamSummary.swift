#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One team's session as the dashboard and the report see it, worked out once per read.
public struct TeamSummary: Sendable, Equatable {
  public var team: String
  public var session: Session
  public var progress: Progress
  /// The phase the team last changed something in (`lastChangedPhase`), else the first.
  public var currentPhaseIndex: Int
  /// For each decision the team took (by decision id): the verdict on the chosen option, or
  /// nil when the option is not in this version of the case study.
  public var verdicts: [String: Verdict?]
  /// When the team first worked on each phase (by phase id), from its event log.
  public var phaseEntered: [String: Date]

  /// When the team last did something: its last logged work. Receiving an announcement and
  /// opening the session are not work, so the facilitator speaking does not reset the room's
  /// idle times.
  public var lastActivity: Date {
    // `updated` moves with every change, work or not (a note typed on is work that adds no
    // event); when the last thing that moved it was a message or an opening, go back to the
    // last work in the log.
    guard let last = session.events.last, !last.kind.isWork, last.at >= session.updated else {
      return session.updated
    }
    return session.events.last { $0.kind.isWork }?.at ?? session.created
  }
  /// Open risks in the team's register scoring high (see `RiskRegister.highScore`).
  public var openHighRisks: Int { session.toolkit.risks.filter(\.isOpenHigh).count }
  public var decisionsTaken: Int { session.decisions.count }
  public var decisionsRecommended: Int {
    verdicts.values.filter { $0 == .recommended }.count
  }

  public init(session: Session, caseStudy: CaseStudy) {
    self.init(session: session, caseStudy: caseStudy, phases: PhaseIndex(caseStudy))
  }

  /// `phases`: the case study's index, worked out once for a whole folder.
  package init(session: Session, caseStudy: CaseStudy, phases: PhaseIndex) {
    self.team = session.participant
    self.session = session
    self.progress = Progress(caseStudy: caseStudy, session: session)
    let phaseOf = phases.phaseOf
    var entered: [String: Date] = [:]
    if let first = caseStudy.phases.first { entered[first.id] = session.created }
    for event in session.events {
      guard let target = event.target, let phase = phaseOf[target] else { continue }
      if let known = entered[phase], known <= event.at { continue }
      entered[phase] = event.at
    }
    self.phaseEntered = entered
    self.currentPhaseIndex = Self.lastChangedPhase(of: session, in: caseStudy, phaseOf: phaseOf)
    var verdicts: [String: Verdict?] = [:]
    for phase in caseStudy.phases {
      for decision in phase.decisions {
        guard let record = session.decisions[decision.id] else { continue }
        verdicts[decision.id] = decision.option(id: record.option)?.verdict
      }
    }
    self.verdicts = verdicts
  }
}

/// The phase id of each item and decision of a case study.
package struct PhaseIndex: Sendable {
  package let phaseOf: [String: String]

  package init(_ caseStudy: CaseStudy) {
    var phaseOf: [String: String] = [:]
    for phase in caseStudy.phases {
      for item in phase.items { phaseOf[item.id] = phase.id }
      for decision in phase.decisions { phaseOf[decision.id] = phase.id }
    }
    self.phaseOf = phaseOf
  }
}
