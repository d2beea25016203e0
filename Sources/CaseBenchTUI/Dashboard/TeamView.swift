import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A team's session opened read-only over the dashboard: the workbench the team sees, with
/// the facilitator's verdicts and notes, its overlays and its status bar. It owns what the
/// workbench needs from outside (the time, the size, the options, the status bar's message);
/// the workbench refuses every change, and its commands (quit, open…) are not the dashboard's.
struct TeamView: Sendable {
  private(set) var workbench: Workbench
  /// The team's file in the workshop folder: the view follows it (`follow`).
  let file: String
  private var options: RenderOptions
  private var now: Date
  private var size: Size
  private var message: StatusMessage?

  init(
    _ team: TeamSummary, of caseStudy: CaseStudy, file: String, options: RenderOptions,
    size: Size, now: Date
  ) {
    let (wb, lensProblem) = Workbench.opening(
      caseStudy: caseStudy, session: team.session, sessionName: team.team, readOnly: true,
      readOnlyReason: "the facilitator's view; Esc returns to the dashboard")
    workbench = wb
    self.file = file
    self.options = RenderOptions(
      unicode: options.unicode, facilitator: true, timeZone: options.timeZone)
    self.now = now
    self.size = size
    message = lensProblem.map { StatusMessage(text: $0, isError: true, at: now) }
    workbench.fixScroll(environment)
  }

  var session: Session { workbench.session }

  /// What the workbench's update and views read: no workshop, no preview, no saving.
  private var environment: WorkbenchEnvironment {
    WorkbenchEnvironment(
      now: now, size: size, options: options, workshop: nil, isPreview: false, quitCommand: .quit,
      message: message)
  }

  /// The team's file changed: the newer session shows in place.
  mutating func follow(_ newer: Session) {
    workbench.follow(newer)
  }

  /// Applies an event. Returns true when the facilitator leaves the view: `Esc`, or the
  /// workbench's quit key, with nothing open over the workbench.
  mutating func update(_ event: Event) -> Bool {
    switch event {
    case .resize(let s):
      size = s
    case .tick(let date):
      now = date
      if let m = message, date.timeIntervalSince(m.at) >= 6 { message = nil }
    case .key(let key)
    where workbench.overlays.isEmpty
      && (key == .escape || KeyTable.command(for: key, in: .workbench) == .quit):
      return true
    case .key, .paste, .click, .scrollUp, .scrollDown:
      // Input on a screen too small to show it is dropped (TooSmall.swift).
      guard size.isBigEnough else { return false }
      if case .key = event { message = nil }
      if case .help = workbench.overlays.top {
        workbench.overlays.updateHelp(
          event, HelpScreen.Metrics(options, phases: workbench.caseStudy.phases.count, size: size))
      } else {
        var env = environment
        _ = workbench.update(event, &env)
        message = env.message
      }
      workbench.fixScroll(environment)
    default:
      break
    }
    return false
  }

  /// Draws the workbench, its overlays and the status bar over the whole of `size`.
  func draw(size: Size, into buf: inout ScreenBuffer) {
    let env = environment
    WorkbenchView.draw(workbench, options: options, size: size, into: &buf)
    for overlay in workbench.overlays.items {
      overlay.draw(workbench, env, size: size, into: &buf)
    }
    let bar = StatusBar.Content(
      options: options, message: message, prompting: workbench.overlays.top?.isPrompt == true,
      session: StatusBar.OpenSession(
        workbench, save: .readOnly(reason: workbench.readOnlyReason)),
      hints: workbench.keyHints(env))
    StatusBar.draw(bar, size: size, into: &buf)
    workbench.overlays.top?.drawPrompt(size: size, into: &buf)
  }
}
