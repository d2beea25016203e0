#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Where a session's case study came from: the file's absolute path and a hash of its bytes.
/// A session keeps it so that it can find the file again, and tell whether it changed.
public struct CaseStudySource: Sendable, Equatable, Codable {
  /// The absolute path of the YAML file the session was started from.
  public var path: String
  /// `fnv1a64:` and 16 hex digits: FNV-1a over the file's bytes. It detects edits; it is not a
  /// defence against someone forging a file.
  public var hash: String

  public init(path: String, hash: String) {
    self.path = path
    self.hash = hash
  }

  /// The source of the file at `url`, or `nil` if it cannot be read.
  public static func of(fileAt url: URL) -> CaseStudySource? {
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    return CaseStudySource(path: url.standardizedFileURL.path, hash: hash(of: data))
  }

  /// FNV-1a, 64 bits, as `fnv1a64:` and 16 lowercase hex digits.
  public static func hash(of data: Data) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      h ^= UInt64(byte)
      h = h &* 0x0000_0100_0000_01b3
    }
    let hex = String(h, radix: 16)
    return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
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

  /// The case study of `session`: from the file it was started from when that is still there
  /// with the same id, else by id from the built-in studies and `searchDirectories`.
  ///
  /// A file that changed, or a copy found elsewhere, is used only if every item and decision
  /// the session recorded work on still exists in it; otherwise the error lists the ids that
  /// were renamed or removed, so that no work is silently orphaned. The session's source is
  /// brought up to date with the file used.
  static func caseStudy(
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
