/// The keys the story's pages reads: declared here, beside the code that handles them, and joined into
/// `KeyTable.all` (help, hints, the README's table) by the registration at the end.
extension KeyTable {
  static let cast = KeyBinding(
    "w", [(.char("w"), .openPage(.cast))],
    "who's who: the cast, with what each wants and their hot buttons", group: .story,
    in: [.workbench, .tool, .page])
  static let background = KeyBinding(
    "B", [(.char("B"), .openPage(.background))], "the case study's background", group: .story,
    in: [.workbench, .tool, .page])
  static let ethicsLens = KeyBinding(
    "L", [(.char("L"), .openPage(.ethics))],
    "ethics lens: every item tagged ethics, in every phase (Enter goes to it)", group: .story,
    in: [.workbench, .tool, .page])

  /// The keys that open the story's pages.
  static let pageKeys: [KeyBinding] = [
    cast, background, ethicsLens,
  ]
}

extension KeyScope {
  /// A page of the story over the workbench (the cast, the background, the ethics lens), and
  /// the pages registered in `WorkbenchPages`.
  static let page = KeyScope("page")
}

extension KeyRegistration {
  static let pages = KeyRegistration(scopes: [.page], bindings: KeyTable.pageKeys)
}
