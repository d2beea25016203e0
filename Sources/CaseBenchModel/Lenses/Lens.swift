#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How a lens scores its items.
public enum LensScoring: String, Sendable, Equatable, CaseIterable, Codable {
  /// Items settled (done or N/A) out of all items, like a phase's gate.
  case checklist
  /// Breck et al.'s 2017 rubric: 0, ½ or 1 point a test, summed per section, and the final
  /// score the smallest section sum.
  case mlTestScore = "ml-test-score"
}

/// What the `lens:` mapping of a lens file says.
public struct LensSettings: Sendable, Equatable {
  public var scoring: LensScoring
  /// Where the lens came from, e.g. "deon 0.3.0"; "" when not said.
  public var source: String

  public init(scoring: LensScoring = .checklist, source: String = "") {
    self.scoring = scoring
    self.source = source
  }
}

/// A lens in a session: a case-study-format file, kept in the session by its id and its
/// content, so that the session opens on any machine without the file.
public struct LensRecord: Sendable, Equatable, Codable {
  /// The lens file's `id`; its items are recorded in the session as `ID:ITEM`.
  public var id: String
  public var title: String
  /// The lens file's YAML, as it was when added.
  public var content: String
  /// `CaseStudySource.hash(of:)` of `content`.
  public var hash: String
  public var added: Date
  /// Set by `lens remove`: the lens no longer shows, and its answers stay in the file.
  public var removed: Date?

  public init(
    id: String, title: String, content: String, added: Date, removed: Date? = nil
  ) {
    self.id = id
    self.title = title
    self.content = content
    self.hash = CaseStudySource.hash(of: Data(content.utf8))
    self.added = added
    self.removed = removed
  }

  public var isActive: Bool { removed == nil }
}

/// A test's points in the ML Test Score.
public enum TestPoints: Double, Sendable, Equatable, CaseIterable, Codable {
  /// Not done.
  case none = 0
  /// Done by hand, with the results written down and shared.
  case byHand = 0.5
  /// Automated and run repeatedly.
  case automated = 1

  public var label: String {
    switch self {
    case .none: "0"
    case .byHand: "0.5"
    case .automated: "1"
    }
  }

  /// What the points mean, in a few words.
  public var meaning: String {
    switch self {
    case .none: "not done"
    case .byHand: "by hand, written down and shared"
    case .automated: "automated and repeated"
    }
  }

  /// 0 → 0.5 → 1 → 0.
  public var next: TestPoints {
    switch self {
    case .none: .byHand
    case .byHand: .automated
    case .automated: .none
    }
  }
}

/// The lenses of a session and the points of scored tests. Item states and notes of lens
/// items live with the case study's, in `Session.items`, under `LENS:ITEM`.
public struct SessionLenses: Sendable, Equatable, Codable {
  public var records: [LensRecord]
  /// Points of ML Test Score tests, by `LENS:ITEM`.
  public var points: [String: TestPoints]

  public init(records: [LensRecord] = [], points: [String: TestPoints] = [:]) {
    self.records = records
    self.points = points
  }
}

/// A lens ready to show: its record and the checklist parsed from it.
public struct Lens: Sendable, Equatable {
  public var record: LensRecord
  public var checklist: CaseStudy

  public init(record: LensRecord, checklist: CaseStudy) {
    self.record = record
    self.checklist = checklist
  }

  public var id: String { record.id }
  public var title: String { checklist.title }
  public var scoring: LensScoring { checklist.lens?.scoring ?? .checklist }

  /// The session's key for one of this lens's items.
  public func key(_ itemID: String) -> String { Lens.key(lens: id, item: itemID) }

  public static func key(lens: String, item: String) -> String { "\(lens):\(item)" }

  /// The session phase whose checklist shows a lens phase's items.
  public static func hostPhase(of phase: Phase) -> String { phase.showsIn ?? phase.id }

  /// The lens's items that show in the session's phase `phaseID`, in the lens's order.
  public func items(showingIn phaseID: String) -> [Item] {
    checklist.phases.filter { Lens.hostPhase(of: $0) == phaseID }.flatMap(\.items)
  }

  /// Lens phases that name no phase of `caseStudy`: their items show only in the lens's own
  /// report section and the ethics lens.
  public func unplacedPhases(in caseStudy: CaseStudy) -> [Phase] {
    checklist.phases.filter { caseStudy.phase(id: Lens.hostPhase(of: $0)) == nil }
  }
}
