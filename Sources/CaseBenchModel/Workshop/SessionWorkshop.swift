#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension Session {
  /// The log's target for an announcement: `announcement-3`.
  public static func announcementTarget(_ id: Int) -> String { "announcement-\(id)" }

  /// Whether the facilitator's announcement with this id is in the event log.
  public func hasRecorded(announcement id: Int) -> Bool {
    let target = Session.announcementTarget(id)
    return events.contains { $0.kind == .announcement && $0.target == target }
  }

  /// Records that an announcement reached the team: its id, not its text (the facilitator's
  /// file holds the text, so a flood of long announcements does not grow every team's file).
  /// Returns false if it was already recorded.
  @discardableResult
  public mutating func recordAnnouncement(_ a: Announcement, at now: Date) -> Bool {
    guard !hasRecorded(announcement: a.id) else { return false }
    events.append(
      SessionEvent(
        at: now, kind: .announcement, target: Session.announcementTarget(a.id),
        detail: a.inject.map { "inject \($0) shown" } ?? "shown"))
    updated = now
    return true
  }

  /// When the team first worked on a phase, from the event log (nil if it has not yet).
  public func firstWork(inPhase phase: Phase) -> Date? {
    var ids = Set(phase.items.map(\.id))
    ids.formUnion(phase.decisions.map(\.id))
    return events.first { $0.target.map(ids.contains) == true }?.at
  }
}
