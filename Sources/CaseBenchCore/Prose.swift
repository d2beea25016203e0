/// Authored prose from YAML block scalars, reflowed the way Markdown reads it: line breaks
/// inside a paragraph are spaces, a blank line starts a new paragraph, and a line that starts
/// with a list marker (`- `, `* `, `• `, `1. `, `1) `) starts a new line and keeps its
/// indentation, which nests it (see `RichText`). Screens and reports then wrap the text to
/// whatever width they have.
///
/// A line ends at any character that `Character.isNewline` accepts (LF, CR, CR LF, VT, FF,
/// U+0085, U+2028, U+2029); spaces and tabs (`TrimmedCharacters.whitespaces`) at either end of
/// a line go. The work is done on the text's UTF-8 bytes: the loader reflows every text of a
/// case study.
public enum Prose {
  public static func reflow(_ text: String) -> String {
    var storage = text
    return storage.withUTF8 { bytes in
      guard newline(in: bytes, from: 0) != nil else { return text }
      return String(decoding: reflowed(bytes), as: UTF8.self)
    }
  }

  private static func reflowed(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var inParagraph = false
    var lineStart = 0
    while true {
      let end = newline(in: bytes, from: lineStart)
      let lineEnd = end?.start ?? bytes.count
      let start = TrimmedCharacters.whitespaces.firstOutside(bytes, in: lineStart..<lineEnd)
      let stop = TrimmedCharacters.whitespaces.endOfLastOutside(bytes, in: start..<lineEnd)
      if start == stop {
        if inParagraph { out.append(contentsOf: [0x0A, 0x0A]) }
        inParagraph = false
      } else {
        let line = UnsafeBufferPointer(rebasing: bytes[start..<stop])
        let listLine = RichText.listMarkerLength(line) != nil
        if inParagraph { out.append(listLine ? 0x0A : 0x20) }
        if listLine {
          // The line's indentation, which nests the item: its leading spaces and tabs.
          var indentEnd = lineStart
          while indentEnd < start, bytes[indentEnd] == 0x20 || bytes[indentEnd] == 0x09 {
            indentEnd += 1
          }
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<indentEnd]))
        }
        out.append(contentsOf: line)
        inParagraph = true
      }
      guard let end else { break }
      lineStart = end.next
    }
    while out.last == 0x0A { out.removeLast() }
    return out
  }

  /// The first line break at or after `from`: where it starts, and where the next line starts
  /// (CR LF is one break).
  private static func newline(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> (
    start: Int, next: Int
  )? {
    var index = from
    while index < bytes.count {
      let byte = bytes[index]
      // Most bytes are printable ASCII, or start or continue other scalars: no break.
      if byte > 0x0D, byte != 0xC2, byte != 0xE2 {
        index += 1
        continue
      }
      switch byte {
      case 0x0A, 0x0B, 0x0C:
        return (index, index + 1)
      case 0x0D:
        let crlf = index + 1 < bytes.count && bytes[index + 1] == 0x0A
        return (index, index + (crlf ? 2 : 1))
      case 0xC2:
        // U+0085 is C2 85.
        if index + 1 < bytes.count, bytes[index + 1] == 0x85 { return (index, index + 2) }
      case 0xE2:
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        if index + 2 < bytes.count, bytes[index + 1] == 0x80,
          bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
        {
          return (index, index + 3)
        }
      default:
        break
      }
      index += 1
    }
    return nil
  }
}
