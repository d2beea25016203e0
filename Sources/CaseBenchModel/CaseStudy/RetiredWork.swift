#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Work a session recorded on items that the case study has since retired. Such work is never
/// dropped: it stays in the session file, and screens and reports name it with the title and
/// reason the author gave in `retired_items`.
public struct RetiredWork: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var item: RetiredItem
    public var state: ItemState
  }

  /// In the order of the case study's `retired_items`.
  public var rows: [Row]

  public init(caseStudy: CaseStudy, session: Session) {
    rows = caseStudy.retiredItems.compactMap { item in
      // A current item with the same id wins (the validator refuses such files anyway).
      guard caseStudy.item(id: item.id) == nil, let state = session.items[item.id] else {
        return nil
      }
      return Row(item: item, state: state)
    }
  }

  public var isEmpty: Bool { rows.isEmpty }

  /// One sentence for the workbench's message line (it fits 80 columns for up to four ids), or
  /// nil when there is nothing to report.
  public var message: String? {
    guard !rows.isEmpty else { return nil }
    let ids = rows.map(\.item.id)
    let shown =
      ids.count > 4
      ? ids.prefix(3).joined(separator: ", ") + " and \(ids.count - 3) more"
      : ids.joined(separator: ", ")
    let noun = rows.count == 1 ? "retired item keeps its" : "retired items keep their"
    return "\(rows.count) \(noun) work: \(shown) (see status or export)."
  }

  /// "Restated D.4. … (now in D.4, X.14)".
  public static func explanation(of item: RetiredItem) -> String {
    guard !item.replacedBy.isEmpty else { return item.reason }
    return item.reason + " (now in " + item.replacedBy.joined(separator: ", ") + ")"
  }
}
