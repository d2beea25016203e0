import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Loads case studies from YAML, reporting every problem with its file, line and column.
public enum CaseStudyLoader {
  /// Parses and validates a case study. Throws every problem found (errors and warnings) when
  /// there is at least one error; warnings alone do not stop the load.
  public static func parse(_ yaml: String, file: String) throws(CaseStudyLoadError) -> CaseStudy {
    // The writing tips only add warnings, which a load that succeeds drops: they are checked
    // only when there is an error to throw with them.
    let result = validate(yaml, file: file, writingTips: false)
    guard let caseStudy = result.caseStudy else {
      throw CaseStudyLoadError(diagnostics: result.diagnostics)
    }
    return caseStudy
  }

  /// Reads a file and parses it. An unreadable or non-UTF-8 file gives one diagnostic at line 0.
  public static func load(contentsOf url: URL) throws(CaseStudyLoadError) -> CaseStudy {
    let file = displayName(of: url)
    let yaml: String
    switch readText(at: url, file: file) {
    case .success(let text): yaml = text
    case .failure(let failure): throw CaseStudyLoadError(diagnostics: [failure.diagnostic])
    }
    return try parse(yaml, file: file)
  }

  /// Every error and warning in a case study, sorted by position. Never throws.
  public static func lint(_ yaml: String, file: String) -> [Diagnostic] {
    validate(yaml, file: file).diagnostics
  }

  /// `casebench lint` for one file: every problem in it, or (line 0) why it could not be read
  /// or is not UTF-8 text.
  public static func lint(contentsOf url: URL) -> LintReport {
    let file = displayName(of: url)
    switch readText(at: url, file: file) {
    case .success(let text):
      return LintReport(diagnostics: lint(text, file: file), fileWasRead: true)
    case .failure(let failure):
      return LintReport(diagnostics: [failure.diagnostic], fileWasRead: failure.fileWasRead)
    }
  }

  /// The case study when there are no errors, and every diagnostic (warnings included).
  public static func validate(_ yaml: String, file: String) -> (
    caseStudy: CaseStudy?, diagnostics: [Diagnostic]
  ) {
    validate(yaml, file: file, writingTips: true)
  }

  /// `validate`; without `writingTips`, the tips' warnings are left out when there is no error.
  /// With an error the tips are checked anyway, so the diagnostics are always lint's.
  static func validate(_ yaml: String, file: String, writingTips: Bool) -> (
    caseStudy: CaseStudy?, diagnostics: [Diagnostic]
  ) {
    var text = yaml
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    switch YAMLSyntax.compose(text, file: file) {
    case .failure(let error):
      return (nil, error.diagnostics)
    case .success(let tree):
      var validator = CaseStudyValidator(file: file, tree: tree, writingTips: writingTips)
      var caseStudy = validator.validate()
      if validator.errorCount > 0, !writingTips {
        // Rare, and the tree is built: walk it again, checking the tips this time.
        validator = CaseStudyValidator(file: file, tree: tree, writingTips: true)
        caseStudy = validator.validate()
      }
      if validator.writingTips { validator.flagHiddenCharacters() }
      let diagnostics = Diagnostic.sorted(validator.finalDiagnostics())
      return (validator.errorCount == 0 ? caseStudy : nil, diagnostics)
    }
  }

  /// The path as the user gave it, for messages.
  static func displayName(of url: URL) -> String {
    url.isFileURL ? url.relativePath : url.absoluteString
  }

  /// Why a case-study file gave no text: it could not be read at all, or it is not UTF-8.
  struct ReadFailure: Error {
    var diagnostic: Diagnostic
    var fileWasRead: Bool
  }

  static func readText(at url: URL, file: String) -> Result<String, ReadFailure> {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      let reason: String
      let isDirectory = url.isFileURL ? POSIX.isDirectory(url.path) : false
      if isDirectory == nil {
        reason = "no such file"
      } else if isDirectory == true {
        reason = "it is a directory"
      } else {
        reason = "the file cannot be read"
      }
      return .failure(
        ReadFailure(
          diagnostic: Diagnostic(
            file: file, line: 0, column: 0, message: "cannot read the case study: \(reason)",
            fix: "check the path and the file's permissions"),
          fileWasRead: false))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      let (offset, line) = firstInvalidUTF8(in: data)
      return .failure(
        ReadFailure(
          diagnostic: Diagnostic(
            file: file, line: 0, column: 0,
            message:
              "the file is not UTF-8 text (first bad byte at offset \(offset), line \(line))",
            fix: "save the file as UTF-8 text"),
          fileWasRead: true))
    }
    return .success(text)
  }

  /// Byte offset and 1-based line of the first byte that breaks UTF-8.
  private static func firstInvalidUTF8(in data: Data) -> (offset: Int, line: Int) {
    var decoder = UTF8()
    var iterator = data.makeIterator()
    var offset = 0
    var line = 1
    var lastGood = 0
    var lineAtLastGood = 1
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
        if scalar == "\n" { line += 1 }
        lastGood = offset
        lineAtLastGood = line
      case .emptyInput:
        break loop
      case .error:
        break loop
      }
    }
    return (lastGood, lineAtLastGood)
  }
}

/// What `casebench lint` found in one file.
public struct LintReport: Sendable, Equatable {
  /// Every error and warning, sorted by position.
  public var diagnostics: [Diagnostic]
  /// False when the file could not be read at all (missing, a folder, no permission); its one
  /// diagnostic says why.
  public var fileWasRead: Bool

  public var errorCount: Int { diagnostics.count { $0.isError } }
  public var warningCount: Int { diagnostics.count - errorCount }
}
