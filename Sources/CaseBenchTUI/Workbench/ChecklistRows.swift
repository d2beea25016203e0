import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Which items the checklist shows: all of them, the case study's only, or one lens's only.
enum ChecklistFilter: Sendable, Equatable {
  case all
  case caseStudy
  case lens(String)

  /// What the checklist's title says while the filter is on; nil for `all`.
  func label(_ lenses: [Lens]) -> String? {
    switch self {
    case .all: nil
    case .caseStudy: "case study only"
    case .lens(let id): "\(lenses.first { $0.id == id }.map(LensTag.short) ?? id) only"
    }
  }

  /// The next filter: all → the case study's → each lens's → all.
  func next(_ lenses: [Lens]) -> ChecklistFilter {
    let order: [ChecklistFilter] = [.all, .caseStudy] + lenses.map { .lens($0.id) }
    let here = order.firstIndex(of: self) ?? 0
    return order[(here + 1) % order.count]
  }
}

/// A lens's item as the checklist shows it: the item with its id made the session's key
/// (`LENS:ITEM`), so its status and note are kept as any item's are, and the lens it is from.
struct LensRow: Sendable, Equatable {
  var item: Item
  /// The item's id in the lens (`A.1`, `Data.3`).
  var localID: String
  var lens: Int
}

/// The short name that marks a lens's items on screen: "deon" for an imported deon
/// checklist, otherwise the lens's title up to its first bracket ("ML Test Score").
enum LensTag {
  static func short(_ lens: Lens) -> String {
    if lens.checklist.lens?.source.hasPrefix("deon") == true { return "deon" }
    let title = lens.title
    let cut = title.firstIndex(where: { $0 == "(" || $0 == ":" }) ?? title.endIndex
    let short = String(title[..<cut]).trimming(.whitespaces)
    return short.isEmpty ? lens.id : short
  }
}

extension Workbench {
  /// The lenses' items per phase of the case study, in the lenses' order: built when the
  /// lenses change, so the checklist never builds rows per keystroke.
  static func lensRows(_ lenses: [Lens], caseStudy: CaseStudy) -> [[LensRow]] {
    caseStudy.phases.map { phase in
      lenses.enumerated().flatMap { index, lens in
        lens.items(showingIn: phase.id).map { item in
          var keyed = item
          keyed.id = lens.key(item.id)
          return LensRow(item: keyed, localID: item.id, lens: index)
        }
      }
    }
  }

  /// Shows these lenses (the session's active ones) and keeps the filter if its lens is there.
  mutating func setLenses(_ new: [Lens]) {
    lenses = new
    lensRows = Workbench.lensRows(new, caseStudy: caseStudy)
    if case .lens(let id) = filter, !new.contains(where: { $0.id == id }) { filter = .all }
  }

  /// The lens rows of phase `p` that the filter lets through.
  func shownLensRows(_ p: Int) -> ArraySlice<LensRow> {
    guard lensRows.indices.contains(p) else { return [] }
    switch filter {
    case .all: return lensRows[p][...]
    case .caseStudy: return []
    case .lens(let id): return ArraySlice(lensRows[p].filter { lenses[$0.lens].id == id })
    }
  }

  /// How many of phase `p`'s case-study items the filter lets through.
  func shownCaseItems(_ p: Int) -> Int {
    guard caseStudy.phases.indices.contains(p) else { return 0 }
    if case .lens = filter { return 0 }
    return caseStudy.phases[p].items.count
  }

  /// How many rows the checklist of phase `p` has under the filter.
  func rowCount(_ p: Int) -> Int { shownCaseItems(p) + shownLensRows(p).count }

  /// The row `i` of phase `p`'s checklist: a case-study item (lens nil) or a lens's item.
  func row(_ p: Int, _ i: Int) -> (item: Item, lens: Lens?, localID: String)? {
    guard i >= 0 else { return nil }
    let own = shownCaseItems(p)
    if i < own {
      let item = caseStudy.phases[p].items[i]
      return (item, nil, item.id)
    }
    let rows = shownLensRows(p)
    guard i - own < rows.count else { return nil }
    let r = rows[rows.startIndex + i - own]
    return (r.item, lenses[r.lens], r.localID)
  }

  /// The lens of the selected row, nil for a case-study item.
  var currentLens: Lens? { row(phase, item)?.lens }

  /// Where an item (a case study's id, or a lens's `LENS:ITEM`) sits in phase `p` under the
  /// filter.
  func rowIndex(_ p: Int, id: String) -> Int? {
    (0..<rowCount(p)).first { row(p, $0)?.item.id == id }
  }

  /// Shows every item again (before going to an item found by position in all of them).
  mutating func showAllItems() {
    guard filter != .all else { return }
    filter = .all
  }
}

extension LensTag {
  /// The tag for a row with `room` cells for the tag and the title: the short name, or, when
  /// that would leave the title fewer than 24 cells, its initials with upper-case words kept
  /// whole ("ML Test Score" → "MLTS").
  static func fitting(_ lens: Lens, room: Int) -> String {
    let name = short(lens)
    guard room - DisplayWidth.of(name) - 3 < 24 else { return name }
    let words = name.split(separator: " ")
    guard words.count > 1 else { return name }
    return words.map { $0 == $0.uppercased() ? String($0) : String($0.prefix(1)).uppercased() }
      .joined()
  }

  /// The status glyph a scored test shows: not done, by hand, automated.
  static func status(_ points: TestPoints) -> ItemStatus {
    switch points {
    case .none: .todo
    case .byHand: .doing
    case .automated: .done
    }
  }
}

extension Workbench {
  /// A lens's item by its session key (`LENS:ITEM`), in whatever phase it shows.
  func lensItem(id: String) -> Item? {
    lensRows.lazy.flatMap { $0 }.first { $0.item.id == id }?.item
  }
}
