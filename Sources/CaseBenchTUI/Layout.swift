/// A rectangle of cells.
struct Rect: Sendable, Equatable {
  var x: Int
  var y: Int
  var w: Int
  var h: Int

  func contains(_ px: Int, _ py: Int) -> Bool {
    px >= x && px < x + w && py >= y && py < y + h
  }

  /// The inside of a one-cell border.
  var inner: Rect { Rect(x: x + 1, y: y + 1, w: max(0, w - 2), h: max(0, h - 2)) }
}

/// Where the workbench's panes go. Wide terminals get three columns. Narrower ones put the
/// detail below the checklist; and where the height or the width is short (80×24 is the common
/// case) the phases shrink to one line across the top, so the checklist and the detail get the
/// whole width and every row the phases pane would have kept.
struct WorkbenchLayout: Sendable, Equatable {
  static let wideFrom = 120
  /// Below this height, or below `stripBelowWidth` columns, a narrow layout draws the phases as
  /// one line (`PhasesPane.drawStrip`).
  static let stripBelowHeight = 32
  static let stripBelowWidth = 90

  var phases: Rect
  var checklist: Rect
  var detail: Rect
  var statusY: Int
  var wide: Bool
  /// The phases pane is the one-line strip across the top.
  var strip: Bool

  /// `longestList` is the most items any phase has: in the stacked layout the checklist is
  /// only as tall as it needs to be for the case study, so the detail gets the rest.
  init(size: Size, longestList: Int = Int.max / 4) {
    let body = max(0, size.height - 1)
    wide = size.width >= WorkbenchLayout.wideFrom
    strip =
      !wide
      && (size.height < WorkbenchLayout.stripBelowHeight
        || size.width < WorkbenchLayout.stripBelowWidth)
    statusY = size.height - 1
    if strip {
      // The checklist keeps a third of the rows under the strip (five items at 80×24), enough
      // for the selection and its neighbours; the detail, full width, gets the rest.
      let rest = max(0, body - 1)
      let listH = min(rest, max(5, min(rest / 3, longestList + 2)))
      phases = Rect(x: 0, y: 0, w: size.width, h: min(1, body))
      checklist = Rect(x: 0, y: phases.h, w: size.width, h: listH)
      detail = Rect(x: 0, y: phases.h + listH, w: size.width, h: max(0, rest - listH))
      return
    }
    let leftW: Int
    if wide {
      leftW = min(36, max(30, size.width / 6))
    } else {
      leftW = size.width >= 90 ? 28 : (size.width >= 70 ? 26 : 24)
    }
    let rest = max(0, size.width - leftW)
    phases = Rect(x: 0, y: 0, w: min(leftW, size.width), h: body)
    if wide {
      let listW = rest * 9 / 20
      checklist = Rect(x: leftW, y: 0, w: listW, h: body)
      detail = Rect(x: leftW + listW, y: 0, w: rest - listW, h: body)
    } else {
      let listH = max(5, min(body * 2 / 5, longestList + 2))
      checklist = Rect(x: leftW, y: 0, w: rest, h: min(listH, body))
      detail = Rect(x: leftW, y: checklist.h, w: rest, h: max(0, body - checklist.h))
    }
  }

  /// The first checklist row to show: the selection stays in view, with a neighbour either side
  /// when the window has five rows or more, so moving down shows the item that comes next.
  static func listTop(_ top: Int, selected: Int, count: Int, height h: Int) -> Int {
    let margin = h >= 5 ? 1 : 0
    var top = top
    if selected - margin < top { top = selected - margin }
    if selected + margin >= top + h { top = selected + margin - h + 1 }
    return max(0, min(top, count - h))
  }

  /// Rows per phase in the phases pane: three (title, bar, what is open) on tall screens, two
  /// (title and bar) when there is room, else one.
  static func rowsPerPhase(innerHeight: Int, phases: Int) -> Int {
    if innerHeight >= phases * 3 + 4 { return 3 }
    return innerHeight >= phases * 2 + 4 ? 2 : 1
  }

  /// The first phase shown when the phases do not all fit: enough to keep `selected` visible.
  static func firstPhase(innerHeight: Int, phases: Int, selected: Int) -> Int {
    let per = rowsPerPhase(innerHeight: innerHeight, phases: phases)
    guard phases * per > innerHeight else { return 0 }
    let visible = max(1, innerHeight / per)
    return max(0, min(selected - visible + 1, phases - visible))
  }

  /// The width text wraps to inside the detail pane (one cell of margin, at most 100 cells).
  var detailTextWidth: Int { min(100, max(1, detail.inner.w - 2)) }
}

extension Size {
  var isBigEnough: Bool { width >= MinimumSize.width && height >= MinimumSize.height }
}

extension WorkbenchLayout {
  init(size: Size, for wb: Workbench?) {
    let longest = wb?.longestList ?? Int.max / 4
    self.init(size: size, longestList: longest)
  }
}
