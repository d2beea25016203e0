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

  @Test func printableASCIITakesOneCellPerByteWhereverItIsClipped() {
    let text = "Hello, world ~!{|}"
    for x in [-3, 0, 5, 30] {
      for maxX in [nil, 7] {
        var buffer = ScreenBuffer(size: Size(width: 20, height: 2))
        let end = buffer.put(text, x: x, y: 1, role: .accent, bold: true, maxX: maxX)
        let limit = min(maxX ?? 20, 20)
        #expect(end == (x >= limit ? x : min(x + text.utf8.count, limit)))
        for col in 0..<20 {
          let index = col - x
          let cell = buffer[col, 1]
          if index >= 0, index < text.utf8.count, col < limit {
            let expected = String(text[text.index(text.startIndex, offsetBy: index)])
            #expect(cell == Cell(expected, role: .accent, bold: true), "x \(x), column \(col)")
          } else {
            #expect(cell == .blank, "x \(x), column \(col)")
          }
        }
      }
    }
  }

  @Test func textWithACombiningMarkStillGoesByCharacters() {
    var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
    #expect(buffer.put("cafe\u{301}!", x: 0, y: 0) == 5)
    #expect(buffer[3, 0].text == "e\u{301}")
    #expect(buffer[4, 0].text == "!")
    // Clipped just before a combining mark: the mark's base is drawn whole, not as a bare "e".
    var clipped = ScreenBuffer(size: Size(width: 10, height: 1))
    #expect(clipped.put("abcde\u{301}xyz", x: 0, y: 0, maxX: 5) == 5)
    #expect(clipped[4, 0].text == "e\u{301}")
    var tabbed = ScreenBuffer(size: Size(width: 10, height: 1))
    #expect(tabbed.put("a\tb", x: 0, y: 0) == 3)
    #expect(tabbed[1, 0].text == " ")
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
