import CaseBenchReports

/// Search brings its match into view: after a match is selected, the detail pane scrolls so that
/// the first line holding the query shows, one line of context above it where there is room.
/// The pane highlights the match itself (`DetailView.highlight`).
extension Workbench {
  mutating func scrollDetailToMatch(_ query: String, _ env: WorkbenchEnvironment) {
    let l = layout(env)
    let height = l.detail.inner.h
    guard height > 0 else { return }
    let lines = DetailContent.lines(self, options: env.options, width: l.detailTextWidth)
    detailScroll = DetailScroll.showing(query, in: lines, height: height)
  }
}

enum DetailScroll {
  /// The scroll that shows the first line of `lines` holding `query` in a window of `height`
  /// rows: 0 when it already shows from the top, else the match on the window's second row.
  static func showing(_ query: String, in lines: [StyledLine], height: Int) -> Int {
    let folded = Folded(query)
    guard let row = lines.firstIndex(where: { folded.occurs(in: $0.text) }), row >= height else {
      return 0
    }
    return min(row - 1, max(0, lines.count - height))
  }
}
