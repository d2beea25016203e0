import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

// Field readers: a mapping's keys read once, and each key's value checked against the type the
// format wants, with a message and a fix for every mismatch.

/// A 1-based position in the file; line 0 means "no position".
struct Location: Equatable {
  var line: Int
  var column: Int
}

/// The name of a mapping in messages, kept as its parts and put together only when a message
/// or a writing tip shows it: most mappings of a sound case study never need theirs.
struct EntityLabel {
  /// What the mapping is, e.g. "phase"; `id` names it when it has a usable one.
  var kind: String
  var id: String?
  /// The name when there is no usable id, e.g. "item 3 of phase 'data'".
  var fallback: String
  /// The name of what holds the mapping, added after its id ("option 'a' of decision 'd'").
  var parent: String?

  /// E.g. "phase 'data'", "option 'a' of decision 'd'" or "item 3 of phase 'data'".
  var text: String {
    guard let id else { return fallback }
    let name = "\(kind) '\(YAMLSyntax.truncated(id))'"
    guard let parent else { return name }
    return "\(name) of \(parent)"
  }
}

/// One key of a mapping: its name, where the key is, and its value.
struct Field {
  var name: String
  var keyLocation: Location
  var value: FieldValue
}

/// The keys of one YAML mapping, with its position and a name to use in messages.
struct Fields {
  var name: EntityLabel
  var location: Location
  /// In document order, in one array (one allocation per mapping). Mappings in a case study
  /// have about ten keys, so a linear search beats hashing here.
  var entries: [Field]

  var kind: String { name.kind }

  func index(of name: String) -> Int? { entries.firstIndex { $0.name == name } }

  func value(_ name: String) -> FieldValue? { index(of: name).map { entries[$0].value } }

  func has(_ name: String) -> Bool { index(of: name) != nil }

  /// Where the value of `name` is.
  func location(of name: String) -> Location? { value(name)?.location }

  /// A name for messages, e.g. "phase 'data'" or "item 3 of phase 'data'". Built only when a
  /// message needs it.
  var label: String { name.text }
}

/// A scalar read once: its text as written, what it means, and where it is.
struct ReadScalar {
  var raw: String
  var value: ScalarValue
  var location: Location

  init(_ node: YAMLNode, in tree: YAMLTree) {
    raw = tree.string(node)
    value = tree.isText(node) ? .string(raw, quoted: true) : ScalarValue(plain: raw)
    location = tree.location(node)
  }

  var isNull: Bool {
    if case .null = value { return true }
    return false
  }
}

/// The value of a mapping key. Scalars are read when the mapping is, so that checking them does
/// not go back to the tree; lists and mappings keep their kind and position.
enum FieldValue {
  case scalar(ReadScalar)
  case node(YAMLNode, YAMLTree.Kind, Location)

  init(_ node: YAMLNode, in tree: YAMLTree) {
    let kind = tree.kind(node)
    if kind == .scalar {
      self = .scalar(ReadScalar(node, in: tree))
    } else {
      self = .node(node, kind, tree.location(node))
    }
  }

  var location: Location {
    switch self {
    case .scalar(let scalar): scalar.location
    case .node(_, _, let location): location
    }
  }

  var isNull: Bool {
    if case .scalar(let scalar) = self { return scalar.isNull }
    return false
  }
}

extension CaseStudyValidator {
  // MARK: Shapes

  func describe(_ node: YAMLNode) -> String {
    switch tree.kind(node) {
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .scalar: Self.describe(ReadScalar(node, in: tree))
    }
  }

  static func describe(_ value: FieldValue) -> String {
    switch value {
    case .scalar(let scalar): describe(scalar)
    case .node(_, .mapping, _): "a mapping"
    case .node: "a list"
    }
  }

  static func describe(_ scalar: ReadScalar) -> String {
    switch scalar.value {
    case .null: "nothing"
    case .bool(let value): "the boolean \(value ? "true" : "false") ('\(q(scalar.raw))')"
    case .int(let value): "the number \(value)"
    case .float(let text): "the number \(q(text))"
    case .string(let text, _): "the text '\(q(text))'"
    }
  }

  /// Author text, shortened and kept on one line for a message.
  static func q(_ text: String) -> String { YAMLSyntax.truncated(text) }

  /// The plain text of an `id` value, if it is a non-empty scalar.
  private static func idText(_ value: FieldValue?) -> String? {
    guard case .scalar(let scalar)? = value, !scalar.isNull, !isBlank(scalar.raw) else {
      return nil
    }
    return scalar.raw
  }

  /// Reads a mapping's keys, reporting unknown keys (with a suggestion) and missing ones.
  mutating func fields(
    of node: YAMLNode, kind: String, fallbackLabel: @autoclosure () -> String,
    allowed: KeySet, parentLabel: String? = nil
  ) -> Fields? {
    guard tree.kind(node) == .mapping else {
      error(
        tree.location(node),
        "\(fallbackLabel()) must be a mapping of keys, found \(describe(node))",
        fix: "write it as 'key: value' lines with the keys \(Self.list(allowed.required))")
      return nil
    }
    let pairs = tree.children(node)
    var entries: [Field] = []
    entries.reserveCapacity(pairs.count / 2)
    var index = pairs.startIndex
    while index + 1 < pairs.endIndex {
      let key = pairs[index]
      let value = pairs[index + 1]
      index += 2
      guard visit(key) else { break }
      // The composer refuses a key that is not a scalar (`YAMLComposer.complexKeyProblem`).
      guard tree.kind(key) == .scalar else { continue }
      entries.append(
        Field(
          name: tree.string(key), keyLocation: tree.location(key),
          value: FieldValue(value, in: tree)))
    }
    let id = Self.idText(entries.first { $0.name == "id" }?.value)
    let result = Fields(
      name: EntityLabel(
        kind: kind, id: id, fallback: id == nil ? fallbackLabel() : "", parent: parentLabel),
      location: tree.location(node), entries: entries)
    for field in entries where !allowed.all.contains(field.name) {
      let (name, location) = (field.name, field.keyLocation)
      let label = result.label
      let fix: String
      if let suggestion = Suggestion.closest(to: name, among: allowed.all) {
        fix = "did you mean '\(suggestion)'?"
      } else if name == "<<" {
        fix = "merge keys are not supported; write the keys out"
      } else {
        fix = "remove it; allowed keys are \(Self.list(allowed.all))"
      }
      error(location, "unknown key '\(Self.q(name))' in \(label)", fix: fix)
    }
    for name in allowed.required where !result.has(name) {
      error(
        tree.location(node), "missing required key '\(name)' in \(result.label)",
        fix: "add '\(name):' with \(Self.hint(for: name))")
    }
    return result
  }

  /// The keys a mapping may have, and which of them it must have.
  struct KeySet {
    var all: [String]
    var required: [String]

    /// The keys of a kind of mapping, from the format's one table.
    init(_ mapping: FormatMapping) {
      all = mapping.names
      required = mapping.required
    }
  }

  /// The fix for a word that is not one of `names`: its lower-case form when that is one, else
  /// the closest name, else `otherwise`.
  static func choiceFix(_ value: String, among names: [String], otherwise: String) -> String {
    let lower = value.lowercased().trimming(.whitespaces)
    if names.contains(lower) { return "write '\(lower)' in lower case" }
    if let suggestion = Suggestion.closest(to: value, among: names) {
      return "did you mean '\(suggestion)'? Use \(list(names))"
    }
    return otherwise
  }

  static func list(_ names: [String]) -> String {
    names.map { "'\($0)'" }.joined(separator: ", ")
  }

  static let verdictNames = Verdict.allCases.map(\.rawValue)
  static let levelNames = Level.allCases.map(\.rawValue)

  /// What a key's value should be, for fixes.
  static func hint(for key: String) -> String {
    switch key {
    case "format_version":
      "the format number, e.g. 'format_version: \(CaseStudy.supportedFormatVersion)'"
    case "id": "a short id, e.g. 'bike-shop' or 'D.3'"
    case "version": "the content's version, e.g. \"1.0.0\""
    case "timebox_minutes": "a whole number of minutes, e.g. 30"
    case "cast": "a list of cast members"
    case "phases": "a list of phases"
    case "items": "a list of checklist items"
    case "decisions": "a list of decisions, or [] for none"
    case "risk_prompts": "a list of risk prompts, or [] for none"
    case "options": "a list of 2 to 5 options"
    case "tags", "hot_buttons", "references": "a list of short texts, e.g. [data, risk]"
    case "gate", "arises_in", "replaced_by": "a list of ids"
    case "read", "work", "decide", "debrief": "a whole number of minutes, 0 or more"
    case "level": "'core' or 'extension'"
    case "opens": "'read', 'work' or 'decide'"
    case "model_answers": "a list of model answers, each with 'topic' and 'answer'"
    case "reflection": "a list of reflection prompts, each with 'id' and 'prompt'"
    case "prompt": "the question the team answers, e.g. 'What happened when…?'"
    case "injects": "a list of injects, each with 'id', 'text' and when it fires"
    case "at_minute": "a whole number of minutes into the phase, e.g. 10"
    case "retired_items": "a list of retired items, each with 'id', 'title' and 'reason'"
    case "required", "manual": "true or false"
    case "verdict": "one of \(list(verdictNames))"
    case "power", "interest": "one of \(list(levelNames))"
    case "likelihood", "impact": "a whole number from 1 to 5"
    default: "its text"
    }
  }
}

/// How the validator read a key's value (see `CaseStudyValidator.reads`).
enum ValueRead: Sendable, Equatable {
  case text, integer, boolean, list, texts, mapping
}
