import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The start screen's measures: where its list goes at a size, its rows and the first row
/// shown. Its view draws with them and its update finds a click's entry with them, so the
/// update never asks the view.
extension StartScreen {
  struct Row {
    var line: StyledLine
    var right: StyledLine?
    /// The selectable entry this row belongs to.
    var entry: Int?
  }

  struct Geometry {
    var x: Int
    var width: Int
    var listTop: Int
    var listHeight: Int
  }

  static func geometry(_ size: Size) -> Geometry {
    let width = min(96, max(1, size.width - 4))
    let x = max(1, (size.width - width) / 2)
    return Geometry(x: x, width: width, listTop: 3, listHeight: max(1, size.height - 5))
  }

  static func rows(_ env: StartEnvironment, width: Int) -> [Row] {
    let g = Glyphs.of(env.options)
    var rows: [Row] = []
    rows.append(Row(line: StyledLine(text: "Case studies", role: .title, bold: true)))
    for (i, cs) in env.caseStudies.enumerated() {
      let items = cs.phases.reduce(0) { $0 + $1.items.count }
      let right = "\(counted(cs.phases.count, "phase")) \(g.dot) \(counted(items, "item"))"
      let titleRoom = max(1, width - 4 - DisplayWidth.of(right) - 2)
      rows.append(
        Row(
          line: StyledLine(text: g.truncate(cs.title, to: titleRoom), bold: true, indent: 2),
          right: StyledLine(text: right, role: .dim), entry: i))
      for line in Wrap.clipped(
        cs.summary, width: max(1, width - 4), maxLines: 2, ellipsis: g.ellipsis)
      {
        rows.append(Row(line: StyledLine(text: line, role: .dim, indent: 4), entry: i))
      }
      rows.append(Row(line: .blank))
    }
    if env.caseStudies.isEmpty {
      rows.append(Row(line: StyledLine(text: "No case studies found.", role: .dim, indent: 2)))
      rows.append(Row(line: .blank))
    }
    rows.append(Row(line: StyledLine(text: "Saved sessions", role: .title, bold: true)))
    if env.sessions.isEmpty {
      rows.append(
        Row(
          line: StyledLine(
            text: g.truncate(
              "None yet: choose a case study and press Enter to start one.", to: width - 2),
            role: .dim, indent: 2)))
    }
    for (s, entry) in env.sessions.enumerated() {
      let index = env.caseStudies.count + s
      let right = entry.updated.map {
        clockText($0, now: env.now, timeZone: env.options.timeZone)
      }
      let rightW = right.map { DisplayWidth.of($0) + 2 } ?? 0
      rows.append(
        Row(
          line: StyledLine(
            text: g.truncate(entry.title, to: max(1, width - 4 - rightW)), bold: true, indent: 2),
          right: right.map { StyledLine(text: $0, role: .dim) }, entry: index))
      if let error = entry.error {
        rows.append(
          Row(
            line: StyledLine(
              text: g.truncate("can't open: \(error)", to: max(1, width - 4)), role: .danger,
              indent: 4), entry: index))
      } else if !entry.detail.isEmpty {
        rows.append(
          Row(
            line: StyledLine(
              text: g.truncate(entry.detail, to: max(1, width - 4)), role: .dim, indent: 4),
            entry: index))
      }
    }
    return rows
  }

  /// The first row shown, so the selected entry is fully visible.
  static func scroll(_ rows: [Row], selection: Int, height: Int) -> Int {
    guard let first = rows.firstIndex(where: { $0.entry == selection }),
      let last = rows.lastIndex(where: { $0.entry == selection })
    else { return 0 }
    var top = 0
    if last >= top + height { top = last - height + 1 }
    if first < top { top = first }
    // Show the section heading above the first entry of a section when it fits.
    if top > 0, first - 1 >= 0, rows[first - 1].entry == nil, last - (first - 1) < height,
      first - 1 < top
    {
      top = first - 1
    }
    return max(0, top)
  }

  /// The entry under a click, if any.
  func entry(at x: Int, _ y: Int, _ env: StartEnvironment) -> Int? {
    guard prompt == nil else { return nil }
    let geo = Self.geometry(env.size)
    guard x >= geo.x, x < geo.x + geo.width, y >= geo.listTop, y < geo.listTop + geo.listHeight
    else { return nil }
    let rows = Self.rows(env, width: geo.width)
    let top = Self.scroll(rows, selection: selection, height: geo.listHeight)
    let r = top + y - geo.listTop
    return rows.indices.contains(r) ? rows[r].entry : nil
  }
}
