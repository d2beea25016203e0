import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension YAMLSyntax {
  /// Block text (`key: >` or `key: |`) whose first line is not indented more than its key, found
  /// when libyaml stops at or after it. libyaml reports such a file a line or two later, where
  /// the stray text breaks the mapping; this finds the line the author must indent.
  struct UnindentedBlockText: Equatable {
    /// The `key: >` line, 1-based.
    var headerLine: Int
    var key: String
    /// `>` or `|`, with any chomping or indentation indicator (`>-`, `|+`, `>2`).
    var indicator: String
    /// The key's indentation, in spaces.
    var indent: Int
    /// The first text line, 1-based, and its first column.
    var line: Int
    var column: Int
  }

  /// The nearest block header before `problemLine` (1-based) whose text is not indented under
  /// it, or `nil`. The text's first line must not look like a `key:` of the same mapping (then
  /// the block is only empty), and it must come at or before the problem line.
  static let lookBack = 6

  static func unindentedBlockText(before problemLine: Int, in yaml: String)
    -> UnindentedBlockText?
  {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    guard problemLine >= 1, problemLine <= lines.count else { return nil }
    var index = problemLine - 1
    // libyaml stops at most a few lines after the stray text.
    while index >= max(0, problemLine - 1 - lookBack) {
      if let header = blockHeader(lines[index]) {
        var next = index + 1
        while next < lines.count, lines[next].allSatisfy({ $0 == " " || $0 == "\r" }) { next += 1 }
        guard next < lines.count, next <= problemLine - 1 else { return nil }
        let text = lines[next]
        let indent = text.prefix { $0 == " " }.count
        guard indent <= header.indent, !looksLikeKey(text.dropFirst(indent)),
          !text.dropFirst(indent).hasPrefix("- "), !text.dropFirst(indent).hasPrefix("#")
        else { return nil }
        return UnindentedBlockText(
          headerLine: index + 1, key: header.key, indicator: header.indicator,
          indent: header.indent, line: next + 1, column: indent + 1)
      }
      index -= 1
    }
    return nil
  }

  /// `key: >` (also `- key: |-`): the key, the indicator and the key's indentation.
  private static func blockHeader(_ line: Substring) -> (
    key: String, indicator: String, indent: Int
  )? {
    var body = line
    if body.hasSuffix("\r") { body = body.dropLast() }
    while body.hasSuffix(" ") { body = body.dropLast() }
    var indent = body.prefix { $0 == " " }.count
    body = body.dropFirst(indent)
    if body.hasPrefix("- ") {
      body = body.dropFirst(2)
      indent += 2
    }
    guard let colon = body.firstRange(of: ": ") else { return nil }
    let key = body[..<colon.lowerBound]
    let indicator = body[colon.upperBound...].trimming(.whitespaces)
    guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
      let first = indicator.first, first == ">" || first == "|",
      indicator.dropFirst().allSatisfy({ $0 == "-" || $0 == "+" || $0.isNumber })
    else { return nil }
    return (String(key), indicator, indent)
  }

  /// `word:` or `word: value` at the start of `text`.
  private static func looksLikeKey(_ text: Substring) -> Bool {
    guard let colon = text.firstIndex(of: ":") else { return false }
    let key = text[..<colon]
    let after = text[text.index(after: colon)...]
    return !key.isEmpty
      && key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
      && (after.isEmpty || after.hasPrefix(" "))
  }
}
