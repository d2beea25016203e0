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
      guard UTF8Scan.lineBreak(in: bytes, from: 0) != nil else { return text }
      return String(decoding: reflowed(bytes), as: UTF8.self)
    }
  }

  private static func reflowed(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var inParagraph = false
    UTF8Scan.forEachLine(bytes) { lineRange in
      let kept = UTF8Scan.trimmed(bytes, lineRange, .whitespaces)
      if kept.isEmpty {
        if inParagraph { out.append(contentsOf: [0x0A, 0x0A]) }
        inParagraph = false
        return
      }
      let line = UnsafeBufferPointer(rebasing: bytes[kept])
      let listLine = RichText.listMarkerLength(line) != nil
      if inParagraph { out.append(listLine ? 0x0A : 0x20) }
      if listLine {
        // The line's indentation, which nests the item: its leading spaces and tabs.
        var indentEnd = lineRange.lowerBound
        while indentEnd < kept.lowerBound, bytes[indentEnd] == 0x20 || bytes[indentEnd] == 0x09 {
          indentEnd += 1
        }
        out.append(
          contentsOf: UnsafeBufferPointer(rebasing: bytes[lineRange.lowerBound..<indentEnd]))
      }
      out.append(contentsOf: line)
      inParagraph = true
    }
    while out.last == 0x0A { out.removeLast() }
    return out
  }
}
