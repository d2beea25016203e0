import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension Workbench {
  /// Opens a tool over the workbench (from the workbench or from another tool).
  mutating func openTool(_ kind: ToolKind) {
    // From another tool, the new one takes its place.
    if case .tool = overlays.top {
      overlays.replaceTop(with: .tool(ToolScreen(kind: kind)))
    } else {
      overlays.present(.tool(ToolScreen(kind: kind)))
    }
  }
}

extension ToolScreen {
  /// The tool's update: it reads the workbench and changes the session's toolkit through it.
  mutating func update(
    _ event: Event, _ wb: inout Workbench, _ env: inout WorkbenchEnvironment
  ) -> OverlayStep {
    if let prompt {
      switch TextPrompt.update(prompt.editor, event, width: env.size.width) {
      case .editing(let editor):
        self.prompt = (prompt.purpose, editor)
      case .cancel:
        self.prompt = nil
      case .confirm(let text):
        self.prompt = nil
        confirmToolPrompt(prompt.purpose, text, &wb, &env)
      }
      return .stay
    }
    guard case .key(let key) = event,
      let command = KeyTable.command(for: key, in: .tool)
    else { return .stay }
    switch command {
    case .openTool(let kind):
      wb.openTool(kind)
      return .done
    case .openPage(let kind):
      wb.openPage(kind)
      return .done
    case .openScreen(let id):
      wb.openScreen(id, env)
      return .done
    case .back where form != nil:
      form = nil
    case .back:
      // Esc: back to the checklist.
      wb.focus = .checklist
      return .close
    case .quit: return .run([.quit])
    case .help:
      wb.overlays.present(.help(scroll: 0))
      return .done
    case _ where form != nil:
      handleForm(command, &wb, &env)
    case .cyclePane(let delta): cycleFocus(delta)
    case .move(let delta): move(delta, wb: wb, vertical: true)
    case .stepPane(let delta): move(delta, wb: wb, vertical: false)
    case .page(let delta): move(delta * 10, wb: wb, vertical: true)
    case .toolAdd:
      if wb.readOnly {
        wb.refuseReadOnly(&env)
        return .stay
      }
      toolAdd(&wb, &env)
    case .toolSelect: toolSelect(&wb, &env)
    case .toolEdit: openForm(wb, &env, quietly: false)
    case .toolClose: toolCloseRisk(&wb, &env)
    case .toolToggle: toolToggle(&wb, &env)
    case .toolRemove where kind == .stakeholders: toolRemoveMetric(&wb, &env)
    case .toolRemove: toolRemoveTask(&wb, &env)
    case .toolNote:
      if wb.readOnly {
        wb.refuseReadOnly(&env)
        return .stay
      }
      if kind == .risks, let risk = ToolLists.selectedRisk(self, wb: wb) {
        prompt = (.riskMitigation(risk.id), TextEditor(risk.mitigation, multiline: false))
      } else if kind == .stakeholders, let person = ToolLists.selectedPerson(self, wb: wb) {
        prompt = (.personNote(person.person.id), TextEditor(person.note, multiline: false))
      }
    case .toolFactor(let index): toggleFactor(index, &wb, &env)
    default: break
    }
    return .stay
  }

  private mutating func confirmToolPrompt(
    _ purpose: ToolPromptPurpose, _ text: String, _ wb: inout Workbench,
    _ env: inout WorkbenchEnvironment
  ) {
    if case .formField(let index, _) = purpose {
      // A refused value (2026-13-45) stays in the prompt to be corrected, not typed again.
      if !setFormField(index, to: text, &wb, &env) {
        prompt = (purpose, TextEditor(text, multiline: false))
      }
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
    let cs = wb.caseStudy
    Self.toolChange(&wb, &env) { s, now throws(ToolkitError) in
      switch purpose {
      case .addRisk:
        let r = try s.addRisk(
          RiskDraft(title: text, phase: phase, likelihood: likelihood, impact: impact),
          in: cs, at: now)
        return "Added \(r.id): L\(r.likelihood) × I\(r.impact)"
      case .addTask:
        let task = try EstimateTask.parse(text)
        let old = s.toolkit.estimate
        try s.setEstimate(tasks: (old?.tasks ?? []) + [task], factors: old?.factors ?? [], at: now)
        return "Added the task \(task.title)"
      case .addPerson:
        let p = try s.addPerson(
          name: text, power: powerLevel, interest: interestLevel, at: now)
        return "Added \(p.name)"
      case .personNote(let id):
        return try s.setPersonNote(text, of: id, in: cs, at: now) ? "Note saved." : nil
      case .riskMitigation(let id):
        guard var risk = s.toolkit.risk(id: id) else { return nil }
        risk.mitigation = text
        return try s.editRisk(risk, in: cs, at: now) ? "\(id) edited." : nil
      case .addModel:
        let m = try s.addModel(name: text, phase: phase, in: cs, at: now)
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
  static func toolChange(
    _ wb: inout Workbench, _ env: inout WorkbenchEnvironment,
    _ body: (inout Session, Date) throws(ToolkitError) -> String?
  ) -> Bool {
    var problem: ToolkitError?
    var done: String?
    let changed = wb.changeSession(&env) { s, now in
      do throws(ToolkitError) {
        done = try body(&s, now)
        return done != nil
      } catch {
        problem = error
        return false
      }
    }
    if let problem {
      env.showMessage(problem.description, isError: true)
    } else if let done, !done.isEmpty {
      env.showMessage(done, isError: false)
    }
    return changed
  }

  /// `a`: what to add depends on the tool and, where a tool has two lists, on the focused one.
  private mutating func toolAdd(
    _ wb: inout Workbench, _ env: inout WorkbenchEnvironment
  ) {
    let purpose: ToolPromptPurpose
    switch (kind, focus) {
    case (.stakeholders, .metrics):
      form = ToolForm(target: .newMetric(ToolForm.blankMetric))
      return
    case (.models, .adoptions):
      let models = wb.session.toolkit.models
      guard let first = models.first else {
        env.showMessage("Register the candidate models first (Tab, then a).", isError: false)
        return
      }
      let chosen = models.indices.contains(row) ? models[row].id : first.id
      form = ToolForm(
        target: .newAdoption(ToolForm.blankAdoption(candidates: models.map(\.id), chosen: chosen)))
      return
    case (.risks, _): purpose = .addRisk
    case (.estimate, _): purpose = .addTask
    case (.stakeholders, _): purpose = .addPerson
    case (.models, _): purpose = .addModel
    case (.log, _): purpose = .addLogEntry
    }
    prompt = (purpose, TextEditor(multiline: false))
  }

  private mutating func toolSelect(
    _ wb: inout Workbench, _ env: inout WorkbenchEnvironment
  ) {
    switch kind {
    case .risks:
      if focus == .map {
        focus = .list
        row = 0
        return
      }
      guard focus == .suggestions else {
        openForm(wb, &env, quietly: true)
        return
      }
      let suggestions = ToolLists.suggestions(wb)
      guard suggestions.indices.contains(row) else { return }
      let prompt = suggestions[row]
      var taken: Risk?
      let cs = wb.caseStudy
      Self.toolChange(&wb, &env) { s, now throws(ToolkitError) in
        let risk = try s.takeRiskPrompt(prompt.id, in: cs, at: now)
        taken = risk
        return "Took \(prompt.id) as \(risk.id): L\(risk.likelihood) × I\(risk.impact)"
      }
      if let taken {
        likelihood = taken.likelihood
        impact = taken.impact
        row = max(0, min(row, ToolLists.suggestions(wb).count - 1))
      }
    case .stakeholders where focus == .map:
      focus = .list
      row = 0
    default:
      openForm(wb, &env, quietly: true)
    }
  }

  private func toolCloseRisk(_ wb: inout Workbench, _ env: inout WorkbenchEnvironment) {
    guard kind == .risks, focus == .list else {
      env.showMessage("Select a risk in the cell's list first (Tab).", isError: false)
      return
    }
    let risks = ToolLists.risksInCell(self, wb: wb)
    guard risks.indices.contains(row) else { return }
    let id = risks[row].id
    wb.changeSession(&env) { s, now in (try? s.closeRisk(id, at: now)) ?? false }
    env.showMessage("Closed \(id).", isError: false)
  }

  private func toolToggle(_ wb: inout Workbench, _ env: inout WorkbenchEnvironment) {
    guard kind == .models, wb.session.toolkit.models.indices.contains(row) else {
      return
    }
    var model = wb.session.toolkit.models[row]
    model.rebuildable.toggle()
    let cs = wb.caseStudy
    wb.changeSession(&env) { s, now in (try? s.editModel(model, in: cs, at: now)) ?? false }
    env.showMessage(
      "\(model.id): \(model.rebuildable ? "can be rebuilt" : "cannot be rebuilt")", isError: false)
  }

  private mutating func toolRemoveTask(
    _ wb: inout Workbench, _ env: inout WorkbenchEnvironment
  ) {
    guard kind == .estimate, let estimate = wb.session.toolkit.estimate,
      estimate.tasks.indices.contains(row)
    else { return }
    var tasks = estimate.tasks
    let removed = tasks.remove(at: row)
    wb.changeSession(&env) { s, now in
      if tasks.isEmpty { return s.clearEstimate(at: now) }
      return (try? s.setEstimate(tasks: tasks, factors: estimate.factors, at: now)) ?? false
    }
    row = max(0, min(row, tasks.count - 1))
    env.showMessage("Removed the task \(removed.title).", isError: false)
  }

  private mutating func toolRemoveMetric(
    _ wb: inout Workbench, _ env: inout WorkbenchEnvironment
  ) {
    let metrics = wb.session.toolkit.metrics
    guard focus == .metrics, metrics.indices.contains(row) else { return }
    let id = metrics[row].id
    Self.toolChange(&wb, &env) { s, now throws(ToolkitError) in
      try s.removeMetric(id, at: now) ? "Removed the metric \(id)." : nil
    }
    row = max(0, min(row, metrics.count - 2))
  }

  private func toggleFactor(
    _ index: Int, _ wb: inout Workbench, _ env: inout WorkbenchEnvironment
  ) {
    guard kind == .estimate, EstimateFactor.allCases.indices.contains(index) else { return }
    guard let estimate = wb.session.toolkit.estimate else {
      env.showMessage("Add a task first: \(KeyTable.toolAdd.hint("adds one")).", isError: false)
      return
    }
    let factor = EstimateFactor.allCases[index]
    var factors = estimate.factors
    if let i = factors.firstIndex(of: factor) {
      factors.remove(at: i)
    } else {
      factors.append(factor)
    }
    wb.changeSession(&env) { s, now in
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
