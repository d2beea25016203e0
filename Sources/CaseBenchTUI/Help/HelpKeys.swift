/// The keys the help overlay reads: declared here, beside the code that handles them, and joined into
/// `KeyTable.all` (help, hints, the README's table) by the registration at the end.
extension KeyTable {
  static let closeHelp = KeyBinding(
    "Esc q ? Enter",
    [
      (.escape, .closeHelp), (.char("q"), .closeHelp), (.char("?"), .closeHelp),
      (.enter, .closeHelp),
    ], "close the help", group: nil, in: [.help])
  static let helpPage = KeyBinding(
    "Space", [(.char(" "), .page(1))], "page down in the help", group: nil, in: [.help])

  /// The help overlay's own bindings.
  static let helpKeys: [KeyBinding] = [
    closeHelp, helpPage,
  ]
}

extension KeyScope {
  /// The key reference.
  static let help = KeyScope("help")
}

extension KeyRegistration {
  static let help = KeyRegistration(scopes: [.help], bindings: KeyTable.helpKeys)
}
