import Foundation
import Testing

@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// The report writers read text as UTF-8 bytes (`UTF8Scan`) instead of Characters. These pin
/// what they write on the inputs where bytes and Characters part ways (combining and prepended
/// marks beside punctuation, CR LF, Unicode spaces and line breaks, links), with the answers
/// the Character-by-Character versions gave.
@Suite("Report text read on bytes")
struct ReportTextScanTests {
  @Test(arguments: [
    (
      "a *b* _c_ [d](e) <f> #h ~i! {j} `k` \\l & m", " ",
      "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\#h \\~i\\! \\{j\\} \\`k\\` \\\\l &amp; m"
    ),
    ("cell | with # pipes &amp;", "<br>", "cell \\| with \\# pipes &amp;amp;"),
    // A run of line breaks, CR LF or not, is one break.
    ("one\ntwo\r\nthree\r\rfour\n\n\nfive", " ", "one two three four five"),
    ("one\ntwo\r\nthree\r\rfour\n\n\nfive", "<br>", "one<br>two<br>three<br>four<br>five"),
    // Unicode spaces at the ends are trimmed; a `<br>` is not a space.
    ("\n\u{A0} spaced\u{3000}\t\n", " ", "spaced"),
    ("\n\u{A0} spaced\u{3000}\t\n", "<br>", "<br>\u{A0} spaced\u{3000}\t<br>"),
    // Punctuation that a combining mark joins, or a prepended mark joins, is not markup.
    (
      "*\u{301} _\u{301} |\u{301} &\u{301} plain *", " ",
      "*\u{301} _\u{301} |\u{301} &\u{301} plain \\*"
    ),
    ("\u{600}* and \u{6DD}# and \u{600}|", " ", "\u{600}* and \u{6DD}# and \u{600}|"),
    (
      "👍🏽 *👍* 👨‍👩‍👧 🇬🇧 café — £5 中文|日本", "<br>",
      "👍🏽 \\*👍\\* 👨‍👩‍👧 🇬🇧 café — £5 中文\\|日本"
    ),
    (
      "see https://wiki.example.com/a_(b)|c. and (https://x.org/p?q=1&r=2), xhttps://no.pe http://",
      "<br>",
      "see <https://wiki.example.com/a_(b)%7Cc>. and (<https://x.org/p?q=1&r=2>), xhttps://no.pe http://"
    ),
    (
      "<https://z.example/> 'https://q.example/x'! [https://r.example/y]", " ",
      "\\<<https://z.example/>\\> '<https://q.example/x>'\\! \\[<https://r.example/y>\\]"
    ),
    // Only LF and CR are line breaks here; the other Unicode ones stay as they are.
    (
      "u\u{2028}v\u{2029}w\u{85}x\u{0B}y\u{0C}z", " ", "u\u{2028}v\u{2029}w\u{85}x\u{0B}y\u{0C}z"
    ),
  ])
  func inlineMarkdown(text: String, lineBreak: String, expected: String) {
    #expect(MarkdownReport.inline(text, lineBreak: lineBreak) == expected)
  }

  @Test(arguments: [
    ("-x", "\\-x"), ("- x", "\\- x"), ("-\u{301}x", "-\u{301}x"), ("+", "\\+"), ("= y", "\\= y"),
    ("12. x", "12\\. x"), ("12.\u{301} x", "12.\u{301} x"), ("1\u{20E3}. x", "1\u{20E3}. x"),
    ("1994) y", "1994\\) y"), ("7", "7"), ("12x", "12x"), ("x. y", "x. y"), ("", ""),
    ("é. x", "é. x"),
  ])
  func blockStarts(line: String, expected: String) {
    #expect(MarkdownReport.escapeBlockStart(line) == expected)
  }

  /// U+1FEF (Greek varia) is canonically equal to a backtick: a Character reading escaped it.
  @Test func aVariaIsABacktick() {
    #expect(MarkdownReport.inline("a\u{1FEF}b \u{1FEF}\u{301}") == "a\\\u{1FEF}b \u{1FEF}\u{301}")
  }

  @Test func htmlEscapingAndTables() {
    #expect(
      HTMLReport.escape("<a href=\"x\">Tom's & \u{301}é</a>")
        == "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; \u{301}é&lt;/a&gt;")
    #expect(HTMLReport.escapeTrimmingNewlines("\u{2028}\r\n <b>\n\u{85}") == " &lt;b&gt;")
    #expect(
      HTMLReport.scrollable("<table>\n</table>\n<table class=\"log\"></table>")
        == "<div class=\"scroll\"><table>\n</table></div>\n"
        + "<div class=\"scroll\"><table class=\"log\"></table></div>")
    // A String's `replacing` matches whole Characters: a joined mark makes no match.
    #expect(
      HTMLReport.scrollable("\u{600}<table> <table\u{301}> </table>\u{301}")
        == "\u{600}<table> <table\u{301}> </table>\u{301}")
  }

  @Test func reportDates() {
    let date = Date(timeIntervalSince1970: 1_763_464_000)
    #expect(ReportModel.displayDate(date) == "2025-11-18 11:06 UTC")
    #expect(ReportModel.logDate(date) == "2025-11-18 11:06:40")
  }

  @Test func autolinksPercentEncodeControls() {
    #expect(
      MarkdownReport.autolinkSafe("https://x.example/a\u{1}b\u{7F}c é|d")
        == "https://x.example/a%01b%7Fc%20é%7Cd")
  }

  /// Every Unicode line break splits lines (CR LF once, so VT and FF after NEL are blank
  /// lines); indentation counts spaces and tabs (four), not other Unicode spaces.
  @Test func richTextLinesAndNesting() {
    let text =
      "- a\r\n\t- b\u{2028}  c\u{2029}\u{A0}- d\u{85}\u{0B}\u{0C}1. e\n \u{301}- f\n\n"
      + "\u{3000}tail\u{3000}"
    let item = { (marker: String, lines: [String], sublists: [RichText.List]) in
      RichText.Item(
        marker: marker, number: Int(marker.dropLast()), lines: lines, sublists: sublists)
    }
    let nested = RichText.List(ordered: false, items: [item("-", ["b", "c"], [])])
    let expected: [RichText.Piece] = [
      RichText.Piece(
        block: .list(
          RichText.List(
            ordered: false, items: [item("-", ["a"], [nested]), item("-", ["d"], [])])),
        gapBefore: false),
      RichText.Piece(
        block: .list(RichText.List(ordered: true, items: [item("1.", ["e", "\u{301}- f"], [])])),
        gapBefore: true),
      RichText.Piece(block: .paragraph(["tail"]), gapBefore: true),
    ]
    #expect(RichText(text).pieces == expected)
  }

  @Test func byteHelpers() {
    var text = "a\u{301}*b \u{600}|c *\u{301}"
    text.withUTF8 { bytes in
      let star = Array(bytes).firstIndex(of: UInt8(ascii: "*")) ?? 0
      #expect(UTF8Scan.isLoneASCII(bytes, at: star))
      #expect(!UTF8Scan.isLoneASCII(bytes, at: bytes.count - 3))
      let pipe = Array(bytes).firstIndex(of: UInt8(ascii: "|")) ?? 0
      #expect(!UTF8Scan.isLoneASCII(bytes, at: pipe))
      #expect(UTF8Scan.contains("b ", in: bytes))
      #expect(!UTF8Scan.contains("http", in: bytes))
    }
    var spaced = "\u{3000} x \u{A0}"
    spaced.withUTF8 { bytes in
      let kept = UTF8Scan.trimmed(bytes, 0..<bytes.count, .whitespaces)
      #expect(String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self) == "x")
    }
    var lines = "a\r\nb\u{85}\rc\n"
    var found: [String] = []
    lines.withUTF8 { bytes in
      UTF8Scan.forEachLine(bytes) {
        found.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self))
      }
    }
    #expect(found == ["a", "b", "", "c", ""])
  }
}
