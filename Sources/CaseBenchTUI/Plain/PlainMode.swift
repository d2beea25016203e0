import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The screen-reader and linear mode (`casebench --plain`): the workbench's walk through a case
/// study as numbered menus and prompts in the terminal's scrollback, read line by line from
/// standard input. It changes the session only through `Session`'s own changes (the ones the
/// workbench calls) and saves through the same `SessionStorage` (locked, atomic saves), so the
/// file it writes is the one the workbench would. The end of the input saves and quits.
public struct PlainMode<Storage: SessionStorage> {
  var storage: Storage
  var file: SessionFile
  let io: PlainLines
  let facilitator: Bool
  /// The workshop folder the session is in; its facilitator's file paces the phases and holds
  /// the reveals.
  let workshop: URL?
  /// The case study as the session's mode shows it (the workbench's `Workbench.shown`).
  let full: CaseStudy
  /// The clock changes are stamped with.
  let now: () -> Date
  var lastWorkshopState: WorkshopState?
  var saveFailed = false
  var quit = false

  public init(
    storage: Storage, file: SessionFile, io: PlainLines, facilitator: Bool, workshop: URL?,
    now: @escaping () -> Date = { Date() }
  ) {
    self.now = now
    self.storage = storage
    self.file = file
    self.io = io
    self.facilitator = facilitator
    self.workshop = workshop
    self.full = Workbench.shown(file.caseStudy, mode: file.session.mode)
  }

  /// Runs until `q` or the end of the input; returns the exit status (1 when the last save
  /// failed).
  public mutating func run() -> Int32 {
    io.say("casebench, plain mode. \(file.session.participant), \(full.title).")
    if let why = file.readOnlyReason {
      io.say("Read-only: \(why). Nothing can be changed.")
    }
    io.say(
      "Type a number or a letter and press Enter. q saves and quits; so does the end of input.")
    while !quit { phasesMenu() }
    save()
    storage.close(file.url)
    io.say(saveFailed ? "Not saved. Your last change is not on disk." : "Saved. Goodbye.")
    return saveFailed ? 1 : 0
  }

  // MARK: What the team may see now

  /// The facilitator's state, read afresh: a phase released or a decision revealed while the
  /// team reads shows at the next menu.
  mutating func workshopState() -> WorkshopState? {
    guard let workshop else { return nil }
    let state =
      (try? WorkshopStateFile.read(in: workshop))
      ?? WorkshopState.whileUnreadable(lastRead: lastWorkshopState)
    lastWorkshopState = state
    return state
  }

  /// The case study as pacing lets the team see it now (`CaseStudy.paced(by:)`).
  mutating func shown() -> (caseStudy: CaseStudy, closed: Set<Int>, workshop: WorkshopState?) {
    guard let state = workshopState() else { return (full, [], nil) }
    let closed = Set(
      full.phases.indices.filter { state.visibility(ofPhase: $0, in: full) == .outline })
    return (full.paced(by: state), closed, state)
  }

  // MARK: Menus

  mutating func phasesMenu() {
    let (caseStudy, closed, _) = shown()
    let progress = Progress(caseStudy: caseStudy, session: file.session)
    io.say("")
    io.say("Phases:")
    for (i, phase) in caseStudy.phases.enumerated() {
      let p = progress.phases[i]
      let state = closed.contains(i) ? ", not open yet" : ""
      io.say(
        "\(i + 1). \(phase.title): \(p.settled) of \(p.total) done, "
          + "\(p.decisionsTaken) of \(p.decisionsTotal) decisions\(state)")
    }
    guard let answer = menu("Phase number, or q to quit:") else { return }
    switch answer {
    case "": return
    default:
      guard let n = Int(answer), caseStudy.phases.indices.contains(n - 1) else {
        return io.say("Not a phase: \(answer). Type 1 to \(caseStudy.phases.count).")
      }
      phaseMenu(n - 1)
    }
  }

  mutating func phaseMenu(_ index: Int) {
    var first = true
    while !quit {
      let (caseStudy, closed, _) = shown()
      guard caseStudy.phases.indices.contains(index) else { return }
      let phase = caseStudy.phases[index]
      move(phase: phase.id, item: nil)
      if first { briefing(phase, closed: closed.contains(index)) }
      first = false
      io.say("")
      io.say("Phase \(index + 1), \(phase.title). Checklist:")
      for (i, item) in phase.items.enumerated() {
        io.say("\(i + 1). \(item.title): \(file.session.status(of: item.id).label)")
      }
      if !phase.decisions.isEmpty {
        io.say("d. decisions: \(decisionSummary(phase))")
      }
      io.say("b. briefing again")
      guard let answer = menu("Item number, d, b, p for the phases, or q:") else { return }
      switch answer {
      case "p": return
      case "b": briefing(phase, closed: closed.contains(index))
      case "d" where !phase.decisions.isEmpty: decisionsMenu(phaseIndex: index)
      case "": continue
      default:
        guard let n = Int(answer), phase.items.indices.contains(n - 1) else {
          io.say("Not a choice: \(answer).")
          continue
        }
        itemMenu(phaseIndex: index, itemIndex: n - 1)
      }
    }
  }

  func briefing(_ phase: Phase, closed: Bool) {
    io.say("")
    io.say("Briefing: \(phase.title).")
    if closed {
      io.say("This phase is not open yet: the facilitator releases it. Its items show by title.")
    }
    io.section("Goal", phase.goal)
    if phase.timeboxMinutes > 0 { io.say("Timebox: \(phase.timeboxMinutes) minutes.") }
    if file.session.mode == .caseStudy { io.section("The story", phase.briefing) }
    let gate = phase.gate.compactMap { id in phase.items.first { $0.id == id }?.title }
    if !gate.isEmpty { io.say("Gate: " + gate.joined(separator: "; ") + ".") }
    if !phase.riskPrompts.isEmpty {
      io.say("Risks to think about:")
      for r in phase.riskPrompts { io.say("- " + r.text) }
    }
    if facilitator {
      io.section("Facilitator notes", phase.facilitatorNotes)
      for answer in phase.modelAnswers {
        io.section("Model answer, \(answer.topic)", answer.answer)
      }
    }
  }

  mutating func itemMenu(phaseIndex: Int, itemIndex: Int) {
    var show = true
    while !quit {
      let (caseStudy, _, _) = shown()
      guard caseStudy.phases.indices.contains(phaseIndex),
        caseStudy.phases[phaseIndex].items.indices.contains(itemIndex)
      else { return }
      let phase = caseStudy.phases[phaseIndex]
      let item = phase.items[itemIndex]
      move(phase: phase.id, item: item.id)
      if show { describe(item) }
      show = false
      guard let answer = menu("s status, n note, h hint, r read again, b back, or q:") else {
        return
      }
      switch answer {
      case "b": return
      case "r": show = true
      case "h": io.section("Hint", item.hint.isEmpty ? "No hint for this item." : item.hint)
      case "s": setStatus(item)
      case "n": writeNote(item)
      case "": continue
      default: io.say("Not a choice: \(answer).")
      }
    }
  }

  func describe(_ item: Item) {
    let state = file.session.state(of: item.id)
    io.say("")
    io.say("\(item.title). Status: \(state.status.label)\(item.required ? ", required" : "").")
    if let why = state.naReason, state.status == .notApplicable { io.say("Why N/A: \(why)") }
    io.section("Guidance", item.guidance)
    if file.session.mode == .caseStudy { io.section("In the case", item.caseContext) }
    io.section("Why it matters", item.why)
    io.section("Your note", state.note.isEmpty ? "none yet" : state.note)
  }

  mutating func setStatus(_ item: Item) {
    let all = ItemStatus.allCases
    let names = all.enumerated().map { "\($0.offset + 1) \($0.element.label)" }
    guard let answer = io.ask("Status: " + names.joined(separator: ", ") + ":") else {
      quit = true
      return
    }
    let pick =
      Int(answer).flatMap { all.indices.contains($0 - 1) ? all[$0 - 1] : nil }
      ?? all.first { $0.label.lowercased() == answer.lowercased() }
    guard let status = pick else { return io.say("Not a status: \(answer). Nothing changed.") }
    var reason: String?
    if status == .notApplicable {
      guard let why = io.ask("Why does it not apply?") else {
        quit = true
        return
      }
      guard !why.isEmpty else { return io.say("Say why it does not apply. Nothing changed.") }
      reason = why
    }
    if change({ $0.setStatus(status, of: item.id, reason: reason, at: $1) }) {
      io.say("\(item.title): \(status.label).")
    }
  }

  mutating func writeNote(_ item: Item) {
    guard refuseIfReadOnly() else { return }
    io.say(
      "Type the note. It replaces the note above; end it with a line holding a single dot."
        + " A lone dot at once clears it.")
    let (text, ended) = io.paragraph()
    if !ended { quit = true }
    if change({ $0.setNote(text, of: item.id, at: $1) }) {
      io.say(text.isEmpty ? "Note cleared." : "Note saved.")
    } else {
      io.say("The note is unchanged.")
    }
  }

  /// Asks at a menu: the answer in lower case, or nil when the person typed q or the input
  /// ended, either of which ends the walk (and saves).
  mutating func menu(_ prompt: String) -> String? {
    guard let answer = io.ask(prompt), answer.lowercased() != "q" else {
      quit = true
      return nil
    }
    return answer.lowercased()
  }

  // MARK: Changes and saves

  /// Refuses a change to a read-only session, saying why; true when changes may go ahead.
  func refuseIfReadOnly() -> Bool {
    guard let why = file.readOnlyReason else { return true }
    io.say("Read-only: \(why). Nothing can be changed.")
    return false
  }

  /// Applies a change through the session's own functions and saves it at once.
  @discardableResult
  mutating func change(_ body: (inout Session, Date) -> Bool) -> Bool {
    guard refuseIfReadOnly() else { return false }
    guard body(&file.session, now()) else { return false }
    save()
    return true
  }

  /// Records where the participant is, so a resumed session lands there (not logged).
  mutating func move(phase: String, item: String?) {
    guard file.readOnlyReason == nil else { return }
    file.session.moveCursor(phase: phase, item: item)
  }

  mutating func save() {
    guard file.readOnlyReason == nil else { return }
    do throws(SessionStoreError) {
      try storage.save(file.session, to: file.url)
      saveFailed = false
    } catch {
      saveFailed = true
      io.say("Could not save: \(error.description)")
    }
  }
}
