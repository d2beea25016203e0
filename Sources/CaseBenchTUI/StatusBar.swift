import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The bottom row: the session and its save state, a message, or the keys that apply now.
enum StatusBar {
  static func draw(_ state: AppState, size: Size, into buf: inout ScreenBuffer) {
    let y = size.height - 1
    let g = Glyphs.of(state.options)
    buf.fill(x: 0, y: y, width: size.width, height: 1, with: Cell(" ", role: .statusBar))
    // A prompt draws itself over this row afterwards (`Overlay.drawPrompt`).
    // A message (a value the prompt refused and kept) shows in the rows above it.
    if state.overlay?.isPrompt == true {
      if let m = state.message {
        let above = Size(width: size.width, height: size.height - 1)
        drawWholeMessage(m, state, size: above, into: &buf)
      }
      return
    }

    // A message that would not fit beside the session details takes the whole row, wrapping
    // upwards when longer (StatusMessage.swift): cutting it would hide what the user must read.
    let messageWidth = state.message.map { DisplayWidth.of($0.text) } ?? 0
    if let m = state.message, !messageFitsBeside(state, text: m.text, width: size.width) {
      drawWholeMessage(m, state, size: size, into: &buf)
      return
    }
    // The workshop's timebox sits at the right end; a message that needs its room hides it
    // while it shows.
    var timebox = WorkshopParts.timeboxLabel(state, size: size)
    var end = size.width - (timebox.map { DisplayWidth.of($0.text) } ?? 0)
    var x = 0
    if let wb = state.workbench {
      x = facilitatorMarker(state, into: &buf, y: y)
      let mode = wb.session.mode == .ownProject ? " (own project)" : ""
      // Read-only mode needs the room for its reason; the case study's title can go.
      let title = wb.readOnly ? "" : " \(g.dot) \(wb.caseStudy.title)\(mode)"
      var left = " \(wb.sessionName)\(title)"
      if state.message != nil && DisplayWidth.of(left) + 14 + messageWidth > size.width {
        left = " \(wb.sessionName)"
      }
      x = buf.put(
        g.truncate(left, to: max(10, size.width / 2 - x)), x: x, y: y, role: .statusBar,
        bold: true)
      x += 2
      var (indicator, role) = saveIndicator(state, wb: wb, glyphs: g)
      if state.message != nil && wb.readOnly { indicator = "READ-ONLY" }
      x = buf.put(
        g.truncate(indicator, to: max(8, size.width - x - 12)), x: x, y: y, role: role,
        bold: role != .statusBar, maxX: size.width)
      x += 2
    } else {
      x = facilitatorMarker(state, into: &buf, y: y)
      x = buf.put(" casebench", x: x, y: y, role: .statusBar, bold: true) + 2
    }
    if state.message != nil, messageWidth > end - x - 1 {
      timebox = nil
      end = size.width
    }
    if let timebox {
      buf.put(
        timebox.text, x: end, y: y, role: timebox.over ? .danger : .statusBar, bold: timebox.over)
    }
    if let m = state.message {
      let room = end - x - 1
      if room > 0 {
        buf.put(
          g.truncate(m.text, to: room), x: x, y: y, role: m.isError ? .danger : .statusBar,
          bold: m.isError)
      }
      return
    }
    if let problem = WorkshopParts.problemLabel(state) {
      buf.put(g.truncate(problem, to: max(1, end - x - 1)), x: x, y: y, role: .danger, bold: true)
      return
    }
    let hints = keyHints(state)
    var shown: [String] = []
    for h in hints {
      let candidate = (shown + [h]).joined(separator: "  ")
      if DisplayWidth.of(candidate) + 1 <= end - x { shown.append(h) } else { break }
    }
    if !shown.isEmpty {
      buf.putRight(shown.joined(separator: "  ") + " ", maxX: end, y: y, role: .statusBar)
    }
  }

  /// "FACILITATOR" at the left of the bar when verdicts and notes are on show, so nobody turns
  /// the screen to the room by mistake. Returns the column after it (0 when not shown).
  static func facilitatorMarker(_ state: AppState, into buf: inout ScreenBuffer, y: Int) -> Int {
    guard state.options.facilitator else { return 0 }
    return buf.put(" FACILITATOR ", x: 0, y: y, role: .warning, bold: true)
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

  /// The keys that apply now, most useful first, from the key table.
  static func keyHints(_ state: AppState) -> [String] {
    typealias T = KeyTable
    guard let wb = state.workbench else {
      if state.start.prompt != nil {
        return [NewSessionPrompt.keys[1], NewSessionPrompt.keys[0], NewSessionPrompt.keys[2]]
      }
      return [
        T.help.hint("help", keys: [.char("?")]), T.openEntry.hint("open"), T.quit.hint("quit"),
      ]
    }
    let help = T.help.hint("help", keys: [.char("?")])
    switch state.overlay {
    case .note:
      return ["editing note"] + NoteView.keys
    case .decision: return ["deciding", T.dialogBack.hint("back")]
    case .help: return [T.closeHelp.hint("close", keys: [.escape])]
    case .tool(let tool): return ToolHints.hints(tool)
    case .page(let page):
      var overTool = false
      if case .tool = state.overlays.underTop { overTool = true }
      return StoryPageView.hints(page, overTool: overTool)
    case .screen(let open):
      return open.page.hints(state.pageContext(wb))
    default: break
    }
    if let search = wb.search {
      return [
        "match \(search.index + 1)/\(search.matches.count)", T.matches.hint("next/prev"),
        T.back.hint("clear search"), help,
      ]
    }
    let quit = T.quit.hint("quit")
    let search = T.search.hint("search")
    if wb.readOnly {
      let takeOver = state.takeOverHint.map { [$0] } ?? []
      return ["read-only"] + takeOver + [help, search, T.decisions.hint("decisions"), quit]
    }
    switch wb.focus {
    case .phases:
      let phases = T.phase.label(phases: wb.caseStudy.phases.count)
      return [
        help, T.open.hint("open"), phases + " phase", T.decisions.hint("decide"), search, quit,
      ]
    case .checklist:
      // With lenses: Space gives a scored test its points, and f filters the checklist.
      let scored = wb.currentLens?.scoring == .mlTestScore
      let lenses = wb.lenses.isEmpty ? [] : [T.filter.hint("filter")]
      return [
        help, T.status.hint(scored ? "points" : "status"), T.note.hint("note", keys: [.char("n")]),
      ] + lenses + [T.hint.hint("hint"), T.decisions.hint("decide"), search, quit]
    case .detail:
      return [
        help, T.move.hint("scroll", keys: [.char("j"), .char("k")]),
        T.note.hint("note", keys: [.char("n")]), T.hint.hint("hint"), T.back.hint("back"), quit,
      ]
    }
  }
}
