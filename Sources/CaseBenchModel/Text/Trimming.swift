/// The characters `trimming(_:)` takes off both ends of a text: the same sets as Foundation's
/// `CharacterSet.whitespaces`, `.newlines` and `.whitespacesAndNewlines`, so that casebench
/// needs only FoundationEssentials.
public enum TrimmedCharacters: Sendable {
  /// Spaces and tabs: Unicode's space separators (Zs) and U+0009.
  case whitespaces
  /// U+000A to U+000D, U+0085, U+2028 and U+2029.
  case newlines
  case whitespacesAndNewlines

  func contains(_ scalar: Unicode.Scalar) -> Bool {
    switch self {
    case .whitespaces: Self.isWhitespace(scalar)
    case .newlines: Self.isNewline(scalar)
    case .whitespacesAndNewlines: Self.isWhitespace(scalar) || Self.isNewline(scalar)
    }
  }

  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " || scalar == "\t" }
    return scalar.properties.generalCategory == .spaceSeparator
  }

  private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
    default: false
    }
  }

  /// Whether the ASCII byte `byte` (below 0x80) is in the set; the same answer as `contains`
  /// gives for its scalar, without building one.
  private func containsASCII(_ byte: UInt8) -> Bool {
    switch self {
    case .whitespaces: byte == 0x20 || byte == 0x09
    case .newlines: (0x0A...0x0D).contains(byte)
    case .whitespacesAndNewlines: byte == 0x20 || (0x09...0x0D).contains(byte)
    }
  }

  /// The first byte offset in `range` of the valid UTF-8 `bytes` that does not start a scalar
  /// of the set (`range.upperBound` when every scalar is in it).
  func firstOutside(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      if byte < 0x80 {
        guard containsASCII(byte) else { return index }
        index += 1
      } else {
        let (scalar, length) = UTF8Scan.scalar(bytes, at: index)
        guard contains(scalar) else { return index }
        index += length
      }
    }
    return range.upperBound
  }

  /// The byte offset just after the last scalar in `range` of the valid UTF-8 `bytes` that is
  /// not in the set (`range.lowerBound` when every scalar is in it).
  func endOfLastOutside(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
    var end = range.upperBound
    while end > range.lowerBound {
      let byte = bytes[end - 1]
      if byte < 0x80 {
        guard containsASCII(byte) else { return end }
        end -= 1
      } else {
        let start = UTF8Scan.startOfScalar(endingAt: end, in: bytes)
        guard contains(UTF8Scan.scalar(bytes, at: start).scalar) else { return end }
        end = start
      }
    }
    return range.lowerBound
  }
}

extension StringProtocol {
  /// The text without the given characters at either end, compared scalar by scalar as
  /// Foundation's `trimmingCharacters(in:)` does.
  public func trimming(_ characters: TrimmedCharacters) -> String {
    let whole = self as? String
    if let trimmed = utf8.withContiguousStorageIfAvailable({
      Self.trimmed($0, characters, whole: whole)
    }) {
      return trimmed
    }
    // A text whose UTF-8 is not stored in one piece: copy it into a string, whose UTF-8 is.
    var copy = String(decoding: utf8, as: UTF8.self)
    return copy.withUTF8 { Self.trimmed($0, characters, whole: nil) }
  }

  /// The valid UTF-8 `bytes` without `characters` at either end; `whole` when nothing goes.
  private static func trimmed(
    _ bytes: UnsafeBufferPointer<UInt8>, _ characters: TrimmedCharacters, whole: String?
  ) -> String {
    let start = characters.firstOutside(bytes, in: 0..<bytes.count)
    let end = characters.endOfLastOutside(bytes, in: start..<bytes.count)
    if start == 0, end == bytes.count, let whole { return whole }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }
}
