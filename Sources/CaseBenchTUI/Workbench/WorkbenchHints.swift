/// The workbench's keys for the status bar: those of the overlay on top, or of the focused pane.
extension Workbench {
  /// The keys that apply now, most useful first, from the key table.
  func keyHints(_ env: WorkbenchEnvironment) -> [String] {
    typealias T = KeyTable
    let help = T.help.hint("help", keys: [.char("?")])
    switch overlays.top {
    case .note:
      return ["editing note"] + NoteView.keys
    case .decision: return ["deciding", T.dialogBack.hint("back")]
    case .help: return [T.closeHelp.hint("close", keys: [.escape])]
    case .tool(let tool): return ToolHints.hints(tool)
    case .page(let page):
      var overTool = false
      if case .tool = overlays.underTop { overTool = true }
      return StoryPageView.hints(page, overTool: overTool)
    case .screen(let open):
      return open.page.hints(pageContext(env))
    default: break
    }
    if let search {
      return [
        "match \(search.index + 1)/\(search.matches.count)", T.matches.hint("next/prev"),
        T.back.hint("clear search"), help,
      ]
    }
    let quit = T.quit.hint("quit")
    let search = T.search.hint("search")
    if readOnly {
      let takeOver = takeOverHint.map { [$0] } ?? []
      return ["read-only"] + takeOver + [help, search, T.decisions.hint("decisions"), quit]
    }
    switch focus {
    case .phases:
      let phases = T.phase.label(phases: caseStudy.phases.count)
      return [
        help, T.open.hint("open"), phases + " phase", T.decisions.hint("decide"), search, quit,
      ]
    case .checklist:
      // With lenses: Space gives a scored test its points, and f filters the checklist.
      let scored = currentLens?.scoring == .mlTestScore
      let lenses = self.lenses.isEmpty ? [] : [T.filter.hint("filter")]
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
