#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The scanner's tokens below the value level: strings (with their escapes and UTF-8), literals
/// and numbers, and decoding a string's contents.
extension JSONScanner {
  /// Scans a string starting at its opening quote; returns the range of its contents.
  mutating func string() throws(Failure) -> Range<Int> {
    i += 1
    let start = i
    while true {
      guard i < n else {
        throw Failure(offset: n, message: "the file ends inside a string", atEnd: true)
      }
      let c = b[i]
      if c == UInt8(ascii: "\"") {
        let range = start..<i
        i += 1
        return range
      }
      if c == UInt8(ascii: "\\") {
        i += 1
        guard i < n else { throw endFailure("an escape sequence") }
        switch b[i] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          i += 1
        case UInt8(ascii: "u"):
          i += 1
          try unicodeEscape(escapeStart: i - 2)
        default:
          throw failure("'\\\(Character(Unicode.Scalar(b[i])))' is not a JSON escape")
        }
        continue
      }
      if c < 0x20 {
        throw failure(
          c == 0x0A
            ? "a line break inside a string (write it as \\n)"
            : "a control character inside a string (\(describe(c)))")
      }
      if c >= 0x80 {
        try utf8Sequence()
        continue
      }
      i += 1
    }
  }

  /// Checks `\uXXXX` at `escapeStart` (the backslash; `i` is just past the `u`). Half of a
  /// surrogate pair is refused here, with its position: no decoder can make text of it.
  mutating func unicodeEscape(escapeStart: Int) throws(Failure) {
    let value = try hexQuad()
    switch value {
    case 0xD800...0xDBFF:
      let escapeEnd = i
      guard i + 1 < n, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
        if i >= n || (i + 1 >= n && b[i] == UInt8(ascii: "\\")) {
          throw endFailure("the second half of a surrogate pair")
        }
        i = escapeStart
        throw failure(
          "a \\u escape for the first half of a surrogate pair, without the second half")
      }
      i += 2
      let low = try hexQuad()
      guard (0xDC00...0xDFFF).contains(low) else {
        i = escapeEnd
        throw failure(
          "a \\u escape for the first half of a surrogate pair, without the second half")
      }
    case 0xDC00...0xDFFF:
      i = escapeStart
      throw failure("a \\u escape for the second half of a surrogate pair, without the first half")
    default:
      break
    }
  }

  /// Reads the four hex digits of a `\u` escape starting at `i`.
  mutating func hexQuad() throws(Failure) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard i < n else { throw endFailure("four hex digits after \\u") }
      guard let digit = hexValue(b[i]) else {
        throw failure("unexpected \(describe(b[i])); expected four hex digits after \\u")
      }
      value = value << 4 | digit
      i += 1
    }
    return value
  }

  /// Checks one multi-byte UTF-8 character starting at `i` (a byte of 0x80 or more) and steps
  /// over it. Session files are UTF-8; anything else is refused where it is.
  mutating func utf8Sequence() throws(Failure) {
    let lead = b[i]
    let count: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: count = 2
    case 0xE0:
      count = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: count = 3
    case 0xED:
      count = 3
      high = 0x9F
    case 0xF0:
      count = 4
      low = 0x90
    case 0xF1...0xF3: count = 4
    case 0xF4:
      count = 4
      high = 0x8F
    default:
      throw failure("\(describe(lead)) inside a string is not UTF-8 text")
    }
    for k in 1..<count {
      guard i + k < n else {
        throw Failure(offset: n, message: "the file ends inside a UTF-8 character", atEnd: true)
      }
      let byte = b[i + k]
      let range = k == 1 ? low...high : 0x80...0xBF
      guard range.contains(byte) else {
        throw failure("\(describe(lead)) inside a string starts a character that is not UTF-8 text")
      }
    }
    i += count
  }

  mutating func literal(_ word: StaticString) throws(Failure) {
    let count = word.utf8CodeUnitCount
    let letters = UnsafeBufferPointer(start: word.utf8Start, count: count)
    for k in 0..<count {
      guard i < n else { throw endFailure("'\(word)'") }
      guard b[i] == letters[k] else {
        throw failure("unexpected \(describe(b[i])); expected a value such as '\(word)'")
      }
      i += 1
    }
  }

  mutating func number() throws(Failure) {
    if b[i] == UInt8(ascii: "-") { i += 1 }
    guard i < n else { throw endFailure("a digit") }
    if b[i] == UInt8(ascii: "0") {
      i += 1
    } else if isDigit(b[i]) {
      while i < n && isDigit(b[i]) { i += 1 }
    } else {
      throw failure("unexpected \(describe(b[i])); expected a digit")
    }
    if i < n && b[i] == UInt8(ascii: ".") {
      i += 1
      guard i < n else { throw endFailure("a digit after '.'") }
      guard isDigit(b[i]) else { throw failure("expected a digit after '.'") }
      while i < n && isDigit(b[i]) { i += 1 }
    }
    if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
      i += 1
      if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
      guard i < n else { throw endFailure("an exponent") }
      guard isDigit(b[i]) else { throw failure("expected a digit in the exponent") }
      while i < n && isDigit(b[i]) { i += 1 }
    }
  }

  func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

  func hexValue(_ c: UInt8) -> UInt32? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(c - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(c - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(c - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// The text of an already-validated string's contents, escapes resolved.
  func decodeString(_ range: Range<Int>) -> String {
    guard b[range].contains(UInt8(ascii: "\\")) else {
      return String(decoding: b[range], as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var j = range.lowerBound
    var pendingHigh: UInt32?
    func append(_ scalar: UInt32) {
      let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
      out.append(contentsOf: Character(s).utf8)
    }
    while j < range.upperBound {
      let c = b[j]
      guard c == UInt8(ascii: "\\") else {
        if let high = pendingHigh {
          append(high)
          pendingHigh = nil
        }
        out.append(c)
        j += 1
        continue
      }
      let e = b[j + 1]
      j += 2
      var scalar: UInt32
      switch e {
      case UInt8(ascii: "b"): scalar = 0x08
      case UInt8(ascii: "f"): scalar = 0x0C
      case UInt8(ascii: "n"): scalar = 0x0A
      case UInt8(ascii: "r"): scalar = 0x0D
      case UInt8(ascii: "t"): scalar = 0x09
      case UInt8(ascii: "u"):
        scalar = 0
        for k in 0..<4 { scalar = scalar << 4 | (hexValue(b[j + k]) ?? 0) }
        j += 4
      default: scalar = UInt32(e)
      }
      if let high = pendingHigh {
        pendingHigh = nil
        if (0xDC00...0xDFFF).contains(scalar) {
          append(0x10000 + ((high - 0xD800) << 10) + (scalar - 0xDC00))
          continue
        }
        append(high)
      }
      if (0xD800...0xDBFF).contains(scalar) {
        pendingHigh = scalar
      } else {
        append(scalar)
      }
    }
    if let high = pendingHigh { append(high) }
    return String(decoding: out, as: UTF8.self)
  }
}
