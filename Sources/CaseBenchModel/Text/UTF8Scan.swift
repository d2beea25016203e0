/// Reading text as UTF-8 bytes, for hot loops (the report writers, RichText, the loader,
/// trimming). Most text is ASCII, where a byte is a scalar and (CR LF aside) a Character of its
/// own, so a scan can skip Swift's Character machinery and ask it only beside other scalars.
/// Every answer here is the one the Character or scalar reading it replaces would give.
package enum UTF8Scan {
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")
  package static let lineFeed = UInt8(ascii: "\n")
  package static let carriageReturn = UInt8(ascii: "\r")

  /// Whether the ASCII text `needle` occurs in `bytes`.
  /// (`withUTF8Buffer`, not `utf8Start`: a one-character literal has no pointer.)
  package static func contains(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool
  {
    needle.withUTF8Buffer { pattern in
      let count = pattern.count
      guard count > 0, bytes.count >= count else { return count == 0 }
      var index = 0
      while index <= bytes.count - count {
        if bytes[index] == pattern[0] {
          var k = 1
          while k < count, bytes[index + k] == pattern[k] { k += 1 }
          if k == count { return true }
        }
        index += 1
      }
      return false
    }
  }

  /// Whether the ASCII byte at `index` is a Character by itself. Beside ASCII bytes (or an
  /// end) it always is; beside another scalar Swift's grapheme rules decide: a combining mark
  /// after it, or a prepended concatenation mark before it, joins it. Not for CR or LF, which
  /// join each other.
  package static func isLoneASCII(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    isLoneScalar(bytes, index..<(index + 1))
  }

  /// Whether the scalar at `range` is a Character by itself (see `isLoneASCII`).
  package static func isLoneScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool
  {
    let asciiBefore = range.lowerBound == 0 || bytes[range.lowerBound - 1] < 0x80
    let asciiAfter = range.upperBound == bytes.count || bytes[range.upperBound] < 0x80
    if asciiBefore && asciiAfter { return true }
    let own = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    if !asciiBefore {
      let start = UTF8Scan.startOfScalar(endingAt: range.lowerBound, in: bytes)
      let before = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<range.lowerBound]), as: UTF8.self)
      if (before + own).count != 2 { return false }
    }
    if !asciiAfter {
      let end = range.upperBound + UTF8Scan.scalar(bytes, at: range.upperBound).length
      let after = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[range.upperBound..<end]), as: UTF8.self)
      if (own + after).count != 2 { return false }
    }
    return true
  }

  /// `range` without the scalars of `characters` at either end: the bytes that
  /// `trimming(characters)` keeps.
  package static func trimmed(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ characters: TrimmedCharacters
  ) -> Range<Int> {
    let start = characters.firstOutside(bytes, in: range)
    return start..<characters.endOfLastOutside(bytes, in: start..<range.upperBound)
  }

  /// Calls `body` with each line of `bytes`, without its line break, as
  /// `split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)` splits a String.
  static func forEachLine(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void
  ) {
    var start = 0
    while let found = lineBreak(in: bytes, from: start) {
      body(start..<found.start)
      start = found.next
    }
    body(start..<bytes.count)
  }

  /// The first line break at or after `from`: where it starts, and where the next line starts.
  /// A break is LF, VT, FF, CR, CR LF, NEL, U+2028 or U+2029, the Characters for which
  /// `Character.isNewline` holds (CR LF is one Character, so one break).
  package static func lineBreak(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> (
    start: Int, next: Int
  )? {
    var index = from
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      // Most bytes are printable ASCII, or start or continue other scalars: no break.
      if byte > 0x0D, byte != 0xC2, byte != 0xE2 {
        index += 1
        continue
      }
      switch byte {
      case 0x0A, 0x0B, 0x0C:
        return (index, index + 1)
      case carriageReturn:
        let crlf = index + 1 < count && bytes[index + 1] == lineFeed
        return (index, index + (crlf ? 2 : 1))
      case 0xC2:
        // U+0085 is C2 85.
        if index + 1 < count, bytes[index + 1] == 0x85 { return (index, index + 2) }
      case 0xE2:
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        if index + 2 < count, bytes[index + 1] == 0x80,
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

/// Reading scalars straight from valid UTF-8, for the text helpers' byte-level fast paths.
extension UTF8Scan {
  /// The scalar that starts at `index` of the valid UTF-8 `bytes`, and its length in bytes.
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    scalar: Unicode.Scalar, length: Int
  ) {
    let lead = UInt32(bytes[index])
    let value: UInt32
    let length: Int
    switch lead {
    case ..<0x80:
      value = lead
      length = 1
    case ..<0xE0:
      value = (lead & 0x1F) << 6 | continuation(bytes, index + 1)
      length = 2
    case ..<0xF0:
      value =
        (lead & 0x0F) << 12 | continuation(bytes, index + 1) << 6 | continuation(bytes, index + 2)
      length = 3
    default:
      value =
        (lead & 0x07) << 18 | continuation(bytes, index + 1) << 12
        | continuation(bytes, index + 2) << 6 | continuation(bytes, index + 3)
      length = 4
    }
    // Valid UTF-8 always decodes to a scalar; U+FFFD stands in should it ever not.
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  private static func continuation(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
    UInt32(bytes[index] & 0x3F)
  }

  /// The offset of the first byte of the scalar whose last byte is at `end - 1`.
  static func startOfScalar(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var start = end - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return start
  }
}
