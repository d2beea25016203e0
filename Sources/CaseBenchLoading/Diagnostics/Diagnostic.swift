import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One problem found in a case-study file, located by file, line and column.
///
/// `description` is a single line in compiler style, e.g.
/// `bike-shop.yaml:12:5: error: unknown key 'gaol' in phase 'data' (fix: did you mean 'goal'?)`.
/// When there is no position (line 0), the position is left out: `FILE: error: MESSAGE`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable {
    case error, warning
  }

  public var file: String
  /// 1-based; 0 when the problem has no position (e.g. an unreadable file).
  public var line: Int
  /// 1-based, counted in Unicode scalars; 0 when the problem has no position.
  public var column: Int
  public var severity: Severity
  /// What is wrong.
  public var message: String
  /// How to fix it.
  public var fix: String?

  public init(
    file: String, line: Int, column: Int, severity: Severity = .error, message: String,
    fix: String? = nil
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.severity = severity
    self.message = message
    self.fix = fix
  }

  public var isError: Bool { severity == .error }

  public var description: String {
    DiagnosticLine.format(
      file: file, line: line, column: column, severity: severity, message: message, fix: fix)
  }

  /// Orders diagnostics by position; problems without a position come first.
  static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { lhs, rhs in
      let left = (lhs.element.line, lhs.element.column, lhs.offset)
      let right = (rhs.element.line, rhs.element.column, rhs.offset)
      return left < right
    }.map(\.element)
  }
}

/// Every problem found while loading a case study, sorted by line and column.
public struct CaseStudyLoadError: Error, Sendable, Equatable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = Diagnostic.sorted(diagnostics)
  }

  /// Only the errors, without the warnings.
  public var errors: [Diagnostic] { diagnostics.filter(\.isError) }

  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
