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

extension AppState {
  /// After a resize the note editor's window has another width and height: its scroll is fitted
  /// again, so that a scroll kept from the old size never hides the note's first rows.
  mutating func refitNoteEditor() {
    guard case .note(let itemID, var editor) = overlay, size.isBigEnough else { return }
    let l = layout
    overlays.dismiss()
    editor.scrollIntoView(width: NoteView.textWidth(l), height: NoteView.textHeight(l))
    overlays.present(.note(itemID: itemID, editor: editor))
  }
}
