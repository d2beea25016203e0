import CaseBenchCore

/// Word wrapping by display width.
enum Wrap {
  /// Splits one line (without newlines) into rows of at most `width` cells. Breaks at spaces;
  /// only words longer than a row are broken inside. Spaces at the end of a row may overhang.
  /// Returns ranges into `chars`; an empty line gives one empty row.
  static func rows(_ chars: [Character], width: Int) -> [Range<Int>] {
    let n = chars.count
    guard width > 0, n > 0 else { return [0..<n] }
    var rows: [Range<Int>] = []
    var rowStart = 0
    var rowWidth = 0
    var i = 0
    while i < n {
      if chars[i] == " " {
        rowWidth += 1
        i += 1
        continue
      }
      var j = i
      var wordWidth = 0
      while j < n, chars[j] != " " {
        wordWidth += DisplayWidth.of(chars[j])
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
        let w = DisplayWidth.of(chars[k])
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
    var out: [String] = []
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      let chars = Array(line)
      for r in rows(chars, width: width) {
        var s = String(chars[r])
        while s.hasSuffix(" ") { s.removeLast() }
        out.append(s)
      }
    }
    return out
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
