/// The keys the text editors (notes, rationales, prompts) reads: declared here, beside the code that handles them, and joined into
/// `KeyTable.all` (help, hints, the README's table) by the registration at the end.
extension KeyTable {
  static let cursor = KeyBinding(
    "arrows Home End",
    [
      (.left, .cursorLeft), (.right, .cursorRight), (.up, .cursorUp), (.down, .cursorDown),
      (.home, .lineStart), (.end, .lineEnd),
    ], "move the cursor", group: .writing, in: writingScopes)
  static let delete = KeyBinding(
    "Backspace Delete", [(.backspace, .deleteBackward), (.delete, .deleteForward)], "delete",
    group: .writing, in: writingScopes)
  static let newLine = KeyBinding(
    "Enter", [(.enter, .newLine)], "new line (confirms a one-line prompt)", group: .writing,
    in: writingScopes)
  static let keep = KeyBinding(
    "Ctrl-S", [(.ctrl("s"), .keep)], "keep the note / confirm the decision", group: .writing,
    in: [.note, .decisionRationale])
  static let continueInEditor = KeyBinding(
    "Ctrl-O", [(.ctrl("o"), .continueInEditor)], "continue the note in $EDITOR",
    group: .writing, in: [.note])
  static let leave = KeyBinding(
    "Esc", [(.escape, .leave)], "keep the note and close; leave a prompt", group: .writing,
    in: writingScopes)
  static let emacs = KeyBinding(
    "Ctrl-A Ctrl-E Ctrl-H Ctrl-D",
    [
      (.ctrl("a"), .lineStart), (.ctrl("e"), .lineEnd), (.ctrl("h"), .deleteBackward),
      (.ctrl("d"), .deleteForward),
    ],
    "while writing: line start, line end, delete back, delete forward", group: nil,
    in: writingScopes)

  /// The writing bindings, in lookup order.
  static let writingKeys: [KeyBinding] = [
    cursor, delete, newLine, keep, continueInEditor, leave, emacs,
  ]
}

extension KeyScope {
  /// The inline note editor.
  static let note = KeyScope("note")
  /// A one-line prompt on the bottom row (the N/A reason, search).
  static let prompt = KeyScope("prompt")
}

extension KeyRegistration {
  /// The writing keys, read by the note editor and the prompts, and by the new-session prompt
  /// and the decision's rationale in their own scopes (`KeyTable.writingScopes`).
  static let writing = KeyRegistration(scopes: [.note, .prompt], bindings: KeyTable.writingKeys)
}
