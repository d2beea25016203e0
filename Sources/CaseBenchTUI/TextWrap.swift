import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

/// What wrapping needs to know of one line (without newlines): its length, where its spaces
/// are, and how many cells each position takes.
protocol WrapLine {
  var count: Int { get }
  func isSpace(_ i: Int) -> Bool
  func cells(_ i: Int) -> Int
}

/// A line of characters, as the editor holds them.
struct CharacterLine: WrapLine {
  let chars: ArraySlice<Character>
  var count: Int { chars.count }
  func isSpace(_ i: Int) -> Bool { chars[chars.startIndex + i] == " " }
  func cells(_ i: Int) -> Int { DisplayWidth.of(chars[chars.startIndex + i]) }
}

/// A line of printable ASCII bytes: one character and one cell each.
struct ASCIILine: WrapLine {
  let bytes: UnsafeBufferPointer<UInt8>
  var count: Int { bytes.count }
  func isSpace(_ i: Int) -> Bool { bytes[i] == 0x20 }
  func cells(_ i: Int) -> Int { 1 }
}

/// Word wrapping by display width.
enum Wrap {
  static func rows(_ chars: [Character], width: Int) -> [Range<Int>] {
    rows(CharacterLine(chars: chars[...]), width: width)
  }

  /// Splits one line (without newlines) into rows of at most `width` cells. Breaks at spaces;
  /// only words longer than a row are broken inside. Spaces at the end of a row may overhang.
  /// Returns ranges of positions in the line; an empty line gives one empty row.
  static func rows<Line: WrapLine>(_ line: Line, width: Int) -> [Range<Int>] {
    let n = line.count
    guard width > 0, n > 0 else { return [0..<n] }
    var rows: [Range<Int>] = []
    var rowStart = 0
    var rowWidth = 0
    var i = 0
    while i < n {
      if line.isSpace(i) {
        rowWidth += 1
        i += 1
        continue
      }
      var j = i
      var wordWidth = 0
      while j < n, !line.isSpace(j) {
        wordWidth += line.cells(j)
        j += 1
      }
      if rowWidth + wordWidth <= width {
        rowWidth += wordWidth
        i = j
        continue
      }
      if rowWidth > 0 {
        rows.append(rowStart..<i)
        rowStart = i
        rowWidth = 0
        if wordWidth <= width {
          rowWidth = wordWidth
          i = j
          continue
        }
      }
      // A word longer than a row: break it where it fills the row.
      var k = i
      while k < j {
        let w = line.cells(k)
        if rowWidth + w > width, rowWidth > 0 {
          rows.append(rowStart..<k)
          rowStart = k
          rowWidth = 0
        }
        rowWidth += w
        k += 1
      }
      i = j
    }
    rows.append(rowStart..<n)
    return rows
  }

  /// Wraps text (which may hold newlines) into display rows of at most `width` cells.
  static func lines(_ text: String, width: Int) -> [String] {
    window(text, width: width, rows: 0..<Int.max).lines
  }

  /// Wraps `text` as `lines` does, but makes strings only of the rows whose numbers are in
  /// `wanted`, and counts the rest: a long note costs one pass over its bytes, and only what
  /// is on screen is copied. Lines of printable ASCII are wrapped on their bytes.
  static func window(_ text: String, width: Int, rows wanted: Range<Int>) -> (
    count: Int, lines: [String]
  ) {
    var count = 0
    var out: [String] = []
    func slow(_ text: Substring) {
      for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        let chars = Array(line)
        for r in rows(chars, width: width) {
          if wanted.contains(count) {
            var s = String(chars[r])
            while s.hasSuffix(" ") { s.removeLast() }
            out.append(s)
          }
          count += 1
        }
      }
    }
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { all in
      var start = 0
      while true {
        var end = start
        var plain = true
        while end < all.count, all[end] != 0x0A {
          if all[end] < 0x20 || all[end] > 0x7E { plain = false }
          end += 1
        }
        if plain {
          let line = ASCIILine(bytes: UnsafeBufferPointer(rebasing: all[start..<end]))
          for r in rows(line, width: width) {
            if wanted.contains(count) {
              var upper = r.upperBound
              while upper > r.lowerBound, line.bytes[upper - 1] == 0x20 { upper -= 1 }
              out.append(String(decoding: line.bytes[r.lowerBound..<upper], as: UTF8.self))
            }
            count += 1
          }
        } else {
          // A CR before the LF belongs to the line break, as the Character "\r\n" does.
          let last = end < all.count && end > start && all[end - 1] == 0x0D ? end - 1 : end
          slow(Substring(String(decoding: all[start..<last], as: UTF8.self)))
        }
        if end >= all.count { break }
        start = end + 1
      }
    }
    if done == nil { slow(text[...]) }
    return (count, out)
  }

  /// Wraps `text` and cuts it to `maxLines`, ending the last kept line with an ellipsis when
  /// something was left out.
  static func clipped(_ text: String, width: Int, maxLines: Int, ellipsis: String) -> [String] {
    var all = lines(text, width: width)
    guard all.count > maxLines, maxLines > 0 else { return all }
    all.removeLast(all.count - maxLines)
    let last = all[maxLines - 1]
    let room = width - DisplayWidth.of(ellipsis)
    var cut = last
    if DisplayWidth.of(last) > room {
      // Drop whole words until the ellipsis fits.
      var words = last.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
      while words.count > 1, DisplayWidth.of(words.joined(separator: " ")) > room {
        words.removeLast()
      }
      cut = words.joined(separator: " ")
      if DisplayWidth.of(cut) > room { cut = DisplayWidth.truncate(cut, to: room, ellipsis: "") }
    }
    all[maxLines - 1] = cut + ellipsis
    return all
  }
}

/// One wrapped row of `RichText`: its text and how far it is indented.
struct ProseRow: Equatable {
  var text: String
  var indent: Int
}

extension Wrap {
  /// Authored or typed text wrapped to `width` cells the way the reports show it: blank rows
  /// where the text had blank lines, each kept line break kept, list items with their marker
  /// and a hanging indent, nested lists indented to their parent's text.
  static func prose(_ text: String, width: Int) -> [ProseRow] {
    var out: [ProseRow] = []
    for piece in RichText(text).pieces {
      if piece.gapBefore { out.append(ProseRow(text: "", indent: 0)) }
      switch piece.block {
      case .paragraph(let lines):
        for line in lines {
          out += Wrap.lines(line, width: width).map { ProseRow(text: $0, indent: 0) }
        }
      case .list(let list):
        out += listRows(list, indent: 0, width: width)
      }
    }
    return out
  }

  private static func listRows(_ list: RichText.List, indent: Int, width: Int) -> [ProseRow] {
    var out: [ProseRow] = []
    for item in list.items {
      let hang = DisplayWidth.of(item.marker) + 1
      let inner = indent + hang
      let room = Swift.max(1, width - inner)
      var first = true
      for line in item.lines {
        for row in Wrap.lines(line, width: room) {
          out.append(
            first
              ? ProseRow(text: item.marker + " " + row, indent: indent)
              : ProseRow(text: row, indent: inner))
          first = false
        }
      }
      for sublist in item.sublists { out += listRows(sublist, indent: inner, width: width) }
    }
    return out
  }
}
