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

/// A session file opened for the workbench: what it holds, and its lock when this process may
/// write it.
public struct OpenedSession: Sendable {
  public var url: URL
  public var caseStudy: CaseStudy
  public var session: Session
  /// Held while the session is open; `nil` when it opened read-only.
  public var lock: SessionLock?
  /// Why the session opened read-only, if it did.
  public var readOnlyReason: String?

  public init(
    url: URL, caseStudy: CaseStudy, session: Session, lock: SessionLock?,
    readOnlyReason: String? = nil
  ) {
    self.url = url
    self.caseStudy = caseStudy
    self.session = session
    self.lock = lock
    self.readOnlyReason = readOnlyReason
  }
}

/// Creating, reading and opening session files. `casebench new`, the start screen and
/// `casebench open` all come here, so the rules live in one place:
///
/// - A new file is locked before its first byte is written, and saved atomically.
/// - An existing file is never overwritten, except on request and only when it is a session
///   (the old copy is kept as FILE.bak); a folder or any other file is left alone.
/// - Opening takes the lock, or falls back to read-only and says why, then loads the session
///   and its case study.
public enum SessionFiles {
  /// How many numbered names `create(_:inFolder:)` tries before giving up.
  static let nameAttempts = 20

  /// Creates a session file at `url`, creating its folder (0700) if needed. Returns the lock,
  /// taken before the first byte was written; the caller keeps it while the session is open
  /// and releases it after.
  ///
  /// Throws `.exists` when something is already at `url`, unless `replacing` is set and it is
  /// a readable session.
  public static func create(_ session: Session, at url: URL, replacing: Bool = false)
    throws(SessionStoreError) -> SessionLock
  {
    let path = url.path
    if POSIX.isDirectory(path) == true {
      throw SessionStoreError(
        kind: .exists, file: path, message: "this is a folder, not a session file",
        fix: "give the path of a .json file")
    }
    try makeFolder(url.deletingLastPathComponent())
    let lock = try SessionLock.acquire(for: url)
    do throws(SessionStoreError) {
      if POSIX.exists(path) {
        guard replacing else {
          throw SessionStoreError(
            kind: .exists, file: path, message: "a file is already there; not overwriting it",
            fix: "choose another name")
        }
        do {
          _ = try SessionStore.load(from: url)
        } catch {
          throw SessionStoreError(
            kind: .exists, file: path,
            message: "not replacing it, because it is not a readable session (\(error.message))",
            fix: "move it aside first")
        }
      }
      try SessionStore.save(session, to: url)
    } catch {
      lock.release()
      throw error
    }
    return lock
  }

  /// Creates a session file in `folder` under the name suggested for its participant and case
  /// study (`team-a-bike-shop.json`, then `-2`, `-3`…). Two creators choosing the same name at
  /// the same moment get two files: the one that loses the lock moves on to the next name.
  public static func create(_ session: Session, inFolder folder: URL)
    throws(SessionStoreError) -> (url: URL, lock: SessionLock)
  {
    try makeFolder(folder)
    for _ in 0..<nameAttempts {
      let url = SessionDirectory.suggestedURL(
        participant: session.participant, caseStudyID: session.caseStudyID, in: folder)
      do throws(SessionStoreError) {
        return (url, try create(session, at: url))
      } catch {
        // Someone else has this name, or is creating it right now: try the next one.
        guard error.kind == .locked || error.kind == .exists else { throw error }
      }
    }
    throw SessionStoreError(
      kind: .writeFailed, file: folder.path, message: "could not find a free file name",
      fix: "tidy the sessions folder, or give the session a path of its own")
  }

  /// Reads a session and finds its case study, without taking the lock (`status`, `export`).
  /// The search directories are worked out only if the case study is not built in.
  public static func read(
    _ url: URL, searchDirectories: @autoclosure () -> [URL]
  ) throws(SessionStoreError) -> (
    caseStudy: CaseStudy, session: Session
  ) {
    var session = try SessionStore.load(from: url)
    let caseStudy = try CaseStudyCatalog.caseStudy(
      for: &session, file: url.path, searchDirectories: searchDirectories())
    if session.lenses != nil {
      do {
        _ = try session.activeLenses(file: url.path)
      } catch {
        throw SessionStoreError(
          kind: .invalid, file: url.path,
          message: "a lens kept in the session does not load: "
            + (error.diagnostics.first(where: \.isError)?.description ?? error.description),
          fix: "remove it with `casebench lens remove`, or add the lens file again")
      }
    }
    return (caseStudy, session)
  }

  /// Opens a session for the workbench: takes its lock, or opens it read-only with the reason
  /// (another casebench has it, it cannot be locked, it is not writable); then loads it. A
  /// file that cannot be loaded throws, and leaves neither a lock held nor, when the file is
  /// missing, a lock file behind.
  public static func open(_ url: URL, searchDirectories: @autoclosure () -> [URL])
    throws(SessionStoreError)
    -> OpenedSession
  {
    let path = url.path
    // Load first when the file is missing: its error, without creating FILE.lock.
    if access(path, F_OK) != 0 {
      _ = try read(url, searchDirectories: searchDirectories())
    }
    var lock: SessionLock?
    var reason: String?
    do {
      lock = try SessionLock.acquire(for: url)
    } catch {
      reason = error.kind == .locked ? error.message : "cannot lock the file: \(error.message)"
    }
    if reason == nil && access(path, W_OK) != 0 {
      reason = "the file is not writable"
      lock?.release()
      lock = nil
    }
    do {
      let (caseStudy, session) = try read(url, searchDirectories: searchDirectories())
      return OpenedSession(
        url: url, caseStudy: caseStudy, session: session, lock: lock, readOnlyReason: reason)
    } catch {
      lock?.release()
      throw error
    }
  }

  private static func makeFolder(_ folder: URL) throws(SessionStoreError) {
    do {
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw SessionStoreError(
        kind: .writeFailed, file: folder.path, message: "cannot create the folder",
        fix: "check the permissions of the folder above it")
    }
  }
}
