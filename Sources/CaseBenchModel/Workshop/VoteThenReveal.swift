#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Vote, then reveal. In a workshop folder a team's confirmed decision is a vote: the team sees
/// its choice and rationale, and the consequence only once the facilitator reveals the decision
/// to the room (or opted it out of the vote with `--no-vote`). Every screen and export asks
/// `showsConsequence(of:in:facilitator:)`, the one place this rule lives.
extension WorkshopState {
  /// What a team reads where the consequence will be.
  public static let waitingForReveal = "Waiting for the facilitator to reveal this decision"

  /// Whether a team in this workshop sees the decision's consequence now: once the facilitator
  /// revealed it, or at once when the facilitator took it out of the vote.
  public func showsConsequence(of decisionID: String) -> Bool {
    revealTime(of: decisionID) != nil || (noVote ?? []).contains(decisionID)
  }

  /// The rule for any screen: outside a workshop (`workshop` nil) and for the facilitator, the
  /// consequence shows at once, as it always has; in a workshop, when `showsConsequence(of:)`.
  public static func showsConsequence(
    of decisionID: String, in workshop: WorkshopState?, facilitator: Bool = false
  ) -> Bool {
    guard let workshop, !facilitator else { return true }
    return workshop.showsConsequence(of: decisionID)
  }

  /// Takes a decision out of the vote: teams see its consequence at once, as on their own.
  public mutating func skipVote(_ decisionID: String) {
    var ids = noVote ?? []
    guard !ids.contains(decisionID) else { return }
    ids.append(decisionID)
    noVote = ids
  }

  /// Whether the decision is voted on and revealed (not taken out with `--no-vote`).
  public func isVoted(_ decisionID: String) -> Bool {
    !(noVote ?? []).contains(decisionID)
  }

  /// The banner a team sees when a decision it voted on is revealed.
  public static func revealedNotice(_ decisionID: String) -> String {
    "Decision \(decisionID) revealed: see its consequence"
  }
}

/// Who has voted on a decision (by name, never what they chose), who has not, and who changed
/// their choice after the reveal: the dashboard's vote view.
public struct DecisionVotes: Sendable, Equatable {
  public var decision: Decision
  /// Teams that have confirmed a choice, in the folder's order.
  public var voted: [String]
  /// Teams that have not, in the folder's order.
  public var notVoted: [String]
  /// When the facilitator revealed it, if they did.
  public var revealed: Date?
  /// Teams that changed their choice after the reveal.
  public var changedAfterReveal: [String]

  public init(decision: Decision, teams: [TeamSummary], revealed: Date?) {
    self.decision = decision
    self.revealed = revealed
    var voted: [String] = []
    var notVoted: [String] = []
    var changed: [String] = []
    for team in teams {
      guard team.session.decisions[decision.id] != nil else {
        notVoted.append(team.team)
        continue
      }
      voted.append(team.team)
      if let revealed, team.session.changed(decision.id, after: revealed) {
        changed.append(team.team)
      }
    }
    self.voted = voted
    self.notVoted = notVoted
    self.changedAfterReveal = changed
  }

  /// "2 of 3 teams have voted."
  public var countText: String {
    let all = voted.count + notVoted.count
    return "\(voted.count) of \(all) team\(all == 1 ? " has" : "s have") voted."
  }
}

extension Session {
  /// Whether the team changed its choice on a decision after `date` (the log records every
  /// change with its time; a revised rationale is not a change of choice).
  public func changed(_ decisionID: String, after date: Date) -> Bool {
    events.contains { event in
      guard event.kind == .decision, event.target == decisionID, event.at > date,
        case .changed = DecisionEventDetail(stored: event.detail)
      else { return false }
      return true
    }
  }
}

extension CaseStudy {
  /// The case study as a team in the workshop may read it now: the consequence of every
  /// decision not yet revealed to it reads `WorkshopState.waitingForReveal`, and so does its
  /// debrief. Exports run on this, so a report cannot give a vote's answer away.
  public func hidingUnrevealed(_ workshop: WorkshopState?, facilitator: Bool = false) -> CaseStudy {
    var shown = self
    for p in shown.phases.indices {
      for d in shown.phases[p].decisions.indices {
        let id = shown.phases[p].decisions[d].id
        guard
          !WorkshopState.showsConsequence(of: id, in: workshop, facilitator: facilitator)
        else { continue }
        for o in shown.phases[p].decisions[d].options.indices {
          shown.phases[p].decisions[d].options[o].consequence = WorkshopState.waitingForReveal + "."
          shown.phases[p].decisions[d].options[o].debrief = ""
        }
      }
    }
    return shown
  }
}
