/// The size of the screen in cells.
public struct Size: Sendable, Equatable, Hashable {
  public var width: Int
  public var height: Int
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
  }
}

/// What a cell should look like. Roles, not colours: the terminal backend maps each role to
/// colours when it has them, and to bold/reverse/underline when it does not (or NO_COLOR is set).
public enum Role: UInt8, Sendable, Equatable, Hashable, CaseIterable {
  case normal
  /// Titles and headings.
  case title
  /// Secondary text: hints, key legends, metadata.
  case dim
  /// The selected row in the focused pane. Always reverse video, so it shows on vt100.
  case selected
  /// The selected row in an unfocused pane.
  case selectedInactive
  /// Pane borders.
  case border
  /// Pane borders of the focused pane.
  case borderFocused
  case success
  case warning
  case danger
  case accent
  /// The status bar along the bottom.
  case statusBar
  /// Search matches.
  case match
}

/// One cell of the screen. A wide character occupies its cell and the one to its right;
/// the right-hand cell holds `continuation` so renderers skip it.
public struct Cell: Sendable, Equatable, Hashable {
  public var text: String
  public var role: Role
  public var bold: Bool

  public init(_ text: String = " ", role: Role = .normal, bold: Bool = false) {
    self.text = text
    self.role = role
    self.bold = bold
  }

  public static let blank = Cell()
  /// The right half of a double-width character.
  public static let continuation = Cell("")

  public var isContinuation: Bool { text.isEmpty }
}

/// An in-memory grid of cells: what a screen renders into and what the terminal copies out.
public struct ScreenBuffer: Sendable, Equatable {
  public private(set) var size: Size
  public private(set) var cells: [Cell]
  /// Where the terminal cursor should sit (for text editing), or nil to hide it.
  public var cursor: (x: Int, y: Int)? {
    get { cursorX.map { ($0, cursorY) } }
    set {
      cursorX = newValue?.x
      cursorY = newValue?.y ?? 0
    }
  }
  private var cursorX: Int?
  private var cursorY: Int = 0

  public init(size: Size) {
    self.size = size
    self.cells = Array(repeating: .blank, count: size.width * size.height)
  }

  public var width: Int { size.width }
  public var height: Int { size.height }

  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
      return cells[y * size.width + x]
    }
    set {
      guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
      cells[y * size.width + x] = newValue
    }
  }

  /// Writes `text` from (x, y), clipped at `maxX` (exclusive; defaults to the right edge).
  /// Measures by display width: a wide character that would straddle the edge is replaced by a
  /// space. Returns the x just after the last column written.
  ///
  /// Control characters (ESC, CR, ...) and invisible format characters (bidirectional
  /// overrides, zero-width spaces, ...) never reach the terminal: newlines and tabs draw as a
  /// space, and the rest as the visible placeholder `DisplayWidth.placeholder(for:)` gives.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, role: Role = .normal, bold: Bool = false, maxX: Int? = nil
  ) -> Int {
    guard y >= 0, y < size.height else { return x }
    let limit = min(maxX ?? size.width, size.width)
    if let end = putPrintableASCII(text, x: x, y: y, limit: limit, role: role, bold: bold) {
      return end
    }
    var col = x
    characters: for ch in text {
      if col >= limit { break }
      if ch.isNewline || ch == "\t" {
        guard put(" ", start: x, col: &col, y: y, limit: limit, role: role, bold: bold) else {
          break
        }
      } else if let shown = DisplayWidth.placeholder(for: ch) {
        for part in shown {
          if col >= limit { break characters }
          guard put(part, start: x, col: &col, y: y, limit: limit, role: role, bold: bold) else {
            break characters
          }
        }
      } else {
        guard put(ch, start: x, col: &col, y: y, limit: limit, role: role, bold: bold) else {
          break
        }
      }
    }
    return col
  }

  /// The common case, on bytes: text that is printable ASCII (U+0020 to U+007E) as far as it
  /// can be drawn is one character per byte, each one cell wide, with nothing hidden and
  /// nothing to join. Returns nil, having written nothing, for any other text.
  private mutating func putPrintableASCII(
    _ text: String, x: Int, y: Int, limit: Int, role: Role, bold: Bool
  ) -> Int? {
    let written: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      // Only the bytes that can be drawn matter, and the one after them: a combining mark
      // there would join the last cell drawn.
      let drawn = bytes.prefix(max(0, limit - x) + 1)
      for byte in drawn where byte < 0x20 || byte > 0x7E { return nil }
      var col = x
      for byte in drawn {
        if col >= limit { break }
        if col >= 0 {
          self[col, y] = Cell(String(UnicodeScalar(byte)), role: role, bold: bold)
        }
        col += 1
      }
      return col
    }
    return written ?? nil
  }

  /// Writes one character that is safe to draw at `col` and advances `col` past it. Returns
  /// false when nothing more fits on the row.
  private mutating func put(
    _ ch: Character, start x: Int, col: inout Int, y: Int, limit: Int, role: Role, bold: Bool
  ) -> Bool {
    let w = DisplayWidth.of(ch)
    if w == 0 {
      // Combining marks join the previous cell.
      if col > x, col - 1 < size.width, col - 1 >= 0 {
        var prev = self[col - 1, y]
        if prev.isContinuation, col - 2 >= 0 { prev = self[col - 2, y] }
        prev.text.append(ch)
        if self[col - 1, y].isContinuation {
          self[col - 2, y] = prev
        } else {
          self[col - 1, y] = prev
        }
      }
      return true
    }
    if col < 0 {
      col += w
      return true
    }
    if w == 2 && col + 1 >= limit {
      self[col, y] = Cell(" ", role: role, bold: bold)
      col += 1
      return false
    }
    self[col, y] = Cell(String(ch), role: role, bold: bold)
    if w == 2 { self[col + 1, y] = Cell.continuation.with(role: role) }
    col += w
    return true
  }

  /// Fills a rectangle with one cell.
  public mutating func fill(x: Int, y: Int, width: Int, height: Int, with cell: Cell = .blank) {
    let rows = max(0, y)..<max(max(0, y), min(size.height, y + height))
    let cols = max(0, x)..<max(max(0, x), min(size.width, x + width))
    for row in rows {
      for col in cols {
        self[col, row] = cell
      }
    }
  }

  /// Sets the role of every cell in a row segment, keeping the text (used for highlights).
  public mutating func paint(x: Int, y: Int, width: Int, role: Role) {
    guard y >= 0, y < size.height else { return }
    for col in max(0, x)..<max(max(0, x), min(size.width, x + width)) {
      var c = self[col, y]
      c.role = role
      self[col, y] = c
    }
  }

  /// The buffer as plain text, one line per row, trailing spaces trimmed: the golden-file form.
  public var text: String {
    var lines: [String] = []
    lines.reserveCapacity(size.height)
    for y in 0..<size.height {
      var line = ""
      for x in 0..<size.width {
        let c = cells[y * size.width + x]
        if !c.isContinuation { line += c.text }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      lines.append(line)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A text map of roles, one character per cell, for golden files that check highlighting.
  public var roleMap: String {
    var out = ""
    for y in 0..<size.height {
      for x in 0..<size.width {
        out.append(ScreenBuffer.roleLetters[Int(cells[y * size.width + x].role.rawValue)])
      }
      out.append("\n")
    }
    return out
  }

  static let roleLetters: [Character] = [
    ".", "T", "d", "S", "s", "b", "B", "g", "w", "r", "a", "=", "m",
  ]

  public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
    lhs.size == rhs.size && lhs.cells == rhs.cells && lhs.cursorX == rhs.cursorX
      && lhs.cursorY == rhs.cursorY
  }
}

extension Cell {
  func with(role: Role) -> Cell {
    var c = self
    c.role = role
    return c
  }
}
