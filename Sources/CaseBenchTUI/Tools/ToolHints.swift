/// The status-bar hints of the open tool, from the key table.
enum ToolHints {
  static func hints(_ tool: ToolScreen) -> [String] {
    typealias T = KeyTable
    let back = T.back.hint("checklist")
    let add = T.toolAdd.hint("add")
    let tab = T.cyclePane.hint("switch", keys: [.tab])
    switch tool.kind {
    case .risks:
      switch tool.focus {
      case .map: return [back, "arrows cell", add, tab, T.toolSelect.hint("list")]
      case .list:
        return [
          back, T.toolSelect.hint("edit"), T.toolNote.hint("mitigation"),
          T.toolClose.hint("close"), tab,
        ]
      case .suggestions: return [back, T.toolSelect.hint("take"), add, tab]
      }
    case .estimate:
      return [back, add, T.toolFactor.hint("factor"), T.toolRemove.hint("remove task")]
    case .stakeholders:
      return [back, tool.focus == .map ? "arrows cell" : T.toolNote.hint("note"), add, tab]
    case .models: return [back, add, T.toolToggle.hint("rebuild?")]
    case .log: return [back, add, T.move.hint("scroll", keys: [.char("j"), .char("k")])]
    }
  }
}
