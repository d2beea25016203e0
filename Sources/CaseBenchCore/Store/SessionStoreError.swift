import Foundation

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

  public var description: String {
    var location = file
    if line > 0 {
      location += ":\(line)"
      if column > 0 { location += ":\(column)" }
    }
    var text = "\(location): error: \(message)"
    if let fix, !fix.isEmpty { text += " (fix: \(fix))" }
    return text
  }

  /// The error a caller reports when a session names a case study it cannot find.
  public static func caseStudyNotFound(file: String, caseStudyID: String) -> SessionStoreError {
    SessionStoreError(
      kind: .caseStudyNotFound, file: file,
      message: "the session is for case study '\(caseStudyID)', which was not found",
      fix: "pass the case-study file with --case, or run `casebench list` to see what is available"
    )
  }
}
