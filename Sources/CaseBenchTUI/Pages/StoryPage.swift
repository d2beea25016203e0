import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The pages of the story over the workbench, each one key away from anywhere in it.
enum PageKind: Sendable, Equatable, CaseIterable {
  /// Who's who: the cast, with what each person wants and their hot buttons.
  case cast
  /// The case study's background.
  case background
  /// Every item tagged `ethics`, in every phase.
  case ethics

  var title: String {
    switch self {
    case .cast: "Who's who"
    case .background: "Background"
    case .ethics: "Ethics lens"
    }
  }

  /// The key-table binding that opens it.
  var binding: KeyBinding {
    switch self {
    case .cast: KeyTable.cast
    case .background: KeyTable.background
    case .ethics: KeyTable.ethicsLens
    }
  }

  var shortName: String {
    switch self {
    case .cast: "who's who"
    case .background: "background"
    case .ethics: "ethics"
    }
  }
}

/// The state of the open page.
struct StoryPage: Sendable, Equatable {
  var kind: PageKind
  /// The selected row: a person on the cast page, an item in the ethics lens.
  var row = 0
  /// How far the text is scrolled: the background, or the selected person's card.
  var scroll = 0
}

/// An ethics item, by where it sits in the workbench's case study.
typealias EthicsEntry = ItemPlace

enum StoryPages {
  static let ethicsTag = Item.ethicsTag

  /// Every ethics item (the rule is `Item.isEthicsItem`), in phase order.
  static func ethicsEntries(_ caseStudy: CaseStudy) -> [EthicsEntry] { caseStudy.ethicsItems }

  /// A row of the ethics lens: where the item sits in its phase's whole checklist (the
  /// case study's items, then the lenses'), the item, and the lens it is from.
  struct EthicsRow: Sendable, Equatable {
    var place: ItemPlace
    var item: Item
    var lens: Lens?
    /// The id the item has in its own file (`A.1`, not the session's `LENS:A.1`).
    var shownID: String
  }

  /// The ethics lens's rows: the case study's ethics items, then each lens's, grouped by lens
  /// (every item of an imported deon checklist is one).
  static func ethicsRows(_ wb: Workbench) -> [EthicsRow] {
    let phases = wb.caseStudy.phases
    var out = ethicsEntries(wb.caseStudy).map {
      let item = phases[$0.phase].items[$0.item]
      return EthicsRow(place: $0, item: item, lens: nil, shownID: item.id)
    }
    for (index, lens) in wb.lenses.enumerated() {
      for (p, rows) in wb.lensRows.enumerated() where p < phases.count {
        for (k, row) in rows.enumerated() where row.lens == index && row.item.isEthicsItem {
          out.append(
            EthicsRow(
              place: ItemPlace(phase: p, item: phases[p].items.count + k), item: row.item,
              lens: lens, shownID: row.localID))
        }
      }
    }
    return out
  }

  /// How many rows a page's list has (people or items); 0 for the background.
  static func rowCount(_ page: StoryPage, wb: Workbench) -> Int {
    switch page.kind {
    case .cast: wb.showsCase ? wb.caseStudy.cast.count : 0
    case .background: 0
    case .ethics: ethicsRows(wb).count
    }
  }
}

extension Workbench {
  /// Opens a page of the story over the workbench, or over the tool that is open (Esc goes back
  /// there); from another page, it takes that page's place. `person` selects a cast member.
  mutating func openPage(_ kind: PageKind, person: Int? = nil) {
    var page = StoryPage(kind: kind)
    if let person {
      page.row = person
    } else if kind == .ethics {
      // Start on the selected item when it is one of them.
      let selected = currentItem?.id
      page.row = StoryPages.ethicsRows(self).firstIndex { $0.item.id == selected } ?? 0
    }
    if case .page = overlays.top {
      overlays.replaceTop(with: .page(page))
    } else {
      overlays.present(.page(page))
    }
  }

  /// Enter in the ethics lens: the item, in its phase, in the checklist.
  mutating func goToEthicsItem(_ row: Int, _ env: inout WorkbenchEnvironment) {
    let entries = StoryPages.ethicsRows(self)
    guard entries.indices.contains(row) else { return }
    let entry = entries[row].place
    showAllItems()
    select(phase: entry.phase, item: entry.item, detail: .item)
    focus = .checklist
    overlays.dismissAll()
    syncCursor(&env)
  }
}

extension StoryPage {
  /// The page's update: it reads the workbench, and moves it for a match or an ethics item.
  mutating func update(
    _ event: Event, _ wb: inout Workbench, _ env: inout WorkbenchEnvironment
  ) -> OverlayStep {
    let rows = StoryPages.rowCount(self, wb: wb)
    let view = Metrics(page: self, wb: wb, options: env.options, size: env.size)
    let command: KeyCommand
    switch event {
    case .key(let key):
      guard let found = KeyTable.command(for: key, in: .page) else { return .stay }
      command = found
    case .scrollUp(let x, _), .scrollDown(let x, _):
      // The wheel moves as k and j do; over the cast card, it scrolls the card.
      var delta = 1
      if case .scrollUp = event { delta = -1 }
      if kind == .cast, x >= view.card.x {
        scroll = clampAdd(scroll, delta, max: view.maxScroll)
        return .stay
      }
      command = .move(delta)
    default:
      return .stay
    }
    switch command {
    case .openPage(let kind):
      // The page's own key closes it again; another page's key switches to it.
      if kind == self.kind { return .close }
      wb.openPage(kind)
      return .done
    case .openScreen(let id):
      wb.openScreen(id, env)
      return .done
    case .back:
      return .close
    case .quit: return .run([env.quitCommand])
    case .help:
      wb.overlays.present(.help(scroll: 0))
      return .done
    case .open:
      if kind == .ethics { wb.goToEthicsItem(row, &env) }
      return .done
    case .nextMatch, .previousMatch:
      guard wb.search != nil else {
        env.showMessage("No search yet: press / in the workbench to search.", isError: false)
        return .done
      }
      // A match moves the workbench, so the page (and a tool under it) gives way.
      wb.overlays.dismissAll()
      wb.stepMatch(command == .nextMatch ? 1 : -1, &env)
      return .done
    case .move(let delta):
      if rows > 0 {
        select(clampAdd(row, delta, max: rows - 1))
      } else {
        scroll = clampAdd(scroll, delta, max: view.maxScroll)
      }
    case .page(let delta):
      if kind == .ethics {
        select(clampAdd(row, delta * max(1, view.pageRows - 1), max: rows - 1))
      } else {
        scroll = clampAdd(
          scroll, delta * max(1, view.pageRows - 1), max: view.maxScroll
        )
      }
    case .top:
      if rows > 0 { select(0) } else { scroll = 0 }
    case .bottom:
      if rows > 0 { select(rows - 1) } else { scroll = view.maxScroll }
    default: break
    }
    return .stay
  }

  /// Selects a row; a new person's card starts at its top.
  mutating func select(_ index: Int) {
    if index != row { scroll = 0 }
    row = index
  }
}
