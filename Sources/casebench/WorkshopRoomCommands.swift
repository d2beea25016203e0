import ArgumentParser
import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `casebench workshop DIR --clock ACTION` and `--inject ID`: the dashboard's clock keys and
/// its injects list, for scripts.
extension WorkshopCommand {
  func changeRoom(in dir: URL, study: CaseStudy) throws(CLIError) {
    var target: Inject?
    if let inject {
      let all = study.phases.flatMap(\.injects)
      guard let found = all.first(where: { $0.id == inject }) else {
        let ids = all.map(\.id)
        throw CLIError(
          code: Exit.usage,
          description: DiagnosticLine.format(
            file: "--inject", message: "no inject '\(inject)' in \(study.id)",
            fix: ids.isEmpty
              ? "this case study has no injects"
              : "give an inject id (\(ids.joined(separator: ", ")))"))
      }
      target = found
    }
    let now = Date()
    var outcome: Result<String, RoomClockProblem>?
    var sent: Announcement?
    var sentBefore: Date?
    do {
      _ = try WorkshopStateFile.update(in: dir) { state in
        if let clock { outcome = clock.apply(to: &state, in: study, at: now) }
        if let target {
          sentBefore = state.sentTime(ofInject: target.id)
          sent = state.send(target, at: now)
        }
      }
    } catch {
      throw CLIError.failure(error.description)
    }
    var problems: [String] = []
    switch outcome {
    case .success(let done): Console.out(done + "\n")
    case .failure(let problem): problems.append(problem.message)
    case nil: break
    }
    if let target {
      if sent != nil {
        Console.out("Sent \(target.id) to every team in \(dir.path)\n")
      } else if let sentBefore {
        problems.append("\(target.id) went out at \(sentBefore); an inject goes out once.")
      } else {
        problems.append("the announcement ids are used up")
      }
    }
    if !problems.isEmpty {
      throw CLIError.failure(
        DiagnosticLine.format(
          file: WorkshopStateFile.url(in: dir).path, message: problems.joined(separator: " "),
          fix: outcome == .failure(.notStarted)
            ? "start it first: `casebench workshop DIR --clock start`, or `c` on the dashboard"
            : "see `casebench workshop DIR --help`"))
    }
  }
}
