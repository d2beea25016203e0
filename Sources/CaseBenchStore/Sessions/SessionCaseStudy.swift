import CaseBenchLoading
import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension CaseStudyCatalog {
  /// The case study of `session`: from the file it was started from when that is still there
  /// with the same id, else by id from the built-in studies and `searchDirectories`.
  ///
  /// A file that changed, or a copy found elsewhere, is used only if every item and decision
  /// the session recorded work on still exists in it; otherwise the error lists the ids that
  /// were renamed or removed, so that no work is silently orphaned. The session's source is
  /// brought up to date with the file used.
  package static func caseStudy(
    for session: inout Session, file: String, searchDirectories: @autoclosure () -> [URL]
  ) throws(SessionStoreError) -> CaseStudy {
    var found: (CaseStudy, CaseStudySource?)?
    var movedFrom: String?
    if let source = session.caseStudySource {
      let url = URL(fileURLWithPath: source.path)
      if FileManager.default.fileExists(atPath: source.path) {
        do {
          let study = try CaseStudyLoader.load(contentsOf: url)
          if study.id == session.caseStudyID {
            found = (study, CaseStudySource.of(fileAt: url))
          }
        } catch {
          throw SessionStoreError(
            kind: .caseStudyNotFound, file: file,
            message: "the session's case study \(source.path) has errors: "
              + (error.diagnostics.first?.description ?? "it does not load"),
            fix: "run `casebench lint \(source.path)` and correct it")
        }
      } else {
        movedFrom = source.path
      }
    }
    if found == nil {
      if let study = builtIn().first(where: { $0.id == session.caseStudyID }) {
        found = (study, nil)
      } else {
        let directories = searchDirectories()
        if let url = fileURL(forID: session.caseStudyID, searchDirectories: directories),
          let study = try? CaseStudyLoader.load(contentsOf: url)
        {
          found = (study, CaseStudySource.of(fileAt: url))
        } else if let study = find(id: session.caseStudyID, searchDirectories: directories) {
          found = (study, nil)
        }
      }
    }
    guard let found else {
      if let movedFrom {
        throw SessionStoreError(
          kind: .caseStudyNotFound, file: file,
          message: "the session was started from case study '\(session.caseStudyID)' at "
            + "\(movedFrom), which is no longer there",
          fix: "put the file back, or pass --case-dir with the folder it moved to")
      }
      throw .caseStudyNotFound(file: file, caseStudyID: session.caseStudyID)
    }
    let (study, current) = found
    let changed = session.caseStudySource != nil && current?.hash != session.caseStudySource?.hash
    if changed || movedFrom != nil {
      let gone = orphanedIDs(of: session, in: study)
      if !gone.isEmpty {
        let whereFrom = current?.path ?? CaseStudyCatalog.builtInFileName
        throw SessionStoreError(
          kind: .caseStudyNotFound, file: file,
          message: "case study '\(study.id)' (\(whereFrom)) changed since the session was "
            + "started: \(gone.joined(separator: ", ")) "
            + (gone.count == 1 ? "is" : "are") + " no longer in it (renamed or removed)",
          fix: "restore the ids in the case study, or open the session with the file it was "
            + "started from")
      }
    }
    if let current { session.caseStudySource = current }
    return study
  }
}
