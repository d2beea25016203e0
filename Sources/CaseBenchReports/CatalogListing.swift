import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `casebench list`: the case studies found, the files left out and why, and the saved
/// sessions, as plain text.
public enum CatalogListing {
  public static func text(
    caseStudies: [CaseStudy], notListed: [Diagnostic], sessionsFolder dir: URL,
    sessions: [SessionSummary]
  ) -> String {
    var out = "Case studies:\n"
    for study in caseStudies {
      let phases = study.phases.count
      let items = study.allItems.count
      out +=
        "  \(study.id)  \(study.title) (v\(study.version), \(counted(phases, "phase")), \(counted(items, "item")))\n"
    }
    if !notListed.isEmpty {
      out += "\nNot listed (\(notListed.count)):\n"
      for problem in notListed { out += "  \(problem.description)\n" }
    }
    out += "\nSessions in \(dir.path):\n"
    if sessions.isEmpty {
      out += "  (none yet: start one with `casebench new --name \"Team A\"`)\n"
    }
    for s in sessions {
      if let error = s.error {
        out += "  \(s.url.lastPathComponent)  unreadable: \(error)\n"
      } else {
        let when = s.updated.map { $0.formatted(.iso8601) } ?? "?"
        out += "  \(s.url.lastPathComponent)  \(s.participant)  \(s.caseStudyID)  updated \(when)\n"
      }
    }
    return out
  }
}
