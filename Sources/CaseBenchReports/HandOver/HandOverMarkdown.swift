import CaseBenchModel

/// The model card (Mitchell et al. 2019) and the datasheet (Gebru et al.) as Markdown. Each
/// section holds what the session recorded for it; where nothing was written, it says so.
struct HandOverMarkdown {
  let model: HandOverModel
  private var out: [String] = []

  init(_ model: HandOverModel) { self.model = model }

  private static func md(_ text: String) -> String { MarkdownReport.inline(text) }

  private mutating func add(_ lines: String...) { out += lines }

  private mutating func header(_ title: String, basis: String) {
    add("# \(Self.md(title))", "")
    add(
      "Project: \(Self.md(model.projectName)). Phases from \(Self.md(model.caseStudy.title)) "
        + "(\(Self.md(model.caseStudy.id)) \(Self.md(model.caseStudy.version))). "
        + "Session last updated \(ReportModel.displayDate(model.session.updated)).", "")
    add(
      "*\(basis) Written by casebench from the session: every section holds only what the team "
        + "recorded, and says so where nothing was written.*", "")
  }

  /// The notes of the items tagged for a section, or a plain statement that there are none.
  private mutating func notes(_ document: HandOverDocument, _ section: HandOverDocument.Section) {
    let entries = model.entries(document, section)
    let written = entries.filter { !$0.state.note.isEmpty }
    guard !entries.isEmpty else {
      add(
        "*No item of the case study or its lenses is tagged `\(document.tag(section))`, so "
          + "nothing feeds this section.*", "")
      return
    }
    for e in entries where !e.state.note.isEmpty { entry(e) }
    let silent = entries.filter { $0.state.note.isEmpty }
    if written.isEmpty {
      add("*Nothing was written for this section.*", "")
    }
    if !silent.isEmpty {
      add(
        "*No note on: "
          + silent.map {
            "\(Self.md($0.id)) \(Self.md($0.title)) (\(Self.md(LensReport.statusText($0.state))))"
          }
          .joined(separator: "; ") + ".*", "")
    }
  }

  private mutating func entry(_ e: HandOverModel.Entry) {
    let lens = e.lens.map { ", lens \(Self.md($0))" } ?? ""
    add("**\(Self.md(e.id)) \(Self.md(e.title))** (\(LensReport.statusText(e.state))\(lens))", "")
    out += MarkdownReport.quote(e.state.note)
    add("")
  }

  private mutating func modelDetails() {
    let models = model.session.toolkit.models
    guard !models.isEmpty else {
      add("*Nothing is recorded in the model register.*", "")
      return
    }
    for m in models {
      let adopted = m.id == model.mainModel?.id && !model.session.toolkit.adoptions.isEmpty
      add("- **\(Self.md(m.name))** (\(Self.md(m.id))\(adopted ? ", adopted" : ""))")
      let fields: [(String, String)] = [
        ("Data version", m.dataVersion), ("Parameters", m.parameters), ("Metrics", m.metrics),
        ("Notes", m.notes), ("Can we rebuild it", m.rebuildable ? "yes" : "no"),
        ("To rebuild it", m.rebuildNeeds),
      ]
      for (name, value) in fields where !value.isEmpty {
        add("  - \(name): \(MarkdownReport.inline(value, lineBreak: " "))")
      }
      add("  - Recorded: \(HandOverModel.day(m.recorded))")
    }
    add("")
    for a in model.session.toolkit.adoptions {
      add(
        "Adoption \(Self.md(a.id)): chose \(Self.md(a.chosen)) from "
          + "\(Self.md(a.candidates.joined(separator: ", "))) on \(HandOverModel.day(a.decidedAt))"
          + (a.rationale.isEmpty ? "." : ": \(Self.md(a.rationale))"), "")
    }
  }

  private mutating func metrics() {
    let metrics = model.session.toolkit.metrics
    guard !metrics.isEmpty else {
      add("*No success metrics or KPIs are recorded.*", "")
      return
    }
    add("| Metric | KPI | Mechanism | Target |", "|---|---|---|---|")
    for m in metrics {
      let cell = { (t: String) in MarkdownReport.inline(t, lineBreak: "<br>") }
      add(
        "| \(cell(m.name)) | \(m.kpi.label) | \(cell(m.mechanism)) | "
          + "\(m.target.isEmpty ? "*not set*" : cell(m.target)) |")
    }
    add("")
  }

  private mutating func ethics() {
    let notes = model.ethicsNotes
    add("### Notes on ethics items", "")
    guard !notes.isEmpty else {
      add("*No ethics item has a note.*", "")
      return
    }
    for e in notes { entry(e) }
  }

  mutating func modelCard() -> String {
    header(
      "Model card: \(model.mainModel?.name ?? model.projectName)",
      basis: "Sections after Mitchell et al. (2019), \"Model Cards for Model Reporting\".")
    let document = HandOverDocument.modelCard
    for (index, section) in document.sections.enumerated() {
      add("## \(index + 1). \(section.heading)", "")
      switch section.name {
      case "model-details":
        add("### Model register", "")
        modelDetails()
      case "metrics":
        add("### Success metrics and KPIs", "")
        metrics()
      case "ethical-considerations":
        ethics()
      default: break
      }
      if ["model-details", "metrics", "ethical-considerations"].contains(section.name) {
        add("### Notes on the items tagged `\(document.tag(section))`", "")
      }
      notes(document, section)
    }
    return render()
  }

  mutating func datasheet() -> String {
    header(
      "Datasheet: \(model.projectName)",
      basis: "Sections after Gebru et al., \"Datasheets for Datasets\".")
    let document = HandOverDocument.datasheet
    for (index, section) in document.sections.enumerated() {
      add("## \(index + 1). \(section.heading)", "")
      notes(document, section)
    }
    return render()
  }

  private func render() -> String {
    var lines = out
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }
}
