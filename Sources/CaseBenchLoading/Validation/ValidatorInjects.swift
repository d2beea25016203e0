import CaseBenchModel

// A phase's `injects`: messages from inside the story that reach the teams at a minute of the
// room's clock, after a decision's reveal, or by hand. Each says exactly one of the three.

extension CaseStudyValidator {
  private static let injectKeys = KeySet(CaseStudyFormat.inject)

  /// The optional `injects` of a phase; `minutes` is how long its clock runs (the schedule's
  /// total, else the timebox), the latest an inject may be timed.
  mutating func injects(_ phase: Fields, phaseLabel: String, minutes: Int?) -> (
    value: [Inject], valid: Bool
  ) {
    guard phase.has("injects") else { return ([], true) }
    guard let nodes = sequence(phase, "injects", required: false) else { return ([], false) }
    let read = readEach(nodes) {
      $0.inject($1, index: $2, phaseLabel: phaseLabel, minutes: minutes)
    }
    return (read.entries, read.allRead)
  }

  private mutating func inject(
    _ node: YAMLNode, index: Int, phaseLabel: String, minutes: Int?
  ) -> Inject? {
    guard
      let fields = fields(
        of: node, kind: "inject", fallbackLabel: "inject \(index + 1) of \(phaseLabel)",
        allowed: Self.injectKeys, parentLabel: phaseLabel)
    else { return nil }
    let id = identifier(fields, space: .inject, noun: "inject")
    let text = text(fields, "text")
    var valid = true
    if let text, let problem = WorkshopState.problem(withAnnouncement: text),
      let location = fields.location(of: "text")
    {
      // It goes out as an announcement, so it keeps within an announcement's bounds.
      error(location, "'text' of \(fields.label): \(problem)", fix: "shorten it")
      valid = false
    }
    var from: String?
    if let entry = fields.value("from"), !entry.isNull {
      from = self.text(fields, "from")
      valid = from != nil
    }
    var triggers: [(trigger: InjectTrigger, key: String, location: Location)] = []
    if fields.has("at_minute") {
      if let minute = integer(fields, "at_minute"), let location = fields.location(of: "at_minute")
      {
        if minute < 0 {
          error(
            location, "'at_minute' in \(fields.label) is \(minute), below 0",
            fix: "write the minutes into the phase's clock, 0 or more")
          valid = false
        } else if let minutes, minute > minutes {
          error(
            location,
            "'at_minute' in \(fields.label) is \(minute), beyond the \(minutes) minutes of \(phaseLabel)",
            fix: "time it within the phase's schedule (0 to \(minutes)), or make it 'manual: true'"
          )
          valid = false
        }
        triggers.append((.atMinute(minute), "at_minute", location))
      } else {
        valid = false
      }
    }
    if fields.has("after_reveal") {
      if let decision = self.text(fields, "after_reveal"),
        let location = fields.location(of: "after_reveal")
      {
        injectReferences.append((id ?? fields.label, decision, location))
        triggers.append((.afterReveal(decision), "after_reveal", location))
      } else {
        valid = false
      }
    }
    if fields.has("manual") {
      if let manual = boolean(fields, "manual"), let location = fields.location(of: "manual") {
        if manual { triggers.append((.manual, "manual", location)) }
      } else {
        valid = false
      }
    }
    triggers.sort {
      ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
    }
    if triggers.count > 1 {
      error(
        triggers[1].location,
        "\(fields.label) has both '\(triggers[0].key)' and '\(triggers[1].key)'",
        fix: "an inject fires one way: keep one of 'at_minute', 'after_reveal' and 'manual'")
      valid = false
    } else if triggers.isEmpty, valid {
      error(
        fields.location, "\(fields.label) does not say when it fires",
        fix: "add 'at_minute: N' (minutes into the phase), 'after_reveal: DECISION-ID' "
          + "or 'manual: true'")
      valid = false
    }
    guard let id, let text, valid, let trigger = triggers.first?.trigger else { return nil }
    return Inject(id: id, from: from, text: text, trigger: trigger)
  }

  /// `after_reveal` must name a decision of the case study.
  mutating func checkInjectReferences() {
    let decisions = seenIDs[IDSpace.decision.rawValue]
    for reference in injectReferences where decisions[reference.decision] == nil {
      let known = decisions.keys.sorted()
      let fix: String
      if let suggestion = Suggestion.closest(to: reference.decision, among: known) {
        fix = "did you mean '\(suggestion)'?"
      } else {
        fix = "name a decision of the case study by its id"
      }
      error(
        reference.location,
        "'after_reveal' of inject '\(Self.q(reference.inject))' names unknown decision '\(Self.q(reference.decision))'",
        fix: fix)
    }
  }
}
