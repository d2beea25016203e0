import CaseBenchCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

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
  WorkshopParts.draw(state, size: size, into: &buf)
  switch state.overlay {
  case .help(let scroll):
    HelpScreen.draw(
      state.options, phases: state.helpPhases, scroll: scroll, size: size, into: &buf)
  case .tool(let tool):
    if let wb = state.workbench {
      ToolView.draw(tool, wb: wb, options: state.options, size: size, into: &buf)
      StatusBar.draw(state, size: size, into: &buf)
    }
  case .page(let page):
    if let wb = state.workbench {
      StoryPageView.draw(page, wb: wb, options: state.options, size: size, into: &buf)
      StatusBar.draw(state, size: size, into: &buf)
    }
  case .decision(let dialog):
    if let wb = state.workbench {
      DecisionView.draw(dialog, wb: wb, options: state.options, size: size, into: &buf)
    }
  default: break
  }
  PreviewErrorView.draw(state, size: size, into: &buf)
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
