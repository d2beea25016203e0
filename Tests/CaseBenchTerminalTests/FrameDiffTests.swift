import CaseBenchTUI
import Testing

@testable import CaseBenchTerminal

@Suite("FrameDiff")
struct FrameDiffTests {
  private func frame(_ lines: [String], width: Int = 10) -> ScreenBuffer {
    var buffer = ScreenBuffer(size: Size(width: width, height: lines.count))
    for (y, line) in lines.enumerated() { buffer.put(line, x: 0, y: y) }
    return buffer
  }

  private func diff(_ old: ScreenBuffer?, _ new: ScreenBuffer) -> [Int] {
    FrameDiff.cellsToDraw(previous: old, current: new, columns: new.width, rows: new.height)
  }

  @Test func firstFrameDrawsEveryCellButContinuations() {
    let new = frame(["ab", "日本"])
    let drawn = diff(nil, new)
    #expect(drawn.count == 20 - 2)
    #expect(!drawn.contains(11))  // right half of 日
    #expect(!drawn.contains(13))  // right half of 本
    #expect(drawn.contains(10) && drawn.contains(12))
  }

  @Test func identicalFrameDrawsNothing() {
    #expect(diff(frame(["hello", "日本 🚲"]), frame(["hello", "日本 🚲"])).isEmpty)
  }

  @Test func oneChangedCellIsTheOnlyOneDrawn() {
    #expect(diff(frame(["hello", "world"]), frame(["hello", "wOrld"])) == [11])
  }

  @Test func wideCharacterReplacingTwoNarrowOnesIsDrawnOnce() {
    #expect(diff(frame(["ab"]), frame(["日"])) == [0])
  }

  @Test func narrowCharactersReplacingAWideOneAreBothDrawn() {
    #expect(diff(frame(["日"]), frame(["ab"])) == [0, 1])
  }

  @Test func changingOnlyTheRightHalfRedrawsTheWideCharacter() {
    let old = frame(["日x"])
    var new = old
    new.paint(x: 1, y: 0, width: 1, role: .selected)
    #expect(diff(old, new) == [0])
  }

  @Test func strayContinuationIsDrawnAsABlank() {
    let old = frame(["ab"])
    var new = old
    new[0, 0] = .continuation
    #expect(diff(old, new) == [0])
  }

  @Test func anotherSizeMeansAFullRedraw() {
    let old = frame(["ab"], width: 5)
    let new = frame(["ab"], width: 6)
    #expect(diff(old, new).count == 6)
  }

  @Test func clipsToTheTerminal() {
    let new = frame(["abcdef", "ghijkl"], width: 6)
    let drawn = FrameDiff.cellsToDraw(previous: nil, current: new, columns: 3, rows: 1)
    #expect(drawn == [0, 1, 2])
  }
}
