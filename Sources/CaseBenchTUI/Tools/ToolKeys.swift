/// The keys the project manager's tools reads: declared here, beside the code that handles them, and joined into
/// `KeyTable.all` (help, hints, the README's table) by the registration at the end.
extension KeyTable {
  static let toolRisks = KeyBinding(
    "r", [(.char("r"), .openTool(.risks))], "risk register and heat map", group: .tools,
    in: [.workbench, .tool])
  static let toolEstimate = KeyBinding(
    "t", [(.char("t"), .openTool(.estimate))], "estimate, with its workings", group: .tools,
    in: [.workbench, .tool])
  static let toolStakeholders = KeyBinding(
    "s", [(.char("s"), .openTool(.stakeholders))], "stakeholders and success metrics",
    group: .tools, in: [.workbench, .tool])
  static let toolModels = KeyBinding(
    "m", [(.char("m"), .openTool(.models))], "model register", group: .tools,
    in: [.workbench, .tool])
  static let toolLog = KeyBinding(
    "l", [(.char("l"), .openTool(.log))], "decision log", group: .tools, in: [.workbench, .tool])
  static let toolAdd = KeyBinding(
    "a", [(.char("a"), .toolAdd)],
    "in a tool: add a risk (in the selected cell), a task, a person, a metric, a model, an "
      + "adoption or a log entry",
    group: .tools, in: [.tool])
  static let toolSelect = KeyBinding(
    "Enter", [(.enter, .toolSelect)],
    "in a tool: list the selected cell; open the selected record's form; take a risk prompt; "
      + "in a form: edit the field",
    group: .tools,
    in: [.tool])
  static let toolClose = KeyBinding(
    "c", [(.char("c"), .toolClose)], "in the risk register: close the selected risk",
    group: .tools, in: [.tool])
  static let toolFactor = KeyBinding(
    "1-9", (1...9).map { (Key.char(Character(String($0))), KeyCommand.toolFactor($0 - 1)) },
    "in the estimate: switch a factor on or off", group: .tools, in: [.tool])
  static let toolRemove = KeyBinding(
    "x", [(.char("x"), .toolRemove)], "remove the selected task (estimate) or metric",
    group: .tools, in: [.tool])
  static let toolToggle = KeyBinding(
    "Space", [(.char(" "), .toolToggle)], "in the model register: can we rebuild it?",
    group: .tools, in: [.tool])
  static let toolNote = KeyBinding(
    "n", [(.char("n"), .toolNote)], "a note on the selected person; a risk's mitigation",
    group: .tools, in: [.tool])
  static let toolEdit = KeyBinding(
    "e", [(.char("e"), .toolEdit)],
    "edit the selected risk, model, metric, adoption or own person in a form (Left Right "
      + "step a choice)",
    group: .tools, in: [.tool])

  /// The tools' bindings, in lookup order.
  static let toolKeys: [KeyBinding] = [
    toolRisks, toolEstimate, toolStakeholders, toolModels, toolLog, toolAdd, toolSelect, toolClose,
    toolFactor, toolRemove, toolToggle, toolNote, toolEdit,
  ]
}

extension KeyScope {
  /// One of the project manager's tools (risks, estimate, stakeholders, models, log).
  static let tool = KeyScope("tool")
}

extension KeyRegistration {
  static let tools = KeyRegistration(scopes: [.tool], bindings: KeyTable.toolKeys)
}
