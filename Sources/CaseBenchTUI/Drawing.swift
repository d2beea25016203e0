import CaseBenchLoading

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One line of text to draw, with how it looks.
struct StyledLine: Sendable, Equatable {
  var text: String
  var role: Role = .normal
  var bold = false
  var indent = 0

  static let blank = StyledLine(text: "")
}

extension Array where Element == StyledLine {
  /// Appends `text` wrapped to `width` (minus `indent`), one styled line per row.
  mutating func wrap(
    _ text: String, width: Int, role: Role = .normal, bold: Bool = false, indent: Int = 0
  ) {
    for line in Wrap.lines(text, width: Swift.max(1, width - indent)) {
      append(StyledLine(text: line, role: role, bold: bold, indent: indent))
    }
  }

  /// Appends text that people write (briefings, guidance, notes, rationales) as `RichText`:
  /// paragraphs, kept line breaks and lists with their nesting, as the reports show them.
  mutating func prose(_ text: String, width: Int, role: Role = .normal, indent: Int = 0) {
    for row in Wrap.prose(text, width: Swift.max(1, width - indent)) {
      append(StyledLine(text: row.text, role: role, indent: indent + row.indent))
    }
  }
}

extension ScreenBuffer {
  /// Draws a border around `r`, with a title on the top edge and an optional note on the right
  /// of the top edge and on the bottom edge.
  mutating func box(
    _ r: Rect, title: String, focused: Bool, glyphs g: Glyphs, topRight: String = "",
    footer: String = ""
  ) {
    guard r.w >= 2, r.h >= 2 else { return }
    let role: Role = focused ? .borderFocused : .border
    let right = r.x + r.w - 1
    let bottom = r.y + r.h - 1
    for x in (r.x + 1)..<right {
      put(g.horizontal, x: x, y: r.y, role: role)
      put(g.horizontal, x: x, y: bottom, role: role)
    }
    for y in (r.y + 1)..<bottom {
      put(g.vertical, x: r.x, y: y, role: role)
      put(g.vertical, x: right, y: y, role: role)
    }
    put(g.topLeft, x: r.x, y: r.y, role: role)
    put(g.topRight, x: right, y: r.y, role: role)
    put(g.bottomLeft, x: r.x, y: bottom, role: role)
    put(g.bottomRight, x: right, y: bottom, role: role)
    let room = r.w - 4
    var used = 0
    if room > 2, !title.isEmpty {
      let t = " " + g.truncate(title, to: room - 2) + " "
      used = put(t, x: r.x + 2, y: r.y, role: focused ? .title : .normal, bold: true) - r.x
    }
    if !topRight.isEmpty {
      let t = " " + topRight + " "
      let tw = DisplayWidth.of(t)
      if used + tw + 2 <= r.w - 2 {
        put(t, x: right - 1 - tw, y: r.y, role: .dim)
      }
    }
    if !footer.isEmpty, room > 2 {
      let t = " " + g.truncate(footer, to: room - 2) + " "
      put(t, x: r.x + 2, y: bottom, role: .dim)
    }
  }

  /// Draws styled lines into `r`, starting at line `scroll`.
  mutating func lines(_ lines: [StyledLine], in r: Rect, scroll: Int = 0) {
    guard r.w > 0, r.h > 0 else { return }
    let start = Swift.max(0, Swift.min(scroll, lines.count))
    for row in 0..<r.h {
      let i = start + row
      guard i < lines.count else { break }
      let l = lines[i]
      put(l.text, x: r.x + l.indent, y: r.y + row, role: l.role, bold: l.bold, maxX: r.x + r.w)
    }
  }

  /// Text aligned to the right edge of a span ending at `maxX` (exclusive).
  @discardableResult
  mutating func putRight(_ text: String, maxX: Int, y: Int, role: Role, bold: Bool = false)
    -> Int
  {
    let x = maxX - DisplayWidth.of(text)
    put(text, x: x, y: y, role: role, bold: bold, maxX: maxX)
    return x
  }
}

/// A progress bar of `width` cells (brackets included in ASCII).
func progressBar(_ fraction: Double, width: Int, glyphs g: Glyphs, unicode: Bool) -> String {
  let inner = unicode ? width : width - 2
  guard inner > 0 else { return "" }
  let f = Swift.min(1, Swift.max(0, fraction.isFinite ? fraction : 0))
  let full = Int((f * Double(inner)).rounded(.down))
  let bar =
    String(repeating: g.barFull, count: full) + String(repeating: g.barEmpty, count: inner - full)
  return unicode ? bar : "[" + bar + "]"
}

/// Draws a single-line field: the text, scrolled so the cursor shows, with the caret placed.
func drawField(_ editor: TextEditor, x: Int, y: Int, width: Int, into buf: inout ScreenBuffer) {
  guard width > 0 else { return }
  let chars = editor.chars
  var start = 0
  var before = 0
  for k in 0..<editor.cursor { before += DisplayWidth.of(chars[k]) }
  while before > width - 1, start < editor.cursor {
    before -= DisplayWidth.of(chars[start])
    start += 1
  }
  buf.put(String(chars[start...]), x: x, y: y, role: .normal, maxX: x + width)
  buf.cursor = (x + Swift.min(before, width - 1), y)
}

/// Draws a multi-line editor into `r` and places the caret.
func drawEditor(_ editor: TextEditor, in r: Rect, into buf: inout ScreenBuffer) {
  guard r.w > 0, r.h > 0 else { return }
  var e = editor
  e.scrollIntoView(width: r.w, height: r.h)
  let rows = e.rows(width: r.w)
  let chars = e.chars
  for row in 0..<r.h {
    let i = e.top + row
    guard i < rows.count else { break }
    buf.put(String(chars[rows[i].range]), x: r.x, y: r.y + row, maxX: r.x + r.w)
  }
  let pos = e.cursorPosition(width: r.w)
  let y = r.y + pos.row - e.top
  if y >= r.y, y < r.y + r.h {
    buf.cursor = (r.x + Swift.min(pos.column, r.w - 1), y)
  }
}
