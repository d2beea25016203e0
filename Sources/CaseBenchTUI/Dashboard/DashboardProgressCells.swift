import CaseBenchModel

/// A team's progress on one phase, on the teams page: its items done or N/A out of the phase's
/// items as numbers ("6/13", so 6/13 and 3/13 never look alike), or three bar cells on a row
/// too narrow for numbers.
extension DashboardView {
  /// The width of the widest "settled/total" of the case study ("13/13" is 5).
  static func numberWidth(_ caseStudy: CaseStudy) -> Int {
    caseStudy.phases.map { 2 * String($0.items.count).count + 1 }.max() ?? 0
  }

  /// The least a team's name keeps before the numbers give way to bar cells.
  static let nameBeforeNumbers = 10

  /// Cells per phase for numbers when `free` columns are left for the name and the progress:
  /// `numbers` if the name keeps `nameBeforeNumbers` of them, else nil (bar cells).
  static func numberCells(free: Int, phases: Int, numbers: Int) -> Int? {
    guard numbers > 0, free - (phases * (numbers + 1) - 1) >= nameBeforeNumbers else { return nil }
    return numbers
  }

  static func drawPhaseCell(
    _ p: PhaseProgress, x: Int, y: Int, columns c: Columns, glyphs g: Glyphs,
    into buf: inout ScreenBuffer
  ) {
    let role: Role = p.gateMet ? .success : p.settled == 0 ? .dim : .accent
    guard !c.showsNumbers else {
      let text = "\(p.settled)/\(p.total)"
      buf.put(text.leftPadded(to: c.cell), x: x, y: y, role: role, bold: p.gateMet)
      return
    }
    let filled = Int((p.fraction * Double(barCells)).rounded(.down))
    for cell in 0..<barCells {
      let on = cell < filled
      buf.put(on ? g.barFull : g.barEmpty, x: x + cell, y: y, role: on ? role : .dim)
    }
  }
}
