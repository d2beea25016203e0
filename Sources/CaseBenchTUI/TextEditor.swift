/// A text field edited in place: single-line (names, reasons, search) or multi-line (notes,
/// rationales). Works on grapheme clusters, so the cursor never lands inside an emoji or a
/// character with combining marks.
struct TextEditor: Sendable, Equatable {
  private(set) var chars: [Character]
  /// Index into `chars` of the character the cursor sits before.
  private(set) var cursor: Int
  let multiline: Bool
  /// The first visible row, kept by `scrollIntoView`.
  var top = 0

  init(_ text: String = "", multiline: Bool) {
    let clean = TextEditor.sanitize(text, multiline: multiline)
    chars = Array(clean)
    cursor = chars.count
    self.multiline = multiline
  }

  var text: String { String(chars) }
  var isEmpty: Bool { chars.isEmpty }

  static func sanitize(_ text: String, multiline: Bool) -> String {
    var out = ""
    for ch in text {
      if ch.isNewline {
        out.append(multiline ? "\n" : " ")
      } else if ch == "\t" {
        out.append("  ")
      } else if let v = ch.unicodeScalars.first?.value, v < 0x20 || v == 0x7F {
        continue
      } else {
        out.append(ch)
      }
    }
    return out
  }

  mutating func insert(_ text: String) {
    let add = Array(TextEditor.sanitize(text, multiline: multiline))
    chars.insert(contentsOf: add, at: cursor)
    cursor += add.count
  }

  mutating func backspace() {
    guard cursor > 0 else { return }
    chars.remove(at: cursor - 1)
    cursor -= 1
  }

  mutating func deleteForward() {
    guard cursor < chars.count else { return }
    chars.remove(at: cursor)
  }

  mutating func left() { cursor = max(0, cursor - 1) }
  mutating func right() { cursor = min(chars.count, cursor + 1) }

  /// The start of the logical line holding the cursor.
  mutating func home() {
    while cursor > 0, chars[cursor - 1] != "\n" { cursor -= 1 }
  }

  mutating func end() {
    while cursor < chars.count, chars[cursor] != "\n" { cursor += 1 }
  }

  /// One display row of the wrapped text.
  struct Row: Equatable {
    var range: Range<Int>
    /// True for the last row of a logical line: the cursor may sit at its end.
    var endsLine: Bool
  }

  /// The text wrapped to `width` cells, as rows over `chars`.
  func rows(width: Int) -> [Row] {
    var out: [Row] = []
    var start = 0
    while true {
      var end = start
      while end < chars.count, chars[end] != "\n" { end += 1 }
      let line = Array(chars[start..<end])
      let parts = Wrap.rows(line, width: max(1, width))
      for (i, r) in parts.enumerated() {
        out.append(
          Row(
            range: (r.lowerBound + start)..<(r.upperBound + start), endsLine: i == parts.count - 1))
      }
      if end >= chars.count { break }
      start = end + 1
    }
    return out
  }

  /// The cursor's row and column (in cells) when wrapped to `width`.
  func cursorPosition(width: Int) -> (row: Int, column: Int) {
    position(of: cursor, in: rows(width: width))
  }

  private func position(of index: Int, in rows: [Row]) -> (row: Int, column: Int) {
    for (i, row) in rows.enumerated() {
      let inside = index >= row.range.lowerBound && index < row.range.upperBound
      let atEnd = index == row.range.upperBound && row.endsLine
      if inside || atEnd {
        var col = 0
        for k in row.range.lowerBound..<index { col += DisplayWidth.of(chars[k]) }
        return (i, col)
      }
    }
    return (max(0, rows.count - 1), 0)
  }

  /// Moves the cursor `delta` display rows up or down, keeping its column where possible.
  mutating func moveVertically(_ delta: Int, width: Int) {
    let all = rows(width: width)
    let (row, column) = position(of: cursor, in: all)
    let target = min(max(0, row + delta), all.count - 1)
    guard target != row, target >= 0 else {
      if delta < 0 { cursor = all.first?.range.lowerBound ?? 0 }
      if delta > 0 { cursor = chars.count }
      return
    }
    let r = all[target]
    var idx = r.range.lowerBound
    var col = 0
    let limit = r.endsLine ? r.range.upperBound : max(r.range.lowerBound, r.range.upperBound - 1)
    while idx < limit {
      let w = DisplayWidth.of(chars[idx])
      if col + w > column { break }
      col += w
      idx += 1
    }
    cursor = idx
  }

  /// Keeps the cursor's row inside a window of `height` rows.
  mutating func scrollIntoView(width: Int, height: Int) {
    let row = cursorPosition(width: width).row
    if row < top { top = row }
    if height > 0, row >= top + height { top = row - height + 1 }
    top = max(0, top)
  }

  /// Applies an editing key, as the key table binds it in `scope` (one of the writing scopes).
  /// Typed characters are inserted; Enter inserts a newline only in a multi-line field.
  mutating func handle(_ key: Key, in scope: KeyScope, width: Int) {
    if case .char(let c) = key {
      insert(String(c))
      return
    }
    switch KeyTable.command(for: key, in: scope) {
    case .cursorLeft: left()
    case .cursorRight: right()
    case .lineStart: home()
    case .lineEnd: end()
    case .deleteBackward: backspace()
    case .deleteForward: deleteForward()
    case .cursorUp where multiline: moveVertically(-1, width: width)
    case .cursorDown where multiline: moveVertically(1, width: width)
    case .newLine where multiline: insert("\n")
    default: break
    }
  }
}
