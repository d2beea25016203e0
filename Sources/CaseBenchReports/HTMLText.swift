import CaseBenchModel
import CaseBenchStore

/// Text into HTML, written on UTF-8 bytes: the five characters that matter are ASCII, so
/// every other byte is copied as it is.
extension HTMLReport {
  /// Escapes the five characters that matter in HTML text and attribute values.
  static func escape(_ text: String) -> String {
    var text = text
    return text.withUTF8 { escape($0, 0..<$0.count) }
  }

  /// Escaped, without the line breaks YAML block scalars leave at either end.
  static func escapeTrimmingNewlines(_ text: String) -> String {
    var text = text
    return text.withUTF8 { escape($0, UTF8Scan.trimmed($0, 0..<$0.count, .newlines)) }
  }

  private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(range.count + 16)
    var run = range.lowerBound
    for index in range {
      let entity: StaticString
      switch bytes[index] {
      case UInt8(ascii: "&"): entity = "&amp;"
      case UInt8(ascii: "<"): entity = "&lt;"
      case UInt8(ascii: ">"): entity = "&gt;"
      case UInt8(ascii: "\""): entity = "&quot;"
      case UInt8(ascii: "'"): entity = "&#39;"
      default: continue
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
      entity.withUTF8Buffer { out.append(contentsOf: $0) }
      run = index + 1
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<range.upperBound]))
    return String(decoding: out, as: UTF8.self)
  }

  /// Every table sits in a box that scrolls sideways, so a phone shows all of it.
  static func scrollable(_ html: String) -> String {
    let opening: StaticString = "<table"
    let closing: StaticString = "</table>"
    var html = html
    return html.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 1024)
      var run = 0
      var index = 0
      while index < bytes.count {
        if starts(opening, bytes, at: index) {
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
          out.append(contentsOf: "<div class=\"scroll\"><table".utf8)
          index += opening.utf8CodeUnitCount
          run = index
        } else if starts(closing, bytes, at: index) {
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
          out.append(contentsOf: "</table></div>".utf8)
          index += closing.utf8CodeUnitCount
          run = index
        } else {
          index += 1
        }
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Whether the ASCII `pattern` is at `index`, as whole Characters (a String's `replacing`
  /// matches Characters: a mark that joins either end makes it no match).
  private static func starts(
    _ pattern: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int
  ) -> Bool {
    let count = pattern.utf8CodeUnitCount
    guard count > 0, index + count <= bytes.count else { return false }
    let matches = pattern.withUTF8Buffer { pattern in
      (0..<count).allSatisfy { bytes[index + $0] == pattern[$0] }
    }
    guard matches else { return false }
    return UTF8Scan.isLoneASCII(bytes, at: index)
      && UTF8Scan.isLoneASCII(bytes, at: index + count - 1)
  }
}
