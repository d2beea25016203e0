import CaseBenchCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The sessions on disk, through the domain's session-file API: files are locked while open,
/// written atomically, and opened read-only when another casebench has them.
public struct DiskStorage: SessionStorage {
  /// Where new sessions go and saved ones are listed from.
  public var folder: URL
  /// Where a session's case study is looked up.
  public var searchDirectories: [URL]
  private var locks: [URL: SessionLock] = [:]

  public init(folder: URL, searchDirectories: [URL]) {
    self.folder = folder
    self.searchDirectories = searchDirectories
  }

  public mutating func list() -> [StartEntry] {
    SessionDirectory.list(in: folder).map { s in
      StartEntry(
        title: s.error == nil ? s.participant : s.url.lastPathComponent,
        detail: s.error == nil ? "\(s.caseStudyID) · \(s.url.lastPathComponent)" : "unreadable",
        path: s.url.path, updated: s.updated, error: s.error)
    }
  }

  public mutating func open(_ url: URL) throws(SessionStoreError) -> SessionFile {
    // A path that names no file gets its error without leaving a lock file behind.
    guard access(url.path, F_OK) == 0 else {
      _ = try read(url)
      throw SessionStoreError(kind: .unreadable, file: url.path, message: "no such session file")
    }
    var lock: SessionLock?
    var reason: String?
    do {
      lock = try SessionLock.acquire(for: url)
    } catch {
      reason = error.kind == .locked ? error.message : "cannot lock the file: \(error.message)"
    }
    if reason == nil && access(url.path, W_OK) != 0 {
      reason = "the file is not writable"
      lock?.release()
      lock = nil
    }
    do {
      let (study, session) = try read(url)
      if let lock { locks[url] = lock }
      return SessionFile(url: url, caseStudy: study, session: session, readOnlyReason: reason)
    } catch {
      lock?.release()
      throw error
    }
  }

  private func read(_ url: URL) throws(SessionStoreError) -> (CaseStudy, Session) {
    let session = try SessionStore.load(from: url)
    guard
      let study = CaseStudyCatalog.find(
        id: session.caseStudyID, searchDirectories: searchDirectories)
    else { throw .caseStudyNotFound(file: url.path, caseStudyID: session.caseStudyID) }
    return (study, session)
  }

  public mutating func create(_ session: Session) throws(SessionStoreError) -> URL {
    do {
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw SessionStoreError(
        kind: .writeFailed, file: folder.path, message: "cannot create the sessions folder")
    }
    for _ in 0..<20 {
      let url = SessionDirectory.suggestedURL(
        participant: session.participant, caseStudyID: session.caseStudyID, in: folder)
      guard let lock = try? SessionLock.acquire(for: url) else { continue }
      if FileManager.default.fileExists(atPath: url.path) {
        lock.release()
        continue
      }
      do {
        try SessionStore.save(session, to: url)
      } catch {
        lock.release()
        throw error
      }
      locks[url] = lock
      return url
    }
    throw SessionStoreError(
      kind: .writeFailed, file: folder.path, message: "could not find a free file name")
  }

  public mutating func save(_ session: Session, to url: URL) throws(SessionStoreError) {
    try SessionStore.save(session, to: url)
  }

  public mutating func close(_ url: URL) {
    locks.removeValue(forKey: url)?.release()
  }
}
