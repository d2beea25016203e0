import CaseBenchLoading
import CaseBenchModel

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
    /// The letter the team saw beside the chosen option (`Decision.letter(ofOption:)`).
    var letter: String?
    /// The recorded option, when this version took it out and lists it in `retired_items`.
    var retiredOption: RetiredItem? = nil
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
  /// A section per lens, each with its own score.
  var lenses: LensReport

  /// Facilitator reports show verdicts, debriefs and model answers; participants' do not.
  var facilitator: Bool
  /// The event log is printed only when asked for (`export --log`): it runs to pages.
  var includesLog: Bool

  var showsStory: Bool { session.mode == .caseStudy }
  /// Decision points belong to the story: own-project reports leave them out.
  var showsDecisions: Bool { session.mode == .caseStudy }

  init(
    caseStudy: CaseStudy, session: Session, facilitator: Bool = false, includesLog: Bool = false
  ) {
    self.caseStudy = caseStudy
    self.session = session
    self.facilitator = facilitator
    self.includesLog = includesLog
    let progress = Progress(caseStudy: caseStudy, session: session)
    self.progress = progress
    self.toolkit = ToolkitReport(caseStudy: caseStudy, session: session)
    self.lenses = LensReport(caseStudy: caseStudy, session: session)
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
          option: record.flatMap { d.option(id: $0.option) },
          letter: record.flatMap { d.letter(ofOption: $0.option) },
          retiredOption: record.flatMap { caseStudy.retiredOption($0.option, of: d) })
      }
      sections.append(
        PhaseSection(
          phase: phase, progress: progress.phases[index], items: items, decisions: decisions))
    }
    self.phases = sections
    let retired = RetiredWork(caseStudy: caseStudy, session: session)
    self.retiredWork = retired.rows.map { RetiredRow(item: $0.item, state: $0.state) }
    let retiredIDs = Set(retired.rows.map(\.item.id))
    self.strayItems = KeyOrder.sorted(session.items).compactMap { id in
      guard !known.contains(id), !retiredIDs.contains(id), !session.isLensKey(id),
        let state = session.items[id]
      else {
        return nil
      }
      return (id, state)
    }
    self.strayDecisions = KeyOrder.sorted(session.decisions).compactMap { id in
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

  /// What the case study stands for in the report's header: the story in case-study mode; in
  /// own-project mode the method, named by its phases, since the story means nothing to the
  /// project's own stakeholders.
  var caseStudyLabel: String { session.mode == .ownProject ? "Method" : "Case study" }

  /// The header's value before "(id, version V)": the case study's title, or its phases.
  var caseStudyName: String {
    switch session.mode {
    case .caseStudy: caseStudy.title
    case .ownProject: caseStudy.phases.map(\.title).joined(separator: ", ")
    }
  }

  /// What the id in the header's brackets stands for.
  var caseStudyIDLabel: String { session.mode == .ownProject ? "checklist " : "" }

  var modeLabel: String {
    switch session.mode {
    case .caseStudy: "Case study"
    case .ownProject: "Own project"
    }
  }

  /// "2026-11-18 11:06 UTC".
  static func displayDate(_ date: Date) -> String { isoText(date, length: 16) + " UTC" }

  /// "2026-11-18 11:06:40".
  static func logDate(_ date: Date) -> String { isoText(date, length: 19) }

  /// The first `length` characters of the session file's time (ASCII), a space for its "T".
  private static func isoText(_ date: Date, length: Int) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    SessionDates.append(date, to: &bytes)
    let text = bytes.prefix(length).map { $0 == UInt8(ascii: "T") ? UInt8(ascii: " ") : $0 }
    return String(decoding: text, as: UTF8.self)
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

// MARK: The summary a stakeholder reads first

extension ReportModel {
  /// An item named in the summary, with the phase it belongs to.
  struct NamedItem {
    var id: String
    var title: String
    var phase: String
    var note: String
  }

  /// "In progress", "Not started" or "Complete": the session as a whole.
  var overallStatus: String {
    let t = progress.totals
    if !progress.phases.isEmpty, progress.gatesMet == progress.phases.count { return "Complete" }
    let touched = t.settled + t.doing + t.blocked + t.decisionsTaken > 0
    return touched ? "In progress" : "Not started"
  }

  /// "12 of 75 items settled (16%), 1 of 5 phase gates met, 2 of 8 decisions taken."
  var overallFigures: String {
    let t = progress.totals
    var parts = [
      "\(t.settled) of \(counted(t.items, "item")) done or N/A (\(Progress.percent(progress.fraction)))",
      "\(progress.gatesMet) of \(progress.phases.count) phase gates met",
    ]
    if showsDecisions {
      parts.append("\(t.decisionsTaken) of \(counted(t.decisions, "decision")) taken")
    }
    return parts.joined(separator: ", ") + "."
  }

  /// A phase's state in a word or two.
  static func phaseStatus(_ section: PhaseSection) -> String {
    let p = section.progress
    if p.gateMet && p.settled == p.total { return "complete" }
    if p.gateMet { return "gate met" }
    return isUntouched(section) ? "not started" : "in progress"
  }

  /// Nothing recorded on the phase: no status but to do, no note, no decision taken.
  static func isUntouched(_ section: PhaseSection) -> Bool {
    section.items.allSatisfy { $0.state.status == .todo && $0.state.note.isEmpty }
      && section.decisions.allSatisfy { $0.record == nil }
  }

  var takenDecisions: [(row: DecisionRow, phase: String)] {
    guard showsDecisions else { return [] }
    return phases.flatMap { s in s.decisions.filter { $0.record != nil }.map { ($0, s.phase.title) }
    }
  }

  var openDecisions: [(row: DecisionRow, phase: String)] {
    guard showsDecisions else { return [] }
    return phases.flatMap { s in s.decisions.filter { $0.record == nil }.map { ($0, s.phase.title) }
    }
  }

  var blockedItems: [NamedItem] {
    phases.flatMap { s in
      s.items.filter { $0.state.status == .blocked }.map {
        NamedItem(id: $0.id, title: $0.title, phase: s.phase.title, note: $0.state.note)
      }
    }
  }

  /// A phase shown in one line: untouched, with nothing for a facilitator to add.
  func isCompact(_ section: PhaseSection) -> Bool {
    guard ReportModel.isUntouched(section) else { return false }
    return !(facilitator && showsStory && !section.phase.modelAnswers.isEmpty)
  }

  /// The first line of a note, for a one-line mention.
  static func firstLine(_ text: String) -> String {
    let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    return line.trimming(.whitespaces)
  }

  /// The first phase whose gate is not met, and its gate items not yet done or N/A: what the
  /// team must do next.
  var nextRequired: (phase: PhaseSection, items: [ItemRow])? {
    guard let section = phases.first(where: { !$0.progress.gateMet }) else { return nil }
    return (section, section.items.filter { $0.inGate && !$0.state.status.isSettled })
  }

  /// One list of the summary: a heading, its entries (already marked up), and what to say
  /// when it is empty (nothing to say: the list is left out).
  struct SummaryList {
    var heading: String
    var entries: [String]
    var none: String
  }

  /// The summary's lists in order, text escaped by `text`, a choice set off by `strong`, and an
  /// option id by `code`: the Markdown and HTML reports mark them up their own way.
  func summaryLists(
    text: (String) -> String, strong: (String) -> String, code: (String) -> String,
    times: String
  ) -> [SummaryList] {
    var lists: [SummaryList] = []
    if showsDecisions {
      lists.append(
        SummaryList(
          heading: "Decisions taken",
          entries: takenDecisions.map { d in
            let choice = d.row.option.map { text($0.label) } ?? code(d.row.record?.option ?? "")
            return "\(text(d.phase)): \(text(d.row.title)): \(strong(choice))"
          }, none: "None yet."))
      lists.append(
        SummaryList(
          heading: "Open decisions",
          entries: openDecisions.map {
            "\(text($0.phase)): \(text($0.row.title)) (\(text($0.row.id)))"
          },
          none: "None."))
    }
    lists.append(
      SummaryList(
        heading: "Blocked",
        entries: blockedItems.map { b in
          let note = b.note.isEmpty ? "" : ": " + text(ReportModel.firstLine(b.note))
          return "\(text(b.id)) \(text(b.title)) (\(text(b.phase)))\(note)"
        }, none: "Nothing is blocked."))
    if let next = nextRequired {
      lists.append(
        SummaryList(
          heading: "Next required: the \(text(next.phase.phase.title)) gate",
          entries: next.items.map { "\(text($0.id)) \(text($0.title))" }, none: ""))
    }
    if !toolkit.highRisks.isEmpty {
      lists.append(
        SummaryList(
          heading: "Open high risks",
          entries: toolkit.highRisks.map { r in
            "\(text(r.id)) \(text(r.title)) (likelihood \(r.likelihood) \(times) impact "
              + "\(r.impact) = \(r.score))"
          }, none: ""))
    }
    return lists
  }

  /// Readiness with its reason, in one sentence: "Readiness 0%: no phase gate met yet; the
  /// Sprint 0 gate needs S0.1, S0.3."
  var readinessReason: String {
    let percent = Progress.percent(progress.readiness)
    guard !phases.isEmpty else { return "Readiness \(percent): the case study has no phases." }
    if progress.gatesMet == phases.count {
      return "Readiness \(percent): every phase gate is met."
    }
    let met =
      progress.gatesMet == 0
      ? "no phase gate met yet"
      : "\(progress.gatesMet) of \(phases.count) phase gates met"
    var text = "Readiness \(percent): \(met)"
    if let weakest = progress.weakest,
      let section = phases.first(where: { $0.progress.phaseID == weakest.phaseID })
    {
      let missing = section.items.filter { $0.inGate && !$0.state.status.isSettled }.map(\.id)
      text += "; the \(section.phase.title) gate needs \(missing.joined(separator: ", "))"
      if progress.gatesMet > 0 || weakest.gateSettled > 0 {
        text += " (readiness is the weakest phase's gate score)"
      }
    }
    return text + "."
  }
}

extension ReportModel {
  /// The event log's detail column: a decision event with the letters the team saw.
  func eventDetails() -> [String] {
    var decisions: [String: Decision] = [:]
    for phase in caseStudy.phases { for d in phase.decisions { decisions[d.id] = d } }
    return session.events.map { e in
      guard e.kind == .decision, let target = e.target else { return e.detail }
      return DecisionEventDetail.shown(e.detail, in: decisions[target], caseStudy: caseStudy)
    }
  }
}
