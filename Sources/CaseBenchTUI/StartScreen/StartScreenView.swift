import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The start screen: case studies to begin, saved sessions to resume.
enum StartScreenView {
  static func draw(_ state: AppState, size: Size, into buf: inout ScreenBuffer) {
    let g = Glyphs.of(state.options)
    let geo = StartScreen.geometry(size)
    buf.fill(x: 0, y: 0, width: size.width, height: 1, with: Cell(" ", role: .title))
    let x = buf.put(" casebench", x: 0, y: 0, role: .title, bold: true)
    let tagline = "  walk an ML project through its six phases, one decision at a time"
    if x + DisplayWidth.of(tagline) < size.width {
      buf.put(tagline, x: x, y: 0, role: .title)
    }
    let rows = StartScreen.rows(state.startEnvironment, width: geo.width)
    let top = StartScreen.scroll(rows, selection: state.start.selection, height: geo.listHeight)
    let selectedRole: Role = state.start.prompt == nil ? .selected : .selectedInactive
    for i in 0..<geo.listHeight {
      let r = top + i
      guard r < rows.count else { break }
      let row = rows[r]
      let y = geo.listTop + i
      let selected = row.entry != nil && row.entry == state.start.selection
      if selected {
        buf.fill(x: geo.x, y: y, width: geo.width, height: 1, with: Cell(" ", role: selectedRole))
      }
      let role = selected ? selectedRole : row.line.role
      if selected, row.line.indent == 2 {
        buf.put(g.pointer, x: geo.x, y: y, role: role, bold: true)
      }
      buf.put(
        row.line.text, x: geo.x + row.line.indent, y: y, role: role, bold: row.line.bold,
        maxX: geo.x + geo.width)
      if let right = row.right {
        buf.putRight(
          right.text, maxX: geo.x + geo.width - 1, y: y, role: selected ? role : right.role)
      }
    }
    if top > 0 {
      buf.putRight(
        g.pointer == ">" ? "^ more" : "↑ more", maxX: geo.x + geo.width, y: 2, role: .dim)
    }
    if top + geo.listHeight < rows.count {
      buf.putRight(
        g.pointer == ">" ? "v more" : "↓ more", maxX: geo.x + geo.width, y: size.height - 2,
        role: .dim)
    }
    if let prompt = state.start.prompt {
      prompt.draw(state.caseStudies, options: state.options, size: size, into: &buf)
    }
  }
}
