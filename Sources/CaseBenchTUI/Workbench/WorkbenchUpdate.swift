import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension Workbench {
  /// The workbench's update: the overlay on top gets the event, else the workbench's own keys
  /// and the mouse. Help gets its events from `AppState.handleHelp`, which the start screen
  /// shares.
  mutating func update(_ event: Event, _ env: inout WorkbenchEnvironment) -> [Command] {
    switch overlays.top {
    case .note: return updateNoteEditor(event, &env)
    case .naReason: updateNAPrompt(event, &env)
    case .search: updateSearchPrompt(event, &env)
    case .addLens: return updateAddLensPrompt(event, &env)
    case .screen: return updateScreen(event, &env)
    case .decision(var dialog):
      return finish(dialog.update(event, &self, &env), .decision(dialog))
    case .page(var page):
      return finish(page.update(event, &self, &env), .page(page))
    case .tool(var tool):
      return finish(tool.update(event, &self, &env), .tool(tool))
    case .help, nil:
      return handleKeys(event, &env)
    }
    return []
  }

  /// Does what an overlay's update asked: `overlay` is its new state.
  private mutating func finish(_ step: OverlayStep, _ overlay: Overlay) -> [Command] {
    switch step {
    case .stay: overlays.replaceTop(with: overlay)
    case .close: overlays.dismiss()
    case .done: break
    case .run(let commands): return commands
    }
    return []
  }

  /// Where the workbench looks keys up: search keys first while a search is on.
  var scopes: [KeyScope] {
    search != nil ? [.searching, .workbench] : [.workbench]
  }

  mutating func handleKeys(_ event: Event, _ env: inout WorkbenchEnvironment) -> [Command] {
    switch event {
    case .key(let key):
      guard let command = KeyTable.command(for: key, in: scopes) else { return [] }
      if refusesInClosedPhase(command, &env) { return [] }
      switch command {
      case .quit: return [env.quitCommand]
      case .toStart:
        if env.isPreview {
          env.showMessage("A preview has no start screen: q quits.", isError: false)
          return []
        }
        return [.closeSession]
      case .help: overlays.present(.help(scroll: 0))
      case .move(let delta): move(delta, &env)
      case .page(let delta): move(delta * pageSize(env), &env)
      case .top: move(Int.min / 2, &env)
      case .bottom: move(Int.max / 2, &env)
      case .cyclePane(let delta): setFocus(focus.step(delta, wrap: true))
      case .stepPane(let delta): setFocus(focus.step(delta, wrap: false))
      case .open: enter()
      case .back: back(&env)
      case .phase(let index): jumpToPhase(index, &env)
      case .cycleStatus: if !cyclePoints(&env) { cycleStatus(&env) }
      case .cycleFilter: cycleFilter(&env)
      case .addLens: askAddLens(&env)
      case .removeLens: removeSelectedLens(&env)
      case .notApplicable: askNotApplicable(&env)
      case .blocked: toggleBlocked(&env)
      case .editNote: openNoteEditor(&env)
      case .nextMatch: stepMatch(1, &env)
      case .previousMatch:
        if search != nil {
          stepMatch(-1, &env)
        } else {
          env.showMessage("No search yet: press / to search.", isError: false)
        }
      case .editNoteExternally: return editExternally(&env)
      case .decisions: openDecisions(&env)
      case .openTool(let kind): openTool(kind)
      case .openPage(let kind): openPage(kind)
      case .openScreen(let id): openScreen(id, env)
      case .hint: toggleHint(&env)
      case .briefing: toggleBriefing()
      case .search: overlays.present(.search(TextEditor(multiline: false)))
      case .saveNow:
        if !readOnly { env.showMessage("Every change is saved as you go.", isError: false) }
      default: break
      }
    case .click(let x, let y): click(x, y, &env)
    case .scrollUp(let x, let y): wheel(x, y, -1, &env)
    case .scrollDown(let x, let y): wheel(x, y, 1, &env)
    default: break
    }
    return []
  }

  func pageSize(_ env: WorkbenchEnvironment) -> Int {
    switch focus {
    case .phases: return 1
    case .checklist: return max(1, layout(env).checklist.inner.h - 1)
    case .detail: return max(1, layout(env).detail.inner.h - 1)
    }
  }

  mutating func setFocus(_ f: Focus) {
    if f == .phases, focus != .phases {
      detailMode = .briefing
      detailScroll = 0
    }
    focus = f
  }

  mutating func move(_ delta: Int, _ env: inout WorkbenchEnvironment) {
    switch focus {
    case .phases:
      let count = caseStudy.phases.count
      guard count > 0 else { return }
      selectPhase(clampAdd(phase, delta, max: count - 1), &env)
    case .checklist:
      let count = rowCount(phase)
      guard count > 0 else { return }
      let target = clampAdd(item, delta, max: count - 1)
      if target != item || detailMode != .item {
        select(phase: phase, item: target, detail: .item)
      }
      syncCursor(&env)
    case .detail:
      let metrics = detailMetrics(options: env.options, layout: layout(env))
      detailScroll = clampAdd(detailScroll, delta, max: metrics.maxScroll)
    }
  }

  /// Selects a phase and shows its briefing.
  mutating func selectPhase(_ index: Int, _ env: inout WorkbenchEnvironment) {
    guard caseStudy.phases.indices.contains(index) else { return }
    select(phase: index, item: nil, detail: .briefing)
    syncCursor(&env)
  }

  mutating func jumpToPhase(_ index: Int, _ env: inout WorkbenchEnvironment) {
    guard caseStudy.phases.indices.contains(index) else {
      env.showMessage("There are \(counted(caseStudy.phases.count, "phase")).", isError: false)
      return
    }
    selectPhase(index, &env)
    if focus == .detail { focus = .checklist }
  }

  mutating func enter() {
    switch focus {
    case .phases:
      focus = .checklist
    case .checklist:
      guard currentItem != nil else { return }
      if detailMode != .item {
        detailMode = .item
        detailScroll = 0
      }
      focus = .detail
    case .detail:
      break
    }
  }

  mutating func back(_ env: inout WorkbenchEnvironment) {
    if search != nil {
      search = nil
      env.showMessage("Search cleared.", isError: false)
      return
    }
    switch focus {
    case .detail: focus = .checklist
    case .checklist:
      focus = .phases
      detailMode = .briefing
      detailScroll = 0
    case .phases: break
    }
  }

  // MARK: Item actions

  /// The item actions work on, with a message when there is none.
  func actionItem(_ env: inout WorkbenchEnvironment) -> Item? {
    guard let item = currentItem, focus != .phases else {
      env.showMessage("Select an item first: Enter opens the checklist.", isError: false)
      return nil
    }
    if readOnly {
      refuseReadOnly(&env)
      return nil
    }
    return item
  }

  mutating func cycleStatus(_ env: inout WorkbenchEnvironment) {
    guard let item = actionItem(&env) else { return }
    changeSession(&env) { $0.cycleStatus(of: item.id, at: $1) }
    showDetailOfItem()
    env.showMessage("\(item.title): \(session.status(of: item.id).label)", isError: false)
  }

  mutating func toggleBlocked(_ env: inout WorkbenchEnvironment) {
    guard let item = actionItem(&env) else { return }
    let target: ItemStatus = session.status(of: item.id) == .blocked ? .todo : .blocked
    changeSession(&env) { $0.setStatus(target, of: item.id, at: $1) }
    showDetailOfItem()
    env.showMessage("\(item.title): \(target.label)", isError: false)
  }

  mutating func askNotApplicable(_ env: inout WorkbenchEnvironment) {
    guard let item = actionItem(&env) else { return }
    let reason = session.state(of: item.id).naReason ?? ""
    overlays.present(.naReason(itemID: item.id, editor: TextEditor(reason, multiline: false)))
  }

  mutating func showDetailOfItem() {
    guard detailMode != .item else { return }
    detailMode = .item
    detailScroll = 0
  }

  mutating func toggleHint(_ env: inout WorkbenchEnvironment) {
    guard currentItem != nil else {
      env.showMessage("Select an item to see its hint.", isError: false)
      return
    }
    if detailMode != .item {
      detailMode = .item
      detailScroll = 0
      hintShown = true
    } else {
      hintShown.toggle()
    }
  }

  mutating func toggleBriefing() {
    if detailMode == .briefing, currentItem != nil {
      detailMode = .item
    } else {
      detailMode = .briefing
    }
    detailScroll = 0
  }

  mutating func openNoteEditor(_ env: inout WorkbenchEnvironment) {
    guard let item = actionItem(&env) else { return }
    showDetailOfItem()
    var editor = TextEditor(session.note(of: item.id), multiline: true)
    let m = NoteMetrics(layout(env))
    editor.scrollIntoView(width: m.textWidth, height: m.textHeight)
    overlays.present(.note(itemID: item.id, editor: editor))
  }

  func editExternally(_ env: inout WorkbenchEnvironment) -> [Command] {
    guard let item = actionItem(&env) else { return [] }
    return [.editExternally(itemID: item.id, text: session.note(of: item.id))]
  }

  // MARK: Search results

  mutating func runSearch(_ query: String, _ env: inout WorkbenchEnvironment) {
    guard !query.isEmpty else { return }
    let matches = Search.matches(query, in: self)
    guard !matches.isEmpty else {
      search = nil
      env.showMessage("No match for \(env.quoted(query)).", isError: true)
      return
    }
    search = SearchResults(query: query, matches: matches, index: 0)
    goToMatch(&env)
  }

  mutating func stepMatch(_ delta: Int, _ env: inout WorkbenchEnvironment) {
    guard var s = search, !s.matches.isEmpty else { return }
    s.index = ((s.index + delta) % s.matches.count + s.matches.count) % s.matches.count
    search = s
    goToMatch(&env)
  }

  mutating func goToMatch(_ env: inout WorkbenchEnvironment) {
    guard let s = search, s.matches.indices.contains(s.index) else { return }
    let m = s.matches[s.index]
    if let person = m.person {
      // The workbench stays where it is; the cast page opens over it.
      openPage(.cast, person: person)
    } else {
      // Matches are by position among all the items.
      showAllItems()
      if let item = m.item {
        select(phase: m.phase, item: item, detail: .item)
        if focus == .phases { focus = .checklist }
      } else {
        select(phase: m.phase, item: nil, detail: .briefing)
      }
      scrollDetailToMatch(s.query, env)
    }
    syncCursor(&env)
    env.showMessage(
      "match \(s.index + 1) of \(s.matches.count) for \(env.quoted(s.query))"
        + (m.person == nil ? "" : " in the cast")
        + "  \(KeyTable.matches.hint("next/previous")), \(KeyTable.back.hint("clears"))",
      isError: false)
  }

  // MARK: Mouse

  mutating func click(_ x: Int, _ y: Int, _ env: inout WorkbenchEnvironment) {
    guard overlays.isEmpty else { return }
    let l = layout(env)
    if l.phases.contains(x, y) {
      let progress = CaseBenchModel.Progress(caseStudy: caseStudy, session: session)
      if let index = PhasesPane.phase(
        atX: x, y: y, self, progress: progress, glyphs: Glyphs.of(env.options), rect: l.phases)
      {
        focus = .phases
        selectPhase(index, &env)
      }
    } else if l.checklist.inner.contains(x, y) {
      let index = listTop + (y - l.checklist.inner.y)
      if index < rowCount(phase) {
        focus = .checklist
        if index != item || detailMode != .item {
          select(phase: phase, item: index, detail: .item)
        }
        syncCursor(&env)
      }
    } else if l.detail.contains(x, y) {
      focus = .detail
    }
  }

  mutating func wheel(_ x: Int, _ y: Int, _ delta: Int, _ env: inout WorkbenchEnvironment) {
    guard overlays.isEmpty else { return }
    let l = layout(env)
    if l.phases.contains(x, y) {
      focus = .phases
    } else if l.checklist.contains(x, y) {
      focus = .checklist
    } else if l.detail.contains(x, y) {
      focus = .detail
    } else {
      return
    }
    move(delta * (focus == .detail ? 3 : 1), &env)
  }
}

/// `value + delta`, kept within `0...upper`, without overflow.
func clampAdd(_ value: Int, _ delta: Int, max upper: Int) -> Int {
  let (sum, overflow) = value.addingReportingOverflow(delta)
  let v = overflow ? (delta < 0 ? 0 : upper) : sum
  return Swift.min(Swift.max(0, v), Swift.max(0, upper))
}
