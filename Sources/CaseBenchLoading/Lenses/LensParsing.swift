import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Why a lens could not be added, removed or read.
public struct LensError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The lens file's own problems, located (`FILE:LINE:COL`), as lint reports them.
  public var diagnostics: [Diagnostic]
  /// A problem that is not in a file: no such lens, a clash of ids.
  public var message: String?
  /// False when the lens file could not be read at all (no such file, a folder, no
  /// permission): a failure rather than bad data.
  public var fileWasRead: Bool

  public init(diagnostics: [Diagnostic] = [], message: String? = nil, fileWasRead: Bool = true) {
    self.diagnostics = diagnostics
    self.message = message
    self.fileWasRead = fileWasRead
  }

  public var description: String {
    (diagnostics.filter(\.isError).map(\.description) + (message.map { [$0] } ?? []))
      .joined(separator: "\n")
  }
}

extension Session {
  /// The lenses that show, parsed from the content the session keeps. A lens whose content no
  /// longer parses (the file was edited by hand) throws its located problems, named after the
  /// session file.
  public func activeLenses(file: String) throws(LensError) -> [Lens] {
    var out: [Lens] = []
    for record in lensRecords where record.isActive {
      out.append(try Lens.parse(record, file: "\(file) (lens '\(record.id)')"))
    }
    return out
  }
}

extension Lens {
  /// Parses a lens record's content.
  package static func parse(_ record: LensRecord, file: String) throws(LensError) -> Lens {
    do {
      return Lens(record: record, checklist: try CaseStudyLoader.parse(record.content, file: file))
    } catch {
      throw LensError(diagnostics: error.diagnostics)
    }
  }
}
