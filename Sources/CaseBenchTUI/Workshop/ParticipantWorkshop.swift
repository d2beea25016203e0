import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A participant's view of the workshop their session belongs to: the facilitator's state as
/// last read, the announcement showing as a banner, and when this run first showed each phase.
/// A component: its update takes the banner's and the messages page's keys, and `apply` takes
/// the facilitator's new state; the router (`AppState`) hands both over and passes the
/// workbench what it must know (`WorkbenchEnvironment.workshop`).
struct ParticipantWorkshop: Sendable, Equatable {
  /// Until the facilitator's file is first read, the safe state: paced, nothing released.
  var state = WorkshopState.whileUnreadable(lastRead: nil)
  /// Whether the facilitator's file has been read once (a release or a reveal before that is no
  /// news: it gets no banner).
  var everRead = false
  /// Why the facilitator's file cannot be read now, if it cannot.
  var problem: WorkshopStateError?
  var banner: Banner?
  /// Banners waiting behind the one showing, oldest first (see `enqueueBanners`).
  var queue: [Banner] = []
  /// The messages page, when it is open (Messages/MessagesPage.swift).
  var messages: MessagesPage?
  var firstShown: [String: Date] = [:]
}

/// What the workshop's keys need from the router: the messages page's measures, and what is
/// on screen (the page opens only over the workbench, and neither it nor the banner takes a key
/// while an overlay is open).
struct WorkshopEnvironment {
  let measures: MessagesPage.Metrics
  let workbenchOpen: Bool
  let overlayOpen: Bool
}

extension ParticipantWorkshop {
  /// The workshop's update for a key: the messages page's keys (opening it, and every key but
  /// the interrupt while it is open), then Esc or Enter on the banner. Returns whether the key
  /// was used; a key it does not use goes on to the screen in front.
  mutating func update(_ key: Key, _ env: WorkshopEnvironment) -> Bool {
    updateMessages(key, env) || dismissBannerIfAsked(key, env)
  }

  /// The facilitator's state changed: reveals, releases and new announcements become banners,
  /// in that order. Returns the announcements the team's session has not recorded yet, for the
  /// router to record there (`Workbench.recordAnnouncements`); none for a read-only session.
  mutating func apply(_ state: WorkshopState, to workbench: Workbench?, now: Date)
    -> [Announcement]
  {
    let earlier = self.state
    let previous = everRead ? self.state : nil
    self.state = state
    problem = nil
    bannerReveals(since: previous, state, session: workbench?.session)
    announceReleases(
      since: earlier, now: state, in: workbench.map { $0.unpaced ?? $0.caseStudy }, at: now)
    everRead = true
    guard let workbench, !workbench.readOnly else { return [] }
    let fresh = state.announcements.filter {
      !workbench.session.hasRecorded(announcement: $0.id)
    }
    enqueueBanners(fresh.map(Banner.announcement))
    return fresh
  }

  /// Remembers when this run first showed `phase` (for its timebox).
  mutating func noteShown(_ phase: Phase?, at now: Date) {
    guard let phase, firstShown[phase.id] == nil else { return }
    firstShown[phase.id] = now
  }

  /// Esc or Enter while a banner shows and nothing is over the workbench: it goes away.
  mutating func dismissBannerIfAsked(_ key: Key, _ env: WorkshopEnvironment) -> Bool {
    guard banner != nil, !env.overlayOpen, KeyTable.command(for: key, in: .banner) != nil
    else { return false }
    banner = queue.isEmpty ? nil : queue.removeFirst()
    return true
  }

  /// The current phase's timebox: when it started and how long it is, if it has one. With
  /// pacing it starts at the release; else when the team first worked on the phase or this
  /// run first showed it, whichever came first.
  func timebox(_ workbench: Workbench?) -> (start: Date, minutes: Int)? {
    guard let wb = workbench, let phase = wb.currentPhase, phase.timeboxMinutes > 0 else {
      return nil
    }
    let entered = [wb.session.firstWork(inPhase: phase), firstShown[phase.id]]
      .compactMap { $0 }.min()
    guard let start = state.timeboxStart(phaseID: phase.id, entered: entered) else {
      return nil
    }
    return (start, phase.timeboxMinutes)
  }
}

extension AppState {
  /// Marks the session as one in a workshop folder, before its state file is first read.
  public mutating func joinWorkshop() {
    if workshop == nil { workshop = ParticipantWorkshop() }
    workshop?.noteShown(workbench?.currentPhase, at: now)
    applyPacing()
  }

  /// The workshop's environment as this state stands.
  var workshopEnvironment: WorkshopEnvironment {
    WorkshopEnvironment(
      measures: MessagesPage.Metrics(size, now: now, timeZone: options.timeZone),
      workbenchOpen: workbench != nil, overlayOpen: overlay != nil)
  }

  /// Hands a key to the workshop (its messages page, its banner); true if it used the key.
  mutating func workshopTakes(_ key: Key) -> Bool {
    let env = workshopEnvironment
    return workshop?.update(key, env) == true
  }

  /// Routes the facilitator's new state: the workshop takes it (its banners), then the workbench
  /// follows its pacing and records the new announcements in the session.
  mutating func applyWorkshop(_ state: WorkshopState) {
    var w = workshop ?? ParticipantWorkshop()
    let fresh = w.apply(state, to: workbench, now: now)
    workshop = w
    applyPacing()
    guard !fresh.isEmpty else { return }
    inWorkbench { $0.recordAnnouncements(fresh, &$1) }
  }
}

extension Workbench {
  /// Writes the facilitator's new announcements into the session's event log, once each.
  mutating func recordAnnouncements(_ fresh: [Announcement], _ env: inout WorkbenchEnvironment) {
    changeSession(&env) { s, now in
      var changed = false
      for a in fresh where s.recordAnnouncement(a, at: now) { changed = true }
      return changed
    }
  }

  /// Whether pacing keeps the current phase closed.
  func currentPhaseClosed(_ workshop: ParticipantWorkshop?) -> Bool {
    guard let w = workshop else { return false }
    return !w.state.isOpen(phaseIndex: phase, in: caseStudy)
  }

  /// Work on a phase the facilitator has not released waits; reading it does not. Nothing
  /// already written is touched: a note open in the editor is kept as usual.
  func refusesInClosedPhase(_ command: KeyCommand, _ env: inout WorkbenchEnvironment) -> Bool {
    switch command {
    case .cycleStatus, .notApplicable, .blocked, .editNote, .editNoteExternally, .decisions:
      guard currentPhaseClosed(env.workshop) else { return false }
      env.showMessage(
        "Phase \(phase + 1) \(WorkshopParts.closedNotice).",
        isError: false)
      return true
    default:
      return false
    }
  }
}

/// What a workshop adds to the participant's screen: the announcement banner, the notice on a
/// phase that is not open yet, and the timebox at the right of the status bar.
enum WorkshopParts {
  static let closedNotice = "opens when the facilitator says"

  static func draw(_ state: AppState, size: Size, into buf: inout ScreenBuffer) {
    guard let w = state.workshop, state.workbench != nil else { return }
    let g = Glyphs.of(state.options)
    if state.workbench?.currentPhaseClosed(w) == true {
      let r = state.layout.checklist
      let text = " \(closedNotice) "
      if r.w > DisplayWidth.of(text) + 4 {
        buf.put(
          text, x: r.x + r.w - 2 - DisplayWidth.of(text), y: r.y, role: .warning, bold: true)
      }
    }
    if let page = w.messages, state.overlay == .none {
      MessagesView.draw(page, w, state: state, size: size, into: &buf)
    } else if let a = w.banner, state.overlay == .none {
      let width = min(size.width - 4, 90)
      let lines = MessagesView.bannerText(a, width: max(10, width - 4))
      let r = Rect(x: (size.width - width) / 2, y: 1, w: width, h: lines.count + 2)
      buf.fill(x: r.x, y: r.y, width: r.w, height: r.h)
      let when = clockText(a.at, now: state.now, timeZone: state.options.timeZone)
      buf.box(
        r, title: "From \(a.from ?? "the facilitator"), \(when)", focused: true, glyphs: g,
        footer: MessagesView.bannerFooter(w))
      for (i, line) in lines.enumerated() {
        buf.put(line, x: r.x + 2, y: r.y + 1 + i, role: .accent, bold: true)
      }
    }
  }

  /// The timebox for the right end of the status bar, if the phase has one and it fits in the
  /// right half. The status bar places it, so a message or the key hints never run under it.
  static func timeboxLabel(_ state: AppState, size: Size) -> (text: String, over: Bool)? {
    if let room = RoomClockStatus.label(state, size: size) { return room }
    guard let box = state.workshop?.timebox(state.workbench), isPromptFree(state) else {
      return nil
    }
    let (text, over) = DashboardView.timeboxText(
      minutes: box.minutes, since: box.start, now: state.now)
    let label = " Timebox \(text) "
    guard size.width - DisplayWidth.of(label) > size.width / 2 else { return nil }
    return (label, over)
  }

  /// Prompts take the status bar; the timebox waits for them.
  static func isPromptFree(_ state: AppState) -> Bool {
    switch state.overlay {
    case .search, .naReason, .addLens: false
    default: true
    }
  }
}
