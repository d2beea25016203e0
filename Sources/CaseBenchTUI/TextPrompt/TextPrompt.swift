import CaseBenchLoading
import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A one-line prompt on the bottom row: the reason an item does not apply, and search. Its state
/// is a `TextEditor` held in the overlay; the prompt reports what the parent should do.
enum TextPrompt {
  enum Outcome: Equatable {
    case editing(TextEditor)
    case cancel
    /// Enter: the text, trimmed of spaces.
    case confirm(String)
  }

  static func update(_ editor: TextEditor, _ event: Event, width: Int) -> Outcome {
    var editor = editor
    switch event {
    case .key(let key):
      switch KeyTable.command(for: key, in: .prompt) {
      case .leave: return .cancel
      case .newLine: return .confirm(editor.text.trimming(.whitespaces))
      default: editor.handle(key, in: .prompt, width: max(1, width))
      }
    case .paste(let text): editor.insert(text)
    default: break
    }
    return .editing(editor)
  }

  /// Draws the prompt over the status bar: the label, the field, and the keys at the right.
  static func draw(
    label: String, bold: Bool, hints: [String], editor: TextEditor, size: Size,
    into buf: inout ScreenBuffer
  ) {
    let y = size.height - 1
    let x = buf.put(label, x: 0, y: y, role: .statusBar, bold: bold)
    let hint = "  " + hints.joined(separator: "  ")
    let fieldW = field(hint: hint, from: x, size: size, into: &buf)
    drawField(editor, x: x, y: y, width: fieldW, into: &buf)
  }

  /// Draws the hint at the right of the prompt row if it leaves the field 24 cells or more;
  /// returns the field's width.
  static func field(hint: String, from x: Int, size: Size, into buf: inout ScreenBuffer) -> Int {
    let withHint = size.width - x - DisplayWidth.of(hint) - 1
    if withHint >= 24 {
      buf.putRight(hint, maxX: size.width, y: size.height - 1, role: .statusBar)
      return withHint
    }
    return max(1, size.width - x - 1)
  }
}

// MARK: The two prompts

extension Workbench {
  mutating func updateNAPrompt(_ event: Event, _ env: inout WorkbenchEnvironment) {
    guard case .naReason(let itemID, let editor) = overlays.top else { return }
    switch TextPrompt.update(editor, event, width: env.size.width) {
    case .editing(let editor):
      overlays.replaceTop(with: .naReason(itemID: itemID, editor: editor))
    case .cancel:
      overlays.dismiss()
    case .confirm(let reason):
      guard !reason.isEmpty else {
        env.showMessage("Say why it does not apply (Esc cancels).", isError: true)
        return
      }
      overlays.dismiss()
      changeSession(&env) { $0.setStatus(.notApplicable, of: itemID, reason: reason, at: $1) }
      showDetailOfItem()
      env.showMessage("Marked N/A: \(reason)", isError: false)
    }
  }

  mutating func updateSearchPrompt(_ event: Event, _ env: inout WorkbenchEnvironment) {
    guard case .search(let editor) = overlays.top else { return }
    switch TextPrompt.update(editor, event, width: env.size.width) {
    case .editing(let editor):
      overlays.replaceTop(with: .search(editor))
    case .cancel:
      overlays.dismiss()
    case .confirm(let query):
      overlays.dismiss()
      runSearch(query, &env)
    }
  }
}
