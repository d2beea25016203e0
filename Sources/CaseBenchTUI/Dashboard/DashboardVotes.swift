import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The dashboard's vote view. On the decision splits page, each decision of the released
/// phases shows, until the facilitator reveals it, only which teams voted (never what) and how
/// many have not; `v` reveals the selected one (asking first when some team has not voted), and
/// then its split shows, with the team names under each option and any team that changed its
/// choice after the reveal flagged.
extension Dashboard {
  /// The decisions of the phases open to the teams (every phase without pacing), in order.
  var voteSplits: [DecisionSplit] {
    let open = Set(
      caseStudy.phases.indices.filter { workshop.isOpen(phaseIndex: $0, in: caseStudy) }.map {
        caseStudy.phases[$0].id
      })
    return summary.splits.filter { open.contains($0.phase.id) }
  }

  /// Who voted on a decision, from the teams' sessions and the facilitator's reveal; teams in
  /// the order the teams page lists them (already sorted, so drawing sorts nothing).
  func votes(on decision: Decision) -> DecisionVotes {
    DecisionVotes(
      decision: decision, teams: order.compactMap { folder.rows[$0].team },
      revealed: workshop.revealTime(of: decision.id))
  }

  /// `v`: on the teams page, to the decision splits on the first decision not yet revealed; on
  /// the splits page, reveals the selected decision, asking first if not every team voted.
  mutating func pressReveal() -> [DashboardCommand] {
    let splits = voteSplits
    guard page == .decisions else {
      page = .decisions
      scroll = 0
      decision =
        splits.firstIndex { workshop.isVoted($0.decision.id) && !isRevealed($0.decision.id) } ?? 0
      showMessage("Pick a decision (j/k), then v reveals it.", isError: false)
      return []
    }
    guard splits.indices.contains(decision) else {
      showMessage("No decision is open to the teams yet.", isError: true)
      return []
    }
    let id = splits[decision].decision.id
    if !workshop.isVoted(id) {
      showMessage("\(id) is not voted on (--no-vote): teams see it at once.", isError: false)
      return []
    }
    if let at = workshop.revealTime(of: id) {
      let when = clockText(at, now: now, timeZone: options.timeZone)
      showMessage("\(id) was revealed \(when).", isError: false)
      return []
    }
    let votes = votes(on: splits[decision].decision)
    guard votes.notVoted.isEmpty else {
      overlays.present(
        .confirmReveal(decisionID: id, question: "\(votes.countText) Reveal \(id) now? y/n"))
      return []
    }
    return [.reveal(decisionID: id)]
  }

  func isRevealed(_ id: String) -> Bool { workshop.revealTime(of: id) != nil }

  mutating func updateConfirmReveal(_ id: String, _ event: Event) -> [DashboardCommand] {
    guard case .key(let key) = event else { return [] }
    switch KeyTable.command(for: key, in: .revealConfirm) {
    case .select:
      overlays.dismiss()
      return [.reveal(decisionID: id)]
    case .leave:
      overlays.dismiss()
      showMessage("Not revealed.", isError: false)
    default: break
    }
    return []
  }
}

enum DashboardVotes {
  /// The head line of a decision and, while it waits for its reveal, who voted. Returns true
  /// when the split must not show yet (the caller draws it otherwise).
  static func votingLines(
    _ d: Dashboard, _ split: DecisionSplit, index: Int, width: Int, glyphs g: Glyphs,
    into lines: inout [StyledLine]
  ) -> Bool {
    let id = split.decision.id
    let selected = d.page == .decisions && index == d.decision
    let voted = d.workshop.isVoted(id)
    let revealed = d.isRevealed(id)
    let state =
      !voted ? "no vote" : revealed ? "revealed" : closedText(d, split) ?? "waiting for the reveal"
    let head =
      "\(selected ? g.pointer : " ") \(id) \(split.decision.title) (\(split.phase.title)): "
      + state
    lines.append(
      StyledLine(
        text: g.truncate(head, to: width), role: selected ? .selected : .normal, bold: true))
    guard voted, !revealed else { return false }
    let votes = d.votes(on: split.decision)
    lines.append(StyledLine(text: "  " + votes.countText, role: .accent))
    names("Voted", votes.voted, width: width, role: .success, into: &lines)
    names("Not yet", votes.notVoted, width: width, role: .warning, into: &lines)
    lines.append(.blank)
    return true
  }

  /// "voting opens 10:42" (or "voting opens in 12 min (clock paused)") while the room's clock
  /// has not reached the block the decision's vote opens at (`WorkshopState.votingClosed`).
  static func closedText(_ d: Dashboard, _ split: DecisionSplit) -> String? {
    guard
      let closed = d.workshop.votingClosed(on: split.decision, in: d.caseStudy, at: d.now)
    else { return nil }
    guard let time = closed.time(from: d.now) else { return closed.shortText }
    return "voting opens " + shortClock(time, timeZone: d.options.timeZone)
  }

  /// The teams that chose an option, under its bar.
  static func teamLines(
    _ teams: [String], width: Int, glyphs g: Glyphs, into lines: inout [StyledLine]
  ) {
    guard !teams.isEmpty else { return }
    for row in Wrap.lines(teams.joined(separator: ", "), width: max(1, width - 6)) {
      lines.append(StyledLine(text: "      " + row, role: .dim))
    }
  }

  /// Under a revealed split: the teams that have not decided, and any change after the reveal.
  static func afterRevealLines(
    _ d: Dashboard, _ split: DecisionSplit, width: Int, into lines: inout [StyledLine]
  ) {
    if split.undecided > 0 {
      lines.append(StyledLine(text: "  \(split.undecided) not decided", role: .dim))
    }
    guard d.isRevealed(split.decision.id) else { return }
    let changed = d.votes(on: split.decision).changedAfterReveal
    names("Changed after the reveal", changed, width: width, role: .danger, into: &lines)
  }

  static func names(
    _ label: String, _ teams: [String], width: Int, role: Role, into lines: inout [StyledLine]
  ) {
    guard !teams.isEmpty else { return }
    lines.wrap("\(label): " + teams.joined(separator: ", "), width: width, role: role, indent: 2)
  }

  /// The first line to show so the selected decision's head is on screen.
  static func scroll(_ lines: [StyledLine], height: Int) -> Int {
    guard let head = lines.firstIndex(where: { $0.role == .selected }) else { return 0 }
    return head + 4 > height ? max(0, head - 1) : 0
  }

  /// "2 of 3 teams have voted. Reveal S0.D1 now? y/n" in a box over the dashboard.
  static func drawConfirm(
    _ question: String, glyphs g: Glyphs, size: Size, into buf: inout ScreenBuffer
  ) {
    let w = min(size.width - 4, max(30, DisplayWidth.of(question) + 6))
    let r = Rect(x: (size.width - w) / 2, y: max(1, size.height / 2 - 2), w: w, h: 4)
    buf.fill(x: r.x, y: r.y, width: r.w, height: r.h)
    buf.box(
      r, title: "Reveal", focused: true, glyphs: g,
      footer: KeyTable.confirmReveal.hint("reveal") + "  "
        + KeyTable.cancelReveal.hint("not yet"))
    buf.put(question, x: r.x + 2, y: r.y + 1, role: .accent, bold: true, maxX: r.x + r.w - 2)
  }
}
