import Foundation

/// Loads case studies from YAML, reporting every problem with its file, line and column.
public enum CaseStudyLoader {
  /// Parses and validates a case study. Throws every problem found (errors and warnings) when
  /// there is at least one error; warnings alone do not stop the load.
  public static func parse(_ yaml: String, file: String) throws(CaseStudyLoadError) -> CaseStudy {
    let result = validate(yaml, file: file)
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
    case .failure(let diagnostic): throw CaseStudyLoadError(diagnostics: [diagnostic])
    }
    return try parse(yaml, file: file)
  }

  /// Every error and warning in a case study, sorted by position. Never throws.
  public static func lint(_ yaml: String, file: String) -> [Diagnostic] {
    validate(yaml, file: file).diagnostics
  }

  /// `lint` for a file: an unreadable or non-UTF-8 file gives one diagnostic at line 0.
  public static func lint(contentsOf url: URL) -> [Diagnostic] {
    let file = displayName(of: url)
    switch readText(at: url, file: file) {
    case .success(let text): return lint(text, file: file)
    case .failure(let diagnostic): return [diagnostic]
    }
  }

  /// The case study when there are no errors, and every diagnostic (warnings included).
  public static func validate(_ yaml: String, file: String) -> (
    caseStudy: CaseStudy?, diagnostics: [Diagnostic]
  ) {
    var text = yaml
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    switch YAMLSyntax.compose(text, file: file) {
    case .failure(let error):
      return (nil, error.diagnostics)
    case .success(let tree):
      var validator = CaseStudyValidator(file: file, tree: tree)
      let caseStudy = validator.validate()
      let diagnostics = Diagnostic.sorted(validator.finalDiagnostics())
      return (validator.errorCount == 0 ? caseStudy : nil, diagnostics)
    }
  }

  /// The path as the user gave it, for messages.
  static func displayName(of url: URL) -> String {
    url.isFileURL ? url.relativePath : url.absoluteString
  }

  static func readText(at url: URL, file: String) -> Result<String, Diagnostic> {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      let reason: String
      var isDirectory: ObjCBool = false
      if url.isFileURL, !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      {
        reason = "no such file"
      } else if isDirectory.boolValue {
        reason = "it is a directory"
      } else {
        reason = "the file cannot be read"
      }
      return .failure(
        Diagnostic(
          file: file, line: 0, column: 0, message: "cannot read the case study: \(reason)",
          fix: "check the path and the file's permissions"))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      let (offset, line) = firstInvalidUTF8(in: data)
      return .failure(
        Diagnostic(
          file: file, line: 0, column: 0,
          message: "the file is not UTF-8 text (first bad byte at offset \(offset), line \(line))",
          fix: "save the file as UTF-8 text"))
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
