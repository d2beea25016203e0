import CaseBenchModel
import CaseBenchStore

/// One line of author or user text as GitHub-flavoured Markdown, written on UTF-8 bytes: a
/// report escapes hundreds of pieces of text, and a Character-by-Character walk made that most
/// of an export's time.
extension MarkdownReport {
  /// The punctuation that could start markup, backslash-escaped in text.
  private static let markup: [Bool] = {
    var table = [Bool](repeating: false, count: 128)
    for ch in "\\`*_[]<>|#~!{}".utf8 { table[Int(ch)] = true }
    return table
  }()

  /// Escapes text for one line of GitHub-flavoured Markdown: punctuation that could start
  /// markup is backslash-escaped, `&` becomes an entity, line breaks become `<br>` (in tables)
  /// or spaces, and links become autolinks, which Markdown takes literally.
  static func inline(_ text: String, lineBreak: String = " ") -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 8)
    appendInline(text, lineBreak: lineBreak, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// `inline(text, lineBreak:)`, appended to `out`.
  static func appendInline(_ text: String, lineBreak: String, to out: inout [UInt8]) {
    let start = out.count
    var bytes = text
    if bytes.withUTF8({ UTF8Scan.contains("http", in: $0) }) {
      for span in RichText.spans(text) {
        switch span {
        case .url(let url):
          out.append(UInt8(ascii: "<"))
          appendAutolinkSafe(url, to: &out)
          out.append(UInt8(ascii: ">"))
        case .text(var piece):
          piece.withUTF8 { appendEscaped($0, lineBreak: lineBreak, to: &out) }
        }
      }
    } else {
      bytes.withUTF8 { appendEscaped($0, lineBreak: lineBreak, to: &out) }
    }
    // Spaces at either end, written or from a line break, are left out.
    let kept = out.withUnsafeBufferPointer {
      UTF8Scan.trimmed($0, start..<$0.count, .whitespaces)
    }
    out.removeSubrange(kept.upperBound...)
    out.removeSubrange(start..<kept.lowerBound)
  }

  /// A URL as the inside of an autolink in a table cell: backslash escapes do not work there,
  /// so the characters that would end the autolink (`<`, `>`, spaces), split the table's cell
  /// (`|`) or open a code span (`` ` ``) are percent-encoded, which leaves the link the same.
  static func autolinkSafe(_ url: String) -> String {
    var out: [UInt8] = []
    appendAutolinkSafe(url, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  private static func appendAutolinkSafe(_ url: String, to out: inout [UInt8]) {
    let hex = Array("0123456789ABCDEF".utf8)
    for byte in url.utf8 {
      switch byte {
      case UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: " "),
        UInt8(ascii: "`"), UInt8(ascii: "\\"), 0..<0x20, 0x7F:
        out.append(UInt8(ascii: "%"))
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0x0F)])
      default:
        out.append(byte)
      }
    }
  }

  /// Text with its markup escaped, as a Character-by-Character reading sees it: a run of line
  /// breaks (LF, CR or CR LF) becomes one `lineBreak`; punctuation that a combining mark or a
  /// prepended mark joins into one Character is not markup, and stays as it is.
  private static func appendEscaped(
    _ bytes: UnsafeBufferPointer<UInt8>, lineBreak: String, to out: inout [UInt8]
  ) {
    var previousWasBreak = false
    var run = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let isBreak = byte == UTF8Scan.lineFeed || byte == UTF8Scan.carriageReturn
      guard isBreak || (byte < 0x80 && (markup[Int(byte)] || byte == UInt8(ascii: "&"))) else {
        // U+1FEF (Greek varia) is canonically a backtick, so Swift's Characters take it for one.
        if byte == 0xE1, index + 2 < bytes.count, bytes[index + 1] == 0xBF,
          bytes[index + 2] == 0xAF, UTF8Scan.isLoneScalar(bytes, index..<(index + 3))
        {
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
          out.append(UInt8(ascii: "\\"))
          run = index
        }
        previousWasBreak = false
        index += 1
        continue
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
      if isBreak {
        if !previousWasBreak { out.append(contentsOf: lineBreak.utf8) }
        previousWasBreak = true
      } else {
        if !UTF8Scan.isLoneASCII(bytes, at: index) {
          out.append(byte)
        } else if byte == UInt8(ascii: "&") {
          out.append(contentsOf: "&amp;".utf8)
        } else {
          out.append(UInt8(ascii: "\\"))
          out.append(byte)
        }
        previousWasBreak = false
      }
      index += 1
      run = index
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
  }

  /// A line starting "-", "+", "=" or "1." would become a list, rule or heading: escape it.
  static func escapeBlockStart(_ line: String) -> String {
    var line = line
    let digits: Int? = line.withUTF8 { bytes in
      guard let first = bytes.first else { return nil }
      if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") {
        return UTF8Scan.isLoneASCII(bytes, at: 0) ? 0 : nil
      }
      var count = 0
      while count < bytes.count, bytes[count] >= UInt8(ascii: "0"),
        bytes[count] <= UInt8(ascii: "9")
      {
        count += 1
      }
      guard count > 0, count < bytes.count,
        bytes[count] == UInt8(ascii: ".") || bytes[count] == UInt8(ascii: ")"),
        UTF8Scan.isLoneASCII(bytes, at: count)
      else { return nil }
      return count
    }
    guard let digits else { return line }
    let split = line.utf8.index(line.utf8.startIndex, offsetBy: digits)
    return String(line[..<split]) + "\\" + String(line[split...])
  }
}
