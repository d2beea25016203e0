import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension AppState {
  /// Opens a tool over the workbench (from the workbench or from another tool).
  mutating func openTool(_ kind: ToolKind) {
    guard workbench != nil else { return }
    // From another tool, the new one takes its place.
    if case .tool = overlay {
      overlays.replaceTop(with: .tool(ToolScreen(kind: kind)))
    } else {
      overlays.present(.tool(ToolScreen(kind: kind)))
    }
  }

  /// Esc: back to the checklist.
  mutating func closeTool() {
    overlays.dismiss()
    if var wb = workbench {
      wb.focus = .checklist
      workbench = wb
    }
  }

  mutating func handleTool(_ event: Event) -> [Command] {
    guard case .tool(var tool) = overlay, let wb = workbench else { return [] }
    if let prompt = tool.prompt {
      switch TextPrompt.update(prompt.editor, event, width: size.width) {
      case .editing(let editor):
        tool.prompt = (prompt.purpose, editor)
        overlays.replaceTop(with: .tool(tool))
      case .cancel:
        tool.prompt = nil
        overlays.replaceTop(with: .tool(tool))
      case .confirm(let text):
        tool.prompt = nil
        overlays.replaceTop(with: .tool(tool))
        confirmToolPrompt(prompt.purpose, text)
      }
      return []
    }
    guard case .key(let key) = event,
      let command = KeyTable.command(for: key, in: .tool)
    else { return [] }
    switch command {
    case .openTool(let kind):
      openTool(kind)
      return []
    case .openPage(let kind):
      openPage(kind)
      return []
    case .openScreen(let id):
      openScreen(id)
      return []
    case .back where tool.form != nil:
      tool.form = nil
    case .back:
      closeTool()
      return []
    case .quit: return [.quit]
    case .help:
      overlays.present(.help(scroll: 0))
      return []
    case _ where tool.form != nil:
      handleForm(command, &tool, wb: wb)
    case .cyclePane(let delta): tool.cycleFocus(delta)
    case .move(let delta): tool.move(delta, wb: wb, vertical: true)
    case .stepPane(let delta): tool.move(delta, wb: wb, vertical: false)
    case .page(let delta): tool.move(delta * 10, wb: wb, vertical: true)
    case .toolAdd:
      if wb.readOnly {
        refuseReadOnly()
        return []
      }
      toolAdd(&tool, wb: wb)
    case .toolSelect: toolSelect(&tool, wb: wb)
    case .toolEdit: openForm(&tool, wb: wb, quietly: false)
    case .toolClose: toolCloseRisk(tool, wb: wb)
    case .toolToggle: toolToggle(tool, wb: wb)
    case .toolRemove where tool.kind == .stakeholders: toolRemoveMetric(&tool, wb: wb)
    case .toolRemove: toolRemoveTask(&tool, wb: wb)
    case .toolNote:
      if wb.readOnly {
        refuseReadOnly()
        return []
      }
      if tool.kind == .risks, let risk = ToolLists.selectedRisk(tool, wb: wb) {
        tool.prompt = (.riskMitigation(risk.id), TextEditor(risk.mitigation, multiline: false))
      } else if tool.kind == .stakeholders, let person = ToolLists.selectedPerson(tool, wb: wb) {
        tool.prompt = (.personNote(person.person.id), TextEditor(person.note, multiline: false))
      }
    case .toolFactor(let index): toggleFactor(index, wb: wb, kind: tool.kind)
    default: break
    }
    if case .tool = overlay { overlays.replaceTop(with: .tool(tool)) }
    return []
  }

  private mutating func confirmToolPrompt(_ purpose: ToolPromptPurpose, _ text: String) {
    guard let wb = workbench, case .tool(var tool) = overlay else { return }
    if case .formField(let index, _) = purpose {
      // A refused value (2026-13-45) stays in the prompt to be corrected, not typed again.
      if !setFormField(index, to: text, &tool, wb: wb) {
        tool.prompt = (purpose, TextEditor(text, multiline: false))
      }
      overlays.replaceTop(with: .tool(tool))
      return
    }
    if text.isEmpty {
      // Only a note or a mitigation may be emptied; an empty name or title adds nothing.
      switch purpose {
      case .personNote, .riskMitigation: break
      default: return
      }
    }
    let phase = wb.currentPhase?.id ?? wb.caseStudy.phases.first?.id ?? ""
    toolChange { s, now throws(ToolkitError) in
      switch purpose {
      case .addRisk:
        let r = try s.addRisk(
          RiskDraft(title: text, phase: phase, likelihood: tool.likelihood, impact: tool.impact),
          in: wb.caseStudy, at: now)
        return "Added \(r.id): L\(r.likelihood) × I\(r.impact)"
      case .addTask:
        let task = try EstimateTask.parse(text)
        let old = s.toolkit.estimate
        try s.setEstimate(tasks: (old?.tasks ?? []) + [task], factors: old?.factors ?? [], at: now)
        return "Added the task \(task.title)"
      case .addPerson:
        let p = try s.addPerson(
          name: text, power: tool.powerLevel, interest: tool.interestLevel, at: now)
        return "Added \(p.name)"
      case .personNote(let id):
        return try s.setPersonNote(text, of: id, in: wb.caseStudy, at: now) ? "Note saved." : nil
      case .riskMitigation(let id):
        guard var risk = s.toolkit.risk(id: id) else { return nil }
        risk.mitigation = text
        return try s.editRisk(risk, in: wb.caseStudy, at: now) ? "\(id) edited." : nil
      case .addModel:
        let m = try s.addModel(name: text, phase: phase, in: wb.caseStudy, at: now)
        return "Registered \(m.id) \(m.name)"
      case .addLogEntry:
        return "Logged \(try s.logDecision(title: text, rationale: "", at: now).id)"
      case .formField: return nil
      }
    }
  }

  /// Makes one change to the session: `body` returns what to tell the user when something
  /// changed, or nil when nothing did. A toolkit error is shown as it is. Returns whether the
  /// session changed.
  @discardableResult
  mutating func toolChange(_ body: (inout Session, Date) throws(ToolkitError) -> String?) -> Bool {
    var problem: ToolkitError?
    var done: String?
    let changed = changeSession { s, now in
      do throws(ToolkitError) {
        done = try body(&s, now)
        return done != nil
      } catch {
        problem = error
        return false
      }
    }
    if let problem {
      showMessage(problem.description, isError: true)
    } else if let done, !done.isEmpty {
      showMessage(done, isError: false)
    }
    return changed
  }

  /// `a`: what to add depends on the tool and, where a tool has two lists, on the focused one.
  private mutating func toolAdd(_ tool: inout ToolScreen, wb: Workbench) {
    let purpose: ToolPromptPurpose
    switch (tool.kind, tool.focus) {
    case (.stakeholders, .metrics):
      tool.form = ToolForm(target: .newMetric(ToolForm.blankMetric))
      return
    case (.models, .adoptions):
      let models = wb.session.toolkit.models
      guard let first = models.first else {
        showMessage("Register the candidate models first (Tab, then a).", isError: false)
        return
      }
      let chosen = models.indices.contains(tool.row) ? models[tool.row].id : first.id
      tool.form = ToolForm(
        target: .newAdoption(ToolForm.blankAdoption(candidates: models.map(\.id), chosen: chosen)))
      return
    case (.risks, _): purpose = .addRisk
    case (.estimate, _): purpose = .addTask
    case (.stakeholders, _): purpose = .addPerson
    case (.models, _): purpose = .addModel
    case (.log, _): purpose = .addLogEntry
    }
    tool.prompt = (purpose, TextEditor(multiline: false))
  }

  private mutating func toolSelect(_ tool: inout ToolScreen, wb: Workbench) {
    switch tool.kind {
    case .risks:
      if tool.focus == .map {
        tool.focus = .list
        tool.row = 0
        return
      }
      guard tool.focus == .suggestions else {
        openForm(&tool, wb: wb, quietly: true)
        return
      }
      let suggestions = ToolLists.suggestions(wb)
      guard suggestions.indices.contains(tool.row) else { return }
      let prompt = suggestions[tool.row]
      var taken: Risk?
      toolChange { s, now throws(ToolkitError) in
        let risk = try s.takeRiskPrompt(prompt.id, in: wb.caseStudy, at: now)
        taken = risk
        return "Took \(prompt.id) as \(risk.id): L\(risk.likelihood) × I\(risk.impact)"
      }
      if let taken {
        tool.likelihood = taken.likelihood
        tool.impact = taken.impact
        tool.row = max(0, min(tool.row, ToolLists.suggestions(workbench ?? wb).count - 1))
      }
    case .stakeholders where tool.focus == .map:
      tool.focus = .list
      tool.row = 0
    default:
      openForm(&tool, wb: wb, quietly: true)
    }
  }

  private mutating func toolCloseRisk(_ tool: ToolScreen, wb: Workbench) {
    guard tool.kind == .risks, tool.focus == .list else {
      showMessage("Select a risk in the cell's list first (Tab).", isError: false)
      return
    }
    let risks = ToolLists.risksInCell(tool, wb: wb)
    guard risks.indices.contains(tool.row) else { return }
    let id = risks[tool.row].id
    changeSession { s, now in (try? s.closeRisk(id, at: now)) ?? false }
    showMessage("Closed \(id).", isError: false)
  }

  private mutating func toolToggle(_ tool: ToolScreen, wb: Workbench) {
    guard tool.kind == .models, wb.session.toolkit.models.indices.contains(tool.row) else {
      return
    }
    var model = wb.session.toolkit.models[tool.row]
    model.rebuildable.toggle()
    changeSession { s, now in (try? s.editModel(model, in: wb.caseStudy, at: now)) ?? false }
    showMessage(
      "\(model.id): \(model.rebuildable ? "can be rebuilt" : "cannot be rebuilt")", isError: false)
  }

  private mutating func toolRemoveTask(_ tool: inout ToolScreen, wb: Workbench) {
    guard tool.kind == .estimate, let estimate = wb.session.toolkit.estimate,
      estimate.tasks.indices.contains(tool.row)
    else { return }
    var tasks = estimate.tasks
    let removed = tasks.remove(at: tool.row)
    changeSession { s, now in
      if tasks.isEmpty { return s.clearEstimate(at: now) }
      return (try? s.setEstimate(tasks: tasks, factors: estimate.factors, at: now)) ?? false
    }
    tool.row = max(0, min(tool.row, tasks.count - 1))
    showMessage("Removed the task \(removed.title).", isError: false)
  }

  private mutating func toolRemoveMetric(_ tool: inout ToolScreen, wb: Workbench) {
    let metrics = wb.session.toolkit.metrics
    guard tool.focus == .metrics, metrics.indices.contains(tool.row) else { return }
    let id = metrics[tool.row].id
    toolChange { s, now throws(ToolkitError) in
      try s.removeMetric(id, at: now) ? "Removed the metric \(id)." : nil
    }
    tool.row = max(0, min(tool.row, metrics.count - 2))
  }

  private mutating func toggleFactor(_ index: Int, wb: Workbench, kind: ToolKind) {
    guard kind == .estimate, EstimateFactor.allCases.indices.contains(index) else { return }
    guard let estimate = wb.session.toolkit.estimate else {
      showMessage("Add a task first: \(KeyTable.toolAdd.hint("adds one")).", isError: false)
      return
    }
    let factor = EstimateFactor.allCases[index]
    var factors = estimate.factors
    if let i = factors.firstIndex(of: factor) {
      factors.remove(at: i)
    } else {
      factors.append(factor)
    }
    changeSession { s, now in
      (try? s.setEstimate(tasks: estimate.tasks, factors: factors, at: now)) ?? false
    }
  }
}

extension ToolScreen {
  mutating func cycleFocus(_ delta: Int) {
    let order: [ToolFocus] =
      switch kind {
      case .risks: [.map, .list, .suggestions]
      case .stakeholders: [.map, .list, .metrics]
      case .models: [.list, .adoptions]
      default: [.list]
      }
    let here = order.firstIndex(of: focus) ?? 0
    focus = order[((here + delta) % order.count + order.count) % order.count]
    row = 0
  }

  mutating func move(_ delta: Int, wb: Workbench, vertical: Bool) {
    if focus == .map {
      switch kind {
      case .risks:
        // Up raises the likelihood (the map has 5 at the top); Right raises the impact.
        if vertical {
          likelihood = max(1, min(5, likelihood - delta))
        } else {
          impact = max(1, min(5, impact + delta))
        }
      case .stakeholders:
        if vertical {
          power = max(0, min(2, power - delta))
        } else {
          interest = max(0, min(2, interest + delta))
        }
      default: break
      }
      row = 0
      return
    }
    guard vertical else {
      cycleFocus(delta)
      return
    }
    let count = ToolLists.count(self, wb: wb)
    row = max(0, min(max(0, count - 1), row + delta))
  }
}
