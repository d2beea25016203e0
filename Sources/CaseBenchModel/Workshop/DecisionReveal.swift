#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A decision the facilitator revealed to the room, and when. In a workshop a team's confirmed
/// decision is a vote; the reveal is the moment the room sees the split and the consequences,
/// and a change of mind after it is a fact for the debrief.
public struct DecisionReveal: Sendable, Equatable, Codable {
  public var decision: String
  public var at: Date

  public init(decision: String, at: Date) {
    self.decision = decision
    self.at = at
  }
}

extension WorkshopState {
  /// Reveals a decision (once; revealing it again keeps the first time).
  public mutating func reveal(_ decisionID: String, at now: Date) {
    guard revealTime(of: decisionID) == nil else { return }
    reveals.append(DecisionReveal(decision: decisionID, at: now))
  }

  /// When a decision was revealed, if it was.
  public func revealTime(of decisionID: String) -> Date? {
    reveals.first { $0.decision == decisionID }?.at
  }
}
