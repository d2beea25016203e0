#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Everything a report shows, worked out once from a case study and a session, so the text,
/// Markdown, HTML and JSON forms cannot disagree.
struct ReportModel {
  struct ItemRow {
    var id: String
    var title: String
    var required: Bool
    var inGate: Bool
    var level: ItemLevel
    var state: ItemState
  }

  /// Work a session recorded on an item that this version of the case study retired.
  struct RetiredRow {
    var item: RetiredItem
    var state: ItemState
  }

  struct DecisionRow {
    var id: String
    var title: String
    var situation: String
    /// nil when the decision has not been taken.
    var record: DecisionRecord?
    /// nil when not taken, or when the recorded option is not in this case-study version.
    var option: DecisionOption?
  }

  struct PhaseSection {
    var phase: Phase
    var progress: PhaseProgress
    var items: [ItemRow]
    var decisions: [DecisionRow]
  }

  var caseStudy: CaseStudy
  var session: Session
  var progress: Progress
  var phases: [PhaseSection]
  /// Item states recorded in the session for ids this case-study version does not have.
  var strayItems: [(id: String, state: ItemState)]
  /// Item states recorded for items this version retired, in `retired_items` order.
  var retiredWork: [RetiredRow]
  /// Decisions recorded for ids this case-study version does not have.
  var strayDecisions: [(id: String, record: DecisionRecord)]
  /// Risks, estimate, stakeholders, metrics, models and the decision log.
  var toolkit: ToolkitReport

  /// Facilitator reports show verdicts, debriefs and model answers; participants' do not.
  var facilitator: Bool

  var showsStory: Bool { session.mode == .caseStudy }
  /// Decision points belong to the story: own-project reports leave them out.
  var showsDecisions: Bool { session.mode == .caseStudy }

  init(caseStudy: CaseStudy, session: Session, facilitator: Bool = false) {
    self.caseStudy = caseStudy
    self.session = session
    self.facilitator = facilitator
    let progress = Progress(caseStudy: caseStudy, session: session)
    self.progress = progress
    self.toolkit = ToolkitReport(caseStudy: caseStudy, session: session)
    var known = Set<String>()
    var knownDecisions = Set<String>()
    var sections: [PhaseSection] = []
    for (index, phase) in caseStudy.phases.enumerated() {
      let gate = Set(phase.gate)
      let items = phase.checklist.map { item in
        known.insert(item.id)
        return ItemRow(
          id: item.id, title: item.title, required: item.required, inGate: gate.contains(item.id),
          level: item.level, state: session.state(of: item.id))
      }
      let decisions = phase.decisions.map { d in
        knownDecisions.insert(d.id)
        let record = session.decisions[d.id]
        return DecisionRow(
          id: d.id, title: d.title, situation: d.situation, record: record,
          option: record.flatMap { d.option(id: $0.option) })
      }
      sections.append(
        PhaseSection(
          phase: phase, progress: progress.phases[index], items: items, decisions: decisions))
    }
    self.phases = sections
    let retired = RetiredWork(caseStudy: caseStudy, session: session)
    self.retiredWork = retired.rows.map { RetiredRow(item: $0.item, state: $0.state) }
    let retiredIDs = Set(retired.rows.map(\.item.id))
    self.strayItems = SessionJSONWriter.sortedKeys(session.items).compactMap { id in
      guard !known.contains(id), !retiredIDs.contains(id), let state = session.items[id] else {
        return nil
      }
      return (id, state)
    }
    self.strayDecisions = SessionJSONWriter.sortedKeys(session.decisions).compactMap { id in
      guard !knownDecisions.contains(id), let record = session.decisions[id] else { return nil }
      return (id, record)
    }
  }

  /// A case-study report is titled with the story and the team, set apart by a dash (a title may
  /// hold a colon of its own); an own-project report with the project's name alone, the name the
  /// session was given.
  var title: String {
    switch session.mode {
    case .caseStudy: "\(caseStudy.title) \u{2014} \(session.participant)"
    case .ownProject: session.participant
    }
  }

  /// What the session's name stands for in the report's header.
  var participantLabel: String { session.mode == .ownProject ? "Project" : "Participant" }

  /// What the case study stands for in the report's header.
  var caseStudyLabel: String { session.mode == .ownProject ? "Phases from" : "Case study" }

  var modeLabel: String {
    switch session.mode {
    case .caseStudy: "Case study"
    case .ownProject: "Own project"
    }
  }

  /// "2026-11-18 11:06 UTC".
  static func displayDate(_ date: Date) -> String {
    let iso = SessionDates.format(date)
    let minute = String(iso.prefix(16)).replacing("T", with: " ")
    return minute + " UTC"
  }

  /// "2026-11-18 11:06:40".
  static func logDate(_ date: Date) -> String {
    String(SessionDates.format(date).prefix(19).replacing("T", with: " "))
  }

  static func statusText(_ state: ItemState) -> String {
    if state.status == .notApplicable, let why = state.naReason, !why.isEmpty {
      return "N/A: \(why)"
    }
    return state.status.label
  }

  /// The readiness workings split into "Readiness 40%" and the rest, to set the figure in bold.
  var readinessParts: (lead: String, rest: String) {
    let lead = "Readiness \(Progress.percent(progress.readiness))"
    let workings = progress.readinessWorkings
    guard workings.hasPrefix(lead) else { return (lead + ".", workings) }
    return (lead, String(workings.dropFirst(lead.count)).trimming(.whitespaces))
  }

  static func gateText(_ p: PhaseProgress) -> String {
    p.gateMet ? "met (\(p.gateSettled)/\(p.gateTotal))" : "\(p.gateSettled)/\(p.gateTotal)"
  }
}
