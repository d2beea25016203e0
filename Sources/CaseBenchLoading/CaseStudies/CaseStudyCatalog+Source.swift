import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension CaseStudySource {
  /// The source of the file at `url`, or `nil` if it cannot be read.
  public static func of(fileAt url: URL) -> CaseStudySource? {
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    return CaseStudySource(path: url.standardizedFileURL.path, hash: hash(of: data))
  }
}

extension CaseStudyCatalog {
  /// Like `resolve`, and also the file the case study was read from (`nil` when built in).
  public static func resolveWithSource(_ idOrPath: String, searchDirectories: [URL] = [])
    throws(CaseStudyLoadError) -> (caseStudy: CaseStudy, source: CaseStudySource?)
  {
    let study = try resolve(idOrPath, searchDirectories: searchDirectories)
    if looksLikePath(idOrPath) {
      return (study, CaseStudySource.of(fileAt: URL(fileURLWithPath: idOrPath)))
    }
    if builtIn().contains(where: { $0.id == study.id }) { return (study, nil) }
    return (
      study,
      fileURL(forID: idOrPath, searchDirectories: searchDirectories).flatMap {
        CaseStudySource.of(fileAt: $0)
      }
    )
  }

  /// Ids of items and decisions the session recorded work on that `study` does not have.
  public static func orphanedIDs(of session: Session, in study: CaseStudy) -> [String] {
    let known = Set(study.allItems.map(\.id))
    let decisions = Set(study.phases.flatMap { $0.decisions.map(\.id) })
    let items = session.items.filter { !$0.value.isEmpty }.keys.filter {
      !known.contains($0) && !session.isLensKey($0)
    }
    let chosen = session.decisions.keys.filter { !decisions.contains($0) }
    return (items + chosen).sorted()
  }
}
