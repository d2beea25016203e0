import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension ToolForm {
  static let blankMetric = SuccessMetric(id: "", name: "", kpi: .revenue, mechanism: "")

  static func blankAdoption(candidates: [String], chosen: String) -> Adoption {
    Adoption(
      id: "", candidates: candidates, chosen: chosen, rationale: "",
      decidedAt: Date(timeIntervalSince1970: 0))
  }

  /// A new record: its last row adds it.
  var isNew: Bool {
    switch target {
    case .newMetric, .newAdoption: true
    default: false
    }
  }

  /// The heading over the form: "Edit R1", "New success metric".
  var title: String {
    switch target {
    case .risk(let id), .model(let id), .metric(let id), .adoption(let id), .person(let id):
      "Edit \(id)"
    case .newMetric: "New success metric"
    case .newAdoption: "New adoption decision"
    }
  }

  /// The last row of a new record's form.
  var addLabel: String {
    switch target {
    case .newAdoption: "Record this decision"
    default: "Add this metric"
    }
  }

  /// The record's fields as saved (or as drafted so far); nil when it is no longer there.
  func fields(_ wb: Workbench) -> [RecordField]? {
    let t = wb.session.toolkit
    let cs = wb.caseStudy
    switch target {
    case .risk(let id): return t.risk(id: id)?.fields(in: cs, toolkit: t)
    case .model(let id): return t.model(id: id)?.fields(in: cs, toolkit: t)
    case .metric(let id): return t.metric(id: id)?.fields(in: cs, toolkit: t)
    case .adoption(let id):
      return t.adoptions.first { $0.id == id }?.fields(in: cs, toolkit: t)
    case .person(let id): return t.person(id: id)?.fields(in: cs, toolkit: t)
    case .newMetric(let m): return m.fields(in: cs, toolkit: t)
    case .newAdoption(let a): return a.fields(in: cs, toolkit: t)
    }
  }

  func rowCount(_ wb: Workbench) -> Int { (fields(wb)?.count ?? 0) + (isNew ? 1 : 0) }
}

extension ToolScreen {
  /// Opens the form on the focused list's selected record; says so when nothing is selected.
  mutating func openForm(
    _ wb: Workbench, _ env: inout WorkbenchEnvironment, quietly: Bool
  ) {
    if let target = ToolLists.selectedRecord(self, wb: wb) {
      form = ToolForm(target: target)
    } else if quietly {
      return
    } else if kind == .stakeholders, let entry = ToolLists.selectedPerson(self, wb: wb),
      entry.fromCaseStudy
    {
      env.showMessage(
        "\(entry.person.name) comes from the case study: \(KeyTable.toolNote.hint("writes a note"))."
          + " Your own people (a) can be edited.", isError: false)
    } else {
      env.showMessage(
        "Nothing here to edit: select a risk, a model, a metric, an adoption or a person of "
          + "your own.", isError: false)
    }
  }

  /// The keys while a form is open (Esc, help, quit and the tool keys are handled before).
  mutating func handleForm(
    _ command: KeyCommand, _ wb: inout Workbench, _ env: inout WorkbenchEnvironment
  ) {
    guard var form = self.form else { return }
    let fields = form.fields(wb) ?? []
    switch command {
    case .move(let delta), .cyclePane(let delta):
      form.row = max(0, min(form.rowCount(wb) - 1, form.row + delta))
      self.form = form
    case .page(let delta):
      form.row = max(0, min(form.rowCount(wb) - 1, form.row + delta * 10))
      self.form = form
    case .stepPane(let delta):
      guard fields.indices.contains(form.row), let next = fields[form.row].stepped(delta) else {
        return
      }
      setFormField(form.row, to: next, &wb, &env)
    case .toolSelect, .toolEdit:
      if form.isNew, form.row == fields.count {
        addDraft(&wb, &env)
      } else if fields.indices.contains(form.row) {
        if wb.readOnly && !form.isNew {
          wb.refuseReadOnly(&env)
          return
        }
        let field = fields[form.row]
        prompt = (.formField(form.row, field.name), TextEditor(field.value, multiline: false))
      }
    default: break
    }
  }

  /// Sets one field from typed text: a saved record is changed in the session at once (checked
  /// and logged); a new one changes only in the form until it is added. False when the value
  /// is refused (the message says why), so the prompt can keep it for correcting.
  @discardableResult
  mutating func setFormField(
    _ index: Int, to text: String, _ wb: inout Workbench, _ env: inout WorkbenchEnvironment
  ) -> Bool {
    guard let form = self.form else { return true }
    let cs = wb.caseStudy
    do throws(ToolkitError) {
      switch form.target {
      case .newMetric(let m):
        self.form?.target = .newMetric(try m.setting(index, to: text))
        return true
      case .newAdoption(let a):
        self.form?.target = .newAdoption(try a.setting(index, to: text))
        return true
      default: break
      }
    } catch {
      env.showMessage(error.description, isError: true)
      return false
    }
    var refused = false
    Self.toolChange(&wb, &env) { s, now throws(ToolkitError) in
      let changed: Bool?
      do throws(ToolkitError) {
        changed = try Self.edit(form.target, index, to: text, in: &s, cs, at: now)
      } catch {
        refused = true
        throw error
      }
      guard let changed else { return nil }
      return changed ? form.title.replacing("Edit ", with: "") + " saved." : nil
    }
    return !refused
  }

  /// Changes one field of a saved record in the session; nil when there is no such record.
  private static func edit(
    _ target: FormTarget, _ index: Int, to text: String, in s: inout Session,
    _ cs: CaseStudy, at now: Date
  ) throws(ToolkitError) -> Bool? {
    let t = s.toolkit
    let changed: Bool
    switch target {
    case .risk(let id):
      guard let r = t.risk(id: id) else { return nil }
      changed = try s.editRisk(r.setting(index, to: text), in: cs, at: now)
    case .model(let id):
      guard let m = t.model(id: id) else { return nil }
      changed = try s.editModel(m.setting(index, to: text), in: cs, at: now)
    case .metric(let id):
      guard let m = t.metric(id: id) else { return nil }
      changed = try s.editMetric(m.setting(index, to: text), in: cs, at: now)
    case .adoption(let id):
      guard let a = t.adoptions.first(where: { $0.id == id }) else { return nil }
      changed = try s.editAdoption(a.setting(index, to: text), in: cs, at: now)
    case .person(let id):
      guard let p = t.person(id: id) else { return nil }
      changed = try s.editPerson(p.setting(index, to: text), in: cs, at: now)
    case .newMetric, .newAdoption: return nil
    }
    return changed
  }

  /// Adds the new record when it is complete, and goes back to the list with it selected.
  private mutating func addDraft(_ wb: inout Workbench, _ env: inout WorkbenchEnvironment) {
    guard let form = self.form else { return }
    var added = false
    Self.toolChange(&wb, &env) { s, now throws(ToolkitError) in
      switch form.target {
      case .newMetric(let m):
        let metric = try s.addMetric(
          name: m.name, kpi: m.kpi, mechanism: m.mechanism, target: m.target, at: now)
        added = true
        return "Added \(metric.id): \(metric.name) → \(metric.kpi.label)"
      case .newAdoption(let a):
        let adoption = try s.recordAdoption(
          candidates: a.candidates, chosen: a.chosen, rationale: a.rationale, at: now)
        added = true
        return "Recorded \(adoption.id): adopted \(adoption.chosen)"
      default: return nil
      }
    }
    guard added else { return }
    let session = wb.session
    self.form = nil
    switch form.target {
    case .newMetric: row = max(0, session.toolkit.metrics.count - 1)
    default: row = max(0, session.toolkit.adoptions.count - 1)
    }
  }
}

/// Draws a form over the tool: one row a field, the selected one in full below with its choices.
enum FormView {
  static func draw(
    _ form: ToolForm, wb: Workbench, g: Glyphs, in r: Rect, into buf: inout ScreenBuffer
  ) {
    ToolView.heading(form.title, focused: true, g: g, x: r.x, y: r.y, w: r.w, into: &buf)
    guard let fields = form.fields(wb) else {
      buf.put("It is no longer there.", x: r.x, y: r.y + 1, role: .dim, maxX: r.x + r.w)
      return
    }
    let labelW = min(24, (fields.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2)
    var rows = fields.map { field -> String in
      let value = field.value.isEmpty ? "-" : ToolView.oneLine(field.value)
      let marks = field.choices.isEmpty ? "" : "< "
      return DisplayWidth.pad(field.name, to: labelW) + marks + value
        + (field.choices.isEmpty ? "" : " >")
    }
    if form.isNew { rows.append("[ \(form.addLabel) ]") }
    let listH = min(rows.count, max(1, r.h - 5))
    ToolView.list(
      rows, selected: form.row, focused: true, g: g,
      in: Rect(x: r.x, y: r.y + 1, w: r.w, h: listH), into: &buf)
    var lines: [StyledLine] = [.blank]
    if fields.indices.contains(form.row) {
      let field = fields[form.row]
      lines.wrap(
        "\(field.name): " + (field.value.isEmpty ? "(empty)" : field.value), width: r.w,
        role: .accent)
      if !field.choices.isEmpty {
        lines.wrap(
          "One of: " + field.choices.joined(separator: ", ") + " ("
            + KeyTable.stepPane.hint("steps") + ")", width: r.w, role: .dim)
      }
    } else {
      lines.wrap(
        "\(KeyTable.toolSelect.hint("adds it")) once the fields it needs are filled in.",
        width: r.w, role: .dim)
    }
    buf.lines(lines, in: Rect(x: r.x, y: r.y + 1 + listH, w: r.w, h: max(0, r.h - 1 - listH)))
  }
}
