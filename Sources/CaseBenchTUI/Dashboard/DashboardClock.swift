import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The room's clock on the dashboard: its keys and its line at the right of the row above the
/// status bar (the latest announcement gives way to it).
extension Dashboard {
  /// The command for one of the clock's keys, or the injects' list opened.
  mutating func roomCommand(for key: Key) -> [DashboardCommand] {
    switch KeyTable.command(for: key, in: .dashboard) {
    case .startClock: return [.clock(.start)]
    case .pauseClock: return [.clock(workshop.clock?.isPaused == true ? .resume : .pause)]
    case .extendClock: return [.clock(.extend)]
    case .injects:
      guard let phase = workshop.runningPhase(in: caseStudy), !phase.injects.isEmpty else {
        showMessage("This phase has no injects.", isError: false)
        return []
      }
      overlays.present(.injects(picked: 0, asking: false))
    default: break
    }
    return []
  }
}

enum DashboardClockLine {
  /// "Clock · 2 Sprint 0 · Work 12:40 left" within `room` columns (the phase's title gives way
  /// first); nil before the clock starts.
  static func text(_ d: Dashboard, room: Int, glyphs g: Glyphs) -> (String, Role)? {
    guard let (phase, reading) = d.workshop.clockReading(in: d.caseStudy, at: d.now) else {
      return nil
    }
    let number = (d.caseStudy.phases.firstIndex { $0.id == phase.id } ?? 0) + 1
    let role: Role =
      reading.block == nil
      ? .danger
      : reading.paused || reading.remaining <= RoomClock.noticeSeconds ? .warning : .accent
    let head = " Clock \(g.dot) \(number) "
    let tail = " \(g.dot) \(reading.label) "
    let titleRoom = room - DisplayWidth.of(head) - DisplayWidth.of(tail)
    guard titleRoom >= 4 else { return (" \(reading.label) ", role) }
    return (head + g.truncate(phase.title, to: titleRoom) + tail, role)
  }

  /// Draws the line at the right end of row `y`, in at most half the row; returns the columns
  /// it took (0 for none).
  @discardableResult
  static func draw(_ d: Dashboard, y: Int, width: Int, into buf: inout ScreenBuffer) -> Int {
    guard let (text, role) = text(d, room: width / 2, glyphs: Glyphs.of(d.options)) else {
      return 0
    }
    let w = DisplayWidth.of(text)
    guard w > 0, w < width else { return 0 }
    buf.put(text, x: width - w, y: y, role: role, bold: role != .dim)
    return w
  }
}
