import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `casebench workshop DIR --list`: a workshop folder as plain text, for a pipe or a script.
public enum WorkshopList {
  /// The folder's rows as plain text: one line per file.
  public static func text(_ folder: WorkshopFolder, now: Date) -> String {
    if let problem = folder.folderError { return problem + "\n" }
    var out = ""
    if let warning = folder.privacyWarning { out += warning + "\n" }
    for row in folder.rows {
      guard let team = row.team else {
        out += "\(row.fileName)  SKIPPED: \(row.skip?.label ?? "?")\n"
        continue
      }
      let phase = folder.caseStudy.phases[team.currentPhaseIndex].title
      let minutes = Int(now.timeIntervalSince(team.lastActivity) / 60)
      out +=
        "\(team.team)  \(Progress.percent(team.progress.fraction))  on \(phase)  "
        + "decisions \(team.decisionsTaken) (\(team.decisionsRecommended) recommended)  "
        + "active \(minutes) min ago\n"
    }
    return out.isEmpty ? "No sessions in \(folder.url.path) yet.\n" : out
  }
}
