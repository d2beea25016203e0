import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The class debrief document: `casebench workshop DIR --report markdown|html`. Built from a
/// read workshop folder; it writes nothing anywhere itself. It leads with the decisions, one
/// after another as a facilitator debriefs them: the class's split as shares of the class, the
/// teams under each option, what each team said and any change of mind. Verdicts and debrief
/// notes appear only in the facilitator's copy.
public enum WorkshopReport {
  public enum Format: String, Sendable, CaseIterable {
    case markdown, html
  }

  /// What goes into one rendering.
  public struct Options: Sendable, Equatable {
    public var format: Format
    /// The facilitator's copy: each option's verdict and debrief notes.
    public var facilitator: Bool
    /// One phase's debrief (its id), or the whole day when nil.
    public var phase: String?
    /// When each decision was revealed (the facilitator's file): a change of mind after it is
    /// flagged.
    public var reveals: [DecisionReveal]

    public init(
      format: Format, facilitator: Bool = false, phase: String? = nil,
      reveals: [DecisionReveal] = []
    ) {
      self.format = format
      self.facilitator = facilitator
      self.phase = phase
      self.reveals = reveals
    }
  }

  public static func render(_ folder: WorkshopFolder, format: Format, now: Date) -> String {
    render(folder, Options(format: format), now: now)
  }

  public static func render(_ folder: WorkshopFolder, _ options: Options, now: Date) -> String {
    let debrief = Debrief(folder: folder, options: options, now: now)
    switch options.format {
    case .markdown: return debrief.markdown()
    case .html: return debrief.html()
    }
  }

  static let noCommonRisks = "No open risk is in the registers of two or more teams yet."

  static func percent(_ fraction: Double) -> String { Progress.percent(fraction) }

  static func teamOrder(_ a: TeamSummary, _ b: TeamSummary) -> Bool {
    NaturalOrder.ascending(a.team, b.team)
  }
}

/// What the debrief shows, worked out once for both formats.
struct Debrief {
  /// One team's vote on a decision: what it chose, why, and how its mind changed.
  struct Voice {
    var team: String
    /// "c) Offer the bank a short pathfinder…"
    var choice: String
    var rationale: String
    /// The team's earlier choices, oldest first, as letters ("a)"), with when each changed.
    var changes: [Change]
  }

  struct Change {
    var from: String
    var at: Date
    /// Made after the facilitator revealed the decision.
    var afterReveal: Bool
  }

  struct DecisionDebrief {
    var split: DecisionSplit
    var voices: [Voice]
    /// The teams that have not decided, in name order.
    var undecided: [String]
  }

  let folder: WorkshopFolder
  let options: WorkshopReport.Options
  let now: Date
  let summary: ClassSummary
  let decisions: [DecisionDebrief]
  /// The phases the report covers: all, or the one asked for.
  let phaseIDs: Set<String>

  init(folder: WorkshopFolder, options: WorkshopReport.Options, now: Date) {
    self.folder = folder
    self.options = options
    self.now = now
    let summary = ClassSummary(caseStudy: folder.caseStudy, teams: folder.teams)
    self.summary = summary
    let ids = folder.caseStudy.phases.map(\.id).filter {
      options.phase == nil || $0 == options.phase
    }
    phaseIDs = Set(ids)
    let teams = folder.teams.sorted(by: WorkshopReport.teamOrder)
    decisions = summary.splits.filter { ids.contains($0.phase.id) }.map { split in
      Debrief.debrief(
        of: split, teams: teams,
        revealed: options.reveals.first { $0.decision == split.decision.id }?.at)
    }
  }

  static func debrief(of split: DecisionSplit, teams: [TeamSummary], revealed: Date?)
    -> DecisionDebrief
  {
    let decision = split.decision
    var voices: [(position: Int, voice: Voice)] = []
    var undecided: [String] = []
    for team in teams {
      guard let record = team.session.decisions[decision.id] else {
        undecided.append(team.team)
        continue
      }
      var changes: [Change] = []
      for event in team.session.events
      where event.kind == .decision && event.target == decision.id {
        if case .changed(let from, _) = DecisionEventDetail(stored: event.detail) {
          changes.append(
            Change(
              from: decision.letter(ofOption: from).map { "\($0))" } ?? from, at: event.at,
              afterReveal: revealed.map { event.at > $0 } ?? false))
        }
      }
      let position = decision.options.firstIndex { $0.id == record.option } ?? Int.max
      voices.append(
        (
          position,
          Voice(
            team: team.team, choice: decision.shown(option: record.option),
            rationale: record.rationale, changes: changes)
        ))
    }
    // By option, as the bars are; within an option, by team name (the sort is stable).
    let ordered = voices.enumerated().sorted {
      ($0.element.position, $0.offset) < ($1.element.position, $1.offset)
    }.map(\.element.voice)
    return DecisionDebrief(split: split, voices: ordered, undecided: undecided)
  }

  /// "3 teams in day1, 1 file skipped. Written 2026-12-07 11:42 UTC."
  var header: String {
    "\(counted(summary.teamCount, "team")) in \(folder.url.lastPathComponent), "
      + "\(counted(folder.skipped.count, "file")) skipped. Written "
      + "\(ReportModel.displayDate(now))."
  }

  /// Who the copy is for, and what it covers.
  var scope: String {
    var parts: [String] = []
    if let id = options.phase, let phase = folder.caseStudy.phase(id: id) {
      parts.append("The \(phase.title) debrief only.")
    }
    parts.append(
      options.facilitator
        ? "Facilitator's copy: it shows each option's verdict and debrief notes."
        : "Participants' copy: no verdicts.")
    return parts.joined(separator: " ")
  }

  /// "1 of 3 (33%)".
  /// The percentage is rounded to the nearest whole number (one team of six is 17%), unlike
  /// progress, which never rounds up to a finished 100%.
  static func share(_ bar: DecisionSplit.Bar, in split: DecisionSplit) -> String {
    "\(bar.count) of \(split.teamCount) (\(Int((split.share(of: bar) * 100).rounded()))%)"
  }

  /// "changed from a) at 11:42, then after the reveal from c) at 11:50".
  static func changeText(_ changes: [Change]) -> String {
    changes.enumerated().map { i, c in
      "\(i == 0 ? "changed" : "then")\(c.afterReveal ? " after the reveal" : "") from \(c.from) "
        + "at \(ReportModel.displayDate(c.at))"
    }.joined(separator: ", ")
  }

  /// Notes and progress for the phases the report covers.
  var notes: [CreditedNote] { summary.notes.filter { phaseIDs.contains($0.phase.id) } }
  var phases: [PhaseClassProgress] { summary.phases.filter { phaseIDs.contains($0.phase.id) } }
}
