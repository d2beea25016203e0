#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Why a team cannot choose an option of a decision yet: the room's clock runs on the
/// decision's phase and has not reached the block its vote opens at (`Decision.opens`). Until
/// then the team sees the decision's title and when it opens, not its situation or options: a
/// situation told ahead of the work tells the story ahead of it (E.D1's trial results while the
/// teams design the trial).
public struct VotingClosed: Sendable, Equatable {
  /// The block the vote opens at.
  public var opens: ScheduleBlock
  /// Seconds of the room's clock until then (pauses stop it).
  public var remaining: Double
  public var paused: Bool

  public init(opens: ScheduleBlock, remaining: Double, paused: Bool) {
    self.opens = opens
    self.remaining = remaining
    self.paused = paused
  }

  /// Whole minutes left, rounded up: a vote 30 s away opens "in 1 min".
  public var minutes: Int { max(1, Int((remaining / 60).rounded(.up))) }

  /// What the dialog's footer, the status bar and the plain mode say: "Voting opens at the
  /// Decide block, in 12 min", with "(clock paused)" while the facilitator holds the clock.
  public var text: String {
    "Voting opens at the \(opens.rawValue.capitalized) block, in \(minutes) min" + pausedText
  }

  /// What the dialog and the plain mode show instead of the situation and the options.
  public var heldText: String {
    "The situation and the options open with the vote, at the \(opens.rawValue.capitalized) "
      + "block of the room's clock, in \(minutes) min\(pausedText). The phase's work comes first: "
      + "this decision rests on it."
  }

  /// The same in short, for a list: "voting opens in 12 min".
  public var shortText: String { "voting opens in \(minutes) min" + pausedText }

  private var pausedText: String { paused ? " (clock paused)" : "" }

  /// When the vote opens by the wall clock, if the room's clock runs.
  public func time(from now: Date) -> Date? {
    paused ? nil : now.addingTimeInterval(remaining)
  }
}

extension Phase {
  /// "Voting opens at the Work block.": when a decision's vote opens in a workshop, for the
  /// printed handout; nil for a phase without a `schedule`, whose clock has no such block.
  public func votingOpensNote(_ decision: Decision) -> String? {
    guard schedule != nil else { return nil }
    return "Voting opens at the \(decision.opens.rawValue.capitalized) block."
  }
}

extension RoomClock {
  /// Seconds of the clock's running time at which `block` starts: the blocks before it, with
  /// their extensions. A block of 0 minutes starts where the next one does.
  public func start(of block: ScheduleBlock, in schedule: Schedule) -> Double {
    ScheduleBlock.allCases.prefix { $0 != block }.reduce(0) { $0 + seconds(of: $1, in: schedule) }
  }
}

extension WorkshopState {
  /// The one rule for when a team may vote: nil (open) unless the room's clock runs, or is
  /// paused, on the decision's phase, that phase has a `schedule`, the decision is not yet
  /// revealed, and the clock has not reached the block of `decision.opens`. Solo sessions (no
  /// workshop), a workshop without a clock, a clock on another phase, or a block reached: open.
  public func votingClosed(
    on decision: Decision, in caseStudy: CaseStudy, at now: Date
  ) -> VotingClosed? {
    guard let clock, revealTime(of: decision.id) == nil,
      let phase = caseStudy.phase(id: clock.phase), let schedule = phase.schedule,
      phase.decisions.contains(where: { $0.id == decision.id })
    else { return nil }
    let remaining = clock.start(of: decision.opens, in: schedule) - clock.elapsed(at: now)
    guard remaining > 0 else { return nil }
    return VotingClosed(opens: decision.opens, remaining: remaining, paused: clock.isPaused)
  }

  /// The rule for any screen: outside a workshop (`workshop` nil) voting is always open.
  public static func votingClosed(
    on decision: Decision, in workshop: WorkshopState?, caseStudy: CaseStudy, at now: Date
  ) -> VotingClosed? {
    workshop?.votingClosed(on: decision, in: caseStudy, at: now)
  }
}
