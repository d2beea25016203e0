import Foundation

/// A 1-based position in the file; line 0 means "no position".
struct Location: Equatable {
  var line: Int
  var column: Int

  init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

/// The keys of one YAML mapping, with its position and a name to use in messages.
struct Fields {
  /// What the mapping is, e.g. "phase"; `id` names it when it has a usable one.
  var kind: String
  var id: String?
  var fallbackLabel: String
  var labelSuffix: String
  var location: Location
  /// In document order. Mappings in a case study have about ten keys, so a linear search beats
  /// hashing here.
  var names: [String]
  var keyLocations: [Location]
  var values: [FieldValue]

  func index(of name: String) -> Int? { names.firstIndex(of: name) }

  func value(_ name: String) -> FieldValue? { index(of: name).map { values[$0] } }

  func has(_ name: String) -> Bool { index(of: name) != nil }

  /// Where the value of `name` is.
  func location(of name: String) -> Location? { value(name)?.location }

  /// A name for messages, e.g. "phase 'data'" or "item 3 of phase 'data'". Built only when a
  /// message needs it.
  var label: String {
    guard let id else { return fallbackLabel }
    return "\(kind) '\(YAMLSyntax.truncated(id))'\(labelSuffix)"
  }
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

/// Walks a composed YAML tree against the case-study format (CaseStudies/README.md), collecting
/// every problem it finds, and builds the `CaseStudy` when there are none.
///
/// The walk follows the format's fixed shape, so its depth is bounded whatever the input, and it
/// visits each node a bounded number of times; ids are looked up in dictionaries.
struct CaseStudyValidator {
  static let maxDiagnostics = 1000
  /// Aliases can make a short file expand to a huge tree; stop walking after this many values.
  static let maxVisits = 2_000_000

  let file: String
  /// The composed document being checked.
  let tree: YAMLTree
  private(set) var diagnostics: [Diagnostic] = []
  private(set) var errorCount = 0
  private var droppedDiagnostics = 0
  private var visits = 0
  private var exhausted = false

  private enum IDSpace: Int, CaseIterable { case item, decision, riskPrompt, phase, cast }
  /// For each kind of id, where each id was first defined.
  private var seenIDs = [[String: Location]](repeating: [:], count: IDSpace.allCases.count)
  /// Item id → id of the phase that holds it.
  private var itemPhase: [String: String] = [:]
  private var phaseOrder: [String] = []
  private var gateReferences: [(phase: String, item: String, location: Location)] = []
  private var arisesReferences: [(item: String, phase: String, location: Location)] = []

  init(file: String, tree: YAMLTree) {
    self.file = file
    self.tree = tree
  }

  // MARK: Reporting

  mutating func error(_ location: Location, _ message: String, fix: String?) {
    errorCount += 1
    append(
      Diagnostic(
        file: file, line: location.line, column: location.column, severity: .error,
        message: message, fix: fix))
  }

  mutating func warning(_ location: Location, _ message: String, fix: String?) {
    append(
      Diagnostic(
        file: file, line: location.line, column: location.column, severity: .warning,
        message: message, fix: fix))
  }

  private mutating func append(_ diagnostic: Diagnostic) {
    if diagnostics.count < Self.maxDiagnostics {
      diagnostics.append(diagnostic)
    } else {
      droppedDiagnostics += 1
    }
  }

  /// Counts one visited value; `false` once the walk has gone on for too long.
  private mutating func visit(_ node: YAMLNode) -> Bool {
    if exhausted { return false }
    visits += 1
    if visits > Self.maxVisits {
      exhausted = true
      errorCount += 1
      let location = tree.location(node)
      // Always shown, even past the cap on diagnostics: it explains why checking stopped.
      diagnostics.append(
        Diagnostic(
          file: file, line: location.line, column: location.column, severity: .error,
          message:
            "the case study expands to more than \(Self.maxVisits) values; stopped checking here",
          fix: "split the case study, or write repeated values out instead of using aliases (*name)"
        ))
      return false
    }
    return true
  }

  /// Every diagnostic, with a note when some were left out.
  func finalDiagnostics() -> [Diagnostic] {
    guard droppedDiagnostics > 0 else { return diagnostics }
    return diagnostics + [
      Diagnostic(
        file: file, line: 0, column: 0, severity: .error,
        message: "\(droppedDiagnostics) more problems not shown",
        fix: "fix the problems shown and run the check again")
    ]
  }

  // MARK: Shapes

  private func describe(_ node: YAMLNode) -> String {
    switch tree.kind(node) {
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .scalar: Self.describe(ReadScalar(node, in: tree))
    }
  }

  private static func describe(_ value: FieldValue) -> String {
    switch value {
    case .scalar(let scalar): describe(scalar)
    case .node(_, .mapping, _): "a mapping"
    case .node: "a list"
    }
  }

  private static func describe(_ scalar: ReadScalar) -> String {
    switch scalar.value {
    case .null: "nothing"
    case .bool(let value): "the boolean \(value ? "true" : "false") ('\(q(scalar.raw))')"
    case .int(let value): "the number \(value)"
    case .float(let text): "the number \(q(text))"
    case .string(let text, _): "the text '\(q(text))'"
    }
  }

  /// Author text, shortened and kept on one line for a message.
  private static func q(_ text: String) -> String { YAMLSyntax.truncated(text) }

  /// The plain text of an `id` value, if it is a non-empty scalar.
  private static func idText(_ value: FieldValue?) -> String? {
    guard case .scalar(let scalar)? = value, !scalar.isNull, !isBlank(scalar.raw) else {
      return nil
    }
    return scalar.raw
  }

  /// Reads a mapping's keys, reporting unknown keys (with a suggestion) and missing ones.
  private mutating func fields(
    of node: YAMLNode, kind: String, fallbackLabel: @autoclosure () -> String,
    allowed: KeySet, labelSuffix: @autoclosure () -> String = ""
  ) -> Fields? {
    guard tree.kind(node) == .mapping else {
      error(
        tree.location(node),
        "\(fallbackLabel()) must be a mapping of keys, found \(describe(node))",
        fix: "write it as 'key: value' lines with the keys \(Self.list(allowed.required))")
      return nil
    }
    var names: [String] = []
    var keyLocations: [Location] = []
    var values: [FieldValue] = []
    names.reserveCapacity(12)
    keyLocations.reserveCapacity(12)
    values.reserveCapacity(12)
    let pairs = tree.children(node)
    var index = pairs.startIndex
    while index + 1 < pairs.endIndex {
      let key = pairs[index]
      let value = pairs[index + 1]
      index += 2
      guard visit(key) else { break }
      guard tree.kind(key) == .scalar else {
        error(
          tree.location(key), "a key in \(fallbackLabel()) is \(describe(key)), not a name",
          fix: "use one of \(Self.list(allowed.all))")
        continue
      }
      names.append(tree.string(key))
      keyLocations.append(tree.location(key))
      values.append(FieldValue(value, in: tree))
    }
    let id = Self.idText(names.firstIndex(of: "id").map { values[$0] })
    let result = Fields(
      kind: kind, id: id, fallbackLabel: id == nil ? fallbackLabel() : "",
      labelSuffix: id == nil ? "" : labelSuffix(), location: tree.location(node), names: names,
      keyLocations: keyLocations, values: values)
    for (name, location) in zip(names, keyLocations) where !allowed.all.contains(name) {
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

    init(_ all: [String], optional: Set<String> = []) {
      self.all = all
      required = all.filter { !optional.contains($0) }
    }
  }

  private static func list(_ names: [String]) -> String {
    names.map { "'\($0)'" }.joined(separator: ", ")
  }

  private static let verdictNames = Verdict.allCases.map(\.rawValue)
  private static let levelNames = Level.allCases.map(\.rawValue)

  /// What a key's value should be, for fixes.
  private static func hint(for key: String) -> String {
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
    case "gate", "arises_in": "a list of ids"
    case "required": "true or false"
    case "verdict": "one of \(list(verdictNames))"
    case "power", "interest": "one of \(list(levelNames))"
    case "likelihood", "impact": "a whole number from 1 to 5"
    default: "its text"
    }
  }

  // MARK: Typed values

  /// Required or optional text. Reports null, non-scalar and (for required text) empty values.
  private mutating func text(_ fields: Fields, _ key: String, required: Bool = true) -> String? {
    guard let index = fields.index(of: key) else { return nil }
    guard case .scalar(let scalar) = fields.values[index] else {
      let value = fields.values[index]
      error(
        value.location,
        "'\(key)' in \(fields.label) must be text, found \(Self.describe(value))",
        fix: "write one line of text, or '|' followed by indented lines")
      return nil
    }
    if scalar.isNull {
      if required {
        error(
          fields.keyLocations[index], "'\(key)' in \(fields.label) has no value",
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
    guard let last = text.last, last.isWhitespace else { return text }
    var end = text.endIndex
    while end > text.startIndex {
      let before = text.index(before: end)
      guard text[before].isWhitespace else { break }
      end = before
    }
    return String(text[..<end])
  }

  private mutating func integer(_ fields: Fields, _ key: String) -> Int? {
    guard let index = fields.index(of: key) else { return nil }
    let value = fields.values[index]
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
        fields.keyLocations[index], "'\(key)' in \(fields.label) has no value",
        fix: "write \(Self.hint(for: key)) after '\(key):'")
    case .string(let text, quoted: true):
      if let number = ScalarValue.integer(text.trimmingCharacters(in: .whitespaces)) {
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

  private mutating func boolean(_ fields: Fields, _ key: String) -> Bool? {
    guard let index = fields.index(of: key) else { return nil }
    let value = fields.values[index]
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
        fields.keyLocations[index], "'\(key)' in \(fields.label) has no value",
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
  private mutating func sequence(
    _ fields: Fields, _ key: String, required: Bool = true
  ) -> YAMLNodeList? {
    guard let index = fields.index(of: key) else { return nil }
    let value = fields.values[index]
    switch value {
    case .node(let node, .sequence, _):
      return tree.children(node)
    case .scalar(let scalar) where scalar.isNull:
      if !required { return YAMLNodeList(base: []) }
      error(
        fields.keyLocations[index], "'\(key)' in \(fields.label) has no value",
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
  private mutating func texts(_ fields: Fields, _ key: String, required: Bool = true) -> [(
    String, Location
  )]? {
    guard let nodes = sequence(fields, key, required: required) else { return nil }
    var result: [(String, Location)] = []
    var valid = true
    for node in nodes {
      guard visit(node) else { return nil }
      if tree.kind(node) == .scalar, !tree.isNull(node), !Self.isBlank(tree.string(node)) {
        result.append((tree.string(node), tree.location(node)))
      } else {
        valid = false
        error(
          tree.location(node),
          "each entry of '\(key)' in \(fields.label) must be text, found \(describe(node))",
          fix: "write a short text for each entry, or remove the empty one")
      }
    }
    return valid ? result : nil
  }

  private static func isBlank(_ text: String) -> Bool {
    for byte in text.utf8 {
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D: continue
      case 0x80...: return text.allSatisfy(\.isWhitespace)
      default: return false
      }
    }
    return true
  }

  private static func isSlug(_ text: String) -> Bool {
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

  private static func suggestedID(_ text: String, slug: Bool) -> String {
    var result = ""
    for scalar in (slug ? text.lowercased() : text).unicodeScalars {
      let keep = slug ? isSlug(String(scalar)) : isIdentifier(String(scalar))
      if keep {
        result.unicodeScalars.append(scalar)
      } else if !result.hasSuffix("-") {
        result += "-"
      }
    }
    let trimmed = result.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    return trimmed.isEmpty ? "my-id" : String(trimmed.prefix(40))
  }

  /// An `id` that must be an identifier (letters, digits, `.`, `-`, `_`), checked for uniqueness.
  private mutating func identifier(_ fields: Fields, space: IDSpace?, noun: String) -> String? {
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

  // MARK: Case study

  private static let topKeys = KeySet([
    "format_version", "id", "version", "title", "summary", "background", "cast", "phases",
  ])

  mutating func validate() -> CaseStudy? {
    guard let root = tree.root, !tree.isNull(root) else {
      error(
        Location(line: 1, column: 1), "the file is empty",
        fix:
          "start with 'format_version: \(CaseStudy.supportedFormatVersion)' and the keys in CaseStudies/README.md"
      )
      return nil
    }
    guard tree.kind(root) == .mapping else {
      error(
        tree.location(root), "the top level must be a mapping of keys, found \(describe(root))",
        fix:
          "start with 'format_version: \(CaseStudy.supportedFormatVersion)', 'id:', 'title:' and the other keys in CaseStudies/README.md"
      )
      return nil
    }
    if let future = futureFormatVersion(of: root) {
      error(
        tree.location(future.node),
        "format_version \(future.version) is newer than this casebench reads (\(CaseStudy.supportedFormatVersion))",
        fix: "upgrade casebench")
      // A newer format may have keys this build does not know; checking them would only add noise.
      return nil
    }
    guard
      let top = fields(
        of: root, kind: "case study", fallbackLabel: "the case study", allowed: Self.topKeys)
    else { return nil }

    let formatVersion = integer(top, "format_version")
    if let formatVersion, let location = top.location(of: "format_version") {
      if formatVersion < 1 {
        error(
          location, "format_version \(formatVersion) is not a format casebench knows",
          fix: "write 'format_version: \(CaseStudy.supportedFormatVersion)'")
      }
    }

    var id: String?
    if let text = text(top, "id"), let location = top.location(of: "id") {
      if Self.isSlug(text) {
        id = text
      } else {
        error(
          location,
          "case study id '\(Self.q(text))' is not a slug of lower-case letters, digits and '-'",
          fix: "use an id such as '\(Self.suggestedID(text, slug: true))'")
      }
    }
    let version = versionText(top)
    let title = text(top, "title")
    let summary = text(top, "summary")
    let background = text(top, "background")

    var cast: [CastMember] = []
    if let nodes = sequence(top, "cast") {
      if nodes.isEmpty, let location = top.location(of: "cast") {
        warning(
          location, "the cast is empty",
          fix: "add the stakeholders the participants will deal with")
      }
      for (index, node) in nodes.enumerated() {
        guard visit(node) else { break }
        if let member = castMember(node, index: index) { cast.append(member) }
      }
    }

    var phases: [Phase] = []
    if let nodes = sequence(top, "phases") {
      if nodes.isEmpty, let location = top.location(of: "phases") {
        error(location, "'phases' is empty", fix: "add at least one phase")
      }
      // Gates and arises_in may name later phases and items: checkReferences() runs after.
      for (index, node) in nodes.enumerated() {
        guard visit(node) else { break }
        if let phase = phase(node, index: index) { phases.append(phase) }
      }
    }

    checkReferences()

    guard errorCount == 0, let formatVersion, let id, let version, let title, let summary,
      let background
    else { return nil }
    return CaseStudy(
      formatVersion: formatVersion, id: id, version: version, title: title, summary: summary,
      background: background, cast: cast, phases: phases)
  }

  /// The `format_version` node and value when it is newer than this build reads.
  private func futureFormatVersion(of root: YAMLNode) -> (node: YAMLNode, version: Int)? {
    guard let node = tree.value(forKey: "format_version", in: root), tree.kind(node) == .scalar
    else { return nil }
    let version: Int?
    switch ReadScalar(node, in: tree).value {
    case .int(let value): version = value
    case .string(let text, quoted: true): version = ScalarValue.integer(text)
    default: version = nil
    }
    guard let version, version > CaseStudy.supportedFormatVersion else { return nil }
    return (node, version)
  }

  /// `version` accepts any scalar (`1`, `1.0`, `"1.0.0"`) and keeps it as written.
  private mutating func versionText(_ fields: Fields) -> String? {
    guard let value = fields.value("version") else { return nil }
    if case .scalar(let scalar) = value, case .bool = scalar.value {
      error(
        scalar.location,
        "'version' in \(fields.label) must be a version such as \"1.0.0\", found \(Self.describe(scalar))",
        fix: "write the content's version in quotes, e.g. \"1.0.0\"")
      return nil
    }
    return text(fields, "version")
  }

  // MARK: Cast

  private static let castKeys = KeySet([
    "id", "name", "role", "wants", "hot_buttons", "power", "interest",
  ])

  private mutating func castMember(_ node: YAMLNode, index: Int) -> CastMember? {
    guard
      let fields = fields(
        of: node, kind: "cast member", fallbackLabel: "cast member \(index + 1)",
        allowed: Self.castKeys)
    else { return nil }
    let id = identifier(fields, space: .cast, noun: "cast member")
    let name = text(fields, "name")
    let role = text(fields, "role")
    let wants = text(fields, "wants")
    let hotButtons = texts(fields, "hot_buttons")
    let power = level(fields, "power")
    let interest = level(fields, "interest")
    guard let id, let name, let role, let wants, let hotButtons, let power, let interest else {
      return nil
    }
    return CastMember(
      id: id, name: name, role: role, wants: wants, hotButtons: hotButtons.map(\.0), power: power,
      interest: interest)
  }

  private mutating func level(_ fields: Fields, _ key: String) -> Level? {
    guard let value = text(fields, key), let location = fields.location(of: key) else {
      return nil
    }
    if let level = Level(rawValue: value) { return level }
    let fix: String
    if let level = Level(rawValue: value.lowercased().trimmingCharacters(in: .whitespaces)) {
      fix = "write '\(level.rawValue)' in lower case"
    } else {
      fix = "use one of \(Self.list(Self.levelNames))"
    }
    error(
      location, "'\(key)' in \(fields.label) is '\(Self.q(value))', not low, medium or high",
      fix: fix)
    return nil
  }

  // MARK: Phases

  private static let phaseKeys = KeySet(
    [
      "id", "title", "goal", "briefing", "timebox_minutes", "items", "decisions", "risk_prompts",
      "facilitator_notes", "gate",
    ], optional: ["gate"])

  private mutating func phase(_ node: YAMLNode, index: Int) -> Phase? {
    guard
      let fields = fields(
        of: node, kind: "phase", fallbackLabel: "phase \(index + 1)", allowed: Self.phaseKeys)
    else { return nil }
    let id = identifier(fields, space: .phase, noun: "phase")
    if let id { phaseOrder.append(id) }
    let phaseLabel = fields.label
    let title = text(fields, "title")
    let goal = text(fields, "goal")
    let briefing = text(fields, "briefing")
    let facilitatorNotes = text(fields, "facilitator_notes")

    var timebox: Int?
    if let minutes = integer(fields, "timebox_minutes"),
      let location = fields.location(of: "timebox_minutes")
    {
      if minutes > 0 {
        timebox = minutes
      } else {
        error(
          location,
          "'timebox_minutes' in \(fields.label) must be more than 0, found \(minutes)",
          fix: "write the minutes the phase takes in a workshop, e.g. 30")
      }
    }

    var items: [Item] = []
    var itemsValid = true
    if let nodes = sequence(fields, "items") {
      if nodes.isEmpty, let location = fields.location(of: "items") {
        error(
          location, "\(fields.label) has no items", fix: "add at least one checklist item")
      }
      for (itemIndex, node) in nodes.enumerated() {
        guard visit(node) else { break }
        if let item = item(node, index: itemIndex, phaseID: id, phaseLabel: phaseLabel) {
          items.append(item)
        } else {
          itemsValid = false
        }
      }
    } else {
      itemsValid = false
    }

    var decisions: [Decision] = []
    if let nodes = sequence(fields, "decisions") {
      if nodes.isEmpty, let location = fields.location(of: "decisions") {
        warning(
          location, "\(fields.label) has no decisions",
          fix: "add a decision if the phase should pose one")
      }
      for (decisionIndex, node) in nodes.enumerated() {
        guard visit(node) else { break }
        if let decision = decision(node, index: decisionIndex, phaseLabel: phaseLabel) {
          decisions.append(decision)
        }
      }
    }

    var riskPrompts: [RiskPrompt] = []
    if let nodes = sequence(fields, "risk_prompts") {
      for (riskIndex, node) in nodes.enumerated() {
        guard visit(node) else { break }
        if let prompt = riskPrompt(node, index: riskIndex, phaseLabel: phaseLabel) {
          riskPrompts.append(prompt)
        }
      }
    }

    var gate: [String]?
    // `gate:` with no value means the same as no gate: the required items.
    let hasGate = fields.value("gate").map { !$0.isNull } ?? false
    if hasGate, let entries = texts(fields, "gate", required: false) {
      var seen = Set<String>()
      for (itemID, location) in entries {
        if !seen.insert(itemID).inserted {
          warning(
            location, "gate of \(fields.label) names item '\(Self.q(itemID))' twice",
            fix: "remove the repeat")
        } else if let id {
          gateReferences.append((id, itemID, location))
        }
      }
      gate = entries.map(\.0)
    }
    let effectiveGate = gate ?? items.filter(\.required).map(\.id)
    if effectiveGate.isEmpty, itemsValid, !items.isEmpty {
      let location = fields.location(of: "gate") ?? fields.location
      warning(
        location, "\(fields.label) has an empty gate, so it counts as complete from the start",
        fix: "mark its key items 'required: true' or list them under 'gate'")
    }

    guard let id, let title, let goal, let briefing, let timebox, let facilitatorNotes else {
      return nil
    }
    return Phase(
      id: id, title: title, goal: goal, briefing: briefing, timeboxMinutes: timebox, items: items,
      decisions: decisions, riskPrompts: riskPrompts, facilitatorNotes: facilitatorNotes,
      gate: gate)
  }

  // MARK: Items

  private static let itemKeys = KeySet(
    [
      "id", "title", "guidance", "case", "why", "hint", "tags", "required", "references",
      "arises_in",
    ], optional: ["references", "arises_in"])

  private mutating func item(_ node: YAMLNode, index: Int, phaseID: String?, phaseLabel: String)
    -> Item?
  {
    guard
      let fields = fields(
        of: node, kind: "item", fallbackLabel: "item \(index + 1) of \(phaseLabel)",
        allowed: Self.itemKeys)
    else { return nil }
    let id = identifier(fields, space: .item, noun: "item")
    if let id, let phaseID, let first = itemPhase.updateValue(phaseID, forKey: id) {
      itemPhase[id] = first
    }
    let title = text(fields, "title")
    let guidance = text(fields, "guidance")
    let caseContext = text(fields, "case")
    let why = text(fields, "why")
    let hint = text(fields, "hint")
    let tags = texts(fields, "tags")
    let required = boolean(fields, "required")
    let references = texts(fields, "references", required: false)
    let arisesIn = texts(fields, "arises_in", required: false)
    if let arisesIn, let id {
      for (phase, location) in arisesIn { arisesReferences.append((id, phase, location)) }
    }
    guard let id, let title, let guidance, let caseContext, let why, let hint, let tags,
      let required
    else { return nil }
    if fields.has("references"), references == nil { return nil }
    if fields.has("arises_in"), arisesIn == nil { return nil }
    return Item(
      id: id, title: title, guidance: guidance, caseContext: caseContext, why: why, hint: hint,
      tags: tags.map(\.0), required: required, references: references?.map(\.0) ?? [],
      arisesIn: arisesIn?.map(\.0) ?? [])
  }

  // MARK: Decisions

  private static let decisionKeys = KeySet(
    ["id", "title", "situation", "options", "facilitator_notes"], optional: ["facilitator_notes"])
  private static let optionKeys = KeySet(["id", "label", "consequence", "verdict"])

  private mutating func decision(_ node: YAMLNode, index: Int, phaseLabel: String) -> Decision? {
    guard
      let fields = fields(
        of: node, kind: "decision", fallbackLabel: "decision \(index + 1) of \(phaseLabel)",
        allowed: Self.decisionKeys)
    else { return nil }
    let id = identifier(fields, space: .decision, noun: "decision")
    let title = text(fields, "title")
    let situation = text(fields, "situation")
    let notes = text(fields, "facilitator_notes", required: false)

    var options: [DecisionOption] = []
    var optionsValid = false
    if let nodes = sequence(fields, "options"), let listLocation = fields.location(of: "options") {
      optionsValid = true
      if nodes.count < 2 || nodes.count > 5 {
        optionsValid = false
        error(
          listLocation,
          "\(fields.label) has \(nodes.count) option\(nodes.count == 1 ? "" : "s"); it needs 2 to 5",
          fix: nodes.count < 2 ? "add options until there are at least 2" : "keep at most 5 options"
        )
      }
      let decisionLabel = fields.label
      var seen: [String: Location] = [:]
      for (optionIndex, optionNode) in nodes.enumerated() {
        guard visit(optionNode) else { break }
        guard let option = option(optionNode, index: optionIndex, decisionLabel: decisionLabel)
        else {
          optionsValid = false
          continue
        }
        if let first = seen[option.id] {
          optionsValid = false
          let location = idLocation(optionNode)
          error(
            location,
            "duplicate option id '\(Self.q(option.id))' in \(fields.label) (first defined at line \(first.line))",
            fix: "give each option of a decision its own id, e.g. a, b, c")
        } else {
          seen[option.id] = idLocation(optionNode)
        }
        options.append(option)
      }
    }
    guard let id, let title, let situation, optionsValid else { return nil }
    return Decision(
      id: id, title: title, situation: situation, options: options, facilitatorNotes: notes ?? "")
  }

  private func idLocation(_ node: YAMLNode) -> Location {
    if let value = tree.value(forKey: "id", in: node) { return tree.location(value) }
    return tree.location(node)
  }

  private mutating func option(_ node: YAMLNode, index: Int, decisionLabel: String)
    -> DecisionOption?
  {
    guard
      let fields = fields(
        of: node, kind: "option", fallbackLabel: "option \(index + 1) of \(decisionLabel)",
        allowed: Self.optionKeys, labelSuffix: " of \(decisionLabel)")
    else { return nil }
    let labelled = fields
    let id = identifier(labelled, space: nil, noun: "option")
    let label = text(labelled, "label")
    let consequence = text(labelled, "consequence")
    var verdict: Verdict?
    if let value = text(labelled, "verdict"), let location = labelled.location(of: "verdict") {
      verdict = Verdict(rawValue: value)
      if verdict == nil {
        let fix: String
        if let suggestion = Suggestion.closest(to: value, among: Self.verdictNames) {
          fix = "did you mean '\(suggestion)'? Valid verdicts are \(Self.list(Self.verdictNames))"
        } else {
          fix = "use one of \(Self.list(Self.verdictNames))"
        }
        error(
          location, "invalid verdict '\(Self.q(value))' in \(labelled.label)", fix: fix)
      }
    }
    guard let id, let label, let consequence, let verdict else { return nil }
    return DecisionOption(id: id, label: label, consequence: consequence, verdict: verdict)
  }

  // MARK: Risk prompts

  private static let riskKeys = KeySet(
    ["id", "text", "likelihood", "impact"], optional: ["likelihood", "impact"])

  private mutating func riskPrompt(_ node: YAMLNode, index: Int, phaseLabel: String) -> RiskPrompt?
  {
    guard
      let fields = fields(
        of: node, kind: "risk prompt", fallbackLabel: "risk prompt \(index + 1) of \(phaseLabel)",
        allowed: Self.riskKeys)
    else { return nil }
    let id = identifier(fields, space: .riskPrompt, noun: "risk prompt")
    let text = text(fields, "text")
    let likelihood = score(fields, "likelihood")
    let impact = score(fields, "impact")
    guard let id, let text, likelihood.valid, impact.valid else { return nil }
    return RiskPrompt(id: id, text: text, likelihood: likelihood.value, impact: impact.value)
  }

  /// An optional 1–5 score: absent or null is fine.
  private mutating func score(_ fields: Fields, _ key: String) -> (value: Int?, valid: Bool) {
    guard let entry = fields.value(key) else { return (nil, true) }
    if entry.isNull { return (nil, true) }
    guard let value = integer(fields, key) else { return (nil, false) }
    guard (1...5).contains(value) else {
      error(
        entry.location, "'\(key)' in \(fields.label) is \(value), outside 1 to 5",
        fix: "score it from 1 (lowest) to 5 (highest)")
      return (nil, false)
    }
    return (value, true)
  }

  // MARK: References

  /// The ids of a phase's items, sorted; only needed to suggest a fix.
  private func itemIDs(ofPhase phase: String) -> [String] {
    itemPhase.compactMap { $0.value == phase ? $0.key : nil }.sorted()
  }

  private mutating func checkReferences() {
    for reference in gateReferences {
      guard let owner = itemPhase[reference.item] else {
        let candidates = itemIDs(ofPhase: reference.phase)
        let fix: String
        if let suggestion = Suggestion.closest(to: reference.item, among: candidates) {
          fix = "did you mean '\(suggestion)'?"
        } else {
          fix = "name items of phase '\(Self.q(reference.phase))' by their ids"
        }
        error(
          reference.location,
          "gate of phase '\(Self.q(reference.phase))' names unknown item '\(Self.q(reference.item))'",
          fix: fix)
        continue
      }
      if owner != reference.phase {
        error(
          reference.location,
          "gate of phase '\(Self.q(reference.phase))' names item '\(Self.q(reference.item))' of phase '\(Self.q(owner))'",
          fix: "a gate may only name its own phase's items; remove it or move the item")
      }
    }
    let phases = Set(phaseOrder)
    for reference in arisesReferences where !phases.contains(reference.phase) {
      let fix: String
      if let suggestion = Suggestion.closest(to: reference.phase, among: phaseOrder) {
        fix = "did you mean '\(suggestion)'?"
      } else if phaseOrder.count <= 12 {
        fix = "use one of the phase ids \(Self.list(phaseOrder))"
      } else {
        fix = "use the id of one of the phases"
      }
      error(
        reference.location,
        "'arises_in' of item '\(Self.q(reference.item))' names unknown phase '\(Self.q(reference.phase))'",
        fix: fix)
    }
  }
}
