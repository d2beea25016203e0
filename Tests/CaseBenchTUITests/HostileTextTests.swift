import CaseBenchLoading
import CaseBenchModel
import Foundation
import Testing

@testable import CaseBenchTUI

/// Text from a case study or a note never moves the cursor, changes colours or reorders the
/// screen: control characters and invisible format characters are drawn as placeholders.
@Suite("Hostile text")
struct HostileTextTests {
  /// Bidirectional overrides, embeddings and isolates, and other invisible format characters.
  static let formatCharacters: [Unicode.Scalar] =
    (0x202A...0x202E).compactMap(Unicode.Scalar.init)
    + (0x2066...0x2069).compactMap(Unicode.Scalar.init)
    + (0x200B...0x200F).compactMap(Unicode.Scalar.init)
    + (0x2060...0x2064).compactMap(Unicode.Scalar.init)
    + ["\u{FEFF}", "\u{AD}", "\u{61C}", "\u{180E}", "\u{E0001}"]

  @Test func controlCharactersShowInCaretNotation() {
    #expect(DisplayWidth.placeholder(for: "\u{1B}") == "^[")
    #expect(DisplayWidth.placeholder(for: "\u{0}") == "^@")
    #expect(DisplayWidth.placeholder(for: "\u{7}") == "^G")
    #expect(DisplayWidth.placeholder(for: "\u{7F}") == "^?")
    #expect(DisplayWidth.placeholder(for: "\u{9B}") == "<U+009B>")
    #expect(DisplayWidth.of("\u{1B}[2J") == 5)
  }

  @Test(arguments: formatCharacters)
  func formatCharactersShowTheirCodePoint(_ scalar: Unicode.Scalar) throws {
    let shown = try #require(DisplayWidth.placeholder(for: Character(scalar)))
    let hex = String(scalar.value, radix: 16, uppercase: true)
    #expect(shown == "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">")
    #expect(DisplayWidth.of(Character(scalar)) == shown.count)
  }

  @Test func ordinaryTextNewlinesAndTabsHaveNoPlaceholder() {
    for ch: Character in ["a", " ", "é", "e\u{301}", "日", "🚲", "\n", "\r\n", "\t", "\u{2028}"] {
      #expect(DisplayWidth.placeholder(for: ch) == nil, "\(ch.debugDescription)")
    }
  }

  /// A zero-width joiner inside an emoji sequence, or tags inside a flag, belong to the emoji.
  @Test func joinersInsideEmojiStayJoined() {
    for emoji: Character in ["👩‍👩‍👧", "🏳️‍🌈", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "👍🏽"] {
      #expect(DisplayWidth.placeholder(for: emoji) == nil, "\(emoji)")
      #expect(DisplayWidth.of(emoji) == 2, "\(emoji)")
      var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
      #expect(buffer.put(String(emoji), x: 0, y: 0) == 2)
      #expect(buffer[0, 0].text == String(emoji))
    }
    // A joiner with nothing to join is invisible, so it gets a placeholder.
    #expect(DisplayWidth.placeholder(for: "\u{200D}") == "<U+200D>")
  }

  @Test func theScreenShowsPlaceholdersWhereTheCharactersWere() {
    var buffer = ScreenBuffer(size: Size(width: 60, height: 2))
    let end = buffer.put(
      "pay \u{202E}3 shops\u{202C} \u{1B}[31mred\u{7} zero\u{200B}width", x: 0, y: 0)
    let expected = "pay <U+202E>3 shops<U+202C> ^[[31mred^G zero<U+200B>width"
    #expect(buffer.text == expected + "\n\n")
    #expect(end == expected.count)
    #expect(
      DisplayWidth.of("pay \u{202E}3 shops\u{202C} \u{1B}[31mred\u{7} zero\u{200B}width") == end)
  }

  @Test func aPlaceholderIsClippedLikeText() {
    var buffer = ScreenBuffer(size: Size(width: 20, height: 1))
    let end = buffer.put("ab\u{202E}cd", x: 0, y: 0, maxX: 6)
    #expect(end == 6)
    #expect(buffer.text == "ab<U+2\n")
    #expect(DisplayWidth.truncate("ab\u{202E}cd", to: 6) == "ab…")
  }

  /// Whatever the text, no cell holds a control character, and no cell starts with an
  /// invisible format character; drawing advances by exactly the measured width.
  @Test func randomHostileTextNeverReachesACell() {
    var rng = SplitMix(seed: 2026)
    let alphabet: [String] =
      ["a", " ", "日", "🚲", "e\u{301}", "\u{301}", "👩‍👩‍👧", "\n", "\t", "\r\n", "\u{85}", "\u{9B}"]
      + (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) } + ["\u{7F}"]
      + Self.formatCharacters.map(String.init)
    for _ in 0..<2_000 {
      let count = Int(rng.next() % 24)
      let text = (0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        .joined()
      var buffer = ScreenBuffer(size: Size(width: 300, height: 1))
      let end = buffer.put(text, x: 0, y: 0)
      #expect(end == DisplayWidth.of(text), "\(text.debugDescription)")
      for x in 0..<buffer.width {
        let scalars = buffer[x, 0].text.unicodeScalars
        #expect(
          !scalars.contains { $0.properties.generalCategory == .control },
          "\(text.debugDescription) put a control character at \(x)")
        if let first = scalars.first {
          #expect(!DisplayWidth.isHidden(first), "\(text.debugDescription) at \(x)")
        }
      }
    }
  }

  @Test func theEditorCursorCountsPlaceholders() {
    var editor = TextEditor("a\u{202E}b", multiline: true)
    #expect(editor.cursorPosition(width: 40).column == 10)
    editor.left()
    #expect(editor.cursorPosition(width: 40).column == 9)
    editor.left()
    #expect(editor.cursorPosition(width: 40).column == 1)
  }

  @Test func wrappingMeasuresPlaceholders() {
    let rows = Wrap.lines("one \u{202E}two three", width: 12)
    for row in rows { #expect(DisplayWidth.of(row) <= 12, "\(row.debugDescription)") }
    #expect(rows == ["one", "\u{202E}two", "three"])
  }

  /// A case study and a note full of hostile text, as the workbench shows them.
  @Test func workbenchGolden() {
    var study = Fixture.caseStudy
    study.phases[0].title = "Frame \u{202E}the problem\u{202C}"
    study.phases[0].items[0].title = "Name \u{1B}[31mthe decision\u{1B}[0m \u{2066}isolated\u{2069}"
    study.phases[0].items[0].guidance =
      "Write\u{200B}down who\u{FEFF} will use\u{AD} it. 👩‍👩‍👧 stays one emoji.\u{7}"
    var session = Session(participant: "Team Rocket", caseStudy: study, now: Fixture.now)
    session.setNote(
      "Marta \u{202E}decides\u{202C} in January.\u{1B}]0;pwned\u{7} \u{2067}rtl\u{2069}",
      of: "frame-1", at: Fixture.now)
    var state = Fixture.startState()
    _ = update(&state, .resize(Size(width: 120, height: 30)))
    state.openWorkbench(
      caseStudy: study, session: session, sessionName: "team-rocket", readOnly: false,
      readOnlyReason: nil)
    let screen = render(state, size: Size(width: 120, height: 30))
    for cell in screen.cells {
      #expect(!cell.text.unicodeScalars.contains { DisplayWidth.isHidden($0) && $0 != "\u{200D}" })
    }
    assertGolden(screen.text, "hostile-text-120x30")
  }
}

extension HostileTextTests {
  /// What `casebench export` writes to a terminal.
  @Test func visibleTextKeepsLinesAndTabsOnly() {
    let text =
      "# Note\r\n| a | b |\n\tindented \u{1B}[31mred\u{1B}[0m\u{7}\rover \u{202E}evil 👩‍👩‍👧 \u{85}x"
    #expect(
      DisplayWidth.visible(text)
        == "# Note\r\n| a | b |\n\tindented ^[[31mred^[[0m^G^Mover <U+202E>evil 👩‍👩‍👧 <U+0085>x")
    #expect(DisplayWidth.visible("plain\ntext\t日本") == "plain\ntext\t日本")
  }
}

@Suite("Display width fast paths")
struct DisplayWidthFastPathTests {
  /// The width and hidden-ness the Unicode tables give, as `DisplayWidth` worked them out
  /// before its fast paths for Latin text, punctuation and box drawing.
  static func reference(_ s: Unicode.Scalar) -> (width: Int, hidden: Bool) {
    let v = s.value
    let category = s.properties.generalCategory
    let hidden = v < 0x20 || (0x7F..<0xA0).contains(v) || (v >= 0xAD && category == .format)
    var width = 1
    switch category {
    case .nonspacingMark, .enclosingMark, .format: width = 0
    default: if s.properties.isEmojiPresentation { width = 2 }
    }
    return (width, hidden)
  }

  @Test("The fast paths agree with the Unicode tables for every scalar they cover")
  func fastPathsAgree() {
    let ranges: [ClosedRange<UInt32>] = [0x20...0x2FF, 0x2010...0x2027, 0x2500...0x259F]
    for range in ranges {
      for v in range {
        guard let s = Unicode.Scalar(v) else { continue }
        let expected = Self.reference(s)
        #expect(DisplayWidth.scalarWidth(s) == expected.width, "U+\(String(v, radix: 16))")
        #expect(DisplayWidth.isHidden(s) == expected.hidden, "U+\(String(v, radix: 16))")
      }
    }
  }
}
