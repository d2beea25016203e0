import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchStore

/// The loader's text helpers work on UTF-8 bytes for speed. These tests pin them to what the
/// character-by-character code they replaced gave (kept below as `Reference`), byte for byte:
/// `==` on strings compares canonically, so the tests compare the UTF-8 itself.
@Suite("Byte-level text helpers")
struct ByteLevelTextTests {
  /// Texts with every kind of line break, space and mark the helpers must treat exactly.
  static let tricky = [
    "", "\n", "\r\n", "\r", "\r\r\n", "\n\r", "a\u{0B}b\u{0C}c", "a\u{85}b", "a\u{2028}b\u{2029}c",
    "one\r\ntwo\r\n\r\nthree\r\n", "  lead\n\ttabbed\t\n", " \u{A0}nbsp\u{A0} \nnext",
    "\u{3000}wide\u{3000}\n\u{2003}em", "e\u{301}\n\u{301}start\nend\u{301}",
    " \u{301}space then mark\nx", "- a\n- b\n  - nested\n\t* tabbed\n• bullet\n1. one\n22) two",
    "Ask:\n- item\ncontinued\n\n\n- after a gap\n", "123. long\n1234. too long\n-no space",
    "\u{2022}x\n\u{2022} y", "-\n*\n1.\n", "trailing blank\n\n\n", "\n\nleading blank",
    "日本語\n  テキスト  \n", "a \u{200B}\nb", "\u{FEFF}bom\nx", "\u{1F469}\u{200D}\u{1F4BB}\nemoji",
    "  - indented\u{00A0}\n    - deeper", "\u{A0}- nbsp first\n \u{A0}- space then nbsp",
    "a\u{0D}\u{0A}\u{0D}b", "x\u{85}\u{85}y\u{2028}",
  ]

  /// The code the helpers replaced, as it was.
  enum Reference {
    static func reflow(_ text: String) -> String {
      guard text.contains(where: \.isNewline) else { return text }
      var out = ""
      var inParagraph = false
      for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        let line = trimming(raw, .whitespaces)
        if line.isEmpty {
          if inParagraph { out += "\n\n" }
          inParagraph = false
          continue
        }
        let listLine = RichText.listMarker(line) != nil
        if inParagraph {
          out += listLine ? "\n" : " "
        }
        if listLine { out += raw.prefix { $0 == " " || $0 == "\t" } }
        out += line
        inParagraph = true
      }
      while out.last?.isNewline == true { out.removeLast() }
      return out
    }

    static func trimming(_ text: some StringProtocol, _ characters: TrimmedCharacters) -> String {
      let scalars = text.unicodeScalars
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
  }

  /// Random texts built from pieces that each stress one rule.
  static func randomTexts(count: Int, seed: UInt64) -> [String] {
    let pieces = [
      "a", "word", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}",
      "\u{2029}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{301}", "é", "e\u{301}", "- ", "* ", "• ",
      "1. ", "12) ", "-", "日", "\u{200D}", "\u{1F469}",
    ]
    var generator = SplitMix(seed: seed)
    return (0..<count).map { _ in
      let length = Int(generator.next() % 12)
      return (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
        .joined()
    }
  }

  static var everyText: [String] { tricky + randomTexts(count: 4000, seed: 7) }

  @Test func reflowGivesTheOldResultByteForByte() {
    for text in Self.everyText {
      let bytes = Array(Prose.reflow(text).utf8)
      #expect(bytes == Array(Reference.reflow(text).utf8), "\(text.debugDescription)")
    }
  }

  @Test func reflowOfTrickyLineBreaksAndLists() {
    let cases: [(String, String)] = [
      ("a\r\nb\rc\u{85}d\u{2028}e\u{2029}f\u{0B}g\u{0C}h", "a b c d e f g h"),
      ("one\r\n\r\ntwo", "one\n\ntwo"),
      ("\r\r\nx", "x"),
      ("Ask:\n  - one\n\t- two\n    1) three", "Ask:\n  - one\n\t- two\n    1) three"),
      ("\u{A0}- x\ny", "- x y"),
      (" \u{A0}- x\ny", " - x y"),
      ("tail \u{3000}\n\u{2003} head", "tail head"),
      ("e\u{301}\n\u{301}x", "e\u{301} \u{301}x"),
      ("no break \u{A0}", "no break \u{A0}"),
      ("1234. no\n-x", "1234. no -x"),
    ]
    for (text, expected) in cases {
      #expect(Array(Prose.reflow(text).utf8) == Array(expected.utf8), "\(text.debugDescription)")
    }
  }

  @Test func trimmingGivesTheOldResultAndFoundationsByteForByte() {
    let sets: [(TrimmedCharacters, CharacterSet)] = [
      (.whitespaces, .whitespaces), (.newlines, .newlines),
      (.whitespacesAndNewlines, .whitespacesAndNewlines),
    ]
    for text in Self.everyText {
      for (set, foundation) in sets {
        let ours = Array(text.trimming(set).utf8)
        #expect(ours == Array(Reference.trimming(text, set).utf8), "\(text.debugDescription)")
        #expect(
          ours == Array(text.trimmingCharacters(in: foundation).utf8), "\(text.debugDescription)")
        // A substring in the middle of a longer text trims the same (cut by bytes: a mark
        // at the start of `text` would join the "x" into one character).
        let padded = "x\(text)y"
        let inner = padded[
          padded.utf8.index(after: padded.startIndex)..<padded.utf8.index(before: padded.endIndex)]
        #expect(Array(inner.trimming(set).utf8) == ours, "\(text.debugDescription)")
      }
    }
  }

  @Test func trimmingTakesOffExactlyTheDocumentedCharacters() {
    // Foundation's sets: Zs and tab; U+000A to U+000D, U+0085, U+2028, U+2029.
    #expect(
      " \t\u{A0}\u{1680}\u{2000}\u{200A}\u{202F}\u{205F}\u{3000}x".trimming(.whitespaces) == "x")
    #expect("\u{200B}x\u{FEFF}".trimming(.whitespaces) == "\u{200B}x\u{FEFF}", "not Zs")
    #expect("\n\u{0B}\u{0C}\r\u{85}\u{2028}\u{2029}x\r\n".trimming(.newlines) == "x")
    #expect(" x\n".trimming(.newlines) == " x")
    #expect("\n x \n".trimming(.whitespaces) == "\n x \n")
    #expect(Array(" e\u{301} ".trimming(.whitespaces).utf8) == Array("e\u{301}".utf8))
    #expect(Array(" \u{301}x\u{301} ".trimming(.whitespaces).utf8) == Array("\u{301}x\u{301}".utf8))
  }

  @Test func trailingSpaceGoesAsItDid() {
    for text in Self.everyText + ["text.", "text. ", "text\n", "e\u{301}", "x \u{301}", "a\u{A0}"] {
      #expect(
        Array(CaseStudyValidator.trimmingTrailingSpace(text).utf8)
          == Array(Reference.trimmingTrailingSpace(text).utf8), "\(text.debugDescription)")
    }
  }

  @Test func findingACastWordAgreesWithSplittingIntoWords() {
    let wanted: Set<String> = ["Ana", "Tom", "O", "Zoë", "Kim"]
    let texts = [
      "", "Ana", "ana", "Banana", "Ana's shop", "Tom’s bike", "Talk to Tom.", "Kim\u{301}",
      "Kim \u{301}", "Zoë", "Zoe\u{308}", "Ask O'Brien", "x\r\nAna", "AnaTom", "Tom\u{200D}",
      "\u{212A}im", "At the company", "Item 12 of phase 3",
    ]
    for text in texts + Self.randomTexts(count: 500, seed: 11) {
      let expected = CaseStudyValidator.words(of: text).contains(where: wanted.contains)
      #expect(
        CaseStudyValidator.hasWord(of: text, in: wanted) == expected, "\(text.debugDescription)")
    }
    #expect(CaseStudyValidator.hasWord(of: "Ask Ana.", in: wanted))
    #expect(!CaseStudyValidator.hasWord(of: "Ask Banana.", in: wanted))
  }

  @Test func listMarkerLengthMatchesTheMarker() {
    for line in ["- a", "* b", "• c", "1. d", "12) e", "123. f", "1234. g", "-x", "•x", "", "x"] {
      let length = RichText.listMarkerLength(line.utf8)
      #expect(length == RichText.listMarker(line).map(\.utf8.count), "\(line)")
    }
    #expect(RichText.listMarker("12) e") == "12)")
    #expect(RichText.listMarker("• c") == "•")
  }
}

/// A plain load leaves out the writing tips when it has no error to report, and reports the
/// same diagnostics as lint when it has.
@Suite("Loading without the writing tips")
struct LoadingWithoutTipsTests {
  static let workshop: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/valid/workshop.yaml")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  /// The workshop fixture with a title over its limit and one that names a cast member.
  static func withTips() throws -> String {
    let title = String(repeating: "é", count: CaseStudyValidator.titleLimit + 1)
    var text = workshop
    for (old, new) in [
      ("title: Name the decision\n", "title: \(title)\n"),
      ("goal: Check for harm.\n", "goal: Check for harm to Ana's customers.\n"),
    ] {
      try #require(text.components(separatedBy: old).count == 2, "'\(old)' must occur once")
      text = text.replacingOccurrences(of: old, with: new)
    }
    return text
  }

  @Test func aLoadWithoutErrorsSkipsTheTipsAndLintKeepsThem() throws {
    let yaml = try Self.withTips()
    let lint = CaseStudyLoader.validate(yaml, file: "w.yaml")
    let tips = lint.diagnostics.filter {
      $0.message.contains("characters;") || $0.message.contains("from the cast")
    }
    #expect(tips.count == 2)
    #expect(lint.caseStudy != nil)
    let load = CaseStudyLoader.validate(yaml, file: "w.yaml", writingTips: false)
    #expect(load.caseStudy == lint.caseStudy)
    #expect(load.diagnostics == lint.diagnostics.filter { !tips.contains($0) })
    #expect((try? CaseStudyLoader.parse(yaml, file: "w.yaml")) == lint.caseStudy)
  }

  @Test func aLoadThatFailsReportsWhatLintReports() throws {
    let yaml = try Self.withTips().replacingOccurrences(
      of: "timebox_minutes: 30", with: "timebox_minutes: thirty")
    let lint = CaseStudyLoader.lint(yaml, file: "w.yaml")
    #expect(lint.contains { $0.isError })
    #expect(lint.contains { $0.message.contains("characters;") })
    #expect(lint.contains { $0.message.contains("from the cast") })
    #expect(throws: CaseStudyLoadError(diagnostics: lint)) {
      try CaseStudyLoader.parse(yaml, file: "w.yaml")
    }
  }

  @Test func aTitleCountsCharactersNotBytes() throws {
    // 60 characters in 180 bytes fits; 61 precomposed "é" (122 bytes) does not.
    let fits = String(repeating: "e\u{301}\u{301}", count: CaseStudyValidator.titleLimit)
    try #require(Self.workshop.contains("title: Name the decision\n"))
    let yaml = Self.workshop.replacingOccurrences(
      of: "title: Name the decision\n", with: "title: \(fits)\n")
    #expect(
      !CaseStudyLoader.lint(yaml, file: "w.yaml").contains { $0.message.contains("characters;") })
    let over = CaseStudyLoader.lint(try Self.withTips(), file: "w.yaml")
      .filter { $0.message.contains("characters;") }
    #expect(
      over.map(\.message) == [
        "'title' of item 'S.1' is 61 characters; a title reads best at 60 or fewer"
      ])
  }
}
