import CaseBenchLoading

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Draws the whole screen for `state` at `size`.
public func render(_ state: AppState, size: Size) -> ScreenBuffer {
  var (buf, fits) = blankScreen(size, options: state.options)
  guard fits else { return buf }
  if let wb = state.workbench {
    WorkbenchView.draw(wb, options: state.options, size: size, into: &buf)
  } else {
    StartScreenView.draw(state, size: size, into: &buf)
  }
  WorkshopParts.draw(state, size: size, into: &buf)
  // The overlays, bottom first; each draws itself.
  let env = state.workbenchEnvironment
  for overlay in state.overlays.items {
    overlay.draw(state.workbench, env, size: size, into: &buf)
  }
  // The status bar once, on top; a prompt on top of it takes its row.
  StatusBar.draw(state.statusBar(size: size), size: size, into: &buf)
  state.overlay?.drawPrompt(size: size, into: &buf)
  PreviewErrorView.draw(state, size: size, into: &buf)
  return buf
}

/// Every screen starts here: a blank buffer of `size`, and whether a layout fits in it; when
/// it does not, the buffer already says so (the start screen, the workbench and the dashboard
/// alike).
func blankScreen(_ size: Size, options: RenderOptions) -> (buffer: ScreenBuffer, fits: Bool) {
  var buf = ScreenBuffer(size: size)
  guard size.width > 0, size.height > 0 else { return (buf, false) }
  guard size.isBigEnough else {
    drawTooSmall(size: size, glyphs: Glyphs.of(options), into: &buf)
    return (buf, false)
  }
  return (buf, true)
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
