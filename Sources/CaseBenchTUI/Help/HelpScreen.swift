import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The key reference, grouped: the help overlay, made from `KeyTable`.
enum HelpScreen {
  /// The rows of the overlay, from the key table: each group's bindings in table order. With
  /// a `scope` (the dashboard's own help), only the keys read there, its own group first.
  static func groups(phases: Int?, scope: KeyScope? = nil) -> [(String, [(String, String)])] {
    let order = scope == .dashboard ? DashboardHelp.groupOrder : HelpGroup.allCases
    return order.compactMap { group in
      let rows = KeyTable.all.filter {
        $0.group == group && (scope.map($0.scopes.contains) ?? true)
      }.map { ($0.label(phases: phases), $0.help) }
      return scope != nil && rows.isEmpty ? nil : (group.rawValue, rows)
    }
  }

  /// The help text wrapped to `width`: descriptions wrap under their own column.
  /// `phases`: the open case study's phase count, for the range the digits cover.
  static func lines(
    _ options: RenderOptions, phases: Int?, width: Int, scope: KeyScope? = nil
  ) -> [StyledLine] {
    let g = Glyphs.of(options)
    var out: [StyledLine] = []
    let keyW = width >= 50 ? 18 : 12
    for (i, group) in groups(phases: phases, scope: scope).enumerated() {
      if i > 0 { out.append(.blank) }
      out.append(StyledLine(text: group.0, role: .title, bold: true))
      for (keys, what) in group.1 {
        let desc = Wrap.lines(what, width: max(1, width - keyW))
        for (k, line) in desc.enumerated() {
          if k == 0 {
            out.append(StyledLine(text: DisplayWidth.pad(keys, to: keyW - 1) + " " + line))
          } else {
            out.append(StyledLine(text: line, indent: keyW))
          }
        }
      }
    }
    if scope == .dashboard {
      DashboardHelp.appendFooter(to: &out, width: width)
      return out
    }
    out.append(.blank)
    out.append(StyledLine(text: "Glyphs", role: .title, bold: true))
    out.wrap(
      "\(g.status(.todo)) todo  \(g.status(.doing)) doing  \(g.status(.done)) done  "
        + "\(g.status(.blocked)) blocked  \(g.status(.notApplicable)) N/A", width: width)
    out.wrap("*  required   \(g.note)  has a note   \(g.check)  phase gate met", width: width)
    // The checklist's one abbreviation, in the word the detail pane and the exports use.
    out.wrap("ext  an extension item, for longer courses", width: width)
    return out
  }

  /// The width help text wraps to inside the box.
  static func textWidth(_ size: Size) -> Int { max(1, box(size).inner.w - 3) }

  static func box(_ size: Size) -> Rect {
    let w = min(76, max(10, size.width - 4))
    let h = max(5, min(size.height - 2, 48))
    return Rect(x: (size.width - w) / 2, y: max(0, (size.height - 1 - h) / 2), w: w, h: h)
  }

  static func draw(
    _ options: RenderOptions, phases: Int?, scroll: Int, size: Size, into buf: inout ScreenBuffer,
    scope: KeyScope? = nil
  ) {
    let g = Glyphs.of(options)
    let all = lines(options, phases: phases, width: textWidth(size), scope: scope)
    let big = box(size)
    let h = min(big.h, all.count + 2)
    let r = Rect(x: big.x, y: max(0, (size.height - 1 - h) / 2), w: big.w, h: h)
    DecisionView.clear(r, into: &buf)
    let inner = r.inner
    let maxScroll = max(0, all.count - inner.h)
    let s = min(scroll, maxScroll)
    var footer = "Esc close"
    if maxScroll > 0, s < maxScroll {
      footer = (options.unicode ? "↓ more" : "v more") + " \(g.dot) j/k scroll \(g.dot) Esc close"
    }
    buf.box(
      r, title: scope == .dashboard ? "Dashboard keys" : "Keys", focused: true, glyphs: g,
      footer: footer)
    let text = Rect(x: inner.x + 2, y: inner.y, w: textWidth(size), h: inner.h)
    buf.lines(all, in: text, scroll: s)
  }
}

// MARK: Update

extension AppState {
  /// The phase count help quotes for the digit keys: the open case study's, if any.
  var helpPhases: Int? { workbench?.caseStudy.phases.count }

  mutating func handleHelp(_ event: Event) {
    guard case .help(let scroll) = overlay else { return }
    if let s = HelpScreen.update(
      scroll: scroll, event, options: options, phases: helpPhases, size: size)
    {
      overlays.replaceTop(with: .help(scroll: s))
    } else {
      overlays.dismiss()
    }
  }
}

extension HelpScreen {
  /// The help's update, wherever it is open (over the start screen, the workbench or the
  /// dashboard): the new scroll, or nil when it closes. The size comes with the call.
  static func update(
    scroll: Int, _ event: Event, options: RenderOptions, phases: Int?, size: Size,
    scope: KeyScope? = nil
  ) -> Int? {
    let page = max(1, box(size).inner.h - 1)
    let shown = lines(options, phases: phases, width: textWidth(size), scope: scope)
    let maxScroll = max(0, shown.count - max(1, box(size).inner.h))
    var s = scroll
    switch event {
    case .key(let key):
      switch KeyTable.command(for: key, in: .help) {
      case .closeHelp: return nil
      case .move(let delta): s += delta
      case .page(let delta): s += delta * page
      case .top: s = 0
      case .bottom: s = maxScroll
      default: break
      }
    case .scrollDown: s += 1
    case .scrollUp: s -= 1
    default: break
    }
    return min(max(0, s), maxScroll)
  }
}
