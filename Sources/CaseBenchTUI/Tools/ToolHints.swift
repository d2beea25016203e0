/// The status-bar hints of the open tool, from the key table.
enum ToolHints {
  static func hints(_ tool: ToolScreen) -> [String] {
    typealias T = KeyTable
    let back = T.back.hint("checklist")
    let add = T.toolAdd.hint("add")
    let tab = T.cyclePane.hint("switch", keys: [.tab])
    let edit = T.toolSelect.hint("edit")
    if tool.form != nil {
      return [T.back.hint("list"), edit, T.stepPane.hint("choice"), T.move.hint("field")]
    }
    switch (tool.kind, tool.focus) {
    case (.risks, .map): return [back, "arrows cell", add, tab, T.toolSelect.hint("list")]
    case (.risks, .suggestions): return [back, T.toolSelect.hint("take"), add, tab]
    case (.risks, _):
      return [back, edit, T.toolNote.hint("mitigation"), T.toolClose.hint("close"), tab]
    case (.estimate, _):
      return [back, add, T.toolFactor.hint("factor"), T.toolRemove.hint("remove task")]
    case (.stakeholders, .map): return [back, "arrows cell", add, tab]
    case (.stakeholders, .metrics): return [back, add, edit, T.toolRemove.hint("remove"), tab]
    case (.stakeholders, _):
      return [back, T.toolNote.hint("note"), add, tab, T.toolEdit.hint("edit your own")]
    case (.models, .adoptions): return [back, add, edit, tab]
    case (.models, _): return [back, add, edit, T.toolToggle.hint("rebuild?"), tab]
    case (.log, _): return [back, add, T.move.hint("scroll", keys: [.char("j"), .char("k")])]
    }
  }
}
