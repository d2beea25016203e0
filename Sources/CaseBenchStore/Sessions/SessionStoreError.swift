import CaseBenchLoading

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Why a session file could not be read or written. Its `description` reads like a compiler
/// diagnostic: `FILE:LINE:COL: error: MESSAGE (fix: ...)`.
public struct SessionStoreError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// The file could not be opened or read (missing, permissions, a directory…).
    case unreadable
    /// The bytes are not JSON.
    case notJSON
    /// The file stops in the middle of the JSON (an interrupted write, a full disk).
    case truncated
    /// JSON, but not a casebench session.
    case foreign
    /// A session written by a newer casebench.
    case wrongSchema
    /// A session with a field that has the wrong type or value.
    case invalid
    /// The session's case study is not built in and was not found.
    case caseStudyNotFound
    /// The session could not be written.
    case writeFailed
    /// Another casebench has the session open.
    case locked
    /// A file (or folder) is where a new session was to go; it was left as it is.
    case exists
  }

  public var kind: Kind
  public var file: String
  /// 1-based; 0 when unknown.
  public var line: Int
  /// 1-based, counted in Unicode scalars; 0 when unknown.
  public var column: Int
  public var message: String
  public var fix: String?

  public init(
    kind: Kind, file: String, line: Int = 0, column: Int = 0, message: String, fix: String? = nil
  ) {
    self.kind = kind
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.fix = fix
  }

  /// One line, like the loader's diagnostics: `FILE:LINE:COL: error: MESSAGE (fix: FIX)`,
  /// or `FILE: error: MESSAGE` when there is no position.
  public var description: String {
    DiagnosticLine.format(file: file, line: line, column: column, message: message, fix: fix)
  }

  /// The error a caller reports when a session names a case study it cannot find.
  public static func caseStudyNotFound(file: String, caseStudyID: String) -> SessionStoreError {
    SessionStoreError(
      kind: .caseStudyNotFound, file: file,
      message: "the session is for case study '\(caseStudyID)', which was not found",
      fix: "put its YAML in ./CaseStudies or pass --case-dir DIR")
  }
}
