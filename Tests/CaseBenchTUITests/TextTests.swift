import Foundation
import Testing

@testable import CaseBenchTUI

@Suite("Wrapping and editing")
struct TextTests {
  @Test func wrapsAtWordsByDisplayWidth() {
    let lines = Wrap.lines("日本語 text that wraps nicely", width: 10)
    #expect(lines == ["日本語", "text that", "wraps", "nicely"])
    for l in lines { #expect(DisplayWidth.of(l) <= 10) }
  }

  @Test func breaksOnlyWordsLongerThanTheLine() {
    #expect(Wrap.lines("a supercalifragilistic b", width: 8) == ["a", "supercal", "ifragili", "stic b"])
  }

  @Test func keepsBlankLines() {
    #expect(Wrap.lines("one\n\ntwo", width: 20) == ["one", "", "two"])
  }

  @Test func clippedEndsWithAnEllipsisAtAWord() {
    let l = Wrap.clipped("alpha beta gamma delta epsilon", width: 11, maxLines: 2, ellipsis: "…")
    #expect(l == ["alpha beta", "gamma…"])
  }

  @Test func editorMovesByGrapheme() {
    var e = TextEditor("e\u{301}🚲x", multiline: false)
    #expect(e.chars.count == 3)
    e.left()
    e.left()
    e.backspace()
    #expect(e.text == "🚲x")
    #expect(e.cursorPosition(width: 20).column == 0)
    e.right()
    #expect(e.cursorPosition(width: 20).column == 2)
  }

  @Test func singleLineFieldsTurnNewlinesIntoSpaces() {
    var e = TextEditor(multiline: false)
    e.insert("a\nb\tc\u{7}")
    #expect(e.text == "a b  c")
  }

  @Test func wrappedRowsMoveVertically() {
    var e = TextEditor("aaaa bbbb cccc", multiline: true)
    #expect(e.rows(width: 5).count == 3)
    e.moveVertically(-1, width: 5)
    #expect(e.cursorPosition(width: 5).row == 1)
    e.moveVertically(-5, width: 5)
    #expect(e.cursorPosition(width: 5).row == 0)
    e.moveVertically(-1, width: 5)
    #expect(e.cursor == 0)
  }
}
