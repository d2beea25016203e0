import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A story page's measures: the rectangles its parts take at a size and the text it scrolls.
/// They live with the page's state, so its update clamps without calling its view.
extension StoryPage {
  /// Where a page's parts go at a size, and how far its text can scroll; the update pages and
  /// clamps with the same figures the view draws with, and neither asks the other.
  struct Metrics {
    var body: Rect
    /// Inside the border, with a column of margin each side.
    var inner: Rect
    /// The cast page's list of names, and the card beside it.
    var names: Rect
    var card: Rect
    /// The ethics lens: its list of items, and the selected item's preview below it.
    var list: Rect
    var preview: Rect
    /// The scrolled text: the background, or the selected person's card.
    var text: [StyledLine]
    var textHeight: Int

    init(page: StoryPage, wb: Workbench, options: RenderOptions, size: Size) {
      body = Rect(x: 0, y: 0, w: size.width, h: max(0, size.height - 1))
      inner = Rect(x: 2, y: 1, w: max(0, body.w - 4), h: max(0, body.h - 2))
      // A wide screen lists each person with their role; the card keeps a readable measure.
      let namesW = inner.w >= 140 ? 56 : min(28, max(14, inner.w / 3))
      names = Rect(x: inner.x, y: inner.y, w: namesW, h: inner.h)
      card = Rect(
        x: inner.x + namesW + 2, y: inner.y,
        w: max(1, min(StoryPage.measure, inner.w - namesW - 2)), h: inner.h)
      let entries = StoryPages.ethicsRows(wb).count + wb.lenses.count
      let previewH = max(4, inner.h / 4)
      let listH = max(1, min(entries, inner.h - previewH - 1))
      list = Rect(x: inner.x, y: inner.y, w: inner.w, h: listH)
      preview = Rect(
        x: inner.x, y: inner.y + listH + 1, w: inner.w, h: max(0, inner.h - listH - 1))
      switch page.kind {
      case .cast:
        let people = wb.caseStudy.cast
        text =
          wb.showsCase && people.indices.contains(page.row)
          ? StoryPage.card(people[page.row], options: options, width: card.w) : []
        textHeight = card.h
      case .background:
        // Own-project mode shows a notice instead: nothing to scroll or to highlight.
        text = wb.showsCase ? StoryPage.background(wb, width: inner.w) : []
        textHeight = inner.h
      case .ethics:
        text = []
        textHeight = list.h
      }
    }

    var maxScroll: Int { max(0, text.count - textHeight) }
    var pageRows: Int { textHeight }
  }

  /// The widest a column of prose gets.
  static let measure = 76

  /// One person's card: name, role, power and interest, what they want, their hot buttons.
  static func card(_ person: CastMember, options: RenderOptions, width: Int) -> [StyledLine] {
    let g = Glyphs.of(options)
    var out: [StyledLine] = []
    out.wrap(person.name, width: width, role: .title, bold: true)
    out.wrap(person.role, width: width)
    out.wrap(
      "Power \(person.power.rawValue) \(g.dot) interest \(person.interest.rawValue)",
      width: width, role: .dim)
    if !person.wants.isEmpty {
      out.append(.blank)
      out.append(StyledLine(text: "Wants", role: .title, bold: true))
      out.prose(person.wants, width: width)
    }
    if !person.hotButtons.isEmpty {
      out.append(.blank)
      out.append(StyledLine(text: "Hot buttons", role: .title, bold: true))
      for button in person.hotButtons {
        out.bullet(button, marker: g.pointer + " ", width: width, role: .warning)
      }
    }
    return out
  }

  /// The background as the reports show it: paragraphs, kept line breaks and lists with their
  /// nesting, from the one `RichText` reading of the author's text.
  static func background(_ wb: Workbench, width: Int) -> [StyledLine] {
    var out: [StyledLine] = []
    out.prose(wb.caseStudy.background, width: width)
    return out
  }
}
