import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The sessions on disk, through the domain's session-file API (`SessionFiles`): files are
/// locked while open, written atomically, and opened read-only when another casebench has them.
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
        detail: s.error == nil ? StartEntry.detail(of: s) : "unreadable",
        path: s.url.path, updated: s.updated, error: s.error)
    }
  }

  public mutating func open(_ url: URL) throws(SessionStoreError) -> SessionFile {
    let opened = try SessionFiles.open(url, searchDirectories: searchDirectories)
    if let lock = opened.lock { locks[opened.url] = lock }
    return SessionFile(
      url: opened.url, caseStudy: opened.caseStudy, session: opened.session,
      readOnlyReason: opened.readOnlyReason)
  }

  public mutating func create(_ session: Session) throws(SessionStoreError) -> URL {
    let created = try SessionFiles.create(session, inFolder: folder)
    locks[created.url] = created.lock
    return created.url
  }

  public mutating func save(_ session: Session, to url: URL) throws(SessionStoreError) {
    try SessionStore.save(session, to: url)
  }

  public mutating func close(_ url: URL) {
    locks.removeValue(forKey: url)?.release()
  }
}
