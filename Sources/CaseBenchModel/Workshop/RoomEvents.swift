#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// An inject of the case study that went out to the teams, and when.
public struct InjectSent: Sendable, Equatable, Codable {
  public var inject: String
  public var at: Date

  public init(inject: String, at: Date) {
    self.inject = inject
    self.at = at
  }
}

/// What the room's clock and the reveals send to the teams on their own: the "5 minutes left"
/// notices and the case study's timed and after-reveal injects. Each goes out as an
/// announcement (so every team sees a banner, the messages page keeps it and each session's log
/// records it) and is marked in the facilitator's file in the same write, so it never goes out
/// twice, whoever runs the dashboard and however often it restarts.
extension WorkshopState {
  /// What the room's clock says now, and for which phase; nil before it starts.
  public func clockReading(in caseStudy: CaseStudy, at now: Date) -> (
    phase: Phase, reading: ClockReading
  )? {
    guard let clock, let phase = caseStudy.phase(id: clock.phase) else { return nil }
    return (phase, clock.reading(phase.roomSchedule, at: now))
  }

  /// When an inject went out, if it did.
  public func sentTime(ofInject id: String) -> Date? {
    injectsSent.first { $0.inject == id }?.at
  }

  /// The phase the room is running: the clock's, else the latest released, else the first.
  public func runningPhase(in caseStudy: CaseStudy) -> Phase? {
    if let id = clock?.phase, let phase = caseStudy.phase(id: id) { return phase }
    if let id = released.last?.phase, let phase = caseStudy.phase(id: id) { return phase }
    return caseStudy.phases.first
  }

  /// Sends an inject to every team now, once: nil when it already went out (or the
  /// announcement ids are used up).
  @discardableResult
  public mutating func send(_ inject: Inject, at now: Date) -> Announcement? {
    guard sentTime(ofInject: inject.id) == nil,
      var a = announce(inject.text, at: now)
    else { return nil }
    a.from = inject.from
    a.inject = inject.id
    if let i = announcements.lastIndex(where: { $0.id == a.id }) { announcements[i] = a }
    injectsSent.append(InjectSent(inject: inject.id, at: now))
    return a
  }

  /// The injects due now and not yet sent: timed ones of the clock's phase once its clock
  /// (pauses left out) reaches their minute, never while it is paused; after-reveal ones once
  /// their decision is revealed. Manual ones never come due.
  public func dueInjects(in caseStudy: CaseStudy, at now: Date) -> [Inject] {
    var due: [Inject] = []
    for phase in caseStudy.phases {
      for inject in phase.injects where sentTime(ofInject: inject.id) == nil {
        switch inject.trigger {
        case .atMinute(let minute):
          guard let clock, clock.phase == phase.id, !clock.isPaused,
            clock.elapsed(at: now) >= Double(minute) * 60
          else { continue }
          due.append(inject)
        case .afterReveal(let decision):
          if revealTime(of: decision) != nil { due.append(inject) }
        case .manual:
          continue
        }
      }
    }
    return due
  }

  /// The "5 minutes left" notice due now, as its text, if one is (`RoomClock.noticeDue`).
  public func noticeDue(in caseStudy: CaseStudy, at now: Date) -> (
    block: ScheduleBlock, text: String
  )? {
    guard let clock, let phase = caseStudy.phase(id: clock.phase),
      let block = clock.noticeDue(phase.roomSchedule, at: now)
    else { return nil }
    let minutes = Int(RoomClock.noticeSeconds / 60)
    return (block, "\(minutes) minutes left to \(block.rawValue) in \(phase.title).")
  }

  /// Whether anything is due (cheap: the dashboard asks every second, and writes only then).
  public func hasDue(in caseStudy: CaseStudy, at now: Date) -> Bool {
    noticeDue(in: caseStudy, at: now) != nil || !dueInjects(in: caseStudy, at: now).isEmpty
  }

  /// Sends what is due now: the notice, then the injects. Returns what went out.
  @discardableResult
  public mutating func sendDue(in caseStudy: CaseStudy, at now: Date) -> [Announcement] {
    var sent: [Announcement] = []
    if let notice = noticeDue(in: caseStudy, at: now) {
      clock?.noticesSent.append(notice.block)
      if let a = announce(notice.text, at: now) { sent.append(a) }
    }
    for inject in dueInjects(in: caseStudy, at: now) {
      if let a = send(inject, at: now) { sent.append(a) }
    }
    return sent
  }
}

/// What the dashboard's and the command line's clock keys do.
public enum ClockAction: String, Sendable, Equatable, CaseIterable {
  case start, pause, resume, extend

  /// Applies the action to the facilitator's state: `start` runs the clock for the phase
  /// released last (the first phase when none is), the others act on the running clock.
  /// Returns what to tell the facilitator, or a problem (nothing changed).
  public func apply(
    to state: inout WorkshopState, in caseStudy: CaseStudy, at now: Date
  ) -> Result<String, RoomClockProblem> {
    let minutes = Int(RoomClock.noticeSeconds / 60)
    let released = state.released.last.flatMap { caseStudy.phase(id: $0.phase) }
    guard
      let phase = self == .start
        ? released ?? caseStudy.phases.first
        : state.clock.flatMap({ caseStudy.phase(id: $0.phase) })
    else { return .failure(.notStarted) }
    switch self {
    case .start:
      if let clock = state.clock, clock.phase == phase.id {
        return .failure(RoomClockProblem("The room's clock already runs for \(phase.title)."))
      }
      state.clock = RoomClock(phase: phase.id, started: now)
      return .success("The room's clock runs for \(phase.title): \(phase.roomSchedule.summary()).")
    case .pause, .resume:
      guard var clock = state.clock else { return .failure(.notStarted) }
      if self == .pause {
        guard !clock.isPaused else { return .failure(RoomClockProblem("The clock is paused.")) }
        clock.pause(at: now)
      } else {
        guard clock.isPaused else { return .failure(RoomClockProblem("The clock is running.")) }
        clock.resume(at: now)
      }
      state.clock = clock
      return .success(self == .pause ? "The room's clock is paused." : "The room's clock runs on.")
    case .extend:
      guard var clock = state.clock else { return .failure(.notStarted) }
      guard let block = clock.reading(phase.roomSchedule, at: now).block else {
        return .failure(RoomClockProblem("The schedule is over; there is no block to extend."))
      }
      clock.extend(block, by: minutes)
      state.clock = clock
      return .success("\(block.rawValue.capitalized) has \(minutes) more minutes.")
    }
  }
}

/// Why a clock action changed nothing.
public struct RoomClockProblem: Error, Sendable, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public static let notStarted = RoomClockProblem("The room's clock has not started.")
}
