/// One team's answer to a reflection prompt.
public struct TeamAnswer: Sendable, Equatable {
  public var team: String
  public var text: String
}

/// Every team's answer to one reflection prompt, side by side.
public struct PromptAnswers: Sendable, Equatable {
  public var prompt: ReflectionPrompt
  /// The teams that answered, in name order.
  public var answers: [TeamAnswer]
  /// The teams that have not answered, in name order.
  public var unanswered: [String]
}

/// A phase's lessons learned across the class: each of its prompts with the teams' answers.
public struct PhaseLessons: Sendable, Equatable {
  public var phase: Phase
  public var prompts: [PromptAnswers]

  /// How many answers the class has written to the phase's prompts.
  public var answerCount: Int { prompts.reduce(0) { $0 + $1.answers.count } }
}

extension ClassSummary {
  /// The lessons learned of every phase that has reflection prompts, the teams in name order.
  /// An answer of only spaces counts as none.
  static func lessons(caseStudy: CaseStudy, teams: [TeamSummary]) -> [PhaseLessons] {
    let ordered = teams.sorted { NaturalOrder.ascending($0.team, $1.team) }
    return caseStudy.phases.filter { !$0.reflection.isEmpty }.map { phase in
      PhaseLessons(
        phase: phase,
        prompts: phase.reflection.map { prompt in
          var answers: [TeamAnswer] = []
          var unanswered: [String] = []
          for team in ordered {
            let text = team.session.reflection(prompt.id).trimming(.whitespacesAndNewlines)
            if text.isEmpty {
              unanswered.append(team.team)
            } else {
              answers.append(TeamAnswer(team: team.team, text: text))
            }
          }
          return PromptAnswers(prompt: prompt, answers: answers, unanswered: unanswered)
        })
    }
  }
}
