import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What shows over a team's workbench until it is dismissed, one at a time, oldest first:
/// an announcement from the facilitator's file, a decision the team voted on revealed to the
/// room (RevealBanner.swift), or phases released (Workshop/ParticipantPacing.swift). Only an
/// announcement has an id: the messages page opens on it.
enum Banner: Sendable, Equatable {
  case announcement(Announcement)
  /// The decision's consequence is on show to the room.
  case revealed(decisionID: String, at: Date)
  /// The facilitator opened these phases (their titles).
  case released(phases: [String], at: Date)

  var at: Date {
    switch self {
    case .announcement(let a): a.at
    case .revealed(_, let at), .released(_, let at): at
    }
  }

  var text: String {
    switch self {
    case .announcement(let a): a.text
    case .revealed(let id, _): WorkshopState.revealedNotice(id)
    case .released(let titles, _):
      "\(titles.joined(separator: ", ")) \(titles.count == 1 ? "is" : "are") open: the "
        + "briefing, the decisions and the work are yours now."
    }
  }

  /// Who it is from, for its title; nil for the facilitator.
  var from: String? { announcement?.from }

  var announcement: Announcement? {
    if case .announcement(let a) = self { a } else { nil }
  }
}
