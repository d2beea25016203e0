import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A saved session as listed on the start screen.
public struct StartEntry: Sendable, Equatable {
  public var title: String
  public var detail: String
  public var path: String
  public var updated: Date?
  /// Why the file can't be opened, if it can't.
  public var error: String?

  public init(
    title: String, detail: String, path: String, updated: Date? = nil, error: String? = nil
  ) {
    self.title = title
    self.detail = detail
    self.path = path
    self.updated = updated
    self.error = error
  }
}

extension StartEntry {
  /// A saved session's second line: its case study, "own project" when it is one, and its file
  /// name, which tells apart two sessions with one team name.
  static func detail(of s: SessionSummary) -> String {
    let own = s.mode == .ownProject ? ["own project"] : []
    return ([s.caseStudyID] + own + [s.url.lastPathComponent]).joined(separator: " · ")
  }
}
