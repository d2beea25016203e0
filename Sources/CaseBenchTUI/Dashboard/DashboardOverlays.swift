import CaseBenchLoading
import CaseBenchStore

/// What can be open over the dashboard.
enum DashboardOverlay: Sendable {
  case help(scroll: Int)
  /// The announcement being typed.
  case announce(TextEditor)
  /// The phase picker for a release.
  case release(picked: Int)
  /// "2 of 3 teams have voted. Reveal S0.D1 now? y/n" (Dashboard/DashboardVotes.swift).
  case confirmReveal(decisionID: String, question: String)
  /// The running phase's injects, the one picked, and whether it asks before sending it.
  case injects(picked: Int, asking: Bool)
  /// A team's session, opened read-only (TeamView.swift).
  case team(TeamView)
  /// The projector view (Projector/), which fills the screen.
  case projector(Projector)
}

extension DashboardOverlay {
  /// Draws the overlay over the dashboard (a team's session is drawn instead of it).
  func draw(_ d: Dashboard, size: Size, into buf: inout ScreenBuffer) {
    switch self {
    case .help(let scroll):
      HelpScreen.draw(
        d.options, phases: nil, scroll: scroll, size: size, into: &buf, scope: .dashboard)
    case .release(let picked):
      DashboardView.drawReleasePicker(d, picked: picked, size: size, into: &buf)
    case .announce(let editor):
      // The prompt takes the status bar's row.
      buf.fill(
        x: 0, y: size.height - 1, width: size.width, height: 1, with: Cell(" ", role: .statusBar))
      TextPrompt.draw(
        label: " Announce: ", bold: true,
        hints: [KeyTable.newLine.hint("send"), KeyTable.leave.hint("cancel")], editor: editor,
        size: size, into: &buf)
    case .projector(let p):
      buf.fill(x: 0, y: 0, width: size.width, height: size.height)
      ProjectorView.draw(
        p, summary: d.summary, workshop: d.workshop, options: d.options,
        in: Rect(x: 0, y: 0, w: size.width, h: size.height), into: &buf)
      ProjectorView.drawMessage(d.message, size: size, into: &buf)
    case .confirmReveal(_, let question):
      DashboardVotes.drawConfirm(
        question, glyphs: Glyphs.of(d.options), size: size, into: &buf)
    case .injects(let picked, let asking):
      DashboardInjects.draw(d, picked: picked, asking: asking, size: size, into: &buf)
    case .team:
      break
    }
  }
}
