import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The room's clock and the injects, written to the facilitator's file by the dashboard's
/// program. What is due is decided again inside the file's lock, so a second dashboard or a
/// script writing at the same moment never makes a notice or an inject go out twice.
extension DashboardProgram {
  mutating func changeClock(_ action: ClockAction) {
    let now = clock()
    let study = folder.caseStudy
    var outcome: Result<String, RoomClockProblem> = .failure(.notStarted)
    do {
      let state = try WorkshopStateFile.update(in: folder.url) { state in
        outcome = action.apply(to: &state, in: study, at: now)
      }
      dashboard.workshopChanged(state)
    } catch {
      dashboard.showMessage(error.description, isError: true)
      return
    }
    switch outcome {
    case .success(let done): dashboard.showMessage(done, isError: false)
    case .failure(let problem): dashboard.showMessage(problem.message, isError: true)
    }
  }

  mutating func sendInject(_ id: String) {
    guard let inject = folder.caseStudy.phases.flatMap(\.injects).first(where: { $0.id == id })
    else { return }
    let now = clock()
    var sent = false
    change("Sent \(id) to every team.") { sent = $0.send(inject, at: now) != nil }
    if !sent { dashboard.showMessage("\(id) had already gone out.", isError: true) }
  }

  /// Sends the clock's notice and the injects that are due, if any (checked without the lock
  /// first: most seconds nothing is due and nothing is written).
  mutating func sendDue() {
    let now = clock()
    let study = folder.caseStudy
    guard dashboard.workshop.hasDue(in: study, at: now) else { return }
    var sent: [Announcement] = []
    do {
      let state = try WorkshopStateFile.update(in: folder.url) {
        sent = $0.sendDue(in: study, at: now)
      }
      dashboard.workshopChanged(state)
    } catch {
      dashboard.showMessage(error.description, isError: true)
      return
    }
    guard !sent.isEmpty else { return }
    let names = sent.map { $0.inject ?? "the notice" }
    dashboard.showMessage(
      "Sent to every team: \(names.joined(separator: ", ")).", isError: false)
  }
}
