import CaseBenchCore
import Foundation

/// Applies one event to the state and returns what the executable should do.
public func update(_ state: inout AppState, _ event: Event) -> [Command] {
  state.handle(event)
}

extension AppState {
  mutating func handle(_ event: Event) -> [Command] {
    switch event {
    case .resize(let s):
      setSize(s)
      fixScroll()
      return []
    case .tick(let date):
      setNow(date)
      if let m = message, date.timeIntervalSince(m.at) >= 6 { message = nil }
      return []
    case .key(.ctrl("c")):
      commitPendingEdits()
      return [.quit]
    case .key:
      message = nil
    default:
      break
    }
    var commands: [Command] = []
    if case .help = overlay {
      handleHelp(event)
    } else if workbench == nil {
      commands = handleStart(event)
    } else {
      commands = handleWorkbench(event)
    }
    fixScroll()
    return commands
  }

  // MARK: Help

  mutating func handleHelp(_ event: Event) {
    guard case .help(let scroll) = overlay else { return }
    let maxScroll = max(
      0,
      HelpScreen.lines(options, width: HelpScreen.textWidth(size)).count
        - max(1, HelpScreen.box(size).inner.h))
    var s = scroll
    switch event {
    case .key(.escape), .key(.char("q")), .key(.char("?")), .key(.enter):
      overlay = .none
      return
    case .key(.down), .key(.char("j")), .scrollDown: s += 1
    case .key(.up), .key(.char("k")), .scrollUp: s -= 1
    case .key(.pageDown), .key(.char(" ")): s += max(1, HelpScreen.box(size).inner.h - 1)
    case .key(.pageUp): s -= max(1, HelpScreen.box(size).inner.h - 1)
    case .key(.home), .key(.char("g")): s = 0
    case .key(.end), .key(.char("G")): s = maxScroll
    default: break
    }
    overlay = .help(scroll: min(max(0, s), maxScroll))
  }

  // MARK: Start screen

  var startCount: Int { caseStudies.count + sessions.count }

  mutating func handleStart(_ event: Event) -> [Command] {
    if start.prompt != nil { return handlePrompt(event) }
    switch event {
    case .key(let key):
      switch key {
      case .char("q"): return [.quit]
      case .char("?"), .function(1): overlay = .help(scroll: 0)
      case .up, .char("k"): moveStart(-1)
      case .down, .char("j"): moveStart(1)
      case .home, .char("g"): start.selection = 0
      case .end, .char("G"): start.selection = max(0, startCount - 1)
      case .pageUp: moveStart(-5)
      case .pageDown: moveStart(5)
      case .enter: return openStartSelection()
      default: break
      }
    case .click(let x, let y):
      if let i = StartScreenView.entry(at: x, y, state: self) {
        if i == start.selection { return openStartSelection() }
        start.selection = i
      }
    case .scrollUp: moveStart(-1)
    case .scrollDown: moveStart(1)
    default: break
    }
    return []
  }

  mutating func moveStart(_ delta: Int) {
    start.selection = min(max(0, start.selection + delta), max(0, startCount - 1))
  }

  mutating func openStartSelection() -> [Command] {
    let i = start.selection
    if i < caseStudies.count {
      start.prompt = NewSessionPrompt(caseStudy: i)
      return []
    }
    let s = i - caseStudies.count
    guard sessions.indices.contains(s) else { return [] }
    if let error = sessions[s].error {
      showMessage("Can't open \(sessions[s].title): \(error)", isError: true)
      return []
    }
    return [.openSession(path: sessions[s].path)]
  }

  mutating func handlePrompt(_ event: Event) -> [Command] {
    guard var prompt = start.prompt else { return [] }
    switch event {
    case .key(.escape):
      start.prompt = nil
      return []
    case .key(.tab), .key(.backTab):
      prompt.mode = prompt.mode == .caseStudy ? .ownProject : .caseStudy
    case .key(.enter):
      let name = prompt.name.text.trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty else {
        showMessage("Type a participant or team name first.", isError: true)
        return []
      }
      guard caseStudies.indices.contains(prompt.caseStudy) else { return [] }
      start.prompt = nil
      return [
        .createSession(
          caseStudyID: caseStudies[prompt.caseStudy].id, participant: name, mode: prompt.mode)
      ]
    case .key(let key):
      _ = prompt.name.handle(key, width: 40)
    case .paste(let text):
      prompt.name.insert(text)
    default:
      break
    }
    start.prompt = prompt
    return []
  }

  // MARK: Workbench

  var layout: WorkbenchLayout { WorkbenchLayout(size: size, for: workbench) }

  mutating func handleWorkbench(_ event: Event) -> [Command] {
    switch overlay {
    case .note: return handleNoteEditor(event)
    case .naReason: handleNAPrompt(event)
    case .search: handleSearchPrompt(event)
    case .decision: handleDecision(event)
    case .help, .none: return handleWorkbenchKeys(event)
    }
    return []
  }

  mutating func handleWorkbenchKeys(_ event: Event) -> [Command] {
    guard let wb = workbench else { return [] }
    switch event {
    case .key(let key):
      switch key {
      case .char("q"): return [.quit]
      case .char("?"), .function(1): overlay = .help(scroll: 0)
      case .up, .char("k"): move(-1)
      case .down, .char("j"): move(1)
      case .pageUp: move(-pageSize)
      case .pageDown: move(pageSize)
      case .home, .char("g"): move(Int.min / 2)
      case .end, .char("G"): move(Int.max / 2)
      case .tab: setFocus(next(wb.focus, wrap: true))
      case .backTab: setFocus(previous(wb.focus, wrap: true))
      case .right: setFocus(next(wb.focus, wrap: false))
      case .left: setFocus(previous(wb.focus, wrap: false))
      case .enter: enter()
      case .escape: back()
      case .char(let c) where c.isASCII && c.isNumber:
        jumpToPhase((c.wholeNumberValue ?? 0) - 1)
      case .char(" "): cycleStatus()
      case .char("x"): askNotApplicable()
      case .char("!"): toggleBlocked()
      case .char("n"):
        if wb.search != nil { stepMatch(1) } else { openNoteEditor() }
      case .char("N"):
        if wb.search != nil {
          stepMatch(-1)
        } else {
          showMessage("No search yet: press / to search.", isError: false)
        }
      case .char("e"): openNoteEditor()
      case .char("E"): return editExternally()
      case .char("d"): openDecisions()
      case .char("h"): toggleHint()
      case .char("b"): toggleBriefing()
      case .char("/"): overlay = .search(TextEditor(multiline: false))
      case .ctrl("s"):
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

  func next(_ f: Focus, wrap: Bool) -> Focus {
    switch f {
    case .phases: .checklist
    case .checklist: .detail
    case .detail: wrap ? .phases : .detail
    }
  }

  func previous(_ f: Focus, wrap: Bool) -> Focus {
    switch f {
    case .phases: wrap ? .detail : .phases
    case .checklist: .phases
    case .detail: .checklist
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
      let target = clampAdd(wb.phase, delta, max: count - 1)
      workbench = wb
      selectPhase(target)
      return
    case .checklist:
      let count = wb.currentPhase?.items.count ?? 0
      guard count > 0 else { return }
      let target = clampAdd(wb.item, delta, max: count - 1)
      if target != wb.item || wb.detailMode != .item {
        wb.item = target
        wb.detailMode = .item
        wb.detailScroll = 0
        wb.hintShown = false
        wb.lastItem[wb.phase] = target
      }
      workbench = wb
      syncCursor()
    case .detail:
      let lines = DetailView.lines(wb, options: options, width: layout.detailTextWidth).count
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
    if index != wb.phase {
      wb.lastItem[wb.phase] = wb.item
      wb.phase = index
      wb.item = wb.lastItem[index] ?? 0
      wb.listTop = 0
    }
    wb.detailMode = .briefing
    wb.detailScroll = 0
    wb.hintShown = false
    workbench = wb
    syncCursor()
  }

  mutating func jumpToPhase(_ index: Int) {
    guard let wb = workbench else { return }
    guard wb.caseStudy.phases.indices.contains(index) else {
      showMessage("There are \(wb.caseStudy.phases.count) phases.", isError: false)
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
    overlay = .naReason(itemID: item.id, editor: TextEditor(reason, multiline: false))
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
    overlay = .note(itemID: item.id, editor: editor)
  }

  mutating func editExternally() -> [Command] {
    guard let item = actionItem() else { return [] }
    return [.editExternally(itemID: item.id, text: session?.note(of: item.id) ?? "")]
  }

  // MARK: Note editor

  mutating func handleNoteEditor(_ event: Event) -> [Command] {
    guard case .note(let itemID, var editor) = overlay else { return [] }
    let l = layout
    let width = NoteView.textWidth(l)
    switch event {
    case .key(.escape), .key(.ctrl("s")):
      overlay = .none
      if changeSession({ $0.setNote(editor.text, of: itemID, at: $1) }) {
        showMessage("Note saved.", isError: false)
      }
      return []
    case .key(.ctrl("o")):
      overlay = .none
      return [.editExternally(itemID: itemID, text: editor.text)]
    case .key(.pageUp):
      editor.moveVertically(-max(1, NoteView.textHeight(l) - 1), width: width)
    case .key(.pageDown):
      editor.moveVertically(max(1, NoteView.textHeight(l) - 1), width: width)
    case .key(let key):
      _ = editor.handle(key, width: width)
    case .paste(let text):
      editor.insert(text)
    default:
      break
    }
    editor.scrollIntoView(width: width, height: NoteView.textHeight(l))
    overlay = .note(itemID: itemID, editor: editor)
    return []
  }

  // MARK: N/A prompt

  mutating func handleNAPrompt(_ event: Event) {
    guard case .naReason(let itemID, var editor) = overlay else { return }
    switch event {
    case .key(.escape):
      overlay = .none
      return
    case .key(.enter):
      let reason = editor.text.trimmingCharacters(in: .whitespaces)
      guard !reason.isEmpty else {
        showMessage("Say why it does not apply (Esc cancels).", isError: true)
        return
      }
      overlay = .none
      changeSession { $0.setStatus(.notApplicable, of: itemID, reason: reason, at: $1) }
      showDetailOfItem()
      showMessage("Marked N/A: \(reason)", isError: false)
      return
    case .key(let key): _ = editor.handle(key, width: max(1, size.width))
    case .paste(let text): editor.insert(text)
    default: break
    }
    overlay = .naReason(itemID: itemID, editor: editor)
  }

  // MARK: Search

  mutating func handleSearchPrompt(_ event: Event) {
    guard case .search(var editor) = overlay else { return }
    switch event {
    case .key(.escape):
      overlay = .none
      return
    case .key(.enter):
      overlay = .none
      runSearch(editor.text.trimmingCharacters(in: .whitespaces))
      return
    case .key(let key): _ = editor.handle(key, width: max(1, size.width))
    case .paste(let text): editor.insert(text)
    default: break
    }
    overlay = .search(editor)
  }

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
    if m.phase != wb.phase { wb.lastItem[wb.phase] = wb.item }
    wb.phase = m.phase
    if let item = m.item {
      wb.item = item
      wb.detailMode = .item
      if wb.focus == .phases { wb.focus = .checklist }
    } else {
      wb.detailMode = .briefing
    }
    wb.detailScroll = 0
    wb.hintShown = false
    workbench = wb
    syncCursor()
    showMessage(
      "match \(s.index + 1) of \(s.matches.count) for \(quoted(s.query))"
        + "  n/N next/previous, Esc clears", isError: false)
  }

  // MARK: Decisions

  mutating func openDecisions() {
    guard let wb = workbench, let phase = wb.currentPhase else { return }
    switch phase.decisions.count {
    case 0:
      showMessage("No decision to take in \(phase.title).", isError: false)
    case 1:
      overlay = .decision(DecisionDialog(phase: wb.phase, stage: stageFor(decision: 0, in: phase)))
    default:
      overlay = .decision(DecisionDialog(phase: wb.phase, stage: .pick(0)))
    }
  }

  func stageFor(decision: Int, in phase: Phase) -> DecisionStage {
    let d = phase.decisions[decision]
    if session?.decisions[d.id] != nil { return .outcome(decision: decision) }
    return .choose(decision: decision, option: 0)
  }

  mutating func handleDecision(_ event: Event) {
    guard case .decision(var dialog) = overlay, let wb = workbench,
      wb.caseStudy.phases.indices.contains(dialog.phase)
    else {
      overlay = .none
      return
    }
    let phase = wb.caseStudy.phases[dialog.phase]
    let several = phase.decisions.count > 1
    let backStage: DecisionStage? = several ? .pick(0) : nil
    guard case .key(let key) = event else {
      if case .paste(let text) = event, case .rationale(let d, let o, var editor) = dialog.stage {
        editor.insert(text)
        dialog.stage = .rationale(decision: d, option: o, editor: editor)
        overlay = .decision(dialog)
      } else if case .scrollDown = event {
        dialog.scroll = min(
          dialog.scroll + 1, DecisionView.maxScroll(dialog, wb: wb, options: options, size: size))
        overlay = .decision(dialog)
      } else if case .scrollUp = event {
        dialog.scroll = max(0, dialog.scroll - 1)
        overlay = .decision(dialog)
      }
      return
    }
    switch dialog.stage {
    case .pick(let i):
      switch key {
      case .up, .char("k"): dialog.stage = .pick(max(0, i - 1))
      case .down, .char("j"): dialog.stage = .pick(min(phase.decisions.count - 1, i + 1))
      case .enter: dialog.stage = stageFor(decision: i, in: phase)
      case .escape, .char("q"):
        overlay = .none
        return
      default: break
      }
      dialog.scroll = 0
    case .choose(let d, let o):
      let options = phase.decisions[d].options
      switch key {
      case .up, .char("k"): dialog.stage = .choose(decision: d, option: max(0, o - 1))
      case .down, .char("j"):
        dialog.stage = .choose(decision: d, option: min(max(0, options.count - 1), o + 1))
      case .enter:
        guard let next = chooseOption(d, o, phase: phase) else { return }
        dialog.stage = next
      case .escape:
        if let b = backStage {
          dialog.stage = b
        } else {
          overlay = .none
          return
        }
      case .char(let typed):
        let c = Character(typed.lowercased())
        if let letter = c.asciiValue, letter >= 97, Int(letter) - 97 < options.count {
          guard let next = chooseOption(d, Int(letter) - 97, phase: phase) else { return }
          dialog.stage = next
        } else if c == "q" {
          overlay = .none
          return
        }
      case .pageDown: dialog.scroll += max(1, DecisionView.box(size).inner.h - 1)
      case .pageUp: dialog.scroll = max(0, dialog.scroll - DecisionView.box(size).inner.h + 1)
      default: break
      }
    case .rationale(let d, let o, var editor):
      switch key {
      case .escape:
        dialog.stage = .choose(decision: d, option: o)
      case .ctrl("s"):
        let rationale = editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !rationale.isEmpty else {
          showMessage("Write a sentence on why before confirming.", isError: true)
          return
        }
        let decision = phase.decisions[d]
        guard decision.options.indices.contains(o) else { return }
        let optionID = decision.options[o].id
        if changeSession({
          $0.decide(decision.id, option: optionID, rationale: rationale, at: $1)
        }) {
          showMessage("Decision recorded.", isError: false)
        } else if wb.readOnly {
          overlay = .none
          return
        }
        dialog.stage = .outcome(decision: d)
        dialog.scroll = 0
      default:
        let width = DecisionView.editorWidth(size)
        _ = editor.handle(key, width: width)
        editor.scrollIntoView(width: width, height: DecisionView.editorHeight(size))
        dialog.stage = .rationale(decision: d, option: o, editor: editor)
      }
    case .outcome(let d):
      switch key {
      case .char("c"):
        if wb.readOnly {
          refuseReadOnly()
          return
        }
        let chosen = session?.decisions[phase.decisions[d].id]?.option
        let idx = phase.decisions[d].options.firstIndex { $0.id == chosen } ?? 0
        dialog.stage = .choose(decision: d, option: idx)
        dialog.scroll = 0
      case .down, .char("j"): dialog.scroll += 1
      case .up, .char("k"): dialog.scroll = max(0, dialog.scroll - 1)
      case .escape, .enter, .char("q"):
        if let b = backStage, key == .escape {
          dialog.stage = b
          dialog.scroll = 0
        } else {
          overlay = .none
          return
        }
      default: break
      }
    }
    if let wb = workbench {
      let top = DecisionView.maxScroll(dialog, wb: wb, options: options, size: size)
      dialog.scroll = min(max(0, dialog.scroll), top)
    }
    overlay = .decision(dialog)
  }

  /// Moves from choosing to writing the rationale (pre-filled with the earlier one).
  mutating func chooseOption(_ d: Int, _ o: Int, phase: Phase) -> DecisionStage? {
    if workbench?.readOnly ?? true {
      refuseReadOnly()
      return nil
    }
    guard phase.decisions[d].options.indices.contains(o) else { return nil }
    let previous = session?.decisions[phase.decisions[d].id]?.rationale ?? ""
    return .rationale(decision: d, option: o, editor: TextEditor(previous, multiline: true))
  }

  // MARK: Mouse

  mutating func click(_ x: Int, _ y: Int) {
    guard var wb = workbench, overlay == .none else { return }
    let l = layout
    if l.phases.inner.contains(x, y) {
      let inner = l.phases.inner
      let per = WorkbenchLayout.rowsPerPhase(
        innerHeight: inner.h, phases: wb.caseStudy.phases.count)
      let first = WorkbenchLayout.firstPhase(
        innerHeight: inner.h, phases: wb.caseStudy.phases.count, selected: wb.phase)
      let index = first + (y - inner.y) / per
      if wb.caseStudy.phases.indices.contains(index) {
        wb.focus = .phases
        workbench = wb
        selectPhase(index)
      }
    } else if l.checklist.inner.contains(x, y) {
      let index = wb.listTop + (y - l.checklist.inner.y)
      if let p = wb.currentPhase, p.items.indices.contains(index) {
        wb.focus = .checklist
        if index != wb.item || wb.detailMode != .item {
          wb.item = index
          wb.detailMode = .item
          wb.detailScroll = 0
          wb.hintShown = false
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

  // MARK: Scrolling

  /// Keeps the selected item visible in the checklist and clamps the detail scroll.
  mutating func fixScroll() {
    guard var wb = workbench else { return }
    let l = layout
    let h = max(1, l.checklist.inner.h)
    if wb.item < wb.listTop { wb.listTop = wb.item }
    if wb.item >= wb.listTop + h { wb.listTop = wb.item - h + 1 }
    let count = wb.currentPhase?.items.count ?? 0
    wb.listTop = max(0, min(wb.listTop, count - h))
    workbench = wb
  }
}
