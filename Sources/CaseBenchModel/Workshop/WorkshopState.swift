#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A message from the facilitator to every team in the folder.
public struct Announcement: Sendable, Equatable, Codable {
  /// 1, 2, 3…: a participant shows each id once.
  public var id: Int
  public var at: Date
  public var text: String
  /// Who an inject is from (its banner's title); nil for the facilitator's own words.
  public var from: String?
  /// The case study's inject this message carries, if it is one (RoomEvents.swift).
  public var inject: String?

  public init(id: Int, at: Date, text: String, from: String? = nil, inject: String? = nil) {
    self.id = id
    self.at = at
    self.text = text
    self.from = from
    self.inject = inject
  }

  enum CodingKeys: String, CodingKey { case id, at, text, from, inject }

  /// Ids from 1 to `WorkshopState.maximumID` and text within the bounds: anything else in the
  /// facilitator's file is an error at its line, never a number that traps later.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(Int.self, forKey: .id)
    at = try c.decode(Date.self, forKey: .at)
    text = try c.decode(String.self, forKey: .text)
    from = try c.decodeIfPresent(String.self, forKey: .from)
    inject = try c.decodeIfPresent(String.self, forKey: .inject)
    guard (1...WorkshopState.maximumID).contains(id) else {
      throw DecodingError.dataCorruptedError(
        forKey: .id, in: c,
        debugDescription:
          "an announcement id is a whole number from 1 to \(WorkshopState.maximumID)")
    }
    if let problem = WorkshopState.problem(withAnnouncement: text) {
      throw DecodingError.dataCorruptedError(forKey: .text, in: c, debugDescription: problem)
    }
  }
}

/// A phase the facilitator opened, and when.
public struct PhaseRelease: Sendable, Equatable, Codable {
  public var phase: String
  public var at: Date

  public init(phase: String, at: Date) {
    self.phase = phase
    self.at = at
  }
}

/// The facilitator's state for a workshop folder, kept in `DIR/.casebench-workshop.json`:
/// announcements, pacing and the phases released so far. Participants only read it.
public struct WorkshopState: Sendable, Equatable, Codable {
  public static let currentFormatVersion = 1

  public var formatVersion: Int
  /// With pacing on, only released phases are open for work.
  public var pacing: Bool
  public var released: [PhaseRelease]
  public var announcements: [Announcement]
  /// The decisions the facilitator has revealed, and when (see `DecisionReveal`).
  public var reveals: [DecisionReveal]
  /// The room's clock for the phase being run, once the facilitator starts it.
  public var clock: RoomClock?
  /// Decisions whose consequence a team sees at once, without a vote (`--no-vote`).
  public var noVote: [String]?
  /// The case study's injects sent so far, so none goes out twice (RoomEvents.swift).
  public var injectsSent: [InjectSent] = []

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case pacing, released, announcements, reveals, clock
    case noVote = "no_vote"
    case injectsSent = "injects_sent"
  }

  public init(
    pacing: Bool = false, released: [PhaseRelease] = [], announcements: [Announcement] = [],
    reveals: [DecisionReveal] = []
  ) {
    self.formatVersion = WorkshopState.currentFormatVersion
    self.pacing = pacing
    self.released = released
    self.announcements = announcements
    self.reveals = reveals
  }

  /// Files written before reveals existed have none.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    formatVersion = try c.decode(Int.self, forKey: .formatVersion)
    pacing = try c.decode(Bool.self, forKey: .pacing)
    released = try c.decode([PhaseRelease].self, forKey: .released)
    announcements = try c.decode([Announcement].self, forKey: .announcements)
    reveals = try c.decodeIfPresent([DecisionReveal].self, forKey: .reveals) ?? []
    clock = try c.decodeIfPresent(RoomClock.self, forKey: .clock)
    noVote = try c.decodeIfPresent([String].self, forKey: .noVote)
    injectsSent = try c.decodeIfPresent([InjectSent].self, forKey: .injectsSent) ?? []
  }

  /// Adds an announcement with the next id and returns it. Only the latest
  /// `maximumAnnouncements` are kept. Returns nil, changing nothing, for a text that
  /// `problem(withAnnouncement:)` refuses or when the ids are used up.
  @discardableResult
  public mutating func announce(_ text: String, at now: Date) -> Announcement? {
    guard WorkshopState.problem(withAnnouncement: text) == nil else { return nil }
    let last = announcements.map(\.id).max() ?? 0
    guard last < WorkshopState.maximumID else { return nil }
    let a = Announcement(id: last + 1, at: now, text: text)
    announcements.append(a)
    if announcements.count > WorkshopState.maximumAnnouncements {
      announcements.removeFirst(announcements.count - WorkshopState.maximumAnnouncements)
    }
    return a
  }

  /// Releases a phase (once; releasing it again keeps the first time).
  public mutating func release(_ phaseID: String, at now: Date) {
    guard !released.contains(where: { $0.phase == phaseID }) else { return }
    released.append(PhaseRelease(phase: phaseID, at: now))
  }

  /// When a phase was released, if it was.
  public func releaseTime(of phaseID: String) -> Date? {
    released.first { $0.phase == phaseID }?.at
  }

  /// Whether a phase is open for work: always without pacing; with pacing, when it or a later
  /// phase was released (releasing phase 3 opens 1 and 2 too).
  public func isOpen(phaseIndex: Int, in caseStudy: CaseStudy) -> Bool {
    guard pacing else { return true }
    let ids = Set(released.map(\.phase))
    return caseStudy.phases.indices.contains {
      $0 >= phaseIndex && ids.contains(caseStudy.phases[$0].id)
    }
  }

  /// When the timebox of a phase starts for a team: with pacing, at the phase's release, and
  /// never for a phase not released (it runs only in released phases); else when the team
  /// entered it.
  public func timeboxStart(phaseID: String, entered: Date?) -> Date? {
    pacing ? releaseTime(of: phaseID) : entered
  }
}
