import CaseBenchLoading
import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension WorkshopFolder {
  /// Whether `folder` is a workshop folder: it holds the facilitator's file (whatever state
  /// that file is in; a damaged one is still a workshop's). The one test every way of opening a
  /// session uses (`join`, `open FILE`, `open NAME`, the start screen with `--sessions DIR`).
  public static func isWorkshop(_ folder: URL) -> Bool {
    POSIX.entry(WorkshopStateFile.url(in: folder).path) != nil
  }

  /// The workshop folder a session file lives in, if it lives in one.
  public static func workshop(holding file: URL) -> URL? {
    let folder = file.deletingLastPathComponent()
    return isWorkshop(folder) ? folder : nil
  }

  /// The case study as the folder's pacing lets the team of the session at `file` see it now
  /// (whole outside a workshop folder): what the command line's reports and exports use.
  public static func paced(_ caseStudy: CaseStudy, forSessionAt file: URL) -> CaseStudy {
    guard let folder = workshop(holding: file) else { return caseStudy }
    let state =
      (try? WorkshopStateFile.read(in: folder)) ?? WorkshopState.whileUnreadable(lastRead: nil)
    return caseStudy.paced(by: state)
  }
}

extension WorkshopFolder {
  /// Whether `file` would be in `folder` or in a folder inside it, links resolved: a workshop
  /// folder holds only the teams' sessions, so nothing casebench writes may go there.
  public static func holds(_ file: URL, folder: URL) -> Bool {
    let parent = file.deletingLastPathComponent().resolvingSymlinksInPath().path
    let workshop = folder.resolvingSymlinksInPath().path
    return parent == workshop
      || parent.hasPrefix(workshop.hasSuffix("/") ? workshop : workshop + "/")
  }
}
