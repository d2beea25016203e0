import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Typed values read from a mapping's fields: text, integers, booleans, lists, with a located
/// error for each wrong type.
extension CaseStudyValidator {
  // MARK: Typed values

  /// Notes how a key was read, when a test asks (`reads`).
  mutating func noteRead(_ fields: Fields, _ key: String, as read: ValueRead) {
    if reads != nil { reads?["\(fields.kind).\(key)"] = read }
  }

  /// Required or optional text. Reports null, non-scalar and (for required text) empty values.
  mutating func text(_ fields: Fields, _ key: String, required: Bool = true) -> String? {
    guard let index = fields.index(of: key) else { return nil }
    noteRead(fields, key, as: .text)
    guard case .scalar(let scalar) = fields.entries[index].value else {
      let value = fields.entries[index].value
      error(
        value.location,
        "'\(key)' in \(fields.label) must be text, found \(Self.describe(value))",
        fix: "write one line of text, or '|' followed by indented lines")
      return nil
    }
    if scalar.isNull {
      if required {
        error(
          fields.entries[index].keyLocation, "'\(key)' in \(fields.label) has no value",
          fix: "write \(Self.hint(for: key)) after '\(key):'")
      }
      return nil
    }
    if required, Self.isBlank(scalar.raw) {
      error(
        scalar.location, "'\(key)' in \(fields.label) is empty",
        fix: "write \(Self.hint(for: key))")
      return nil
    }
    return Prose.reflow(Self.trimmingTrailingSpace(scalar.raw))
  }

  /// Block scalars (`|`) keep a final line break; screens and reports want the text alone.
  static func trimmingTrailingSpace(_ text: String) -> String {
    // Most texts end in a letter or a full stop: an ASCII last byte that is not white space
    // ends a character that is not (no white space joins a later scalar into one character).
    if let byte = text.utf8.last, byte < 0x80, byte != 0x20, !(0x09...0x0D).contains(byte) {
      return text
    }
    guard let kept = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
    return String(text[...kept])
  }

  mutating func integer(_ fields: Fields, _ key: String) -> Int? {
    guard let index = fields.index(of: key) else { return nil }
    noteRead(fields, key, as: .integer)
    let value = fields.entries[index].value
    var expected: String { "'\(key)' in \(fields.label) must be a whole number" }
    guard case .scalar(let scalar) = value else {
      error(
        value.location, "\(expected), found \(Self.describe(value))",
        fix: "write \(Self.hint(for: key))")
      return nil
    }
    switch scalar.value {
    case .int(let number):
      return number
    case .null:
      error(
        fields.entries[index].keyLocation, "'\(key)' in \(fields.label) has no value",
        fix: "write \(Self.hint(for: key)) after '\(key):'")
    case .string(let text, quoted: true):
      if let number = ScalarValue.integer(text.trimming(.whitespaces)) {
        warning(
          scalar.location,
          "'\(key)' in \(fields.label) is quoted text, read as the number \(number)",
          fix: "write \(number) without quotes")
        return number
      }
      error(
        scalar.location, "\(expected), found \(Self.describe(scalar))",
        fix: "write \(Self.hint(for: key))")
    default:
      error(
        scalar.location, "\(expected), found \(Self.describe(scalar))",
        fix: "write \(Self.hint(for: key))")
    }
    return nil
  }

  mutating func boolean(_ fields: Fields, _ key: String) -> Bool? {
    guard let index = fields.index(of: key) else { return nil }
    noteRead(fields, key, as: .boolean)
    let value = fields.entries[index].value
    var expected: String { "'\(key)' in \(fields.label) must be true or false" }
    guard case .scalar(let scalar) = value else {
      error(
        value.location, "\(expected), found \(Self.describe(value))", fix: "write true or false")
      return nil
    }
    switch scalar.value {
    case .bool(let flag):
      return flag
    case .null:
      error(
        fields.entries[index].keyLocation, "'\(key)' in \(fields.label) has no value",
        fix: "write true or false after '\(key):'")
    case .string(let text, quoted: true):
      if case .bool(let flag) = ScalarValue(plain: text) {
        warning(
          scalar.location, "'\(key)' in \(fields.label) is quoted text, read as \(flag)",
          fix: "write \(flag) without quotes")
        return flag
      }
      error(
        scalar.location, "\(expected), found \(Self.describe(scalar))", fix: "write true or false")
    default:
      error(
        scalar.location, "\(expected), found \(Self.describe(scalar))", fix: "write true or false")
    }
    return nil
  }

  /// A list value; `nil` (after reporting) when it is not a list.
  mutating func sequence(
    _ fields: Fields, _ key: String, required: Bool = true
  ) -> YAMLNodeList? {
    guard let index = fields.index(of: key) else { return nil }
    noteRead(fields, key, as: .list)
    let value = fields.entries[index].value
    switch value {
    case .node(let node, .sequence, _):
      return tree.children(node)
    case .scalar(let scalar) where scalar.isNull:
      if !required { return YAMLNodeList(base: []) }
      error(
        fields.entries[index].keyLocation, "'\(key)' in \(fields.label) has no value",
        fix: "write \(Self.hint(for: key)) after '\(key):'")
    default:
      error(
        value.location,
        "'\(key)' in \(fields.label) must be a list, found \(Self.describe(value))",
        fix: "write \(Self.hint(for: key)), one '- ' entry per line or [a, b] on one line")
    }
    return nil
  }

  /// A list of texts, with the position of each entry.
  mutating func texts(_ fields: Fields, _ key: String, required: Bool = true) -> [(
    String, Location
  )]? {
    guard let nodes = sequence(fields, key, required: required) else { return nil }
    noteRead(fields, key, as: .texts)
    let walked = readEach(nodes) { validator, node, _ -> (String, Location)? in
      let tree = validator.tree
      if tree.kind(node) == .scalar, !tree.isNull(node), !Self.isBlank(tree.string(node)) {
        return (tree.string(node), tree.location(node))
      }
      validator.error(
        tree.location(node),
        "each entry of '\(key)' in \(fields.label) must be text, found \(validator.describe(node))",
        fix: "write a short text for each entry, or remove the empty one")
      return nil
    }
    return walked.allRead ? walked.entries : nil
  }

  static func isBlank(_ text: String) -> Bool {
    for byte in text.utf8 {
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D: continue
      case 0x80...: return text.allSatisfy(\.isWhitespace)
      default: return false
      }
    }
    return true
  }
}
