import CaseBenchModel
import CaseBenchStore
import CaseBenchTUI
import Foundation

/// Issue 9's bars: a folder of 200 teams read and drawn on the dashboard in under 200 ms, and
/// a refresh after one team saved, with the redraw, in under 20 ms.
enum WorkshopBenchmark {
  static let teams = 200
  static let size = Size(width: 200, height: 50)

  static func run(_ bike: CaseStudy) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "casebench-bench-workshop-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let now = Date()
    for n in 0..<teams {
      let s = WorkshopSample.session(n, caseStudy: bike, now: now)
      let url = WorkshopJoin.url(team: s.participant, caseStudyID: bike.id, in: dir)
      do { try SessionStore.save(s, to: url) } catch { print("save failed: \(error)") }
    }
    var folder = WorkshopFolder.read(dir, caseStudy: bike)
    var loadCPU: [Double] = []
    let loadMS = median(5) {
      let cpu = cpuMS()
      defer { loadCPU.append(cpuMS() - cpu) }
      folder = WorkshopFolder.read(dir, caseStudy: bike)
      var dashboard = Dashboard(
        folder: folder, workshop: WorkshopState(), options: RenderOptions(), now: now)
      _ = dashboard.update(.resize(size))
      _ = render(dashboard, size: size)
    }
    report("workshop: read \(teams) sessions, draw the dashboard", loadMS, bar: 200)
    cpuLine(loadCPU)

    let changedURL = WorkshopJoin.url(team: "Team 1", caseStudyID: bike.id, in: dir)
    var changed = WorkshopSample.session(0, caseStudy: bike, now: now)
    var dashboard = Dashboard(
      folder: folder, workshop: WorkshopState(), options: RenderOptions(), now: now)
    _ = dashboard.update(.resize(size))
    // Each run saves one team's file (untimed), then times the refresh that picks it up, the
    // dashboard taking the new rows, and the redraw.
    var times: [Double] = []
    var refreshCPU: [Double] = []
    for flip in 1...9 {
      changed.setNote("edit \(flip)", of: bike.allItems[0].id)
      do { try SessionStore.save(changed, to: changedURL) } catch { print("\(error)") }
      let start = DispatchTime.now().uptimeNanoseconds
      let cpu = cpuMS()
      folder.refresh()
      dashboard.folderChanged(folder)
      _ = render(dashboard, size: size)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
      refreshCPU.append(cpuMS() - cpu)
      if folder.lastReadCount != 1 { print("refresh read \(folder.lastReadCount) files, not 1") }
    }
    times.sort()
    report("workshop: refresh + redraw, one file changed", times[times.count / 2], bar: 20)
    cpuLine(refreshCPU)
  }

  /// The CPU time this process has used, all threads together, in milliseconds: on a machine
  /// shared with other work it says what the wall-clock figure would be on an idle one (for
  /// one thread; a parallel read takes less wall time than its CPU time).
  static func cpuMS() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
  }

  static func cpuLine(_ samples: [Double]) {
    let sorted = samples.sorted()
    print(String(format: "  CPU time, all threads (median): %.3f ms", sorted[sorted.count / 2]))
  }
}
