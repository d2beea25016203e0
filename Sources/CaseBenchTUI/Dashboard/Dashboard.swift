import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How the dashboard orders its team rows.
public enum DashboardSort: String, Sendable, Equatable, CaseIterable {
  case name, progress, activity

  var next: DashboardSort {
    let all = DashboardSort.allCases
    return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
  }
}

/// The dashboard's pages: the class, the decision splits, the facilitator's notes.
public enum DashboardPage: String, Sendable, Equatable, CaseIterable {
  case teams, decisions, notes

  var title: String {
    switch self {
    case .teams: "Teams"
    case .decisions: "Decision splits"
    case .notes: "Facilitator notes"
    }
  }
}

/// What the dashboard asks its program to do.
public enum DashboardCommand: Sendable, Equatable {
  case quit
  /// Add an announcement to the facilitator's state file.
  case announce(String)
  /// Release a phase (and turn pacing on) in the facilitator's state file.
  case release(phaseID: String)
  /// Reveal a decision to the room in the facilitator's state file (`v`, or the projector's `r`).
  case reveal(decisionID: String)
  /// Start, pause, resume or extend the room's clock (DashboardClock.swift).
  case clock(ClockAction)
  /// Send one of the case study's injects to every team (DashboardInjects.swift).
  case sendInject(String)
}

/// The facilitator's live view of a workshop folder: one row per file, the class's decision
/// splits and the facilitator notes; a team's session opens read-only on top. A value, changed
/// by `update` and by the program telling it what the folder and the state file now hold.
public struct Dashboard: Sendable {
  /// A team idle this long is highlighted.
  public static let idleAfter: TimeInterval = 10 * 60

  public private(set) var folder: WorkshopFolder
  public private(set) var workshop: WorkshopState
  public private(set) var summary: ClassSummary
  public var options: RenderOptions
  public private(set) var now: Date
  public private(set) var size = Size(width: 80, height: 24)

  var sort = DashboardSort.name
  var page = DashboardPage.teams
  /// The selected row and the first row shown, indexes into `order`.
  var selection = 0
  var top = 0
  /// The page scroll for the decisions and notes pages.
  var scroll = 0
  /// The selected decision on the decision splits page, an index into `voteSplits`.
  var decision = 0
  /// What is open over the dashboard, bottom first: the top one gets the keys.
  var overlays = OverlayStack<DashboardOverlay>()
  var message: StatusMessage?
  /// Row indexes into `folder.rows` in the current sort order.
  private(set) var order: [Int] = []

  public init(folder: WorkshopFolder, workshop: WorkshopState, options: RenderOptions, now: Date) {
    self.folder = folder
    self.workshop = workshop
    self.options = options
    self.now = now
    self.summary = ClassSummary(caseStudy: folder.caseStudy, teams: folder.teams)
    reorder()
  }

  var caseStudy: CaseStudy { folder.caseStudy }

  /// The announcement being typed.
  var announcing: TextEditor? {
    if case .announce(let editor) = overlays.top { editor } else { nil }
  }
  /// The phase picked for release, while the picker is open.
  var releasing: Int? {
    if case .release(let picked) = overlays.top { picked } else { nil }
  }
  var helpScroll: Int? {
    if case .help(let scroll) = overlays.top { scroll } else { nil }
  }
  /// A team's session opened read-only.
  var team: TeamView? {
    if case .team(let view) = overlays.top { view } else { nil }
  }

  /// True while a team's session is open over the dashboard.
  public var isShowingTeam: Bool { team != nil }

  /// The folder was read again: new rows, the selection kept on the same file.
  public mutating func folderChanged(_ folder: WorkshopFolder) {
    let selected = selectedRow?.fileName
    self.folder = folder
    summary = ClassSummary(caseStudy: folder.caseStudy, teams: folder.teams)
    reorder(keeping: selected)
    // An open team's session follows its file.
    overlays.compactMap { overlay in
      guard case .team(var view) = overlay,
        let t = folder.rows.first(where: { $0.fileName == view.file })?.team
      else { return overlay }
      view.follow(t.session)
      return .team(view)
    }
  }

  /// The facilitator's state file changed.
  public mutating func workshopChanged(_ state: WorkshopState) {
    workshop = state
    workshopProblem = nil
  }

  /// Why the facilitator's file cannot be read now; pacing stays as last read meanwhile.
  public private(set) var workshopProblem: WorkshopStateError?
  public mutating func workshopUnreadable(_ error: WorkshopStateError) { workshopProblem = error }

  public mutating func showMessage(_ text: String, isError: Bool) {
    message = StatusMessage(text: text, isError: isError, at: now)
  }

  var selectedRow: WorkshopRow? {
    order.indices.contains(selection) ? folder.rows[order[selection]] : nil
  }

  mutating func reorder(keeping file: String? = nil) {
    let rows = folder.rows
    // Each row's key is worked out once, not in every comparison of the sort.
    let keys: [SortKey?] = rows.map { row in
      row.team.map { t in
        switch sort {
        case .name: .name(NaturalOrder.key(t.team))
        case .progress: .progress(t.progress.fraction)
        case .activity: .activity(t.lastActivity)
        }
      }
    }
    order = rows.indices.sorted { a, b in
      // Marked rows go last, by file name.
      switch (keys[a], keys[b]) {
      case (nil, nil): return rows[a].fileName < rows[b].fileName
      case (nil, _): return false
      case (_, nil): return true
      case (let p?, let q?):
        if p != q { return p.before(q) }
        return rows[a].fileName < rows[b].fileName
      }
    }
    if let file, let i = order.firstIndex(where: { rows[$0].fileName == file }) {
      selection = i
    }
    selection = min(max(0, selection), max(0, order.count - 1))
  }

  // MARK: Update

  /// What a team row sorts by; a team before another when its key is `before` the other's.
  enum SortKey: Equatable {
    case name(String)
    case progress(Double)
    case activity(Date)

    func before(_ other: SortKey) -> Bool {
      switch (self, other) {
      case (.name(let x), .name(let y)): x < y
      // Most progress, then most recent activity, first.
      case (.progress(let x), .progress(let y)): x > y
      case (.activity(let x), .activity(let y)): x > y
      default: false
      }
    }
  }

  /// Applies an event and returns what the program should do.
  public mutating func update(_ event: Event) -> [DashboardCommand] {
    switch event {
    case .resize(let s):
      size = s
      overlays.compactMap { overlay in
        guard case .team(var view) = overlay else { return overlay }
        _ = view.update(event)
        return .team(view)
      }
      fixScroll()
      return []
    case .tick(let date):
      now = date
      if let m = message, date.timeIntervalSince(m.at) >= 6 { message = nil }
      if case .team(var view) = overlays.top {
        _ = view.update(event)
        overlays.replaceTop(with: .team(view))
      }
      return []
    case .key(let key) where KeyTable.interrupt.command(for: key) != nil:
      return [.quit]
    case .key:
      message = nil
    default:
      break
    }
    switch overlays.top {
    case .team(var view):
      if view.update(event) { overlays.dismiss() } else { overlays.replaceTop(with: .team(view)) }
      return []
    case .help(let scroll): return updateHelp(scroll, event)
    case .announce(let editor): return updateAnnounce(editor, event)
    case .release(let picked): return updateRelease(picked, event)
    case .projector(let p): return updateProjector(p, event)
    case .confirmReveal(let id, _): return updateConfirmReveal(id, event)
    case .injects(let picked, let asking): return updateInjects(picked, asking: asking, event)
    case nil: break
    }
    var commands: [DashboardCommand] = []
    switch event {
    case .key(let key):
      switch KeyTable.command(for: key, in: .dashboard) {
      case .quit: commands = [.quit]
      case .move(let d): move(d)
      case .top: move(-order.count - scroll - 1)
      case .bottom: move(order.count + 10_000)
      case .page(let d): move(d * max(1, listHeight - 1))
      case .open: openTeam()
      case .sortRows:
        sort = sort.next
        reorder(keeping: selectedRow?.fileName)
        showMessage("Sorted by \(sort.rawValue).", isError: false)
      case .nextPage:
        let all = DashboardPage.allCases
        page = all[((all.firstIndex(of: page) ?? 0) + 1) % all.count]
        scroll = 0
      case .announce: overlays.present(.announce(TextEditor(multiline: false)))
      case .releasePhase:
        overlays.present(.release(picked: min(caseStudy.phases.count - 1, nextUnreleased)))
      case .help: overlays.present(.help(scroll: 0))
      case .openProjector: openProjector()
      case .revealDecision: commands = pressReveal()
      case .startClock, .pauseClock, .extendClock, .injects: commands = roomCommand(for: key)
      default: break
      }
    case .scrollUp: move(-1)
    case .scrollDown: move(1)
    case .click(_, let y):
      if page == .teams, y >= Self.listTop, y < Self.listTop + listHeight {
        let i = top + y - Self.listTop
        if i == selection { openTeam() } else if order.indices.contains(i) { selection = i }
      }
    default: break
    }
    fixScroll()
    return commands
  }

  /// The first phase not yet open: what the facilitator most likely releases next.
  var nextUnreleased: Int {
    var paced = workshop
    paced.pacing = true
    return caseStudy.phases.indices.first { !paced.isOpen(phaseIndex: $0, in: caseStudy) }
      ?? max(0, caseStudy.phases.count - 1)
  }

  /// The row the team list starts on, under the header and a heading: the view draws there
  /// and a click is read from there.
  static let listTop = 2

  var listHeight: Int { max(1, size.height - Self.listTop - 2) }

  mutating func move(_ delta: Int) {
    if page == .teams {
      selection = min(max(0, selection + delta), max(0, order.count - 1))
    } else if page == .decisions {
      decision = min(max(0, decision + delta), max(0, voteSplits.count - 1))
    } else {
      scroll = max(0, scroll + delta)
    }
  }

  mutating func fixScroll() {
    let h = listHeight
    if selection < top { top = selection }
    if selection >= top + h { top = selection - h + 1 }
    top = max(0, min(top, max(0, order.count - h)))
  }

  mutating func openTeam() {
    guard let row = selectedRow else { return }
    guard let t = row.team else {
      showMessage(row.reason ?? "This file is not a session.", isError: true)
      return
    }
    overlays.present(
      .team(
        TeamView(t, of: caseStudy, file: row.fileName, options: options, size: size, now: now)))
  }

  mutating func updateHelp(_ scroll: Int, _ event: Event) -> [DashboardCommand] {
    var scroll = scroll
    let m = HelpScreen.Metrics(options, phases: nil, size: size, scope: .dashboard)
    if HelpScreen.update(&scroll, event, m) {
      overlays.dismiss()
    } else {
      overlays.replaceTop(with: .help(scroll: scroll))
    }
    return []
  }

  mutating func updateAnnounce(_ editor: TextEditor, _ event: Event) -> [DashboardCommand] {
    switch TextPrompt.update(editor, event, width: max(10, size.width - 12)) {
    case .editing(let editor):
      overlays.replaceTop(with: .announce(editor))
    case .cancel:
      overlays.dismiss()
    case .confirm(let text):
      overlays.dismiss()
      if !text.isEmpty { return [.announce(text)] }
    }
    return []
  }

  mutating func updateRelease(_ picked: Int, _ event: Event) -> [DashboardCommand] {
    guard case .key(let key) = event else { return [] }
    switch KeyTable.command(for: key, in: .releasePicker) {
    case .move(let d):
      overlays.replaceTop(
        with: .release(picked: min(max(0, picked + d), caseStudy.phases.count - 1)))
    case .select:
      overlays.dismiss()
      guard caseStudy.phases.indices.contains(picked) else { return [] }
      return [.release(phaseID: caseStudy.phases[picked].id)]
    case .leave:
      overlays.dismiss()
    default: break
    }
    return []
  }
}
