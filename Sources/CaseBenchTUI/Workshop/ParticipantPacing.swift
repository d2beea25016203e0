import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A team's workbench under the folder's pacing: the case study it shows is the one
/// `CaseStudy.paced(by:)` allows (Core decides what of a phase a team may see), a release
/// shows a banner, and a facilitator's file that cannot be read is a warning on the status bar
/// while pacing stays as last read.
extension Workbench {
  /// Shows the case study as the facilitator's state allows. Called when the workbench opens
  /// and whenever that state changes; the full case study is kept aside.
  mutating func applyPacing(_ workshop: ParticipantWorkshop?) {
    guard let w = workshop else { return }
    let full = unpaced ?? caseStudy
    unpaced = full
    let shown = full.paced(by: w.state)
    let closed = Set(
      full.phases.indices.filter { w.state.visibility(ofPhase: $0, in: full) == .outline })
    guard shown != caseStudy || closed != closedPhases else { return }
    let before = caseStudy
    caseStudy = shown
    closedPhases = closed
    search = nil
    detailScroll = 0
    revalidateOverlays(before: before)
  }
}

extension AppState {
  /// Shows the workbench's case study as the facilitator's state allows.
  mutating func applyPacing() {
    inWorkbench { wb, env in wb.applyPacing(env.workshop) }
  }
}

extension ParticipantWorkshop {
  /// The facilitator's file changed from `earlier`: a phase it opened in `full` (the team's
  /// case study before pacing) gets a banner. Nothing is news before the file is first read.
  mutating func announceReleases(
    since earlier: WorkshopState, now state: WorkshopState, in full: CaseStudy?, at now: Date
  ) {
    guard let full, everRead else { return }
    let opened = state.newlyReleased(since: earlier, in: full)
    guard !opened.isEmpty else { return }
    let release = Banner.released(
      phases: opened.map(\.title), at: state.released.map(\.at).max() ?? now)
    if banner == nil { banner = release } else { queue.append(release) }
  }
}

extension WorkshopParts {
  /// The status bar's warning while the facilitator's file cannot be read: its name, line and
  /// column, and what it means for the team.
  static func problemLabel(_ state: AppState) -> String? {
    guard let e = state.workshop?.problem else { return nil }
    let name = URL(fileURLWithPath: e.file).lastPathComponent
    let place = e.line > 0 ? "\(name):\(e.line):\(e.column)" : name
    return DisplayWidth.visible(
      " ! \(place): the facilitator's file cannot be read (\(e.message)); pacing stays as "
        + "last read")
  }
}
