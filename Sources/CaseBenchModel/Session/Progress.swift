#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Progress through one phase.
public struct PhaseProgress: Sendable, Equatable {
  public var phaseID: String
  public var title: String
  public var total: Int
  public var done: Int
  public var notApplicable: Int
  public var doing: Int
  public var blocked: Int
  /// How many gate items there are, and how many are done or N/A.
  public var gateTotal: Int
  public var gateSettled: Int
  public var decisionsTotal: Int
  public var decisionsTaken: Int

  public var settled: Int { done + notApplicable }
  public var gateMet: Bool { gateSettled == gateTotal }
  /// The share of gate items settled, 0…1. A phase with an empty gate scores 1.
  public var score: Double { gateTotal == 0 ? 1 : Double(gateSettled) / Double(gateTotal) }
  /// The share of all items settled, 0…1, for progress bars.
  public var fraction: Double { total == 0 ? 1 : Double(settled) / Double(total) }
}

/// Counts over every phase, added up once when the progress is worked out.
public struct ProgressTotals: Sendable, Equatable {
  public var items = 0
  public var done = 0
  public var notApplicable = 0
  public var doing = 0
  public var blocked = 0
  public var decisions = 0
  public var decisionsTaken = 0

  public var settled: Int { done + notApplicable }

  init(_ phases: [PhaseProgress]) {
    for p in phases {
      items += p.total
      done += p.done
      notApplicable += p.notApplicable
      doing += p.doing
      blocked += p.blocked
      decisions += p.decisionsTotal
      decisionsTaken += p.decisionsTaken
    }
  }
}

/// Progress per phase and overall, with readiness: the weakest phase's gate score.
public struct Progress: Sendable, Equatable {
  public private(set) var phases: [PhaseProgress]
  /// The phases' counts added up; status and the reports read overall figures from here.
  public private(set) var totals: ProgressTotals

  public init(caseStudy: CaseStudy, session: Session) {
    phases = caseStudy.phases.map { phase in
      var p = PhaseProgress(
        phaseID: phase.id, title: phase.title, total: phase.items.count, done: 0,
        notApplicable: 0, doing: 0, blocked: 0, gateTotal: phase.gate.count, gateSettled: 0,
        decisionsTotal: phase.decisions.count,
        decisionsTaken: phase.decisions.filter { session.decisions[$0.id] != nil }.count)
      for item in phase.items {
        switch session.status(of: item.id) {
        case .done: p.done += 1
        case .notApplicable: p.notApplicable += 1
        case .doing: p.doing += 1
        case .blocked: p.blocked += 1
        case .todo: break
        }
      }
      p.gateSettled = phase.gate.filter { session.status(of: $0).isSettled }.count
      return p
    }
    totals = ProgressTotals(phases)
  }

  public var total: Int { totals.items }
  public var settled: Int { totals.settled }
  public var fraction: Double { total == 0 ? 1 : Double(settled) / Double(total) }
  public var gatesMet: Int { phases.filter(\.gateMet).count }

  /// The phase that caps readiness (the first of the lowest-scoring phases).
  public var weakest: PhaseProgress? {
    phases.min { $0.score < $1.score }
  }

  /// Readiness, 0…1: the score of the weakest phase, in the spirit of the ML Test Score's
  /// "final score is the minimum of the sections".
  public var readiness: Double { weakest?.score ?? 1 }

  /// How readiness was computed, in one sentence a participant can check by hand.
  public var readinessWorkings: String {
    guard let w = weakest else { return "Readiness 100%: the case study has no phases." }
    return
      "Readiness \(Progress.percent(readiness)) = the weakest phase's gate score: "
      + "\(w.title) has \(w.gateSettled) of \(w.gateTotal) required items done or N/A."
  }

  public static func percent(_ fraction: Double) -> String {
    "\(Int((fraction * 100).rounded(.down)))%"
  }
}
