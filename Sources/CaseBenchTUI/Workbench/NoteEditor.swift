import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The note editor's measures: where the text goes in an editor box drawn in `box` (under the
/// subject line). The view draws with them and the update scrolls with them.
struct NoteMetrics: Equatable {
  var box: Rect

  init(box: Rect) { self.box = box }
  /// The inline note editor, in place of the detail pane.
  init(_ l: WorkbenchLayout) { self.init(box: l.detail) }

  var text: Rect {
    let inner = box.inner
    return Rect(x: inner.x + 1, y: inner.y + 1, w: max(1, inner.w - 2), h: max(1, inner.h - 1))
  }
  var textWidth: Int { text.w }
  var textHeight: Int { text.h }
}

/// The inline note editor: its state is a `TextEditor` in the overlay; drawn in place of the
/// detail pane; its update is below.
enum NoteView {
  /// The editor's keys, for its footer and the status bar: "Esc/Ctrl-S keep", "Ctrl-O $EDITOR".
  static var keys: [String] {
    let keep = [KeyTable.leave, KeyTable.keep].map { $0.keys[0].key.name }
    return [keep.joined(separator: "/") + " keep", KeyTable.continueInEditor.hint("$EDITOR")]
  }

  /// Draws the editor in place of the detail pane.
  static func draw(
    _ editor: TextEditor, itemID: String, wb: Workbench, options: RenderOptions, size: Size,
    into buf: inout ScreenBuffer
  ) {
    let l = WorkbenchLayout(size: size, for: wb)
    drawBox(
      editor, title: "Note",
      subject: (wb.caseStudy.item(id: itemID) ?? wb.lensItem(id: itemID))?.title ?? itemID,
      keys: keys,
      in: l.detail, glyphs: Glyphs.of(options), into: &buf)
  }

  /// The editor in a box of its own: `title` on the border, `subject` (what is being written
  /// about) dim on the first line, the text under it and `keys` in the footer. The note editor
  /// and the lessons-learned page both draw with it.
  static func drawBox(
    _ editor: TextEditor, title: String, subject: String, keys: [String], in rect: Rect,
    glyphs g: Glyphs, into buf: inout ScreenBuffer
  ) {
    buf.fill(x: rect.x, y: rect.y, width: rect.w, height: rect.h)
    buf.box(rect, title: title, focused: true, glyphs: g, footer: fitting(keys, width: rect.w - 6))
    let inner = rect.inner
    guard inner.h > 1 else { return }
    buf.put(
      g.truncate(subject, to: max(1, inner.w - 2)), x: inner.x + 1, y: inner.y, role: .dim,
      maxX: inner.x + inner.w)
    drawEditor(editor, in: NoteMetrics(box: rect).text, into: &buf)
  }
}

// MARK: Update

extension Workbench {
  mutating func updateNoteEditor(_ event: Event, _ env: inout WorkbenchEnvironment) -> [Command] {
    guard case .note(let itemID, var editor) = overlays.top else { return [] }
    let m = NoteMetrics(layout(env))
    let width = m.textWidth
    // The stack lets go of the editor while it changes, so a long note is not copied.
    overlays.dismiss()
    switch event {
    case .key(let key):
      switch KeyTable.command(for: key, in: .note) {
      case .leave, .keep:
        if changeSession(&env, { $0.setNote(editor.text, of: itemID, at: $1) }) {
          env.showMessage("Note saved.", isError: false)
        }
        return []
      case .continueInEditor:
        return [.editExternally(itemID: itemID, text: editor.text)]
      case .page(let delta):
        editor.moveVertically(delta * max(1, m.textHeight - 1), width: width)
      default:
        editor.handle(key, in: .note, width: width)
      }
    case .paste(let text):
      editor.insert(text)
    default:
      break
    }
    editor.scrollIntoView(width: width, height: m.textHeight)
    overlays.present(.note(itemID: itemID, editor: editor))
    return []
  }

  /// After a resize the note editor's window has another width and height: its scroll is fitted
  /// again, so that a scroll kept from the old size never hides the note's first rows.
  mutating func refitNoteEditor(_ env: WorkbenchEnvironment) {
    guard case .note(let itemID, var editor) = overlays.top, env.size.isBigEnough else { return }
    let m = NoteMetrics(layout(env))
    overlays.dismiss()
    editor.scrollIntoView(width: m.textWidth, height: m.textHeight)
    overlays.present(.note(itemID: itemID, editor: editor))
  }
}

extension Workbench {
  /// Stores a note edited outside (in `$EDITOR`), closing its inline editor if it is open.
  mutating func applyNote(itemID: String, text: String, _ env: inout WorkbenchEnvironment) {
    if case .note(let id, _) = overlays.top, id == itemID { overlays.dismiss() }
    let changed = changeSession(&env) { $0.setNote(text, of: itemID, at: $1) }
    if changed { env.showMessage("Note saved.", isError: false) }
  }

  /// Keeps text being typed in the note editor or a page by writing it into the session.
  /// Returns true if the session changed.
  mutating func commitPendingEdits(_ env: inout WorkbenchEnvironment) -> Bool {
    if case .screen(let open) = overlays.top, let edit = open.page.pendingEdit {
      return changeSession(&env) { edit.apply(to: &$0, at: $1) }
    }
    guard case .note(let itemID, let editor) = overlays.top else { return false }
    return changeSession(&env) { $0.setNote(editor.text, of: itemID, at: $1) }
  }
}
