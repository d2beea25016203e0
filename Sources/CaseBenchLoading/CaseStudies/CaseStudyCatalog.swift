import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Finds case studies by id (built in, or in search directories) or by path.
public enum CaseStudyCatalog {
  /// The file name used in diagnostics for the built-in Bike Shop.
  public static let builtInFileName = "bike-shop.yaml (built in)"

  private static let builtInCaseStudies: [CaseStudy] = {
    do {
      return [try BuiltInCaseStudies.bikeShop(file: builtInFileName)]
    } catch {
      return []
    }
  }()

  /// The case studies compiled into the binary; empty if the built-in YAML does not validate.
  public static func builtIn() -> [CaseStudy] { builtInCaseStudies }

  /// Problems in the built-in case studies (for `casebench lint` and tests).
  public static func builtInDiagnostics() -> [Diagnostic] {
    CaseStudyLoader.lint(BuiltInCaseStudies.bikeShopYAML, file: builtInFileName)
  }

  /// A path (contains "/", ends in .yaml or .yml, or names an existing file) is loaded;
  /// anything else is an id, looked up in the built-in case studies first, then in the
  /// `*.yaml` / `*.yml` files of `searchDirectories` in order.
  public static func resolve(_ idOrPath: String, searchDirectories: [URL] = [])
    throws(CaseStudyLoadError) -> CaseStudy
  {
    if looksLikePath(idOrPath) {
      return try CaseStudyLoader.load(contentsOf: URL(fileURLWithPath: idOrPath))
    }
    if let caseStudy = builtIn().first(where: { $0.id == idOrPath }) { return caseStudy }
    if let url = fileURL(forID: idOrPath, searchDirectories: searchDirectories) {
      return try CaseStudyLoader.load(contentsOf: url)
    }
    let known = knownIDs(searchDirectories: searchDirectories)
    let fix: String
    if let suggestion = Suggestion.closest(to: idOrPath, among: known) {
      fix = "did you mean '\(suggestion)'? Known case studies: \(known.joined(separator: ", "))"
    } else if known.isEmpty {
      fix = "give the path of a case-study file"
    } else {
      fix = "use one of \(known.joined(separator: ", ")), or give the path of a case-study file"
    }
    throw CaseStudyLoadError(diagnostics: [
      Diagnostic(
        file: idOrPath, line: 0, column: 0,
        message: "unknown case study '\(YAMLSyntax.truncated(idOrPath))'", fix: fix)
    ])
  }

  /// The case study with this id, or `nil` when there is none or it does not validate.
  public static func find(id: String, searchDirectories: [URL] = []) -> CaseStudy? {
    if let caseStudy = builtIn().first(where: { $0.id == id }) { return caseStudy }
    // The first file with this id that validates, as `all` lists it: a broken copy earlier in
    // the search path must not hide a good one.
    for url in yamlFiles(in: searchDirectories) where declaredID(at: url) == id {
      if let caseStudy = try? CaseStudyLoader.load(contentsOf: url) { return caseStudy }
    }
    return nil
  }

  /// The built-in case studies, then every valid case study in `searchDirectories` whose id
  /// is not already taken (files that do not validate are left out: `casebench lint` explains).
  public static func all(searchDirectories: [URL] = []) -> [CaseStudy] {
    var result = builtIn()
    var seen = Set(result.map(\.id))
    for url in yamlFiles(in: searchDirectories) {
      guard let study = try? CaseStudyLoader.load(contentsOf: url), !seen.contains(study.id)
      else { continue }
      seen.insert(study.id)
      result.append(study)
    }
    return result
  }

  /// Ids of the built-in case studies and of the case-study files in `searchDirectories`,
  /// sorted and without repeats.
  public static func knownIDs(searchDirectories: [URL] = []) -> [String] {
    var ids = Set(builtIn().map(\.id))
    for url in yamlFiles(in: searchDirectories) {
      if let id = declaredID(at: url) { ids.insert(id) }
    }
    return ids.sorted()
  }

  /// Where to look a session's case study up again: `searchDirectories`, after the folder of
  /// a case-study file given by path.
  public static func searchDirectories(_ searchDirectories: [URL], for idOrPath: String) -> [URL] {
    guard looksLikePath(idOrPath) else { return searchDirectories }
    return [URL(fileURLWithPath: idOrPath).deletingLastPathComponent()] + searchDirectories
  }

  static func looksLikePath(_ text: String) -> Bool {
    text.contains("/") || text.hasSuffix(".yaml") || text.hasSuffix(".yml")
      || POSIX.isDirectory(text) == false
  }

  package static func fileURL(forID id: String, searchDirectories: [URL]) -> URL? {
    yamlFiles(in: searchDirectories).first { declaredID(at: $0) == id }
  }

  static func yamlFiles(in directories: [URL]) -> [URL] {
    var result: [URL] = []
    for directory in directories {
      guard
        let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
      else { continue }
      for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
        result.append(directory.appendingPathComponent(name))
      }
    }
    return result
  }

  /// The top-level `id` of a YAML file, without validating the rest.
  private static func declaredID(at url: URL) -> String? {
    guard case .success(let text) = CaseStudyLoader.readText(at: url, file: url.path),
      case .success(let tree) = YAMLSyntax.compose(text, file: url.path), let root = tree.root,
      let id = tree.value(forKey: "id", in: root), tree.kind(id) == .scalar
    else { return nil }
    return tree.string(id)
  }
}
