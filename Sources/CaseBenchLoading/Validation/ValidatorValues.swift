import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

// Identifiers, levels and scores: the validator's checked values (the typed reads are in
// ValidatorFields.swift).
extension CaseStudyValidator {
  static func isSlug(_ text: String) -> Bool {
    !text.isEmpty
      && text.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
      }
  }

  private static func isIdentifier(_ text: String) -> Bool {
    !text.isEmpty
      && text.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || $0 == "-" || $0 == "." || $0 == "_"
      }
  }

  static func suggestedID(_ text: String, slug: Bool) -> String {
    var result = ""
    for scalar in (slug ? text.lowercased() : text).unicodeScalars {
      let keep = slug ? isSlug(String(scalar)) : isIdentifier(String(scalar))
      if keep {
        result.unicodeScalars.append(scalar)
      } else if !result.hasSuffix("-") {
        result += "-"
      }
    }
    var trimmed = Substring(result)
    while trimmed.first == "-" { trimmed.removeFirst() }
    while trimmed.last == "-" { trimmed.removeLast() }
    return trimmed.isEmpty ? "my-id" : String(trimmed.prefix(40))
  }

  /// An `id` that must be an identifier (letters, digits, `.`, `-`, `_`), checked for uniqueness.
  mutating func identifier(_ fields: Fields, space: IDSpace?, noun: String) -> String? {
    guard let id = text(fields, "id"), let location = fields.location(of: "id") else {
      return nil
    }
    guard Self.isIdentifier(id) else {
      error(
        location,
        "\(noun) id '\(Self.q(id))' has characters other than letters, digits, '.', '-' and '_'",
        fix: "use an id such as '\(Self.suggestedID(id, slug: false))'")
      return nil
    }
    if let space {
      // One hash lookup in the usual case; a repeat puts the first definition back.
      if let first = seenIDs[space.rawValue].updateValue(location, forKey: id) {
        seenIDs[space.rawValue][id] = first
        error(
          location, "duplicate \(noun) id '\(Self.q(id))' (first defined at line \(first.line))",
          fix: "give each \(noun) its own id")
      }
    }
    return id
  }

  mutating func level(_ fields: Fields, _ key: String) -> Level? {
    guard let value = text(fields, key), let location = fields.location(of: key) else {
      return nil
    }
    if let level = Level(rawValue: value) { return level }
    let fix: String
    if let level = Level(rawValue: value.lowercased().trimming(.whitespaces)) {
      fix = "write '\(level.rawValue)' in lower case"
    } else {
      fix = "use one of \(Self.list(Self.levelNames))"
    }
    error(
      location, "'\(key)' in \(fields.label) is '\(Self.q(value))', not low, medium or high",
      fix: fix)
    return nil
  }

  /// An optional score, within the bounds the format gives `key` in `mapping` (1–5): absent or
  /// null is fine.
  mutating func score(_ fields: Fields, _ key: String, in mapping: FormatMapping)
    -> (value: Int?, valid: Bool)
  {
    guard let entry = fields.value(key) else { return (nil, true) }
    if entry.isNull { return (nil, true) }
    guard let value = integer(fields, key) else { return (nil, false) }
    let bounds = mapping.bounds(of: key)
    let low = bounds?.minimum ?? 1
    let high = bounds?.maximum ?? 5
    guard (low...max(low, high)).contains(value) else {
      error(
        entry.location, "'\(key)' in \(fields.label) is \(value), outside \(low) to \(high)",
        fix: "score it from \(low) (lowest) to \(high) (highest)")
      return (nil, false)
    }
    return (value, true)
  }
}
