import CaseBenchLoading
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Watches the file of a workbench opened read-only (another casebench holds the session, as
/// when a second team member runs `casebench join`), on the program's idle tick: at most once a
/// second it compares the file's stamp (size, modification time, inode: `FileStamp`, the
/// workshop folder's test too) and reads the file only when that changed. It never writes and
/// never locks. A preview, whose file is a case study, is not followed.
struct SessionFileFollower {
  static let interval: TimeInterval = 1

  private var url: URL?
  private var stamp: FileStamp?
  private var lastLook = Date.distantPast

  /// What changed since the last look: the newer session, or why the file does not read.
  /// `file`: the read-only workbench's file, nil when the program may write its file.
  mutating func news(file: URL?, state: AppState, now: Date) -> [Event] {
    guard let file, state.preview == nil, let wb = state.workbench, wb.readOnly else {
      url = nil
      return []
    }
    // A file just opened is looked at straight away: it may have changed since it was read.
    guard url != file || now.timeIntervalSince(lastLook) >= Self.interval else { return [] }
    lastLook = now
    let current = FileStamp(file.path)
    if url == file && current == stamp { return [] }
    url = file
    stamp = current
    do throws(SessionStoreError) {
      let newer = try SessionStore.load(from: file, inWorkshop: state.workshop != nil)
      guard newer.caseStudyID == wb.session.caseStudyID else {
        throw SessionStoreError(
          kind: .foreign, file: file.path,
          message:
            "it now holds a session of '\(newer.caseStudyID)', not '\(wb.session.caseStudyID)'",
          fix: "open the file again to see it")
      }
      return newer == wb.session ? [] : [.sessionFollowed(newer)]
    } catch {
      return [.sessionFollowFailed(error.description)]
    }
  }
}
