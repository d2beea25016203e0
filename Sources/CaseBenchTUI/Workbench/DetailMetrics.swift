/// The detail pane's measures: how many lines it holds and how many show, so how far it
/// scrolls. The pane's view clamps with them as it draws, and the workbench's update with them
/// as it scrolls, so the update never asks the view.
struct DetailMetrics: Equatable {
  var lineCount: Int
  /// The rows inside the pane's border.
  var height: Int

  var maxScroll: Int { max(0, lineCount - height) }
}

extension Workbench {
  /// The detail pane's measures in a layout: one counting pass over its lines, with no row of a
  /// long note built.
  func detailMetrics(options: RenderOptions, layout l: WorkbenchLayout) -> DetailMetrics {
    let lines = DetailContent.lines(self, options: options, width: l.detailTextWidth, window: 0..<0)
    return DetailMetrics(lineCount: lines.count, height: l.detail.inner.h)
  }
}
