import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

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

  enum IDSpace: Int, CaseIterable {
    case item, decision, riskPrompt, phase, cast, retired, reflection, inject
  }
  /// For each kind of id, where each id was first defined.
  var seenIDs = [[String: Location]](repeating: [:], count: IDSpace.allCases.count)
  /// Item id → id of the phase that holds it.
  var itemPhase: [String: String] = [:]
  var phaseOrder: [String] = []
  var gateReferences: [(phase: String, item: String, location: Location)] = []
  var arisesReferences: [(item: String, phase: String, location: Location)] = []
  /// `replaced_by` of retired items and `item` of model answers, checked once every item is known.
  var replacedByReferences: [(retired: String, item: String, location: Location)] = []
  var modelAnswerReferences: [(phase: String, item: String, location: Location)] = []
  /// `after_reveal` of injects, checked once every decision is known (ValidatorInjects.swift).
  var injectReferences: [(inject: String, decision: String, location: Location)] = []
  /// Retired item ids and where they are, checked against the current ids after the walk.
  package var retiredIDs: [(id: String, location: Location)] = []
  /// Titles and goals own-project mode shows; checked for cast names after the walk.
  var storyFreeTexts: [(text: String, what: TipSubject, location: Location)] = []
  /// When set (by a test), how each key of each kind of mapping was read: "item.tags" is
  /// `.texts`. The format's table and its JSON Schema are checked against it.
  var reads: [String: ValueRead]?
  /// Titles and labels, for the length writing tip.
  var shortTexts: [(text: String, what: TipSubject, limit: Int, location: Location)] = []
  /// Ethics items of a phase of ethics items only that name no phase with `arises_in`.
  var ethicsItemsWithoutArisesIn: [(label: TipSubject, location: Location)] = []
  /// The items of the phase being read: ethics items or not, placed by `arises_in` or not.
  var phaseItemPlacements: [(ethics: Bool, placed: Bool, label: TipSubject, location: Location)] =
    []
  /// The decisions of the phase being read whose vote opens at the decide block (written
  /// `opens: decide`, or no `opens`), checked against its schedule once that is read.
  var phaseDecisionsOpeningAtDecide: [(label: String, location: Location)] = []
  /// Every decision's options, for the decision-shape writing tips.
  var decisionShapes: [DecisionShape] = []
  /// Cast members' names, read before the phases.
  var castNames: [String] = []
  /// The file has a `lens:` mapping: the story's keys are optional (ValidatorLens.swift).
  var isLens = false

  /// Whether the writing tips (ValidatorTips.swift) are checked, and what they need kept on
  /// the walk. A plain load turns them off: it keeps the diagnostics only when there is an
  /// error, and then walks again with them on (`CaseStudyLoader.validate`).
  let writingTips: Bool

  init(file: String, tree: YAMLTree, writingTips: Bool = true) {
    self.file = file
    self.tree = tree
    self.writingTips = writingTips
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
  mutating func visit(_ node: YAMLNode) -> Bool {
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

  /// Reads each entry of a list with `read` (given the validator, the entry and its index),
  /// counting every entry as a visit. `allRead` is false when `read` rejected an entry or the
  /// walk stopped before the end of the list.
  mutating func readEach<Entry>(
    _ nodes: YAMLNodeList, _ read: (inout CaseStudyValidator, YAMLNode, Int) -> Entry?
  ) -> (entries: [Entry], allRead: Bool) {
    var entries: [Entry] = []
    var allRead = true
    for (index, node) in nodes.enumerated() {
      guard visit(node) else { return (entries, false) }
      if let entry = read(&self, node, index) {
        entries.append(entry)
      } else {
        allRead = false
      }
    }
    return (entries, allRead)
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

  // MARK: Case study

  private static let topKeys = KeySet(CaseStudyFormat.caseStudy)

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
    isLens = tree.value(forKey: "lens", in: root) != nil
    guard
      let top = fields(
        of: root, kind: "case study", fallbackLabel: "the case study",
        allowed: isLens ? Self.lensTopKeys : Self.topKeys)
    else { return nil }
    let lens = isLens ? lensSettings(top) : nil

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
    let title = shortText(top, "title", limit: Self.titleLimit)
    let summary = text(top, "summary") ?? lensBlank(top, "summary")
    let background = text(top, "background") ?? lensBlank(top, "background")

    var cast: [CastMember] = []
    if let nodes = sequence(top, "cast") {
      if nodes.isEmpty, let location = top.location(of: "cast") {
        warning(
          location, "the cast is empty",
          fix: "add the stakeholders the participants will deal with")
      }
      cast = readEach(nodes) { $0.castMember($1, index: $2) }.entries
      castNames = cast.map(\.name)
    }

    var phases: [Phase] = []
    if let nodes = sequence(top, "phases") {
      if nodes.isEmpty, let location = top.location(of: "phases") {
        error(location, "'phases' is empty", fix: "add at least one phase")
      }
      reserveItemTables(for: nodes)
      // Gates and arises_in may name later phases and items: checkReferences() runs after.
      phases = readEach(nodes) { $0.phase($1, index: $2) }.entries
    }

    var retired: [RetiredItem] = []
    if let nodes = sequence(top, "retired_items", required: false) {
      retired = readEach(nodes) { $0.retiredItem($1, index: $2) }.entries
    }

    checkReferences()
    if writingTips { checkWritingTips() }

    guard errorCount == 0, let formatVersion, let id, let version, let title, let summary,
      let background
    else { return nil }
    return CaseStudy(
      formatVersion: formatVersion, id: id, version: version, title: title, summary: summary,
      background: background, cast: cast, phases: phases, retiredItems: retired, lens: lens)
  }

  /// The most items whose id tables `reserveItemTables` sizes up front; aliases can make the
  /// count of a short file huge, and the tables grow past this as they fill.
  static let reservedItemsLimit = 1 << 16

  /// Sizes the tables that take every item's id once, rather than doubling them as they fill.
  /// It looks at no more than 100 phases of at most 32 keys each, so that aliases of a huge
  /// mapping cannot make this look-ahead slow; the walk itself is bounded by `maxVisits`.
  private mutating func reserveItemTables(for phases: YAMLNodeList) {
    var count = 0
    for phase in phases.prefix(100)
    where tree.kind(phase) == .mapping && tree.children(phase).count <= 64 {
      if let items = tree.value(forKey: "items", in: phase), tree.kind(items) == .sequence {
        count += tree.children(items).count
      }
    }
    count = min(count, Self.reservedItemsLimit)
    itemPhase.reserveCapacity(count)
    seenIDs[IDSpace.item.rawValue].reserveCapacity(count)
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
}
