import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension AppState {
  var layout: WorkbenchLayout { WorkbenchLayout(size: size, for: workbench) }

  /// The workbench's update: its overlays first, then its own keys and the mouse.
  mutating func handleWorkbench(_ event: Event) -> [Command] {
    switch overlay {
    case .note: return handleNoteEditor(event)
    case .naReason: handleNAPrompt(event)
    case .search: handleSearchPrompt(event)
    case .addLens: return handleAddLensPrompt(event)
    case .decision: handleDecision(event)
    case .tool: return handleTool(event)
    case .page: return handlePage(event)
    case .screen: return handleScreen(event)
    case .help, nil: return handleWorkbenchKeys(event)
    }
    return []
  }

  /// Where the workbench looks keys up: search keys first while a search is on.
  var workbenchScopes: [KeyScope] {
    workbench?.search != nil ? [.searching, .workbench] : [.workbench]
  }

  mutating func handleWorkbenchKeys(_ event: Event) -> [Command] {
    guard let wb = workbench else { return [] }
    switch event {
    case .key(let key):
      guard let command = KeyTable.command(for: key, in: workbenchScopes) else { return [] }
      if refusesInClosedPhase(command) { return [] }
      switch command {
      case .quit: return [quitCommand]
      case .toStart:
        if preview != nil {
          showMessage("A preview has no start screen: q quits.", isError: false)
          return []
        }
        return [.closeSession]
      case .help: overlays.present(.help(scroll: 0))
      case .move(let delta): move(delta)
      case .page(let delta): move(delta * pageSize)
      case .top: move(Int.min / 2)
      case .bottom: move(Int.max / 2)
      case .cyclePane(let delta): setFocus(wb.focus.step(delta, wrap: true))
      case .stepPane(let delta): setFocus(wb.focus.step(delta, wrap: false))
      case .open: enter()
      case .back: back()
      case .phase(let index): jumpToPhase(index)
      case .cycleStatus: if !cyclePoints() { cycleStatus() }
      case .cycleFilter: cycleFilter()
      case .addLens: askAddLens()
      case .removeLens: removeSelectedLens()
      case .notApplicable: askNotApplicable()
      case .blocked: toggleBlocked()
      case .editNote: openNoteEditor()
      case .nextMatch: stepMatch(1)
      case .previousMatch:
        if wb.search != nil {
          stepMatch(-1)
        } else {
          showMessage("No search yet: press / to search.", isError: false)
        }
      case .editNoteExternally: return editExternally()
      case .decisions: openDecisions()
      case .openTool(let kind): openTool(kind)
      case .openPage(let kind): openPage(kind)
      case .openScreen(let id): openScreen(id)
      case .hint: toggleHint()
      case .briefing: toggleBriefing()
      case .search: overlays.present(.search(TextEditor(multiline: false)))
      case .saveNow:
        if !wb.readOnly { showMessage("Every change is saved as you go.", isError: false) }
      default: break
      }
    case .click(let x, let y): click(x, y)
    case .scrollUp(let x, let y): wheel(x, y, -1)
    case .scrollDown(let x, let y): wheel(x, y, 1)
    default: break
    }
    return []
  }

  var pageSize: Int {
    guard let wb = workbench else { return 1 }
    switch wb.focus {
    case .phases: return 1
    case .checklist: return max(1, layout.checklist.inner.h - 1)
    case .detail: return max(1, layout.detail.inner.h - 1)
    }
  }

  mutating func setFocus(_ f: Focus) {
    guard var wb = workbench else { return }
    if f == .phases, wb.focus != .phases {
      wb.detailMode = .briefing
      wb.detailScroll = 0
    }
    wb.focus = f
    workbench = wb
  }

  mutating func move(_ delta: Int) {
    guard var wb = workbench else { return }
    switch wb.focus {
    case .phases:
      let count = wb.caseStudy.phases.count
      guard count > 0 else { return }
      selectPhase(clampAdd(wb.phase, delta, max: count - 1))
    case .checklist:
      let count = wb.rowCount(wb.phase)
      guard count > 0 else { return }
      let target = clampAdd(wb.item, delta, max: count - 1)
      if target != wb.item || wb.detailMode != .item {
        wb.select(phase: wb.phase, item: target, detail: .item)
      }
      workbench = wb
      syncCursor()
    case .detail:
      let lines = DetailContent.lines(
        wb, options: options, width: layout.detailTextWidth, window: 0..<0
      ).count
      let maxScroll = max(0, lines - layout.detail.inner.h)
      wb.detailScroll = clampAdd(wb.detailScroll, delta, max: maxScroll)
      workbench = wb
    }
  }

  func clampAdd(_ value: Int, _ delta: Int, max upper: Int) -> Int {
    let (sum, overflow) = value.addingReportingOverflow(delta)
    let v = overflow ? (delta < 0 ? 0 : upper) : sum
    return Swift.min(Swift.max(0, v), Swift.max(0, upper))
  }

  /// Selects a phase and shows its briefing.
  mutating func selectPhase(_ index: Int) {
    guard var wb = workbench, wb.caseStudy.phases.indices.contains(index) else { return }
    wb.select(phase: index, item: nil, detail: .briefing)
    workbench = wb
    syncCursor()
  }

  mutating func jumpToPhase(_ index: Int) {
    guard let wb = workbench else { return }
    guard wb.caseStudy.phases.indices.contains(index) else {
      showMessage("There are \(counted(wb.caseStudy.phases.count, "phase")).", isError: false)
      return
    }
    selectPhase(index)
    if var w = workbench, w.focus == .detail {
      w.focus = .checklist
      workbench = w
    }
  }

  mutating func enter() {
    guard var wb = workbench else { return }
    switch wb.focus {
    case .phases:
      wb.focus = .checklist
    case .checklist:
      guard wb.currentItem != nil else { return }
      if wb.detailMode != .item {
        wb.detailMode = .item
        wb.detailScroll = 0
      }
      wb.focus = .detail
    case .detail:
      break
    }
    workbench = wb
  }

  mutating func back() {
    guard var wb = workbench else { return }
    if wb.search != nil {
      wb.search = nil
      workbench = wb
      showMessage("Search cleared.", isError: false)
      return
    }
    switch wb.focus {
    case .detail: wb.focus = .checklist
    case .checklist:
      wb.focus = .phases
      wb.detailMode = .briefing
      wb.detailScroll = 0
    case .phases: break
    }
    workbench = wb
  }

  // MARK: Item actions

  /// The item actions work on, with a message when there is none.
  mutating func actionItem() -> Item? {
    guard let wb = workbench, let item = wb.currentItem, wb.focus != .phases else {
      showMessage("Select an item first: Enter opens the checklist.", isError: false)
      return nil
    }
    if wb.readOnly {
      refuseReadOnly()
      return nil
    }
    return item
  }

  mutating func cycleStatus() {
    guard let item = actionItem() else { return }
    changeSession { $0.cycleStatus(of: item.id, at: $1) }
    showDetailOfItem()
    if let s = session?.status(of: item.id) {
      showMessage("\(item.title): \(s.label)", isError: false)
    }
  }

  mutating func toggleBlocked() {
    guard let item = actionItem(), let s = session?.status(of: item.id) else { return }
    let target: ItemStatus = s == .blocked ? .todo : .blocked
    changeSession { $0.setStatus(target, of: item.id, at: $1) }
    showDetailOfItem()
    showMessage("\(item.title): \(target.label)", isError: false)
  }

  mutating func askNotApplicable() {
    guard let item = actionItem() else { return }
    let reason = session?.state(of: item.id).naReason ?? ""
    overlays.present(.naReason(itemID: item.id, editor: TextEditor(reason, multiline: false)))
  }

  mutating func showDetailOfItem() {
    guard var wb = workbench, wb.detailMode != .item else { return }
    wb.detailMode = .item
    wb.detailScroll = 0
    workbench = wb
  }

  mutating func toggleHint() {
    guard var wb = workbench, wb.currentItem != nil else {
      showMessage("Select an item to see its hint.", isError: false)
      return
    }
    if wb.detailMode != .item {
      wb.detailMode = .item
      wb.detailScroll = 0
      wb.hintShown = true
    } else {
      wb.hintShown.toggle()
    }
    workbench = wb
  }

  mutating func toggleBriefing() {
    guard var wb = workbench else { return }
    if wb.detailMode == .briefing, wb.currentItem != nil {
      wb.detailMode = .item
    } else {
      wb.detailMode = .briefing
    }
    wb.detailScroll = 0
    workbench = wb
  }

  mutating func openNoteEditor() {
    guard let item = actionItem() else { return }
    showDetailOfItem()
    var editor = TextEditor(session?.note(of: item.id) ?? "", multiline: true)
    let l = layout
    editor.scrollIntoView(width: NoteView.textWidth(l), height: NoteView.textHeight(l))
    overlays.present(.note(itemID: item.id, editor: editor))
  }

  mutating func editExternally() -> [Command] {
    guard let item = actionItem() else { return [] }
    return [.editExternally(itemID: item.id, text: session?.note(of: item.id) ?? "")]
  }

  // MARK: Search results

  mutating func runSearch(_ query: String) {
    guard var wb = workbench, !query.isEmpty else { return }
    let matches = Search.matches(query, in: wb)
    guard !matches.isEmpty else {
      wb.search = nil
      workbench = wb
      showMessage("No match for \(quoted(query)).", isError: true)
      return
    }
    wb.search = SearchResults(query: query, matches: matches, index: 0)
    workbench = wb
    goToMatch()
  }

  func quoted(_ text: String) -> String {
    options.unicode ? "\u{201C}\(text)\u{201D}" : "\"\(text)\""
  }

  mutating func stepMatch(_ delta: Int) {
    guard var wb = workbench, var s = wb.search, !s.matches.isEmpty else { return }
    s.index = ((s.index + delta) % s.matches.count + s.matches.count) % s.matches.count
    wb.search = s
    workbench = wb
    goToMatch()
  }

  mutating func goToMatch() {
    guard var wb = workbench, let s = wb.search, s.matches.indices.contains(s.index) else {
      return
    }
    let m = s.matches[s.index]
    if let person = m.person {
      // The workbench stays where it is; the cast page opens over it.
      openPage(.cast, person: person)
    } else {
      // Matches are by position among all the items.
      wb.showAllItems()
      if let item = m.item {
        wb.select(phase: m.phase, item: item, detail: .item)
        if wb.focus == .phases { wb.focus = .checklist }
      } else {
        wb.select(phase: m.phase, item: nil, detail: .briefing)
      }
      workbench = wb
      scrollDetailToMatch(s.query)
    }
    syncCursor()
    showMessage(
      "match \(s.index + 1) of \(s.matches.count) for \(quoted(s.query))"
        + (m.person == nil ? "" : " in the cast")
        + "  \(KeyTable.matches.hint("next/previous")), \(KeyTable.back.hint("clears"))",
      isError: false)
  }

  // MARK: Mouse

  mutating func click(_ x: Int, _ y: Int) {
    guard var wb = workbench, overlay == .none else { return }
    let l = layout
    if l.phases.contains(x, y) {
      let progress = CaseBenchModel.Progress(caseStudy: wb.caseStudy, session: wb.session)
      if let index = PhasesPane.phase(
        atX: x, y: y, wb, progress: progress, glyphs: Glyphs.of(options), rect: l.phases)
      {
        wb.focus = .phases
        workbench = wb
        selectPhase(index)
      }
    } else if l.checklist.inner.contains(x, y) {
      let index = wb.listTop + (y - l.checklist.inner.y)
      if index < wb.rowCount(wb.phase) {
        wb.focus = .checklist
        if index != wb.item || wb.detailMode != .item {
          wb.select(phase: wb.phase, item: index, detail: .item)
        }
        workbench = wb
        syncCursor()
      }
    } else if l.detail.contains(x, y) {
      wb.focus = .detail
      workbench = wb
    }
  }

  mutating func wheel(_ x: Int, _ y: Int, _ delta: Int) {
    guard var wb = workbench, overlay == .none else { return }
    let l = layout
    if l.phases.contains(x, y) {
      wb.focus = .phases
    } else if l.checklist.contains(x, y) {
      wb.focus = .checklist
    } else if l.detail.contains(x, y) {
      wb.focus = .detail
    } else {
      return
    }
    workbench = wb
    move(delta * (wb.focus == .detail ? 3 : 1))
  }
}
