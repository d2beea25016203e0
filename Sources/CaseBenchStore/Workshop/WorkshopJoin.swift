import CaseBenchLoading
import CaseBenchModel

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
  /// What `join` did.
  public struct Joined: Sendable {
    public var opened: OpenedSession
    public var created: Bool
    /// Other accounts can read the team's file (the folder was not set up with `--init`).
    public var othersCanRead: Bool
  }

  /// How names are compared: case and runs of spaces do not matter ("Team  3" is "team 3").
  public static func key(_ team: String) -> String {
    team.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The team's file name: a readable part from the name, plus a short hash of the whole
  /// name (its `key`) whenever the readable part does not spell the name out (it is cut,
  /// empty, or dropped letters), so different names never share a file: "Team 3" is
  /// `team-3-bike-shop.json`, "团队一" `t-f3cad403-bike-shop.json`.
  public static func fileName(team: String, caseStudyID: String) -> String {
    let key = key(team)
    let readable = SessionDirectory.slug(key)
    let caseSlug = SessionDirectory.slug(caseStudyID)
    var stem = readable
    if readable != key.replacing(" ", with: "-") || readable.isEmpty {
      let hash = CaseStudySource.hash(of: Data(key.utf8)).suffix(8)
      stem = (readable.isEmpty ? "t" : readable) + "-" + hash
    }
    return [stem, caseSlug].filter { !$0.isEmpty }.joined(separator: "-") + ".json"
  }

  /// The team's file in the folder.
  public static func url(team: String, caseStudyID: String, in folder: URL) -> URL {
    folder.appendingPathComponent(
      fileName(team: team, caseStudyID: caseStudyID), isDirectory: false)
  }

  /// Creates the team's session, or opens it if the team's file is already there. Refuses
  /// when the folder is missing or not writable, when the team's file is a link or not a
  /// regular file, or when the team's name or file belongs to another case study or team.
  /// A teammate creating the same new team at the same moment: one creates it, the other
  /// opens it (read-only while the first has it open).
  public static func join(
    folder: URL, team: String, caseStudy: CaseStudy, searchDirectories: [URL] = [],
    now: Date = Date()
  ) throws(SessionStoreError) -> Joined {
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
    WorkshopFolder.sweepTemporaryFiles(in: folder, now: now)
    let name = team.trimming(.whitespacesAndNewlines)
    // The name is taken when a session of another case study in the folder already has it.
    for row in WorkshopFolder.read(folder, caseStudy: caseStudy).rows {
      guard case .otherCaseStudy(let other) = row.skip,
        let s = try? SessionStore.load(from: row.url, inWorkshop: true),
        key(s.participant) == key(name)
      else { continue }
      throw SessionStoreError(
        kind: .exists, file: row.url.path,
        message: "the name '\(name)' is taken by a session of another case study (\(other))",
        fix: "join under another team name, or use a separate workshop folder")
    }
    let target = url(team: name, caseStudyID: caseStudy.id, in: folder)
    if let entry = POSIX.entry(target.path), entry.isLink || !entry.isRegular {
      throw SessionStoreError(
        kind: .exists, file: target.path,
        message: entry.isLink
          ? "the team's file is a symbolic link; links are never followed in a workshop folder"
          : "the team's file is not a regular file",
        fix: "ask the facilitator to remove it, then join again")
    }
    if !POSIX.exists(target.path) {
      let session = Session(participant: name, caseStudy: caseStudy, now: now)
      do throws(SessionStoreError) {
        let lock = try SessionFiles.create(session, at: target)
        shareWithFolder(target.path, folder: path)
        let opened = OpenedSession(url: target, caseStudy: caseStudy, session: session, lock: lock)
        return Joined(opened: opened, created: true, othersCanRead: exposed(target, folder))
      } catch {
        // A teammate is creating it this moment: open theirs below once it is written.
        guard error.kind == .exists || error.kind == .locked else { throw error }
        waitForFirstSave(target)
      }
    }
    let existing = try SessionStore.load(from: target, inWorkshop: true)
    guard existing.caseStudyID == caseStudy.id else {
      throw SessionStoreError(
        kind: .exists, file: target.path,
        message: "this file is a session of another case study (\(existing.caseStudyID))",
        fix: "join under another team name, or use a separate workshop folder")
    }
    guard key(existing.participant) == key(name) else {
      throw SessionStoreError(
        kind: .exists, file: target.path,
        message: "this file is the session of another team ('\(existing.participant)')",
        fix: "join under another team name")
    }
    let opened = try SessionFiles.open(target, searchDirectories: searchDirectories)
    return Joined(opened: opened, created: false, othersCanRead: exposed(target, folder))
  }

  /// Waits up to two seconds for a file another casebench is creating to be written.
  static func waitForFirstSave(_ target: URL) {
    for _ in 0..<40 {
      if (try? SessionStore.load(from: target, inWorkshop: true)) != nil { return }
      usleep(50_000)
    }
  }

  static func exposed(_ target: URL, _ folder: URL) -> Bool {
    guard let owner = WorkshopStateFile.folderOwner(folder) else { return false }
    return WorkshopPrivacy.othersCanRead(target.path, folder: folder.path, facilitator: owner)
  }

  /// Gives a new session file the folder's group and other read bits, so a facilitator who
  /// may read the folder may read the file too; saves keep them. In a folder set up with
  /// `--init` the group read bit is the ACL's mask: it lets the facilitator alone read.
  static func shareWithFolder(_ file: String, folder: String) {
    var st = stat()
    guard stat(folder, &st) == 0 else { return }
    let shared = st.st_mode & 0o044
    if shared != 0 { _ = chmod(file, 0o600 | shared) }
  }
}
