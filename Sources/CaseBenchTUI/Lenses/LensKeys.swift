/// The keys of the lenses in the workbench: declared here, beside the code that handles them
/// (LensUpdate.swift), and joined into `KeyTable.all` (help, hints, the README's table). The
/// scores page's own key is with it (`LensScorePage.bindings`); Space gives an ML Test Score
/// test its points (`KeyTable.status`).
extension KeyTable {
  static let filter = KeyBinding(
    "f", [(.char("f"), .cycleFilter)],
    "checklist: all items, the case study's only, each lens's only", group: .lenses,
    in: [.workbench])
  static let addLens = KeyBinding(
    "+", [(.char("+"), .addLens)],
    "add a lens: ml-test-score, a lens file or a deon checklist (start screen: to the selected session)",
    group: .lenses, in: [.workbench, .start])

  static let removeLens = KeyBinding(
    "-", [(.char("-"), .removeLens)],
    "take off the lens of the selected item (its answers stay in the file; + and its id bring it back)",
    group: .lenses, in: [.workbench])

  /// The lenses' bindings.
  static let lensKeys: [KeyBinding] = [filter, addLens, removeLens]
}

extension KeyRegistration {
  /// The lens keys, read in the workbench's scope.
  static let lenses = KeyRegistration(scopes: [], bindings: KeyTable.lensKeys)
}
