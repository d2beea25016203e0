import Foundation
import Testing

@testable import CaseBenchModel
@testable import CaseBenchReports

/// A user's note is text, never Markdown: whatever it holds, the report keeps its tables,
/// headings and quotes. Only its paragraphs, line breaks and lists are kept, as the workbench
/// shows them (see `RichText`).
@Suite("Markdown export escaping")
struct MarkdownEscapingTests {
  static let hostileNote = """
    # not a heading
    | not | a | table |
    - not a list
    1. not a list either
    > not a quote
    ```
    not a code fence
    ```
    ===
    ---
    <script>alert(1)</script> <b>bold</b> &amp; &copy;
    [link](http://example.com) ![image](x.png) *em* _em_ ~~struck~~ \\ `code`
    """

  func markdown() throws -> String {
    let bike = try HostileInput.bikeShop
    let items = bike.allItems
    var session = Session(
      participant: "Team | #1 <x>", caseStudy: bike, now: Date(timeIntervalSince1970: 0))
    session.setNote(Self.hostileNote, of: items[0].id, at: Date(timeIntervalSince1970: 60))
    session.setNote(
      "# starts with a hash | and a pipe", of: items[1].id, at: Date(timeIntervalSince1970: 61))
    session.setStatus(
      .notApplicable, of: items[2].id, reason: "a | b\n# c", at: Date(timeIntervalSince1970: 62))
    // Work recorded against an item this version of the case study does not have: its note
    // goes into a table cell.
    session.items["GONE.1"] = ItemState(
      status: .done,
      note:
        "cell | with # pipes, see https://wiki.example.com/a|b\n| and lines |")
    if let decision = bike.phases.flatMap(\.decisions).first, let option = decision.options.first {
      session.decide(
        decision.id, option: option.id, rationale: "# because | reasons",
        at: Date(timeIntervalSince1970: 63))
    }
    return Reports.export(caseStudy: bike, session: session, format: .markdown)
  }

  /// Pipes that end a cell: not escaped by a backslash.
  static func cellSeparators(_ line: Substring) -> Int {
    var count = 0
    var escaped = false
    for ch in line {
      if escaped {
        escaped = false
      } else if ch == "\\" {
        escaped = true
      } else if ch == "|" {
        count += 1
      }
    }
    return count
  }

  /// Backslash escapes do not work inside an autolink: a URL's `|` (and whatever else would
  /// end the link) is percent-encoded, so the cell keeps its column and the link its target.
  @Test func aURLInATableCellKeepsTheTable() throws {
    let cell = MarkdownReport.inline("see https://wiki.example.com/a|b", lineBreak: "<br>")
    #expect(cell == "see <https://wiki.example.com/a%7Cb>")
    #expect(Self.cellSeparators(Substring("| " + cell + " |")) == 2)
    #expect(
      MarkdownReport.autolinkSafe("https://x.example/a`b\\c") == "https://x.example/a%60b%5Cc")
    let export = try markdown()
    #expect(export.contains("<https://wiki.example.com/a%7Cb>"))
  }

  @Test func tablesKeepTheirColumns() throws {
    let lines = try markdown().split(separator: "\n", omittingEmptySubsequences: false)
    var columns: Int?
    var rows = 0
    for line in lines {
      guard line.hasPrefix("|") else {
        columns = nil
        continue
      }
      let separators = Self.cellSeparators(line)
      if let columns {
        #expect(separators == columns, "\(line)")
        rows += 1
      } else {
        columns = separators
      }
    }
    #expect(rows > 20)
  }

  @Test func notesCannotMakeHeadingsOrBlocks() throws {
    let md = try markdown()
    let lines = md.split(separator: "\n", omittingEmptySubsequences: false)
    // Every heading is one the report made.
    for line in lines where line.hasPrefix("#") {
      #expect(!line.contains("not a heading") && !line.contains("starts with a hash"), "\(line)")
    }
    #expect(md.contains("> \\# not a heading\\"))
    // The note's list stays a list, inside the quote; the lines after its last item continue
    // that item, each escaped.
    #expect(
      md.contains("> \\| not \\| a \\| table \\|\n>\n> - not a list\n>\n> 1. not a list either\\"))
    #expect(md.contains(">    \\> not a quote\\"))
    #expect(md.contains(">    \\===\\\n>    \\---\\"))
    #expect(md.contains("> \\# starts with a hash \\| and a pipe"))
    for raw in ["<script>", "<b>", "```", "[link](", "&copy;"] {
      #expect(!md.contains(raw), "\(raw) reached the report as it was")
    }
    // Nothing in a note ends the block quote it is in early.
    let noteStart = try #require(lines.firstIndex { $0.hasPrefix("> \\# not a heading") })
    let noteEnd = try #require(lines[noteStart...].firstIndex { !$0.hasPrefix(">") })
    // Every line of the note, and a blank quote line before and after the list.
    #expect(noteEnd - noteStart == Self.hostileNote.split(separator: "\n").count + 2)
  }
}
