import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The workbench's panes, left to right.
enum Focus: Sendable, Equatable, CaseIterable {
  case phases, checklist, detail

  /// The pane `delta` steps along; past either end it wraps around, or stays with `wrap` false.
  func step(_ delta: Int, wrap: Bool) -> Focus {
    let all = Focus.allCases
    let here = all.firstIndex(of: self) ?? 0
    let target = here + delta
    if all.indices.contains(target) { return all[target] }
    if !wrap { return self }
    return all[((target % all.count) + all.count) % all.count]
  }
}

/// What the detail pane shows.
enum DetailMode: Sendable, Equatable {
  case item, briefing
}

struct SearchMatch: Sendable, Equatable {
  var phase: Int
  /// Nil when the match is in the phase's briefing, title or goal.
  var item: Int?
  /// A member of the cast (their index), when the match is on the cast page.
  var person: Int? = nil
}

struct SearchResults: Sendable, Equatable {
  var query: String
  var matches: [SearchMatch]
  var index: Int
}

/// The workbench's state: one session on one case study. Its update is in WorkbenchUpdate.swift,
/// its view in WorkbenchView.swift and the pane views beside it.
struct Workbench: Sendable {
  var caseStudy: CaseStudy
  var session: Session
  var sessionName: String
  var readOnly: Bool
  var readOnlyReason: String?
  var phase = 0
  var item = 0
  var focus = Focus.checklist
  var detailMode = DetailMode.item
  var detailScroll = 0
  var listTop = 0
  var hintShown = false
  var search: SearchResults?
  /// The item last selected in each phase, so coming back to a phase lands where you left.
  var lastItem: [Int: Int] = [:]
  /// What is open over the workbench, bottom first: the top one gets the keys.
  var overlays = OverlayStack<Overlay>()
  /// In a workshop folder: the case study whole, while `caseStudy` is what pacing lets the team
  /// see (`applyPacing`, Workshop/ParticipantPacing.swift), and the phases shown in outline
  /// because they are closed.
  var unpaced: CaseStudy?
  var closedPhases: Set<Int> = []
  /// The session's file, when the program opened one (`TakeOver` opens it again).
  var file: URL?
  /// The session's lenses that show (`setLenses`), their items per phase, and which items the
  /// checklist shows (ChecklistRows.swift).
  var lenses: [Lens] = []
  var lensRows: [[LensRow]] = []
  var filter = ChecklistFilter.all

  var currentPhase: Phase? {
    caseStudy.phases.indices.contains(phase) ? caseStudy.phases[phase] : nil
  }

  /// The selected row's item; a lens's item has the session's key (`LENS:ITEM`) as its id.
  var currentItem: Item? { row(phase, item)?.item }

  var showsCase: Bool { session.mode == .caseStudy }

  /// The case study as the workbench shows it: each phase's checklist with its core items
  /// first, and, in own-project mode, no decision points (they belong to the story).
  static func shown(_ caseStudy: CaseStudy, mode: SessionMode) -> CaseStudy {
    var shown = caseStudy
    for index in shown.phases.indices {
      shown.phases[index].items = shown.phases[index].checklist
      if mode == .ownProject {
        shown.phases[index].decisions = []
        shown.phases[index].reflection = []
      }
    }
    return shown
  }

  /// The most rows in any phase's checklist.
  var longestList: Int { caseStudy.phases.indices.map(rowCount).max() ?? 0 }

  /// Selects an item (nil: the one last selected in that phase) and what the detail pane shows,
  /// scrolled to the top with the hint hidden. Leaving a phase remembers its item, and the new
  /// phase's checklist starts from its top (the update then scrolls the item into view).
  mutating func select(phase p: Int, item i: Int?, detail mode: DetailMode) {
    if p != phase {
      lastItem[phase] = item
      phase = p
      item = i ?? lastItem[p] ?? 0
      listTop = 0
    } else if let i {
      item = i
    }
    detailMode = mode
    detailScroll = 0
    hintShown = false
  }
}

extension Workbench {
  /// The workbench for a session as it opens: the checklist focused, the session's cursor
  /// item selected, and why the session's lenses did not load, if they did not.
  static func opening(
    caseStudy: CaseStudy, session: Session, sessionName: String, readOnly: Bool,
    readOnlyReason: String?
  ) -> (Workbench, lensProblem: String?) {
    var wb = Workbench(
      caseStudy: Workbench.shown(caseStudy, mode: session.mode), session: session,
      sessionName: sessionName, readOnly: readOnly, readOnlyReason: readOnlyReason)
    var lensProblem: String?
    do {
      wb.setLenses(try session.activeLenses(file: sessionName))
    } catch {
      lensProblem = LensText.firstError(error)
    }
    if let cursor = session.cursor,
      let p = wb.caseStudy.phases.firstIndex(where: { $0.id == cursor.phase })
    {
      wb.phase = p
      if let itemID = cursor.item, let i = wb.rowIndex(p, id: itemID) {
        wb.item = i
      }
    }
    wb.focus = .checklist
    // A fresh session opens on the first phase's briefing; a resumed one on its item.
    let fresh =
      session.items.isEmpty && session.decisions.isEmpty
      && (session.lenses?.points.isEmpty ?? true)
    wb.detailMode = (wb.currentItem == nil || fresh) ? .briefing : .item
    return (wb, lensProblem)
  }
}
