#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A question a team answers once a phase's decisions are out in the open: the run sheet's
/// "What? So what? Now what?" (`reflection` in a phase's YAML).
public struct ReflectionPrompt: Sendable, Equatable {
  public var id: String
  public var prompt: String

  public init(id: String, prompt: String) {
    self.id = id
    self.prompt = prompt
  }
}

/// Whether a team may answer a phase's reflection prompts yet, and if not, what it waits for.
public enum ReflectionAvailability: Sendable, Equatable {
  /// The prompts can be read and answered.
  case open
  /// In a workshop folder: these decisions (ids) have not been revealed to the room.
  case awaitingReveal([String])
  /// On one's own: these decisions (ids) are not decided yet.
  case awaitingDecisions([String])

  public var isOpen: Bool { self == .open }

  /// What a team sees instead of the prompts while they wait.
  public static let waitingText = "after the decisions are revealed"
}

extension Phase {
  /// The one rule for when a phase's lessons learned open. In a workshop folder (`workshop`
  /// is its facilitator's state) they open once the facilitator has revealed every decision
  /// of the phase; on one's own, once the team has decided every one. A phase without
  /// decisions opens at once.
  public func reflectionAvailability(session: Session, workshop: WorkshopState?)
    -> ReflectionAvailability
  {
    if let workshop {
      let waiting = decisions.map(\.id).filter { workshop.revealTime(of: $0) == nil }
      return waiting.isEmpty ? .open : .awaitingReveal(waiting)
    }
    let waiting = decisions.map(\.id).filter { session.decisions[$0] == nil }
    return waiting.isEmpty ? .open : .awaitingDecisions(waiting)
  }
}

extension Session {
  /// The team's answer to a reflection prompt; "" when not answered.
  public func reflection(_ promptID: String) -> String { reflections?[promptID] ?? "" }

  /// Stores the answer to a reflection prompt (an empty text clears it). Logged like a note:
  /// one event per editing spell. Returns whether anything changed.
  @discardableResult
  public mutating func answerReflection(_ text: String, to promptID: String, at now: Date = Date())
    -> Bool
  {
    let old = reflection(promptID)
    guard old != text else { return false }
    var answers = reflections ?? [:]
    answers[promptID] = text.isEmpty ? nil : text
    reflections = answers.isEmpty ? nil : answers
    if let last = events.last, last.kind == .reflection, last.target == promptID, !text.isEmpty,
      now.timeIntervalSince(last.at) < Session.noteEventSpell
    {
      updated = now
      return true
    }
    let detail = text.isEmpty ? "answer cleared" : old.isEmpty ? "answer added" : "answer edited"
    log(SessionEvent(at: now, kind: .reflection, target: promptID, detail: detail), at: now)
    return true
  }
}
