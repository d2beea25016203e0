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

  static func draw(
    _ options: RenderOptions, phases: Int?, scroll: Int, size: Size, into buf: inout ScreenBuffer,
    scope: KeyScope? = nil
  ) {
    let g = Glyphs.of(options)
    let m = Metrics(options, phases: phases, size: size, scope: scope)
    let all = m.lines
    let big = m.box
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
    let text = Rect(x: inner.x + 2, y: inner.y, w: m.textWidth, h: inner.h)
    buf.lines(all, in: text, scroll: s)
  }
}

// MARK: Measures and update

extension HelpScreen {
  /// The help's measures at a size: its largest box, the width its text wraps to, and its
  /// lines. The view draws with them and the update scrolls with them.
  struct Metrics {
    var box: Rect
    var textWidth: Int
    var lines: [StyledLine]

    /// `scope`: the dashboard's own help; `phases`: the count the digit keys cover.
    init(_ options: RenderOptions, phases: Int?, size: Size, scope: KeyScope? = nil) {
      let w = min(76, max(10, size.width - 4))
      let h = max(5, min(size.height - 2, 48))
      box = Rect(x: (size.width - w) / 2, y: max(0, (size.height - 1 - h) / 2), w: w, h: h)
      textWidth = max(1, box.inner.w - 3)
      lines = HelpScreen.lines(options, phases: phases, width: textWidth, scope: scope)
    }

    var maxScroll: Int { max(0, lines.count - max(1, box.inner.h)) }
    var pageRows: Int { max(1, box.inner.h - 1) }
  }

  /// The help's update, wherever it is open (over the start screen, the workbench or the
  /// dashboard): it scrolls, and answers whether the event closes it.
  static func update(_ scroll: inout Int, _ event: Event, _ m: Metrics) -> Bool {
    switch event {
    case .key(let key):
      switch KeyTable.command(for: key, in: .help) {
      case .closeHelp: return true
      case .move(let delta): scroll += delta
      case .page(let delta): scroll += delta * m.pageRows
      case .top: scroll = 0
      case .bottom: scroll = m.maxScroll
      default: break
      }
    case .scrollDown: scroll += 1
    case .scrollUp: scroll -= 1
    default: break
    }
    scroll = min(max(0, scroll), m.maxScroll)
    return false
  }
}

extension AppState {
  /// The phase count help quotes for the digit keys: the open case study's, if any.
  var helpPhases: Int? { workbench?.caseStudy.phases.count }

  /// Routes an event to the help open over the start screen or the workbench.
  mutating func handleHelp(_ event: Event) {
    overlays.updateHelp(event, HelpScreen.Metrics(options, phases: helpPhases, size: size))
  }
}

extension OverlayStack<Overlay> {
  /// Help's update, while help is on top: it scrolls, or it closes.
  mutating func updateHelp(_ event: Event, _ m: HelpScreen.Metrics) {
    guard case .help(var scroll) = top else { return }
    if HelpScreen.update(&scroll, event, m) {
      dismiss()
    } else {
      replaceTop(with: .help(scroll: scroll))
    }
  }
}
