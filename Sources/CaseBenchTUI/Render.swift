import CaseBenchCore
import Foundation

/// Draws the whole screen for `state` at `size`.
public func render(_ state: AppState, size: Size) -> ScreenBuffer {
  var buf = ScreenBuffer(size: size)
  guard size.width > 0, size.height > 0 else { return buf }
  let g = Glyphs.of(state.options)
  guard size.isBigEnough else {
    drawTooSmall(size: size, glyphs: g, into: &buf)
    return buf
  }
  if let wb = state.workbench {
    WorkbenchView.draw(wb, state: state, size: size, into: &buf)
  } else {
    StartScreenView.draw(state, size: size, into: &buf)
  }
  StatusBar.draw(state, size: size, into: &buf)
  switch state.overlay {
  case .help(let scroll): HelpScreen.draw(state.options, scroll: scroll, size: size, into: &buf)
  case .decision(let dialog):
    if let wb = state.workbench {
      DecisionView.draw(dialog, wb: wb, options: state.options, size: size, into: &buf)
    }
  default: break
  }
  return buf
}

func drawTooSmall(size: Size, glyphs g: Glyphs, into buf: inout ScreenBuffer) {
  let need = "\(MinimumSize.width)\(g.times)\(MinimumSize.height)"
  let have = "\(size.width)\(g.times)\(size.height)"
  let text = "Terminal too small: need at least \(need), have \(have)"
  let lines = Wrap.lines(text, width: size.width)
  let top = max(0, (size.height - lines.count) / 2)
  for (i, line) in lines.enumerated() where top + i < size.height {
    let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
    buf.put(line, x: x, y: top + i, role: i == 0 ? .warning : .normal, bold: i == 0)
  }
}

// MARK: Status bar

enum StatusBar {
  static func draw(_ state: AppState, size: Size, into buf: inout ScreenBuffer) {
    let y = size.height - 1
    let g = Glyphs.of(state.options)
    buf.fill(x: 0, y: y, width: size.width, height: 1, with: Cell(" ", role: .statusBar))
    // Prompts take over the bottom row.
    switch state.overlay {
    case .search(let editor):
      let x = buf.put("/", x: 0, y: y, role: .statusBar, bold: true)
      let fieldW = promptField(
        hint: "  Enter search  Esc cancel", from: x, size: size, into: &buf)
      drawField(editor, x: x, y: y, width: fieldW, into: &buf)
      return
    case .naReason(_, let editor):
      let x = buf.put(" Not applicable because: ", x: 0, y: y, role: .statusBar, bold: true)
      let fieldW = promptField(
        hint: "  Enter mark N/A  Esc cancel", from: x, size: size, into: &buf)
      drawField(editor, x: x, y: y, width: fieldW, into: &buf)
      return
    default: break
    }

    // A message that would not fit beside the session details takes the whole row: it is
    // transient, and cutting it mid-word would hide what the user needs to read.
    let messageWidth = state.message.map { DisplayWidth.of($0.text) } ?? 0
    if let m = state.message {
      let leftWidth = state.workbench.map { DisplayWidth.of(" \($0.sessionName)") + 2 } ?? 11
      if messageWidth + leftWidth + 1 > size.width {
        buf.put(
          " " + g.truncate(m.text, to: max(1, size.width - 2)), x: 0, y: y,
          role: m.isError ? .danger : .statusBar, bold: m.isError)
        return
      }
    }
    var x = 0
    if let wb = state.workbench {
      let mode = wb.session.mode == .ownProject ? " (own project)" : ""
      // Read-only mode needs the room for its reason; the case study's title can go.
      let title = wb.readOnly ? "" : " \(g.dot) \(wb.caseStudy.title)\(mode)"
      var left = " \(wb.sessionName)\(title)"
      if state.message != nil && DisplayWidth.of(left) + 14 + messageWidth > size.width {
        left = " \(wb.sessionName)"
      }
      x = buf.put(
        g.truncate(left, to: max(10, size.width / 2)), x: 0, y: y, role: .statusBar, bold: true)
      x += 2
      var (indicator, role) = saveIndicator(state, wb: wb, glyphs: g)
      if state.message != nil && wb.readOnly { indicator = "READ-ONLY" }
      x = buf.put(
        g.truncate(indicator, to: max(8, size.width - x - 12)), x: x, y: y, role: role,
        bold: role != .statusBar, maxX: size.width)
      x += 2
    } else {
      x = buf.put(" casebench", x: 0, y: y, role: .statusBar, bold: true) + 2
    }
    if let m = state.message {
      let room = size.width - x - 1
      if room > 0 {
        buf.put(
          g.truncate(m.text, to: room), x: x, y: y, role: m.isError ? .danger : .statusBar,
          bold: m.isError)
      }
      return
    }
    let hints = keyHints(state)
    var shown: [String] = []
    for h in hints {
      let candidate = (shown + [h]).joined(separator: "  ")
      if DisplayWidth.of(candidate) + 1 <= size.width - x { shown.append(h) } else { break }
    }
    if !shown.isEmpty {
      buf.putRight(shown.joined(separator: "  ") + " ", maxX: size.width, y: y, role: .statusBar)
    }
  }

  /// Draws the hint at the right of a prompt row if it leaves the field 24 cells or more;
  /// returns the field's width.
  static func promptField(hint: String, from x: Int, size: Size, into buf: inout ScreenBuffer)
    -> Int
  {
    let withHint = size.width - x - DisplayWidth.of(hint) - 1
    if withHint >= 24 {
      buf.putRight(hint, maxX: size.width, y: size.height - 1, role: .statusBar)
      return withHint
    }
    return max(1, size.width - x - 1)
  }

  static func saveIndicator(_ state: AppState, wb: Workbench, glyphs g: Glyphs) -> (String, Role) {
    if wb.readOnly {
      let reason = wb.readOnlyReason.map { ": \($0)" } ?? ""
      return ("READ-ONLY\(reason)", .warning)
    }
    if let e = state.saveError { return ("save failed: \(e)", .danger) }
    if state.sessionRevision > state.savedRevision {
      return ("saving" + (state.options.unicode ? "…" : "..."), .statusBar)
    }
    if let at = state.savedAt {
      return ("saved \(shortClock(at, timeZone: state.options.timeZone))", .statusBar)
    }
    return ("saved", .statusBar)
  }

  static func keyHints(_ state: AppState) -> [String] {
    guard let wb = state.workbench else {
      if state.start.prompt != nil { return ["Tab mode", "Enter start", "Esc cancel"] }
      return ["? help", "Enter open", "q quit"]
    }
    switch state.overlay {
    case .note: return ["editing note", "Esc/Ctrl-S keep", "Ctrl-O $EDITOR"]
    case .decision: return ["deciding", "Esc back"]
    case .help: return ["Esc close"]
    default: break
    }
    if let search = wb.search {
      return [
        "match \(search.index + 1)/\(search.matches.count)", "n/N next/prev", "Esc clear search",
        "? help",
      ]
    }
    if wb.readOnly { return ["read-only", "? help", "/ search", "d decisions", "q quit"] }
    switch wb.focus {
    case .phases:
      return ["? help", "Enter open", "1-6 phase", "d decide", "/ search", "q quit"]
    case .checklist:
      return ["? help", "Space status", "n note", "h hint", "d decide", "/ search", "q quit"]
    case .detail:
      return ["? help", "j/k scroll", "n note", "h hint", "Esc back", "q quit"]
    }
  }
}
