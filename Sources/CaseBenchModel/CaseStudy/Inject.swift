/// When an inject reaches the teams.
public enum InjectTrigger: Sendable, Equatable {
  /// This many minutes into the phase on the room's clock (pauses left out).
  case atMinute(Int)
  /// When the facilitator reveals this decision to the room.
  case afterReveal(String)
  /// Only when the facilitator fires it by hand.
  case manual
}

/// A message from inside the story that reaches every team during a phase: the sponsor's
/// email, the phone call from the bank (a phase's `injects` in YAML).
public struct Inject: Sendable, Equatable {
  public var id: String
  /// Who it is from, as the banner's title says it ("Helen Marsh, by email").
  public var from: String?
  public var text: String
  public var trigger: InjectTrigger

  public init(id: String, from: String? = nil, text: String, trigger: InjectTrigger) {
    self.id = id
    self.from = from
    self.text = text
    self.trigger = trigger
  }

  /// "at minute 12", "after S0.D1 is revealed", "by hand".
  public var whenText: String {
    switch trigger {
    case .atMinute(let m): "at minute \(m)"
    case .afterReveal(let d): "after \(d) is revealed"
    case .manual: "by hand"
    }
  }
}

extension Phase {
  /// The schedule the room's clock runs: the author's, or the whole timebox as work.
  public var roomSchedule: Schedule {
    schedule ?? Schedule(read: 0, work: timeboxMinutes, decide: 0, debrief: 0)
  }
}
