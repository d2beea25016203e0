/// Resizes and the "Terminal too small" screen: input that cannot be seen, and windows to refit.

/// While the terminal is smaller than the workbench needs, the screen shows only "Terminal too
/// small", so a key or a click there would act on something nobody can see (a note typed into
/// blind). Such input is dropped; `Ctrl-C` still quits.
extension AppState {
  func ignoredWhileTooSmall(_ event: Event) -> Bool {
    guard !size.isBigEnough else { return false }
    switch event {
    case .key(let key): return KeyTable.interrupt.command(for: key) == nil
    case .paste, .click, .scrollUp, .scrollDown: return true
    default: return false
    }
  }
}
