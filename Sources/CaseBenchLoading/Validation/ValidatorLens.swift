import CaseBenchModel

// Lenses (a `lens:` mapping at the top of a file) and the hand-over tags of items. A lens is a
// case-study file that may leave out the story: see `CaseStudyFormat.optionalInLens`.

extension CaseStudyValidator.KeySet {
  /// The keys of a kind of mapping in a lens: the story's keys become optional.
  init(lens mapping: FormatMapping) {
    self.init(mapping)
    let optional = CaseStudyFormat.optionalInLens[mapping.kind] ?? []
    required.removeAll { optional.contains($0) }
  }
}

extension CaseStudyValidator {
  static let lensTopKeys = KeySet(lens: CaseStudyFormat.caseStudy)
  static let lensPhaseKeys = KeySet(lens: CaseStudyFormat.phase)
  static let lensItemKeys = KeySet(lens: CaseStudyFormat.item)
  private static let lensKeys = KeySet(CaseStudyFormat.lens)

  /// The keys a phase and an item may have: fewer are required in a lens.
  var keysOfPhase: KeySet { isLens ? Self.lensPhaseKeys : Self.phaseKeys }
  var keysOfItem: KeySet { isLens ? Self.lensItemKeys : Self.itemKeys }

  /// Text that tells the story: required in a case study, optional in a lens.
  mutating func storyText(_ fields: Fields, _ key: String) -> String? {
    text(fields, key) ?? lensBlank(fields, key)
  }

  /// "" for a story key a lens left out; nil otherwise (the key is required, or it is there
  /// and `text` already reported what is wrong with it).
  func lensBlank(_ fields: Fields, _ key: String) -> String? {
    isLens && !fields.has(key) ? "" : nil
  }

  /// The `lens:` mapping: how the lens scores, and where it came from.
  mutating func lensSettings(_ top: Fields) -> LensSettings? {
    guard let entry = top.value("lens") else { return nil }
    noteRead(top, "lens", as: .mapping)
    guard case .node(let node, .mapping, _) = entry else {
      if entry.isNull { return LensSettings() }
      error(
        entry.location, "'lens' in \(top.label) must be a mapping, found \(Self.describe(entry))",
        fix: "write 'scoring: checklist' (or ml-test-score) under it, or 'lens: {}'")
      return nil
    }
    guard
      let fields = fields(
        of: node, kind: "lens", fallbackLabel: "the lens", allowed: Self.lensKeys)
    else { return nil }
    var settings = LensSettings()
    settings.source = text(fields, "source", required: false) ?? ""
    if let word = text(fields, "scoring", required: false),
      let location = fields.location(of: "scoring")
    {
      if let scoring = LensScoring(rawValue: word) {
        settings.scoring = scoring
      } else {
        let names = LensScoring.allCases.map(\.rawValue)
        error(
          location, "'scoring' in the lens is '\(Self.q(word))', not one of \(Self.list(names))",
          fix: Suggestion.closest(to: word, among: names).map { "did you mean '\($0)'?" }
            ?? "use one of \(Self.list(names))")
      }
    }
    return settings
  }

  /// Tags of the form `model-card/…` and `datasheet/…` feed a section of a hand-over
  /// document; the section must be one the document has.
  /// Returns the tags' names.
  mutating func checkHandOverTags(_ tags: [(String, Location)]?, in fields: Fields) -> [String]? {
    guard let tags else { return nil }
    for (tag, location) in tags {
      guard let (document, section) = HandOverDocument.parse(tag: tag) else { continue }
      let names = document.sections.map(\.name)
      guard !names.contains(section) else { continue }
      let suggestion = Suggestion.closest(to: section, among: names)
      error(
        location,
        "tag '\(Self.q(tag))' in \(fields.label) names no section of the \(document.rawValue)",
        fix: (suggestion.map { "did you mean '\(document.rawValue)/\($0)'? " } ?? "")
          + "the sections are \(Self.list(names.map { "\(document.rawValue)/\($0)" }))")
    }
    return tags.map(\.0)
  }
}
