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
  }
}
