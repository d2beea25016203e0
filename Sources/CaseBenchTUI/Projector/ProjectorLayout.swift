import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

/// One row of the projector: pieces of text, each at its column (`indent`) with its look.
typealias ProjectorRow = [StyledLine]

/// Lays a `ProjectorSlide` out in rows of a given width and cuts them into pages of a given
/// height. Nothing is cut: text wraps, and what does not fit goes to the next page. An option
/// (its label, bar, teams and what the step adds) is kept on one page when it fits one. Both the
/// view (to draw) and the update (to know how many pages there are) use it.
enum ProjectorLayout {
  /// The widest text column: longer lines are hard to follow from the back of a room.
  static let maxWidth = 110

  /// The text column's width for a screen `width` cells wide.
  static func columnWidth(_ width: Int) -> Int { max(20, min(maxWidth, width - 4)) }

  /// The body's height: everything but the title row and the status row.
  static func bodyHeight(_ size: Size) -> Int { max(1, size.height - 3) }

  /// The slide's pages for a screen of `size`.
  static func pages(_ slide: ProjectorSlide, size: Size, glyphs g: Glyphs) -> [[ProjectorRow]] {
    paginate(blocks(slide, width: columnWidth(size.width), glyphs: g), height: bodyHeight(size))
  }

  /// The slide as blocks of rows, each block kept together where it can be.
  static func blocks(_ s: ProjectorSlide, width w: Int, glyphs g: Glyphs) -> [[ProjectorRow]] {
    var out: [[ProjectorRow]] = []
    var head: [ProjectorRow] = []
    for line in Wrap.lines(s.title, width: w) {
      head.append([StyledLine(text: line, role: .title, bold: true)])
    }
    if !s.isRevealed {
      head.append([])
      for row in Wrap.prose(s.situation, width: w) {
        head.append([StyledLine(text: row.text, indent: row.indent)])
      }
    }
    if let undecided = s.undecided {
      let noun = undecided == 1 ? "team" : "teams"
      head += wrapped("Not decided yet: \(undecided) \(noun)", width: w, role: .dim)
      if let unknown = s.unknown, unknown > 0 {
        head += wrapped(
          "\(unknown) chose an option this version of the case study lacks", width: w, role: .dim)
      }
    }
    head.append([])
    out.append(head)
    if !s.isRevealed {
      out.append([[StyledLine(text: s.votedLine, role: .accent, bold: true)], []])
    }
    let barWidth = max(10, min(40, w / 3))
    for option in s.options {
      out.append(optionRows(option, width: w, barWidth: barWidth, glyphs: g))
    }
    return out
  }

  /// Text wrapped to `width` at column `indent`, one row per line.
  static func wrapped(
    _ text: String, width: Int, indent: Int = 0, role: Role = .normal, bold: Bool = false
  ) -> [ProjectorRow] {
    Wrap.lines(text, width: max(1, width - indent)).map {
      [StyledLine(text: $0, role: role, bold: bold, indent: indent)]
    }
  }

  /// One option: "a) label", then from the split on its bar, share and teams, then its verdict,
  /// and what happened or the debrief's questions, as the step allows.
  static func optionRows(
    _ o: ProjectorSlide.Option, width w: Int, barWidth: Int, glyphs g: Glyphs
  ) -> [ProjectorRow] {
    let hang = DisplayWidth.of(o.letter) + 2
    var rows: [ProjectorRow] = []
    for (i, line) in Wrap.lines(o.label, width: max(1, w - hang)).enumerated() {
      var row: ProjectorRow = []
      if i == 0 { row.append(StyledLine(text: "\(o.letter))", role: .accent, bold: true)) }
      row.append(StyledLine(text: line, bold: true, indent: hang))
      rows.append(row)
    }
    if let count = o.count, let share = o.share {
      var filled = Int((share * Double(barWidth)).rounded())
      if count > 0 { filled = max(1, filled) }
      let bar =
        String(repeating: g.barFull, count: filled)
        + String(repeating: g.barEmpty, count: max(0, barWidth - filled))
      let figures =
        "  \(count) \(count == 1 ? "team" : "teams") \(g.dot) \(Int((share * 100).rounded()))%"
      var row: ProjectorRow = [
        StyledLine(text: bar, role: count > 0 ? .accent : .dim, indent: hang),
        StyledLine(text: figures, bold: true, indent: hang + barWidth),
      ]
      if let verdict = o.verdict {
        let mark = verdictMark(verdict, glyphs: g)
        let used = hang + barWidth + DisplayWidth.of(figures)
        if used + 2 + DisplayWidth.of(mark.text) <= w {
          row.append(StyledLine(text: mark.text, role: mark.role, bold: true, indent: used + 2))
          rows.append(row)
        } else {
          rows.append(row)
          rows.append([StyledLine(text: mark.text, role: mark.role, bold: true, indent: hang)])
        }
      } else {
        rows.append(row)
      }
      if o.teams.isEmpty {
        rows += wrapped("no team", width: w, indent: hang, role: .dim)
      } else {
        rows += wrapped(o.teams.joined(separator: ", "), width: w, indent: hang, bold: true)
      }
    }
    if let consequence = o.consequence {
      rows += prose("What happened: " + consequence, width: w, indent: hang)
    }
    if let debrief = o.debrief, !debrief.isEmpty {
      rows += prose("Debrief: " + debrief, width: w, indent: hang, role: .accent)
    }
    rows.append([])
    return rows
  }

  static func prose(_ text: String, width: Int, indent: Int, role: Role = .normal)
    -> [ProjectorRow]
  {
    Wrap.prose(text, width: max(1, width - indent)).map {
      [StyledLine(text: $0.text, role: role, indent: indent + $0.indent)]
    }
  }

  /// A verdict as a word with a mark, so it reads without colour: "✓ RECOMMENDED".
  static func verdictMark(_ v: Verdict, glyphs g: Glyphs) -> (text: String, role: Role) {
    switch v {
    case .recommended: ("\(g.check) RECOMMENDED", .accent)
    case .defensible: ("DEFENSIBLE", .normal)
    case .poor: ("\(g.times) POOR", .warning)
    }
  }

  /// Cuts blocks into pages of `height` rows: a block that does not fit what is left of a page
  /// starts the next one, and a block taller than a page is cut at the page's end. A blank row
  /// that would start a page is left out.
  static func paginate(_ blocks: [[ProjectorRow]], height: Int) -> [[ProjectorRow]] {
    let h = max(1, height)
    var pages: [[ProjectorRow]] = []
    var page: [ProjectorRow] = []
    for block in blocks {
      var rows = block
      while rows.last?.isEmpty == true, page.count + rows.count > h { rows.removeLast() }
      if !page.isEmpty, page.count + rows.count > h, rows.count <= h {
        pages.append(page)
        page = []
      }
      for row in rows {
        if page.count == h {
          pages.append(page)
          page = []
        }
        if page.isEmpty, row.isEmpty { continue }
        page.append(row)
      }
    }
    if !page.isEmpty || pages.isEmpty { pages.append(page) }
    return pages
  }
}
