import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension CaseStudyCatalog {
  /// Why case studies that the search would find are not listed: a folder the user named that
  /// is missing, a file that does not load, and a file whose id another case study already
  /// has. In search order; `list` prints them so that nothing is skipped silently.
  ///
  /// `namedDirectories` are the folders the user gave (`--case-dir`): only those must exist.
  public static func sourceProblems(searchDirectories: [URL], namedDirectories: [URL])
    -> [Diagnostic]
  {
    var problems: [Diagnostic] = []
    let named = Set(namedDirectories.map(\.standardizedFileURL.path))
    for directory in searchDirectories where named.contains(directory.standardizedFileURL.path) {
      switch POSIX.isDirectory(directory.path) {
      case nil:
        problems.append(
          Diagnostic(
            file: directory.path, line: 0, column: 0,
            message: "the case-study folder does not exist",
            fix: "check the path given to --case-dir"))
      case false?:
        problems.append(
          Diagnostic(
            file: directory.path, line: 0, column: 0, message: "not a folder",
            fix: "give --case-dir the folder that holds the case-study files"))
      case true?:
        break
      }
    }
    var taken: [String: String] = [:]
    for study in builtIn() { taken[study.id] = builtInFileName }
    for url in yamlFiles(in: searchDirectories) {
      let file = CaseStudyLoader.displayName(of: url)
      let study: CaseStudy
      do {
        study = try CaseStudyLoader.load(contentsOf: url)
      } catch {
        let errors = error.diagnostics.filter(\.isError)
        // The first error where and what, without its own fix: the line ends in one fix, lint.
        let first = errors.first.map { ": \($0.line):\($0.column): \($0.message)" } ?? ""
        problems.append(
          Diagnostic(
            file: file, line: 0, column: 0,
            message: "not listed: \(counted(errors.count, "error"))\(first)",
            fix: "run `casebench lint \(file)`"))
        continue
      }
      if let first = taken[study.id] {
        problems.append(
          Diagnostic(
            file: file, line: 0, column: 0,
            message: "not listed: case study id '\(study.id)' is already used by \(first)",
            fix: "give one of them another id, or remove the copy"))
      } else {
        taken[study.id] = file
      }
    }
    return problems
  }
}
