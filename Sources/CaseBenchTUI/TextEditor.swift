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
  /// The text wrapped to the width last asked for, kept up to date by each edit, which
  /// re-wraps only the lines it touched: a keystroke in a long note is not a pass over it.
  private var wrapped: (width: Int, rows: [Row])?

  static func == (a: TextEditor, b: TextEditor) -> Bool {
    a.cursor == b.cursor && a.top == b.top && a.multiline == b.multiline && a.chars == b.chars
  }

  init(_ text: String = "", multiline: Bool) {
    let clean = TextEditor.sanitize(text, multiline: multiline)
    chars = Array(clean)
    cursor = chars.count
    self.multiline = multiline
  }

  /// The text, put together from the characters' UTF-8 bytes in one buffer (a long note is not
  /// grown a character at a time).
  var text: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(chars.count)
    for ch in chars { bytes.append(contentsOf: ch.utf8) }
    return String(decoding: bytes, as: UTF8.self)
  }
  var isEmpty: Bool { chars.isEmpty }

  static func sanitize(_ text: String, multiline: Bool) -> String {
    let plain = text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || ($0 == 0x0A && multiline) }
    if plain { return text }
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
    replace(cursor..<cursor, with: add)
    cursor += add.count
  }

  mutating func backspace() {
    guard cursor > 0 else { return }
    replace((cursor - 1)..<cursor, with: [])
    cursor -= 1
  }

  mutating func deleteForward() {
    guard cursor < chars.count else { return }
    replace(cursor..<(cursor + 1), with: [])
  }

  /// Every edit goes through here, and keeps `wrapped` in step: the rows of the logical lines
  /// the edit touched are wrapped again and the rows after them shift.
  private mutating func replace(_ old: Range<Int>, with new: [Character]) {
    chars.replaceSubrange(old, with: new)
    guard var kept = wrapped else { return }
    wrapped = nil
    let delta = new.count - old.count
    var start = old.lowerBound
    while start > 0, chars[start - 1] != "\n" { start -= 1 }
    var end = old.lowerBound + new.count
    while end < chars.count, chars[end] != "\n" { end += 1 }
    // In the old text the same lines ran from `start` to `end - delta`.
    let first = TextEditor.firstRow(in: kept.rows) { $0 >= start }
    let past = TextEditor.firstRow(in: kept.rows) { $0 > end - delta }
    for i in past..<kept.rows.count {
      let r = kept.rows[i].range
      kept.rows[i].range = (r.lowerBound + delta)..<(r.upperBound + delta)
    }
    let fresh = TextEditor.wrap(chars, from: start, to: end, width: kept.width)
    kept.rows.replaceSubrange(first..<past, with: fresh)
    wrapped = kept
  }

  /// The index of the first row whose start satisfies `after` (rows start in rising order).
  private static func firstRow(in rows: [Row], where after: (Int) -> Bool) -> Int {
    var low = 0
    var high = rows.count
    while low < high {
      let mid = (low + high) / 2
      if after(rows[mid].range.lowerBound) { high = mid } else { low = mid + 1 }
    }
    return low
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
    if let wrapped, wrapped.width == width { return wrapped.rows }
    return TextEditor.wrap(chars, from: 0, to: chars.count, width: width)
  }

  /// Wraps to `width` now and keeps the rows, so later edits and draws at that width reuse them.
  mutating func prepare(width: Int) {
    if wrapped?.width != width { wrapped = (width, rows(width: width)) }
  }

  /// The rows of the logical lines from `start` (a line's first character) to `end` (a line
  /// break, or the end of the text).
  private static func wrap(_ chars: [Character], from start: Int, to end: Int, width: Int)
    -> [Row]
  {
    var out: [Row] = []
    var start = start
    while true {
      var stop = start
      while stop < end, chars[stop] != "\n" { stop += 1 }
      let parts = Wrap.rows(CharacterLine(chars: chars[start..<stop]), width: max(1, width))
      for (i, r) in parts.enumerated() {
        out.append(
          Row(
            range: (r.lowerBound + start)..<(r.upperBound + start), endsLine: i == parts.count - 1))
      }
      if stop >= end { break }
      start = stop + 1
    }
    return out
  }

  /// The cursor's row and column (in cells) when wrapped to `width`.
  func cursorPosition(width: Int) -> (row: Int, column: Int) {
    position(of: cursor, in: rows(width: width))
  }

  private func position(of index: Int, in rows: [Row]) -> (row: Int, column: Int) {
    // The last row starting at or before `index`; rows start in rising order.
    let i = TextEditor.firstRow(in: rows) { $0 > index } - 1
    if i >= 0 {
      let row = rows[i]
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
    prepare(width: width)
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

  /// Keeps the cursor's row inside a window of `height` rows, and leaves no empty rows below
  /// the text while rows above it are hidden (after the window grew, say).
  mutating func scrollIntoView(width: Int, height: Int) {
    prepare(width: width)
    let row = cursorPosition(width: width).row
    if row < top { top = row }
    if height > 0, row >= top + height { top = row - height + 1 }
    if height > 0 { top = min(top, rows(width: width).count - height) }
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
