import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

/// `casebench handout`: the printed pack for the people of a team who are not at the keyboard.
/// Per phase it holds what the team reads and works on: the title, goal and time, the briefing,
/// the core items (id, title, why) and then the extension items (id, title), and each
/// decision's situation with its options as letter and label, and the block of the room's
/// clock its vote opens at when the phase has a schedule.
///
/// What is shown only after a choice, or only to a facilitator, never goes in: no verdict,
/// consequence, debrief, hint, model answer, risk prompt, reflection prompt, inject or
/// facilitator note. The handout is built from the case study alone, so no session can add them.
public enum Handout {
  /// Which pages to print. A decision's situation on the table during the work block gives
  /// away what the work is for, so a facilitator prints the sheets (handed out when a phase is
  /// released) apart from the decisions (each on its own page, handed out when it is voted).
  public enum Part: String, CaseIterable, Sendable {
    case all, sheet, decisions
  }

  /// The handout of `caseStudy`: every phase, or only the phase with id `phaseID`.
  public static func render(
    _ caseStudy: CaseStudy, phaseID: String? = nil, part: Part = .all,
    format: WorkshopReport.Format
  ) -> String {
    let phases = caseStudy.phases.enumerated().filter { phaseID == nil || $0.element.id == phaseID }
      .map { Numbered(number: $0.offset + 1, phase: $0.element) }
      .filter { part != .decisions || !$0.phase.decisions.isEmpty }
    switch format {
    case .markdown: return markdown(caseStudy, phases, part)
    case .html: return html(caseStudy, phases, part)
    }
  }

  static func showsSheet(_ part: Part) -> Bool { part != .decisions }
  static func showsDecisions(_ part: Part) -> Bool { part != .sheet }

  /// A phase with its number in the case study (Sprint 0 is 1 however many phases are printed).
  struct Numbered {
    var number: Int
    var phase: Phase
  }

  static func title(_ caseStudy: CaseStudy) -> String { "\(caseStudy.title): team handout" }

  /// What the pack is, under its title.
  static func purpose(_ caseStudy: CaseStudy) -> String {
    "Version \(caseStudy.version). For the whole team, not only the person at the keyboard: "
      + "what is happening, what to work on, and the choices in front of you. What each "
      + "choice leads to is shown once your team has decided."
  }

  /// "60 minutes: read 10 · work 25 · decide 5 · debrief 20 min", or nil without a timebox.
  static func time(_ phase: Phase) -> String? {
    guard phase.timeboxMinutes > 0 else { return nil }
    let total = "\(phase.timeboxMinutes) minutes"
    guard let schedule = phase.schedule else { return total }
    return total + ": " + schedule.summary()
  }

  static func core(_ phase: Phase) -> [Item] { phase.items.filter { $0.level == .core } }

  static func extensions(_ phase: Phase) -> [Item] {
    phase.items.filter { $0.level == .extension }
  }

  // MARK: Markdown

  private static func markdown(_ caseStudy: CaseStudy, _ phases: [Numbered], _ part: Part)
    -> String
  {
    func inline(_ text: String) -> String { MarkdownReport.inline(text) }
    var out: [String] = ["# \(inline(title(caseStudy)))", "", inline(purpose(caseStudy))]
    for numbered in phases {
      let phase = numbered.phase
      out += ["", "## \(numbered.number). \(inline(phase.title))"]
      if showsSheet(part) { out += sheetMarkdown(phase) }
      guard showsDecisions(part) else { continue }
      for decision in phase.decisions {
        out += ["", "### Decision \(inline(decision.id)): \(inline(decision.title))", ""]
        if !decision.situation.isEmpty { out += RichText(decision.situation).markdown + [""] }
        for (index, option) in decision.options.enumerated() {
          out.append("- \(Decision.letter(at: index))) \(inline(option.label))")
        }
        if let note = phase.votingOpensNote(decision) { out += ["", "*\(inline(note))*"] }
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// A phase's sheet: goal, time, briefing and items.
  private static func sheetMarkdown(_ phase: Phase) -> [String] {
    func inline(_ text: String) -> String { MarkdownReport.inline(text) }
    var out: [String] = [""]
    if !phase.goal.isEmpty { out += RichText(phase.goal).markdown(after: "*Goal:* ", indent: "") }
    if let time = time(phase) {
      if !phase.goal.isEmpty { out.append("") }
      out.append("*Time:* \(inline(time))")
    }
    if !phase.briefing.isEmpty {
      out += ["", "### Briefing", ""] + RichText(phase.briefing).markdown
    }
    let core = core(phase)
    if !core.isEmpty {
      out += ["", "### Core items", ""]
      for item in core {
        let label = "- **\(inline(item.id)) \(inline(item.title)).**"
        out +=
          item.why.isEmpty
          ? [label] : RichText(item.why).markdown(after: label + " ", indent: "  ")
      }
    }
    let extensions = extensions(phase)
    if !extensions.isEmpty {
      out += ["", "### Extension items", ""]
      out += extensions.map { "- \(inline($0.id)) \(inline($0.title))" }
    }
    return out
  }
}
