import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A lens ready to be added to a session: its case-study-format text and the checklist parsed
/// from it. What `casebench lens add` and the screens' add-a-lens prompt both read.
public struct LensSource: Sendable, Equatable {
  public var content: String
  public var checklist: CaseStudy
  /// "deon checklist checklist.yml" when the file was a deon checklist, imported on the fly.
  public var importedFrom: String?

  public init(content: String, checklist: CaseStudy, importedFrom: String? = nil) {
    self.content = content
    self.checklist = checklist
    self.importedFrom = importedFrom
  }

  /// Reads what `lens add` takes: the name of a built-in lens (`ml-test-score`), a lens file in
  /// the case-study format, or a deon checklist (a mapping with `sections` and no `phases`),
  /// imported as `casebench import deon` does, with `examples_of_ethical_issues.yml` beside it
  /// as its references. A file by the same name as a built-in lens wins over it. Every problem
  /// is located (`FILE:LINE:COLUMN`); an unreadable file has `fileWasRead` false.
  public static func load(_ spec: String) throws(LensError) -> LensSource {
    if let yaml = BuiltInLenses.yaml(named: spec), !FileManager.default.fileExists(atPath: spec) {
      return try parse(yaml, file: spec)
    }
    let url = URL(fileURLWithPath: spec)
    let text: String
    switch CaseStudyLoader.readText(at: url, file: spec) {
    case .success(let read): text = read.hasPrefix("\u{FEFF}") ? String(read.dropFirst()) : read
    case .failure(let failure):
      throw LensError(diagnostics: [failure.diagnostic], fileWasRead: failure.fileWasRead)
    }
    guard isDeon(text, file: spec) else { return try parse(text, file: spec) }
    let deon: DeonChecklist
    do {
      var read = try DeonImport.parse(text, file: spec)
      if let examples = DeonImport.examplesBeside(url) {
        let examplesFile = CaseStudyLoader.displayName(of: examples)
        read.examples = try DeonImport.parseExamples(
          try DeonImport.read(examples, file: examplesFile), file: examplesFile)
      }
      deon = read
    } catch {
      throw LensError(diagnostics: error.diagnostics)
    }
    let source = "deon checklist \(url.lastPathComponent)"
    var lens = try parse(deon.lensYAML(source: source), file: "\(spec) (as a lens)")
    lens.importedFrom = source
    return lens
  }

  /// Parses a lens's case-study-format text.
  package static func parse(_ yaml: String, file: String) throws(LensError) -> LensSource {
    do {
      return LensSource(content: yaml, checklist: try CaseStudyLoader.parse(yaml, file: file))
    } catch {
      throw LensError(diagnostics: error.diagnostics)
    }
  }

  /// Whether a file is in deon's format: its top level has `sections` and no `phases`. A file
  /// that is not even YAML is left to the case-study loader, which locates the problem.
  static func isDeon(_ text: String, file: String) -> Bool {
    guard case .success(let tree) = YAMLSyntax.compose(text, file: file), let root = tree.root,
      tree.kind(root) == .mapping
    else { return false }
    return tree.value(forKey: "sections", in: root) != nil
      && tree.value(forKey: "phases", in: root) == nil
  }
}
