#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One of the four blocks a workshop spends a phase's minutes on (the case study's `schedule`).
public enum ScheduleBlock: String, Sendable, Equatable, Codable, CaseIterable {
  case read, work, decide, debrief

  /// The teams are told before these end, so that they can finish.
  public var hasNotice: Bool { self == .work || self == .decide }

  public func minutes(in schedule: Schedule) -> Int {
    switch self {
    case .read: schedule.read
    case .work: schedule.work
    case .decide: schedule.decide
    case .debrief: schedule.debrief
    }
  }
}

/// The room's clock for the phase being run: one clock for the whole class, kept in the
/// facilitator's file, read by the dashboard and every team. It runs the phase's schedule block
/// by block; a pause stops it and shifts everything after, so nothing scheduled fires during a
/// pause or all at once after one (what goes wrong in exercise platforms); extending a block
/// moves the blocks after it.
public struct RoomClock: Sendable, Equatable, Codable {
  public var phase: String
  public var started: Date
  /// Set while the clock is paused: since when.
  public var pausedAt: Date?
  /// The seconds of pauses already over.
  public var pausedSeconds: Double
  /// Minutes added to a block (by its raw value) on top of the schedule.
  public var extraMinutes: [String: Int]
  /// The blocks whose "5 minutes left" notice has gone to the teams.
  public var noticesSent: [ScheduleBlock]

  /// How long before a block's end its notice goes out.
  public static let noticeSeconds: Double = 5 * 60

  enum CodingKeys: String, CodingKey {
    case phase, started
    case pausedAt = "paused_at"
    case pausedSeconds = "paused_seconds"
    case extraMinutes = "extra_minutes"
    case noticesSent = "notices_sent"
  }

  public init(phase: String, started: Date) {
    self.phase = phase
    self.started = started
    self.pausedAt = nil
    self.pausedSeconds = 0
    self.extraMinutes = [:]
    self.noticesSent = []
  }

  public var isPaused: Bool { pausedAt != nil }

  /// Seconds the clock has run since it started, pauses left out.
  public func elapsed(at now: Date) -> Double {
    let end = pausedAt ?? now
    return max(0, end.timeIntervalSince(started) - pausedSeconds)
  }

  public mutating func pause(at now: Date) {
    if pausedAt == nil { pausedAt = now }
  }

  public mutating func resume(at now: Date) {
    guard let since = pausedAt else { return }
    pausedSeconds += max(0, now.timeIntervalSince(since))
    pausedAt = nil
  }

  /// Adds minutes to a block (5 by default, on the dashboard's key); a block whose notice went
  /// out gets a new one before its new end.
  public mutating func extend(_ block: ScheduleBlock, by minutes: Int = 5) {
    extraMinutes[block.rawValue] = max(0, (extraMinutes[block.rawValue] ?? 0) + minutes)
    noticesSent.removeAll { $0 == block }
  }

  /// A block's length in seconds, extensions included.
  public func seconds(of block: ScheduleBlock, in schedule: Schedule) -> Double {
    Double(max(0, block.minutes(in: schedule) + (extraMinutes[block.rawValue] ?? 0))) * 60
  }

  /// Where the room is at `now`.
  public func reading(_ schedule: Schedule, at now: Date) -> ClockReading {
    let elapsed = elapsed(at: now)
    var end = 0.0
    for block in ScheduleBlock.allCases {
      end += seconds(of: block, in: schedule)
      if elapsed < end {
        return ClockReading(block: block, remaining: end - elapsed, paused: isPaused)
      }
    }
    return ClockReading(block: nil, remaining: end - elapsed, paused: isPaused)
  }

  /// The block whose "5 minutes left" notice is due now and has not gone out.
  public func noticeDue(_ schedule: Schedule, at now: Date) -> ScheduleBlock? {
    guard !isPaused else { return nil }
    let r = reading(schedule, at: now)
    guard let block = r.block, block.hasNotice, !noticesSent.contains(block),
      r.remaining <= Self.noticeSeconds, seconds(of: block, in: schedule) > Self.noticeSeconds
    else { return nil }
    return block
  }
}

/// What the room's clock says at one moment.
public struct ClockReading: Sendable, Equatable {
  /// The block the room is in; nil once the phase's whole schedule has run out.
  public var block: ScheduleBlock?
  /// Seconds left in the block; after the schedule, how far over it is (negative).
  public var remaining: Double
  public var paused: Bool

  /// "work · 12:30 left", "debrief · 0:45 left (paused)", "over by 3:10".
  public var text: String {
    let time = timeText
    let pause = paused ? " (paused)" : ""
    guard let block else { return "schedule over by \(time)\(pause)" }
    return "\(block.rawValue) · \(time) left\(pause)"
  }

  /// The time left (or over) as minutes and seconds: "12:40".
  public var timeText: String {
    let seconds = Int(abs(remaining).rounded(.down))
    return "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
  }

  /// What the teams' status bars and the dashboard show: "Work 12:40 left",
  /// "Decide 4:10 left, paused", "Over by 3:10".
  public var label: String {
    let pause = paused ? ", paused" : ""
    guard let block else { return "Over by \(timeText)\(pause)" }
    return "\(block.rawValue.capitalized) \(timeText) left\(pause)"
  }
}
