import CaseBenchModel
import CaseBenchReports

/// The plain mode's decisions: the list, one decision's situation and options under the
/// letters the dialog uses (`Decision.letter(ofOption:)`), a rationale, a confirmation, and the
/// consequence when the workshop's vote-then-reveal rule lets the team see it
/// (`WorkshopState.showsConsequence`).
extension PlainMode {
  func decisionSummary(_ phase: Phase) -> String {
    let taken = phase.decisions.filter { file.session.decisions[$0.id] != nil }.count
    return "\(taken) of \(phase.decisions.count) taken"
  }

  mutating func decisionsMenu(phaseIndex: Int) {
    while !quit {
      let (caseStudy, _, workshop) = shown()
      guard caseStudy.phases.indices.contains(phaseIndex) else { return }
      let phase = caseStudy.phases[phaseIndex]
      guard !phase.decisions.isEmpty else { return io.say("This phase has no decisions now.") }
      io.say("")
      io.say("Decisions in \(phase.title):")
      for (i, d) in phase.decisions.enumerated() {
        io.say("\(i + 1). \(d.title): \(state(of: d, in: caseStudy, workshop: workshop))")
      }
      guard let answer = menu("Decision number, b back, or q:") else { return }
      switch answer {
      case "b": return
      case "": continue
      default:
        guard let n = Int(answer), phase.decisions.indices.contains(n - 1) else {
          io.say("Not a decision: \(answer).")
          continue
        }
        decisionMenu(phaseIndex: phaseIndex, decisionID: phase.decisions[n - 1].id)
      }
    }
  }

  /// "open", "voting opens in 12 min", "chose b)" or "chose b), waiting for the reveal": as
  /// the dialog's list says it.
  func state(of decision: Decision, in caseStudy: CaseStudy, workshop: WorkshopState?) -> String {
    guard let taken = file.session.decisions[decision.id] else {
      return WorkshopState.votingClosed(
        on: decision, in: workshop, caseStudy: caseStudy, at: now())?.shortText ?? "open"
    }
    let waits = !WorkshopState.showsConsequence(
      of: decision.id, in: workshop, facilitator: facilitator)
    let letter = decision.letter(ofOption: taken.option) ?? taken.option
    return "chose \(letter))" + (waits ? ", waiting for the reveal" : "")
  }

  /// One decision: its outcome when it is taken (with `c` to change it), else its choice.
  mutating func decisionMenu(phaseIndex: Int, decisionID: String) {
    while !quit {
      let (caseStudy, _, workshop) = shown()
      guard caseStudy.phases.indices.contains(phaseIndex),
        let decision = caseStudy.phases[phaseIndex].decisions.first(where: { $0.id == decisionID })
      else { return io.say("This decision is not open now.") }
      if file.session.decisions[decision.id] == nil {
        choose(decision, in: caseStudy, workshop: workshop)
        // Back, not confirmed, or the input ended: nothing to show.
        guard file.session.decisions[decision.id] != nil else { return }
      }
      outcome(decision, workshop: workshop)
      guard let answer = menu("c change your choice, r read again, b back, or q:") else { return }
      switch answer {
      case "c":
        guard refuseIfReadOnly() else { continue }
        choose(decision, in: caseStudy, workshop: workshop)
      case "r", "": continue
      default: return
      }
    }
  }

  /// Situation, options, a letter, a rationale and a confirmation; then the outcome. Before the
  /// room's clock reaches the block the vote opens at, only when it opens
  /// (`WorkshopState.votingClosed`; a facilitator still reads the situation and the options).
  mutating func choose(_ decision: Decision, in caseStudy: CaseStudy, workshop: WorkshopState?) {
    guard refuseIfReadOnly() else { return }
    io.say("")
    io.say("Decision: \(decision.title).")
    let closed = WorkshopState.votingClosed(
      on: decision, in: workshop, caseStudy: caseStudy, at: now())
    if let closed, !facilitator { return io.say(closed.heldText) }
    io.section("Situation", decision.situation)
    io.say("Your options:")
    let previous = file.session.decisions[decision.id]
    for (i, option) in decision.options.enumerated() {
      let mine = previous?.option == option.id ? " (your choice)" : ""
      io.say("\(Decision.letter(at: i))) \(option.label)\(mine)")
      if facilitator {
        io.say("   \(option.verdict.rawValue)")
        if !option.debrief.isEmpty { io.say("   Debrief: \(option.debrief)") }
      }
    }
    if let closed { return io.say(closed.text + ".") }
    let letters = decision.options.indices.map(Decision.letter(at:))
    let range = "\(letters.first ?? "a") to \(letters.last ?? "a")"
    var picked: DecisionOption?
    while picked == nil {
      guard let answer = io.ask("Your choice, \(range); an empty line goes back:") else {
        quit = true
        return
      }
      if answer.isEmpty { return }
      picked = decision.options.first { decision.letter(ofOption: $0.id) == answer.lowercased() }
      if picked == nil { io.say("Not an option: \(answer). Type a letter, \(range).") }
    }
    guard let option = picked else { return }
    let letter = decision.letter(ofOption: option.id) ?? option.id
    io.say("You chose \(letter)) \(option.label)")
    var rationale = ""
    while rationale.isEmpty {
      io.say("Why? A sentence or two for your report; end with a line holding a single dot.")
      let (text, ended) = io.paragraph()
      rationale = text.trimming(.whitespacesAndNewlines)
      if !ended {
        quit = true
        return io.say("The input ended before the rationale did: the decision is not recorded.")
      }
      if rationale.isEmpty { io.say("Write a sentence on why before confirming.") }
    }
    guard let confirm = io.ask("Confirm \(letter)) with this rationale? y or n:") else {
      quit = true
      return
    }
    guard confirm.lowercased().hasPrefix("y") else {
      return io.say("Not recorded. Nothing changed.")
    }
    if change({ $0.decide(decision.id, option: option.id, rationale: rationale, at: $1) }) {
      io.say("Decision recorded.")
    }
  }

  /// Your choice, your rationale and what happened next, or that it waits for the reveal.
  func outcome(_ decision: Decision, workshop: WorkshopState?) {
    guard let record = file.session.decisions[decision.id] else { return }
    io.say("")
    io.say("Decision: \(decision.title).")
    io.say("Your choice: \(decision.shown(option: record.option))")
    io.section("Your rationale", record.rationale)
    let option = decision.option(id: record.option)
    if WorkshopState.showsConsequence(of: decision.id, in: workshop, facilitator: facilitator) {
      io.section("What happened next", option?.consequence ?? "")
    } else {
      io.say("What happened next: \(WorkshopState.waitingForReveal).")
    }
    if facilitator, let option {
      io.say("Verdict: \(option.verdict.rawValue).")
      if !option.debrief.isEmpty { io.say("Debrief: \(option.debrief)") }
      io.section("Facilitator notes", decision.facilitatorNotes)
    }
  }
}
