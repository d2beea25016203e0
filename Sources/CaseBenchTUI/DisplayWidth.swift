/// Display width of text in terminal cells, without depending on the C locale:
/// 2 for East Asian wide/fullwidth characters and emoji presentation, 0 for combining marks
/// and zero-width joiners inside a character, 1 otherwise. Tabs and newlines count 1 (they are
/// drawn as spaces); a character shown by a placeholder counts the placeholder's width.
public enum DisplayWidth {
  public static func of(_ ch: Character) -> Int {
    let scalars = ch.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if first.value >= 0x20 && first.value < 0x7F { return 1 }
    if ch.isNewline || ch == "\t" { return 1 }
    if let shown = placeholder(for: ch) { return of(shown) }
    // An emoji presentation selector or a keycap makes the whole cluster wide.
    if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
    return scalarWidth(first)
  }

  public static func of(_ text: String) -> Int {
    var total = 0
    for ch in text { total += of(ch) }
    return total
  }

  /// How a character that must never reach the terminal as it is appears on screen instead:
  /// a control character (ESC, BEL, NUL, DEL, the C1 controls) or an invisible format
  /// character (bidirectional overrides, embeddings and isolates, marks, zero-width spaces
  /// and joiners, word joiners, the byte order mark, soft hyphens...). Controls below space
  /// and DEL show in caret notation (`^[`, `^@`, `^?`), the rest as `<U+202E>`; every
  /// placeholder is plain ASCII, so it reads the same in any locale. `nil` for every other
  /// character, and for newlines and tabs, which draw as spaces.
  ///
  /// Only a character that *starts* with such a scalar is replaced: a zero-width joiner
  /// inside an emoji sequence (or a tag inside a flag) belongs to the emoji and stays.
  public static func placeholder(for ch: Character) -> String? {
    guard !ch.isNewline, ch != "\t" else { return nil }
    return shown(ch)
  }

  /// `text` made safe to write to a terminal as it is (for output that does not go through a
  /// screen buffer, such as `casebench export` to a terminal): line feeds, CRLF and tabs stay,
  /// and every other character that `placeholder(for:)` covers, a lone carriage return
  /// included, becomes its placeholder.
  public static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isHidden($0) && $0 != "\n" && $0 != "\t" })
    else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text {
      if ch == "\n" || ch == "\r\n" || ch == "\t" {
        out.append(ch)
      } else if let shown = shown(ch) {
        out += shown
      } else {
        out.append(ch)
      }
    }
    return out
  }

  /// The placeholder of a character that starts with a hidden scalar, or nil.
  private static func shown(_ ch: Character) -> String? {
    guard let first = ch.unicodeScalars.first, !(first.value >= 0x20 && first.value < 0x7F),
      isHidden(first)
    else { return nil }
    var shown = ""
    for scalar in ch.unicodeScalars {
      if isHidden(scalar) {
        shown += name(of: scalar)
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    return shown
  }

  /// A control character, or an invisible format character (Unicode category Cf).
  static func isHidden(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return true }
    if v < 0xAD { return false }
    // The soft hyphen is the only format character below U+0300; dashes, quotes, bullets and
    // box drawing (drawn on every frame) are never hidden. Saves a Unicode table look-up.
    if v < 0x300 || isCommonSymbol(v) { return v == 0xAD }
    return s.properties.generalCategory == .format
  }

  private static func name(of s: Unicode.Scalar) -> String {
    let v = s.value
    if v < 0x20 { return "^" + String(Character(Unicode.Scalar(UInt8(v + 0x40)))) }
    if v == 0x7F { return "^?" }
    let hex = String(v, radix: 16, uppercase: true)
    return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
  }

  /// General punctuation from the hyphen to the ellipsis and the box-drawing and block
  /// elements: one cell each, never hidden, never emoji.
  private static func isCommonSymbol(_ v: UInt32) -> Bool {
    (0x2010...0x2027).contains(v) || (0x2500...0x259F).contains(v)
  }

  static func scalarWidth(_ s: Unicode.Scalar) -> Int {
    let v = s.value
    // Latin text and the symbols the screens draw every frame, without the Unicode tables.
    if v >= 0x20 && v < 0x300 { return v == 0xAD ? 0 : 1 }
    if isCommonSymbol(v) { return 1 }
    if v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF { return 0 }
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if s.properties.isEmojiPresentation { return 2 }
    if isWide(v) { return 2 }
    return 1
  }

  private static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
      0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
      0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD,
      0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// Cuts `text` to at most `width` cells, adding `…` when something was cut.
  public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if of(text) <= width { return text }
    let room = width - of(ellipsis)
    var out = ""
    var used = 0
    for ch in text {
      let w = of(ch)
      if used + w > room { break }
      out.append(ch)
      used += w
    }
    return room >= 0 ? out + ellipsis : String(out.prefix(width))
  }

  /// Pads `text` with spaces on the right to exactly `width` cells (truncating if longer).
  public static func pad(_ text: String, to width: Int) -> String {
    let t = truncate(text, to: width)
    return t + String(repeating: " ", count: max(0, width - of(t)))
  }
}
