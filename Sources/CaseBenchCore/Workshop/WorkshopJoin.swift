#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `casebench join DIR --name TEAM`: the team's session in a workshop folder, created on the
/// first join and resumed after, always through `SessionFiles`.
public enum WorkshopJoin {
  /// The team's file in the folder: named from the team and the case study, as `new` names it.
  public static func url(team: String, caseStudyID: String, in folder: URL) -> URL {
    folder.appendingPathComponent(
      SessionDirectory.suggestedFileName(participant: team, caseStudyID: caseStudyID),
      isDirectory: false)
  }

  /// Creates the team's session, or opens it if the team's file is already there. Refuses
  /// when the folder is missing or not writable, or when the team's name or file belongs to
  /// another case study. Returns the opened session and whether it was created.
  public static func join(
    folder: URL, team: String, caseStudy: CaseStudy, searchDirectories: [URL] = [],
    now: Date = Date()
  ) throws(SessionStoreError) -> (opened: OpenedSession, created: Bool) {
    let path = folder.path
    guard POSIX.isDirectory(path) == true else {
      throw SessionStoreError(
        kind: .unreadable, file: path, message: "no such workshop folder",
        fix: "check the path the facilitator gave you")
    }
    guard access(path, W_OK | X_OK) == 0 else {
      throw SessionStoreError(
        kind: .writeFailed, file: path, message: "you may not write to the workshop folder",
        fix: "ask the facilitator to give your account write access to it")
    }
    let name = team.trimming(.whitespacesAndNewlines)
    // The name is taken when a session of another case study in the folder already has it.
    for row in WorkshopFolder.read(folder, caseStudy: caseStudy).rows {
      guard case .otherCaseStudy(let other) = row.skip,
        let s = try? SessionStore.load(from: row.url),
        s.participant.lowercased() == name.lowercased()
      else { continue }
      throw SessionStoreError(
        kind: .exists, file: row.url.path,
        message: "the name '\(name)' is taken by a session of another case study (\(other))",
        fix: "join under another team name, or use a separate workshop folder")
    }
    let target = url(team: name, caseStudyID: caseStudy.id, in: folder)
    if !POSIX.exists(target.path) {
      let session = Session(participant: name, caseStudy: caseStudy, now: now)
      do throws(SessionStoreError) {
        let lock = try SessionFiles.create(session, at: target)
        shareWithFolder(target.path, folder: path)
        return (
          OpenedSession(url: target, caseStudy: caseStudy, session: session, lock: lock), true
        )
      } catch {
        // A teammate created it a moment ago: open theirs below.
        guard error.kind == .exists || error.kind == .locked else { throw error }
      }
    }
    let existing = try SessionStore.load(from: target)
    guard existing.caseStudyID == caseStudy.id else {
      throw SessionStoreError(
        kind: .exists, file: target.path,
        message: "this file is a session of another case study (\(existing.caseStudyID))",
        fix: "join under another team name, or use a separate workshop folder")
    }
    return (try SessionFiles.open(target, searchDirectories: searchDirectories), false)
  }

  /// Gives a new session file the folder's group and other read bits, so a facilitator who
  /// may read the folder may read the file too; saves keep them.
  static func shareWithFolder(_ file: String, folder: String) {
    var st = stat()
    guard stat(folder, &st) == 0 else { return }
    let shared = st.st_mode & 0o044
    if shared != 0 { _ = chmod(file, 0o600 | shared) }
  }
}
