import CaseBenchTUI

/// Which cells of a frame need to go to ncurses, given the frame drawn before. Pure, so the
/// diffing is tested without a terminal.
enum FrameDiff {
  /// Indices (`y * width + x`) of the cells of `current` to draw, row by row, within the first
  /// `columns` x `rows` cells. With no previous frame (or one of another size) every cell is
  /// listed. The continuation cell of a wide character is never listed: drawing the character
  /// covers it, so the character is listed when either half changed. A continuation cell with no
  /// wide character to its left is listed (it is drawn as a blank).
  static func cellsToDraw(
    previous: ScreenBuffer?, current: ScreenBuffer, columns: Int, rows: Int
  ) -> [Int] {
    let width = current.width
    let cols = max(0, min(columns, width))
    let rowCount = max(0, min(rows, current.height))
    let cells = current.cells
    let before = previous?.size == current.size ? previous?.cells : nil
    var result: [Int] = []
    for y in 0..<rowCount {
      let base = y * width
      if let before, before[base..<(base + width)] == cells[base..<(base + width)] { continue }
      for x in 0..<cols {
        let i = base + x
        let cell = cells[i]
        if cell.isContinuation, x > 0, !cells[i - 1].isContinuation { continue }
        if let before {
          let wide = x + 1 < width && cells[i + 1].isContinuation
          let changed = before[i] != cell || (wide && before[i + 1] != cells[i + 1])
          if !changed { continue }
        }
        result.append(i)
      }
    }
    return result
  }
}
