import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

/// The room's clock on a team's status bar, from the facilitator's file the team re-reads:
/// "Work 12:40 left" in place of the timebox while the facilitator runs the clock.
enum RoomClockStatus {
  /// The label and whether it warns (the schedule is over), when the clock runs and the
  /// label fits in the right half of the row; the status bar drops key hints to make room.
  static func label(_ state: AppState, size: Size) -> (text: String, over: Bool)? {
    guard let w = state.workshop, let wb = state.workbench, WorkshopParts.isPromptFree(state),
      let (_, reading) = w.state.clockReading(in: wb.caseStudy, at: state.now)
    else { return nil }
    let text = " \(reading.label) "
    guard size.width - DisplayWidth.of(text) > size.width / 2 else { return nil }
    return (text, reading.block == nil)
  }
}
