#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How the class split on one decision point: a count per option, in the case study's order.
public struct DecisionSplit: Sendable, Equatable {
  public struct Bar: Sendable, Equatable {
    public var option: DecisionOption
    public var count: Int
    /// The teams that chose this option, by name.
    public var teams: [String]
  }

  public var phase: Phase
  public var decision: Decision
  public var bars: [Bar]
  /// Teams that have not decided yet.
  public var undecided: Int
  /// Teams whose recorded option is not in this version of the case study.
  public var unknown: Int

  public var decided: Int { bars.reduce(0) { $0 + $1.count } }
  /// Every team in the class: those that chose, those that have not, and those whose choice
  /// this version does not have. Bars are shares of this, so one team of three is a third.
  public var teamCount: Int { decided + undecided + unknown }

  /// The share of the class that chose `bar`, 0…1 (0 in an empty class).
  public func share(of bar: Bar) -> Double {
    teamCount == 0 ? 0 : Double(bar.count) / Double(teamCount)
  }
}

/// A risk several teams put in their registers: by the case study's risk prompt it came from,
/// else by its title.
public struct CommonRisk: Sendable, Equatable {
  public var title: String
  public var phase: String
  public var teams: [String]
  /// The highest likelihood × impact any team gave it.
  public var highestScore: Int
}

/// Class progress on one phase.
public struct PhaseClassProgress: Sendable, Equatable {
  public var phase: Phase
  /// Teams that met the phase's gate.
  public var gateMet: [String]
  /// Teams whose current phase this is.
  public var here: Int
  /// The mean share of the phase's items settled, 0…1.
  public var meanFraction: Double
}

/// A note worth reading out at the debrief, credited to its team.
public struct CreditedNote: Sendable, Equatable {
  public var team: String
  public var phase: Phase
  public var item: Item
  public var text: String
}

/// What the class did, worked out once from the teams' sessions: the dashboard's histograms
/// and the debrief report read from here, so they cannot disagree.
public struct ClassSummary: Sendable, Equatable {
  public var caseStudy: CaseStudy
  public var teamCount: Int
  public var phases: [PhaseClassProgress]
  public var splits: [DecisionSplit]
  public var notes: [CreditedNote]
  /// Open risks raised by two or more teams, most teams first.
  public var risks: [CommonRisk]
  /// Each team's answers to the phases' reflection prompts (ClassLessons.swift).
  public var lessons: [PhaseLessons]

  /// How many notes per phase the report picks (the longest, one per item).
  public static let notesPerPhase = 3

  public init(caseStudy: CaseStudy, teams: [TeamSummary]) {
    self.caseStudy = caseStudy
    teamCount = teams.count
    lessons = ClassSummary.lessons(caseStudy: caseStudy, teams: teams)
    phases = caseStudy.phases.enumerated().map { index, phase in
      var met: [String] = []
      var sum = 0.0
      var here = 0
      for team in teams {
        if index < team.progress.phases.count {
          if team.progress.phases[index].gateMet { met.append(team.team) }
          sum += team.progress.phases[index].fraction
        }
        if team.currentPhaseIndex == index { here += 1 }
      }
      return PhaseClassProgress(
        phase: phase, gateMet: met, here: here,
        meanFraction: teams.isEmpty ? 0 : sum / Double(teams.count))
    }
    var splits: [DecisionSplit] = []
    for phase in caseStudy.phases {
      for decision in phase.decisions {
        var bars = decision.options.map { DecisionSplit.Bar(option: $0, count: 0, teams: []) }
        var undecided = 0
        var unknown = 0
        for team in teams {
          guard let record = team.session.decisions[decision.id] else {
            undecided += 1
            continue
          }
          if let i = decision.options.firstIndex(where: { $0.id == record.option }) {
            bars[i].count += 1
            bars[i].teams.append(team.team)
          } else {
            unknown += 1
          }
        }
        splits.append(
          DecisionSplit(
            phase: phase, decision: decision, bars: bars, undecided: undecided, unknown: unknown
          ))
      }
    }
    self.splits = splits
    // Each item's longest note: only the notes teams wrote are looked at (not every item of
    // every team), each trimmed and counted once. A longer note wins; ties keep the first team.
    var longest: [String: (team: String, text: String, length: Int)] = [:]
    for team in teams {
      for (itemID, state) in team.session.items where !state.note.isEmpty {
        let text = state.note.trimming(.whitespacesAndNewlines)
        guard !text.isEmpty else { continue }
        let length = text.count
        if let known = longest[itemID], known.length >= length { continue }
        longest[itemID] = (team.team, text, length)
      }
    }
    var notes: [CreditedNote] = []
    for phase in caseStudy.phases {
      var picked: [(note: CreditedNote, length: Int)] = []
      for item in phase.items {
        guard let best = longest[item.id] else { continue }
        picked.append(
          (CreditedNote(team: best.team, phase: phase, item: item, text: best.text), best.length))
      }
      // Longest first; ties keep the checklist's order.
      let ranked = picked.enumerated().sorted {
        ($0.element.length, -$0.offset) > ($1.element.length, -$1.offset)
      }
      notes += ranked.prefix(ClassSummary.notesPerPhase).map(\.element.note)
    }
    self.notes = notes
    var prompts: [String: RiskPrompt] = [:]
    for phase in caseStudy.phases { for p in phase.riskPrompts { prompts[p.id] = p } }
    var byKey: [String: CommonRisk] = [:]
    var order: [String] = []
    for team in teams {
      var seen = Set<String>()
      for risk in team.session.toolkit.risks where risk.status == .open {
        let key =
          risk.prompt.map { "prompt:" + $0 }
          ?? "title:" + risk.title.lowercased().trimming(.whitespacesAndNewlines)
        guard seen.insert(key).inserted else { continue }
        var c =
          byKey[key]
          ?? CommonRisk(
            title: risk.prompt.flatMap { prompts[$0]?.text } ?? risk.title, phase: risk.phase,
            teams: [], highestScore: 0)
        if byKey[key] == nil { order.append(key) }
        c.teams.append(team.team)
        c.highestScore = max(c.highestScore, risk.score)
        byKey[key] = c
      }
    }
    let common = order.compactMap { byKey[$0] }.filter { $0.teams.count >= 2 }
    risks = common.enumerated().sorted {
      ($0.element.teams.count, -$0.offset) > ($1.element.teams.count, -$1.offset)
    }.map(\.element)
  }
}
