import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A session file opened for the workbench.
public struct SessionFile: Sendable, Equatable {
  public var url: URL
  public var caseStudy: CaseStudy
  public var session: Session
  /// Why it opened read-only; nil when this process holds its lock and may write it.
  public var readOnlyReason: String?

  public init(url: URL, caseStudy: CaseStudy, session: Session, readOnlyReason: String? = nil) {
    self.url = url
    self.caseStudy = caseStudy
    self.session = session
    self.readOnlyReason = readOnlyReason
  }
}

/// The program's disk: listing, opening, creating, saving and closing sessions. `DiskStorage`
/// is the real one (the domain's session-file API); tests use a fake. A storage keeps the lock
/// of every file it opened writable until `close`.
public protocol SessionStorage {
  /// The saved sessions, for the start screen.
  mutating func list() -> [StartEntry]
  /// Opens a session: locked, or read-only with the reason.
  mutating func open(_ url: URL) throws(SessionStoreError) -> SessionFile
  /// Creates a file for a new session under a free name and keeps it locked; returns where.
  mutating func create(_ session: Session) throws(SessionStoreError) -> URL
  /// Writes the session to a file this storage holds the lock of.
  mutating func save(_ session: Session, to url: URL) throws(SessionStoreError)
  /// Lets go of the file's lock, if this storage holds it.
  mutating func close(_ url: URL)
}
