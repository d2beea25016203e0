import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

// Writing tips (CaseStudies/README.md, "Writing tips for authors") that a program can check.
// They are warnings, never errors: a file that breaks them still loads.

/// What a writing tip is about, e.g. "the title of item 'A.1'": kept as its parts and put
/// together only when the tip is given, since most texts break no tip.
struct TipSubject {
  var prefix: String
  /// A key of the mapping, named before it ("'title' of item 'A.1'").
  var key: String?
  var label: EntityLabel
  /// A further owner, named after the label ("... of phase 'data'").
  var owner: String?

  init(prefix: String = "", _ label: EntityLabel, of owner: String? = nil) {
    self.prefix = prefix
    self.label = label
    self.owner = owner
  }

  init(key: String, of label: EntityLabel) {
    self.init(label)
    self.key = key
  }

  var text: String {
    var named = prefix
    if let key { named += "'\(key)' of " }
    named += label.text
    guard let owner else { return named }
    return "\(named) of \(owner)"
  }
}

/// One decision's options as the tips need them.
struct DecisionShape {
  var label: String
  /// Where the `options` list is.
  var location: Location
  var options: [DecisionOption]
  /// Where each option's id is, in the same order as `options`.
  var optionLocations: [Location]

  /// 0-based positions of the recommended options.
  var recommendedPositions: [Int] {
    options.indices.filter { options[$0].verdict == .recommended }
  }
}

extension CaseStudyValidator {
  /// Decisions needed before a pattern across decisions counts as a giveaway.
  static let decisionsForPatterns = 3
  /// The longest title (of the case study, a phase, an item or a decision) that reads at a
  /// glance; a checklist column shows about half of it at 80 columns, the rest on wider screens.
  static let titleLimit = 60
  /// The longest option label that stays on one line in the decision dialog at 80 columns.
  static let labelLimit = 62

  mutating func checkWritingTips() {
    checkLengths()
    checkEthicsPlacement()
    checkStoryFreeTexts()
    for shape in decisionShapes { checkShape(of: shape) }
    checkPatterns(across: decisionShapes)
  }

  /// The words of cast members' names that a title or goal must not use: each part of a
  /// name, at least two letters long, capitalised as written.
  private var castWords: [(word: String, name: String)] {
    var words: [(String, String)] = []
    for name in castNames {
      for part in name.split(whereSeparator: { $0 == " " || $0 == "-" })
      where part.count >= 2 && part.first?.isUppercase == true {
        words.append((String(part), name))
      }
    }
    return words
  }

  /// Item titles and phase goals are what own-project mode shows: they name no cast member.
  private mutating func checkStoryFreeTexts() {
    let words = castWords
    guard !words.isEmpty else { return }
    let wordSet = Set(words.map(\.word))
    for entry in storyFreeTexts {
      // Most texts name nobody: find that out first, then which name comes first in the cast.
      guard Self.hasWord(of: entry.text, in: wordSet) else { continue }
      let textWords = Set(Self.words(of: entry.text))
      guard let hit = words.first(where: { textWords.contains($0.word) }) else { continue }
      warning(
        entry.location,
        "\(entry.what.text) names \(hit.name) from the cast; own-project mode shows it without the story",
        fix: "name the role instead (e.g. 'the data owner') and keep \(hit.word) in 'case'")
    }
  }

  /// A required text that should stay short: read as `text`, and kept for `checkLengths`.
  mutating func shortText(_ fields: Fields, _ key: String, limit: Int) -> String? {
    let value = text(fields, key)
    if writingTips, let value, let location = fields.location(of: key) {
      shortTexts.append((value, TipSubject(key: key, of: fields.name), limit, location))
    }
    return value
  }

  /// Titles and labels over their limits.
  private mutating func checkLengths() {
    // A text has at least as many UTF-8 bytes as characters, and counting bytes is cheap.
    for entry in shortTexts
    where entry.text.utf8.count > entry.limit && entry.text.count > entry.limit {
      let noun = entry.limit == Self.labelLimit ? "an option label" : "a title"
      warning(
        entry.location,
        "\(entry.what.text) is \(entry.text.count) characters; \(noun) reads best at \(entry.limit) or fewer",
        fix: "shorten it and move the detail into the text under it")
    }
  }

  /// The items of a phase of ethics items only (`Item.isEthicsItem`) say where their concern
  /// arises, so the ethics lens can place them ("Arises in").
  private mutating func checkEthicsPlacement() {
    for entry in ethicsItemsWithoutArisesIn {
      warning(
        entry.location,
        "\(entry.label.text) is an ethics item in a phase of ethics items but has no 'arises_in'",
        fix: "add 'arises_in: [phase-id, ...]' naming the phases where the concern arises")
    }
  }

  /// Splits text into words of letters (and apostrophes inside a word, as in "Tom's").
  static func words(of text: String) -> [String] {
    var words: [String] = []
    var current = ""
    for character in text {
      if character.isLetter {
        current.append(character)
      } else if character == "'" || character == "’" {
        if !current.isEmpty { words.append(current) }
        current = ""
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  /// Whether any of the `words(of:)` of `text` is in `wanted`. ASCII text is read on its bytes,
  /// where every character is one byte (but CR LF, which is no letter either way).
  static func hasWord(of text: String, in wanted: Set<String>) -> Bool {
    var storage = text
    let found = storage.withUTF8 { bytes -> Bool? in
      var wordStart: Int?
      for index in 0...bytes.count {
        let byte = index < bytes.count ? bytes[index] : UInt8(ascii: " ")
        // Past ASCII, a character may be several scalars: `words(of:)` decides.
        guard byte < 0x80 else { return nil }
        if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) {
          if wordStart == nil { wordStart = index }
        } else if let start = wordStart {
          let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
          if wanted.contains(String(decoding: word, as: UTF8.self)) { return true }
          wordStart = nil
        }
      }
      return false
    }
    return found ?? words(of: text).contains(where: wanted.contains)
  }

  /// A decision that is a real trade-off: a recommended option (or, where two answers are
  /// equally good, two defensible ones with different costs), a mix of verdicts, and a debrief
  /// for every option once any has one.
  private mutating func checkShape(of shape: DecisionShape) {
    let verdicts = Set(shape.options.map(\.verdict))
    let defensible = shape.options.filter { $0.verdict == .defensible }.count
    if !verdicts.contains(.recommended), defensible < 2 {
      warning(
        shape.location, "\(shape.label) has no recommended option",
        fix:
          "mark the option a facilitator would argue for 'verdict: recommended', or two equally"
          + " good options 'verdict: defensible'")
    } else if verdicts.count == 1, let only = verdicts.first {
      warning(
        shape.location,
        "every option of \(shape.label) is \(only.rawValue), so there is nothing to weigh",
        fix: "make the options a real trade-off: mix 'recommended', 'defensible' and 'poor'")
    }
    let written = shape.options.filter { !$0.debrief.isEmpty }.count
    guard written > 0, written < shape.options.count else { return }
    for (option, location) in zip(shape.options, shape.optionLocations) where option.debrief.isEmpty
    {
      warning(
        location,
        "option '\(Self.q(option.id))' of \(shape.label) has no debrief, though others do",
        fix: "add 'debrief:' with what to say to a team that chose it")
    }
  }

  /// Position and length give answers away when they follow one pattern in every decision.
  private mutating func checkPatterns(across shapes: [DecisionShape]) {
    guard shapes.count >= Self.decisionsForPatterns, let first = shapes.first else { return }
    let positions = shapes.map(\.recommendedPositions)
    if let only = positions.first, only.count == 1,
      positions.allSatisfy({ $0 == only })
    {
      warning(
        first.location,
        "the recommended option is option \(only[0] + 1) in all \(shapes.count) decisions",
        fix: "vary where the recommended option sits; option ids stay as they are")
    }
    if shapes.allSatisfy({ $0.options.first?.verdict == .poor }) {
      warning(
        first.location, "the first option is poor in all \(shapes.count) decisions",
        fix: "vary where the poor options sit")
    }
    let longestIsRecommended = shapes.filter { shape in
      guard let longest = shape.options.map({ $0.label.count }).max() else { return false }
      let longestOptions = shape.options.filter { $0.label.count == longest }
      return longestOptions.count == 1 && longestOptions[0].verdict == .recommended
    }
    if longestIsRecommended.count == shapes.count {
      warning(
        first.location,
        "the recommended option has the longest label in all \(shapes.count) decisions",
        fix: "vary the labels' lengths; a long label reads as the careful answer")
    }
  }
}
