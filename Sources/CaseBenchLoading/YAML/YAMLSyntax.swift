internal import CYAML

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Composes YAML into a `YAMLTree` by driving the system's libyaml (through CYAML) event by
/// event, and turns its errors into located diagnostics.
///
/// Plain scalars stay untyped here: `ScalarValue` classifies them, which keeps raw text such as
/// `version: 1.10` intact. Every repeated key of every mapping is reported, each at the repeat
/// and naming the line of the first.
enum YAMLSyntax {
  /// The document (its root is `nil` when it is empty), or every problem that stops it from
  /// being composed: a syntax error, repeated keys, a key that is not a scalar, an undefined
  /// alias, a second document.
  static func compose(
    _ yaml: String, file: String, maxNodes: Int = 20_000_000
  ) -> Result<YAMLTree, CaseStudyLoadError> {
    var text = yaml
    return text.withUTF8 { bytes in
      // libyaml wants a non-null buffer; an empty file is an empty stream anyway.
      guard !bytes.isEmpty else { return .success(YAMLTree()) }
      var composer = YAMLComposer(yaml: yaml, file: file, bytes: bytes, maxNodes: maxNodes)
      return composer.run()
    }
  }

  /// The fix for a libyaml problem, using the text of the line it is on.
  static func syntaxFix(problem: String, line: Substring?) -> String {
    if let line, line.contains("\t") {
      return "indent with spaces, not tabs"
    }
    switch problem {
    case let text where text.contains("mapping values are not allowed"):
      return "put quotes around a value that contains ': ', or fix the indentation of this key"
    case let text where text.contains("did not find expected key"):
      return "check the indentation: keys of one mapping must line up"
    case let text where text.contains("did not find expected '-' indicator"):
      return "check the indentation: list entries must line up under each other"
    case let text where text.contains("found undefined alias"):
      return "define the anchor (&name) before using the alias (*name)"
    case let text where text.contains("but found another document"):
      return "keep one case study per file; remove the extra '---'"
    case let text where text.contains("Maximum nesting level"):
      return "nest values less deeply"
    case let text where text.contains("quoted scalar"):
      return "close the quotes"
    case let text where text.contains("found character that cannot start any token"):
      return "put quotes around a value that starts with '@', '`', '%' or a tab"
    default:
      return "check the indentation and quoting on this line and the one before"
    }
  }

  static func line(_ number: Int, of yaml: String) -> Substring? {
    guard number > 0 else { return nil }
    var current = 1
    var start = yaml.startIndex
    while current < number {
      guard let newline = yaml[start...].firstIndex(of: "\n") else { return nil }
      start = yaml.index(after: newline)
      current += 1
    }
    let end = yaml[start...].firstIndex(of: "\n") ?? yaml.endIndex
    return yaml[start..<end]
  }

  /// 1-based line and column (in Unicode scalars, as libyaml counts them) of a byte offset.
  static func position(ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (
    line: Int, column: Int
  ) {
    var line = 1
    var column = 1
    for byte in bytes.prefix(max(0, offset)) {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  static func truncated(_ text: String, limit: Int = 40) -> String {
    let clean = DiagnosticLine.oneLine(text)
    guard clean.count > limit else { return clean }
    return String(clean.prefix(limit)) + "…"
  }
}

/// A scalar as this loader reads it: plain scalars are classified here, quoted ones are text.
enum ScalarValue: Equatable {
  case null
  case bool(Bool)
  case int(Int)
  /// A plain number that is not a whole number (e.g. `1.0`), kept as written.
  case float(String)
  /// Text; `quoted` when the author quoted it or used a block scalar.
  case string(String, quoted: Bool)

  /// How YAML reads `text` written without quotes.
  init(plain text: String) {
    // Most plain scalars are prose: only a few first letters can start a null or a boolean.
    let first = text.utf8.first ?? 0
    guard first == 0 || ScalarValue.isKeywordStart(first) else {
      self = ScalarValue(number: text)
      return
    }
    switch text {
    case "", "~", "null", "Null", "NULL":
      self = .null
    case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON":
      self = .bool(true)
    case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF":
      self = .bool(false)
    default:
      self = ScalarValue(number: text)
    }
  }

  /// First bytes of `~`, `null`, `true`, `yes`, `on`, `false`, `no`, `off` in any case.
  private static func isKeywordStart(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
      UInt8(ascii: "T"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "o"),
      UInt8(ascii: "O"), UInt8(ascii: "f"), UInt8(ascii: "F"):
      true
    default: false
    }
  }

  /// Whether a text whose UTF-8 starts with `byte` may be a number: a digit, '.', '-' or '+'
  /// (`floatStart`).
  private static func isNumberStart(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
      UInt8(ascii: "+"):
      true
    default: false
    }
  }

  /// A plain scalar that is not a keyword: a number, or else text.
  private init(number text: String) {
    // Most plain scalars are prose, which no number starts like.
    guard ScalarValue.isNumberStart(text.utf8.first) else {
      self = .string(text, quoted: false)
      return
    }
    if let number = ScalarValue.integer(text) {
      self = .int(number)
    } else if ScalarValue.looksLikeFloat(text) {
      self = .float(text)
    } else {
      self = .string(text, quoted: false)
    }
  }

  /// A decimal integer with an optional sign, or `nil`.
  static func integer(_ text: String) -> Int? {
    guard let first = text.unicodeScalars.first, floatStart.contains(first) else { return nil }
    var digits = Substring(text)
    if digits.first == "+" { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.count < 30 else { return nil }
    let body = digits.first == "-" ? digits.dropFirst() : digits
    guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(digits)
  }

  private static let floatStart = Set("0123456789.-+".unicodeScalars)
  private static let floatCharacters = Set("0123456789.-+eE_".unicodeScalars)

  static func looksLikeFloat(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, floatStart.contains(first), text.count < 60,
      text.unicodeScalars.allSatisfy({ floatCharacters.contains($0) }),
      text.unicodeScalars.contains(where: { ("0"..."9").contains($0) })
    else { return false }
    return Double(String(text.unicodeScalars.filter { $0 != "_" })) != nil
  }
}
