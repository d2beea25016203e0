/// The keys a participant's workshop banner reads: declared here, beside the code that handles them, and joined into
/// `KeyTable.all` (help, hints, the README's table) by the registration at the end.
extension KeyTable {
  static let dismissBanner = KeyBinding(
    "Esc Enter", [(.escape, .close), (.enter, .close)],
    "dismiss the facilitator's announcement (the next one waiting shows)", group: nil,
    in: [.banner])

  /// The banner's binding, and the messages page's (Messages/MessagesPage.swift).
  static let workshopKeys: [KeyBinding] = [
    dismissBanner, messages, messagesScroll, messagesClose,
  ]
}

extension KeyScope {
  /// A facilitator's announcement showing over the workbench.
  static let banner = KeyScope("banner")
}

extension KeyRegistration {
  /// The banner's keys and the messages page's.
  static let workshop = KeyRegistration(
    scopes: [.banner, .messages], bindings: KeyTable.workshopKeys)
}
