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
