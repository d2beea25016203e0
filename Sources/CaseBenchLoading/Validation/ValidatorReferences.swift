// Reference checks: gates and `arises_in` may name phases and items defined later in the file, so
// they are collected during the walk and checked once it is over.

extension CaseStudyValidator {

  /// The ids of a phase's items, sorted; only needed to suggest a fix.
  private func itemIDs(ofPhase phase: String) -> [String] {
    itemPhase.compactMap { $0.value == phase ? $0.key : nil }.sorted()
  }

  mutating func checkReferences() {
    for reference in gateReferences {
      guard let owner = itemPhase[reference.item] else {
        let candidates = itemIDs(ofPhase: reference.phase)
        let fix: String
        if let suggestion = Suggestion.closest(to: reference.item, among: candidates) {
          fix = "did you mean '\(suggestion)'?"
        } else {
          fix = "name items of phase '\(Self.q(reference.phase))' by their ids"
        }
        error(
          reference.location,
          "gate of phase '\(Self.q(reference.phase))' names unknown item '\(Self.q(reference.item))'",
          fix: fix)
        continue
      }
      if owner != reference.phase {
        error(
          reference.location,
          "gate of phase '\(Self.q(reference.phase))' names item '\(Self.q(reference.item))' of phase '\(Self.q(owner))'",
          fix: "a gate may only name its own phase's items; remove it or move the item")
      }
    }
    let phases = Set(phaseOrder)
    for reference in arisesReferences where !phases.contains(reference.phase) {
      let fix: String
      if let suggestion = Suggestion.closest(to: reference.phase, among: phaseOrder) {
        fix = "did you mean '\(suggestion)'?"
      } else if phaseOrder.count <= 12 {
        fix = "use one of the phase ids \(Self.list(phaseOrder))"
      } else {
        fix = "use the id of one of the phases"
      }
      error(
        reference.location,
        "'arises_in' of item '\(Self.q(reference.item))' names unknown phase '\(Self.q(reference.phase))'",
        fix: fix)
    }

    for reference in modelAnswerReferences {
      guard let owner = itemPhase[reference.item] else {
        let candidates = itemIDs(ofPhase: reference.phase)
        let fix: String
        if let suggestion = Suggestion.closest(to: reference.item, among: candidates) {
          fix = "did you mean '\(suggestion)'?"
        } else {
          fix = "name an item of phase '\(Self.q(reference.phase))' by its id, or leave 'item' out"
        }
        error(
          reference.location,
          "a model answer of phase '\(Self.q(reference.phase))' names unknown item '\(Self.q(reference.item))'",
          fix: fix)
        continue
      }
      if owner != reference.phase {
        error(
          reference.location,
          "a model answer of phase '\(Self.q(reference.phase))' names item '\(Self.q(reference.item))' of phase '\(Self.q(owner))'",
          fix: "move the model answer to phase '\(Self.q(owner))', or name an item of this phase")
      }
    }
    checkRetiredItems()
    checkInjectReferences()
  }

  /// A retired id must not be in use again (a session's work on the old item would be shown
  /// against the new one), and `replaced_by` must name current items.
  private mutating func checkRetiredItems() {
    let current: [(IDSpace, String)] = [
      (.item, "an item"), (.decision, "a decision"), (.riskPrompt, "a risk prompt"),
    ]
    for retired in retiredIDs {
      for (space, noun) in current {
        guard let used = seenIDs[space.rawValue][retired.id] else { continue }
        error(
          retired.location,
          "retired item '\(Self.q(retired.id))' is also the id of \(noun) at line \(used.line)",
          fix:
            "never reuse a retired id: give the new \(noun.split(separator: " ").last ?? "item") a new id"
        )
      }
    }
    for reference in replacedByReferences where itemPhase[reference.item] == nil {
      let fix: String
      if let suggestion = Suggestion.closest(
        to: reference.item, among: Array(itemPhase.keys).sorted())
      {
        fix = "did you mean '\(suggestion)'?"
      } else {
        fix = "name current items by their ids"
      }
      error(
        reference.location,
        "'replaced_by' of retired item '\(Self.q(reference.retired))' names '\(Self.q(reference.item))', which is not a current item",
        fix: fix)
    }
  }
}
