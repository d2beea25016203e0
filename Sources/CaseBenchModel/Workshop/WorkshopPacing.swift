#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Pacing is a property of the folder. This file holds its rules: which folders are workshop
/// folders, what of a phase a team may see, what holds while the facilitator's file cannot be
/// read, and when a phase's timebox runs.
/// How much of a phase a team may see now.
public enum PhaseVisibility: Sendable, Equatable {
  /// Everything: the phase is open for work.
  case open
  /// Its title, goal and timebox, and its checklist's item titles; nothing of its story.
  case outline
}

extension WorkshopState {
  /// What of phase `phaseIndex` a team may see now: an open phase whole, a closed one in outline.
  public func visibility(ofPhase phaseIndex: Int, in caseStudy: CaseStudy) -> PhaseVisibility {
    isOpen(phaseIndex: phaseIndex, in: caseStudy) ? .open : .outline
  }

  /// The state a team works under when the facilitator's file exists but cannot be read: the
  /// state last read, unchanged; if nothing was ever read, pacing on with nothing released, so a
  /// damaged file never opens every phase.
  public static func whileUnreadable(lastRead: WorkshopState?) -> WorkshopState {
    lastRead ?? WorkshopState(pacing: true)
  }

  /// The phases released since `earlier`, in the case study's order: what a team's banner
  /// announces ("Data is open").
  public func newlyReleased(since earlier: WorkshopState, in caseStudy: CaseStudy) -> [Phase] {
    guard pacing else { return [] }
    return caseStudy.phases.indices.filter {
      isOpen(phaseIndex: $0, in: caseStudy)
        && !(earlier.pacing ? earlier.isOpen(phaseIndex: $0, in: caseStudy) : false)
    }
    .map { caseStudy.phases[$0] }
  }
}

extension CaseStudy {
  /// The case study as a team in a workshop folder may see it now: each closed phase in outline
  /// (`Phase.outline`). Every page of the workbench (briefing, story, decisions, toolkit, search,
  /// the log) reads from this, so none of them can show a closed phase's story.
  public func paced(by state: WorkshopState) -> CaseStudy {
    var shown = self
    for index in phases.indices where state.visibility(ofPhase: index, in: self) == .outline {
      shown.phases[index] = phases[index].outline
    }
    return shown
  }
}

extension Phase {
  /// The phase with nothing of its story: its title, goal, timebox and schedule, and its items
  /// by title only. No briefing, case context, guidance, hints or references; no decisions,
  /// risk prompts, facilitator notes or model answers.
  public var outline: Phase {
    var p = self
    p.briefing = ""
    p.decisions = []
    p.riskPrompts = []
    p.facilitatorNotes = ""
    p.modelAnswers = []
    p.items = items.map { item in
      Item(
        id: item.id, title: item.title, guidance: "", caseContext: "", why: "", hint: "",
        tags: item.tags, required: item.required, level: item.level)
    }
    return p
  }
}

extension TeamSummary {
  /// "Now" on the dashboard: the phase of the team's last change to an item or a decision (its
  /// event log), not where its cursor is; a team that has changed nothing is on the first phase.
  static func lastChangedPhase(
    of session: Session, in caseStudy: CaseStudy, phaseOf: [String: String]
  ) -> Int {
    guard
      let event = session.events.last(where: {
        $0.kind.isWork && $0.target.flatMap { phaseOf[$0] } != nil
      }),
      let phaseID = event.target.flatMap({ phaseOf[$0] })
    else { return 0 }
    return caseStudy.phases.firstIndex { $0.id == phaseID } ?? 0
  }
}
