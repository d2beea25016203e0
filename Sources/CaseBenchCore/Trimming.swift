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
}

extension StringProtocol {
  /// The text without the given characters at either end, compared scalar by scalar as
  /// Foundation's `trimmingCharacters(in:)` does.
  public func trimming(_ characters: TrimmedCharacters) -> String {
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, characters.contains(scalars[start]) {
      start = scalars.index(after: start)
    }
    while end > start {
      let before = scalars.index(before: end)
      guard characters.contains(scalars[before]) else { break }
      end = before
    }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars[start..<end])
    return String(result)
  }
}
