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
    #expect(
      Wrap.lines("a supercalifragilistic b", width: 8) == ["a", "supercal", "ifragili", "stic b"])
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

extension TextTests {
  @Test func wrappingKeepsEveryWordWhole() {
    var rng = SplitMix(seed: 7)
    let words = ["a", "bike", "日本語", "🚲", "Café", "supercalifragilistic", "shop,", "x"]
    for _ in 0..<300 {
      let count = Int(rng.next() % 30)
      let text = (0..<count).map { _ in words[Int(rng.next() % UInt64(words.count))] }
        .joined(separator: " ")
      let width = 4 + Int(rng.next() % 40)
      let rows = Wrap.lines(text, width: width)
      for row in rows { #expect(DisplayWidth.of(row) <= width) }
      let rejoined = rows.joined(separator: " ").split(separator: " ").map(String.init)
      let original = text.split(separator: " ").map(String.init)
      // Words that fit a row are never split, so only over-long words can differ.
      let fitting = original.filter { DisplayWidth.of($0) <= width }
      let kept = rejoined.filter { w in fitting.contains(w) }
      #expect(kept.count >= fitting.count)
    }
  }
}

@Suite("Screen buffer edges")
struct ScreenBufferEdgeTests {
  @Test func fillAndPaintOutsideTheBufferDoNothing() {
    var buf = ScreenBuffer(size: Size(width: 4, height: 3))
    buf.fill(x: 10, y: 0, width: 3, height: 2, with: Cell("x"))
    buf.fill(x: 0, y: 5, width: 3, height: 2, with: Cell("x"))
    buf.fill(x: -5, y: -5, width: 2, height: 2, with: Cell("x"))
    buf.paint(x: 9, y: 1, width: 4, role: .selected)
    buf.paint(x: 0, y: 1, width: -3, role: .selected)
    #expect(buf.text == "\n\n\n")
    buf.fill(x: 3, y: 2, width: 5, height: 5, with: Cell("x"))
    #expect(buf.text == "\n\n   x\n")
  }
}
