import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A deon checklist (drivendataorg/deon) turned into a casebench lens. deon's format: `title`,
/// then `sections`, each with `title`, `section_id` and `lines`; each line has `line_id`,
/// `line_summary` and `line`. Its `examples_of_ethical_issues.yml` is a list keyed by `line_id`
/// whose `links` (`text`, `url`) become the items' references.
///
/// deon's ids and wording are kept as they are: a line's summary is the item's title and the
/// line its guidance. No text of casebench's own goes into an item.
public struct DeonChecklist: Sendable, Equatable {
  public struct Line: Sendable, Equatable {
    public var id: String
    public var summary: String
    public var text: String
  }

  public struct Section: Sendable, Equatable {
    public var id: String
    public var title: String
    public var lines: [Line]
  }

  public struct Link: Sendable, Equatable {
    public var text: String
    public var url: String

    /// "✅ …" is a good practice and "⛔ …" a harm in deon's examples; others are plain.
    public var kind: Kind {
      if text.hasPrefix("✅") { return .goodPractice }
      if text.hasPrefix("⛔") { return .harm }
      return .example
    }

    public enum Kind: Sendable, Equatable { case goodPractice, harm, example }

    /// The reference an item carries: deon's text and the address.
    public var reference: String { "\(text) <\(url)>" }
  }

  public var title: String
  public var sections: [Section]
  /// Examples by `line_id`.
  public var examples: [String: [Link]] = [:]

  /// The session phase each of deon's sections shows in: data collection, storage and analysis
  /// in Data, modeling in Modelling, deployment in Production. Known by the section's English
  /// title, or else by deon's own section letter (A–E), so a translation maps the same way.
  public static func phase(forSection section: Section) -> String? {
    switch section.title.lowercased().trimming(.whitespaces) {
    case "data collection", "data storage", "analysis": return "data"
    case "modeling", "modelling": return "modelling"
    case "deployment": return "production"
    default: break
    }
    switch section.id {
    case "A", "B", "C": return "data"
    case "D": return "modelling"
    case "E": return "production"
    default: return nil
    }
  }

  /// The lens's id: the title as a slug (`data-science-ethics-checklist`).
  public var lensID: String {
    var slug = ""
    for scalar in title.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        slug.unicodeScalars.append(scalar)
      } else if !slug.isEmpty, !slug.hasSuffix("-") {
        slug += "-"
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    return slug.isEmpty ? "deon" : slug
  }
}

/// Reading deon's files, with every problem located as `FILE:LINE:COLUMN`, through the YAML
/// composer the case-study loader uses.
public enum DeonImport {
  /// Reads a deon checklist file and, when given, its examples file.
  public static func load(checklist url: URL, examples: URL?) throws(CaseStudyLoadError)
    -> DeonChecklist
  {
    let file = CaseStudyLoader.displayName(of: url)
    var checklist = try parse(try read(url, file: file), file: file)
    if let examples {
      let examplesFile = CaseStudyLoader.displayName(of: examples)
      checklist.examples = try parseExamples(
        try read(examples, file: examplesFile), file: examplesFile)
    }
    return checklist
  }

  /// `examples_of_ethical_issues.yml` beside the checklist, when it is there.
  public static func examplesBeside(_ checklist: URL) -> URL? {
    let url = checklist.deletingLastPathComponent()
      .appendingPathComponent("examples_of_ethical_issues.yml")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  static func read(_ url: URL, file: String) throws(CaseStudyLoadError) -> String {
    switch CaseStudyLoader.readText(at: url, file: file) {
    case .success(let text): return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    case .failure(let failure): throw CaseStudyLoadError(diagnostics: [failure.diagnostic])
    }
  }

  static func compose(_ yaml: String, file: String) throws(CaseStudyLoadError) -> DeonReader {
    switch YAMLSyntax.compose(yaml, file: file) {
    case .failure(let error): throw error
    case .success(let tree): return DeonReader(file: file, tree: tree)
    }
  }

  /// Parses a deon checklist's text.
  public static func parse(_ yaml: String, file: String) throws(CaseStudyLoadError)
    -> DeonChecklist
  {
    var reader = try compose(yaml, file: file)
    let result = reader.checklist()
    guard reader.problems.isEmpty, let result else {
      throw CaseStudyLoadError(diagnostics: Diagnostic.sorted(reader.problems))
    }
    return result
  }

  /// Parses deon's examples file: links by `line_id`.
  public static func parseExamples(_ yaml: String, file: String) throws(CaseStudyLoadError)
    -> [String: [DeonChecklist.Link]]
  {
    var reader = try compose(yaml, file: file)
    let result = reader.examples()
    guard reader.problems.isEmpty else {
      throw CaseStudyLoadError(diagnostics: Diagnostic.sorted(reader.problems))
    }
    return result
  }
}
