/// The steps of one decision on the projector. Before the facilitator reveals the decision the
/// room sees only how many teams have voted; after it, the split, then each option's verdict,
/// then what happened next, then the questions for the debrief (in place of what happened).
public enum ProjectorStep: Int, Sendable, Equatable, CaseIterable, Comparable {
  case votes, split, verdicts, consequences, debrief

  public static func < (a: ProjectorStep, b: ProjectorStep) -> Bool { a.rawValue < b.rawValue }

  /// What the step shows, as the projector's title row names it.
  public var title: String {
    switch self {
    case .votes: "voting"
    case .split: "the split"
    case .verdicts: "verdicts"
    case .consequences: "what happened next"
    case .debrief: "debrief"
    }
  }

  /// The step a revealed decision may show: anything but `votes`; an unrevealed one only
  /// `votes`. Every screen asks here, so no screen can show a verdict before its reveal.
  public func allowed(revealed: Bool) -> ProjectorStep {
    guard revealed else { return .votes }
    return self == .votes ? .split : self
  }

  /// The next step, or nil at the last one (or before the reveal).
  public func next(revealed: Bool) -> ProjectorStep? {
    let now = allowed(revealed: revealed)
    guard revealed, let step = ProjectorStep(rawValue: now.rawValue + 1) else { return nil }
    return step
  }

  /// The previous step, or nil at the first the decision may show.
  public func previous(revealed: Bool) -> ProjectorStep? {
    let now = allowed(revealed: revealed)
    guard now > .split, let step = ProjectorStep(rawValue: now.rawValue - 1) else { return nil }
    return step
  }
}

/// What the projector shows for one decision at one step: a pure function of the class summary
/// (the case study and the teams' sessions), the facilitator's reveals and the step asked for.
/// A field the step may not show is nil (or empty), so a view cannot show it by mistake.
public struct ProjectorSlide: Sendable, Equatable {
  public struct Option: Sendable, Equatable {
    /// The letter the teams saw, "a".
    public var letter: String
    public var label: String
    /// From the split on: how many teams chose it, and which.
    public var count: Int?
    public var share: Double?
    public var teams: [String]
    /// From the verdicts on.
    public var verdict: Verdict?
    /// At the consequences step (the debrief's questions take its place after it).
    public var consequence: String?
    /// At the debrief: what to ask the teams that chose it ("" when the author wrote none).
    public var debrief: String?
  }

  public var decisionID: String
  public var title: String
  public var situation: String
  public var phaseTitle: String
  /// 1-based position among the case study's decisions, and how many there are.
  public var position: Int
  public var decisionCount: Int
  /// The step shown: `votes` until the reveal, whatever was asked.
  public var step: ProjectorStep
  /// Teams that have voted (chosen any option, one this version lacks included), of all.
  public var voted: Int
  public var teamCount: Int
  /// From the split on: teams that have not decided, and those whose option this version lacks.
  public var undecided: Int?
  public var unknown: Int?
  public var options: [Option]

  public var isRevealed: Bool { step != .votes }

  /// "4 of 6 teams have voted".
  public var votedLine: String {
    "\(voted) of \(teamCount) team\(teamCount == 1 ? " has" : "s have") voted"
  }

  /// The slide of the decision at `index` in the summary's splits; nil when there is none.
  public init?(
    summary: ClassSummary, decisionIndex index: Int, workshop: WorkshopState,
    step asked: ProjectorStep
  ) {
    guard summary.splits.indices.contains(index) else { return nil }
    let split = summary.splits[index]
    let decision = split.decision
    let step = asked.allowed(revealed: workshop.revealTime(of: decision.id) != nil)
    decisionID = decision.id
    title = decision.title
    situation = decision.situation
    phaseTitle = split.phase.title
    position = index + 1
    decisionCount = summary.splits.count
    self.step = step
    voted = split.decided + split.unknown
    teamCount = split.teamCount
    undecided = step >= .split ? split.undecided : nil
    unknown = step >= .split ? split.unknown : nil
    options = split.bars.enumerated().map { i, bar in
      Option(
        letter: Decision.letter(at: i), label: bar.option.label,
        count: step >= .split ? bar.count : nil,
        share: step >= .split ? split.share(of: bar) : nil,
        teams: step >= .split ? bar.teams : [],
        verdict: step >= .verdicts ? bar.option.verdict : nil,
        consequence: step == .consequences ? bar.option.consequence : nil,
        debrief: step >= .debrief ? bar.option.debrief : nil)
    }
  }
}
