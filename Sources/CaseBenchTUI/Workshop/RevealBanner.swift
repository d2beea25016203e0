import CaseBenchModel

/// Vote, then reveal, on a team's screen: the dialog shows `WorkshopState.waitingForReveal`
/// where the consequence will be, and a reveal arriving from the facilitator's file is a banner
/// (the dialog shows the consequence at its next frame, without a key).
extension ParticipantWorkshop {
  /// New reveals since `previous` (nil on the first read: nothing to announce) of decisions the
  /// team voted on in `session` join the banner queue, after any announcement already waiting.
  mutating func bannerReveals(
    since previous: WorkshopState?, _ state: WorkshopState, session: Session?
  ) {
    guard let previous, let session else { return }
    let fresh = state.reveals.filter {
      previous.revealTime(of: $0.decision) == nil && session.decisions[$0.decision] != nil
    }
    enqueueBanners(fresh.map { .revealed(decisionID: $0.decision, at: $0.at) })
  }
}

extension DecisionDialog {
  /// Where the consequence will be, until the reveal.
  static func waitingLines(width: Int, into lines: inout [StyledLine]) {
    lines.wrap(WorkshopState.waitingForReveal + ".", width: width, role: .warning, bold: true)
    lines.wrap(
      "Your vote is in. The consequence shows here when the facilitator reveals the decision "
        + "to the room; until then, and after, you can still change your choice.", width: width,
      role: .dim)
  }
}
