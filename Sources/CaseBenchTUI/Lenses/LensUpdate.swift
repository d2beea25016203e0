import CaseBenchLoading
import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The lenses in the workbench: the checklist's filter, the ML Test Score's points, and adding
/// a lens (a prompt, then `Command.loadLens`, whose result comes back as an event).
extension AppState {
  /// What the add-a-lens prompt says before the field: the built-in lenses and what else it
  /// takes, shorter on a terminal under 100 columns so the field keeps room to type a path.
  static func addLensLabel(width: Int) -> String {
    let names = BuiltInLenses.byName.map(\.name).joined(separator: ", ")
    return width < 100
      ? " Add a lens (\(names), or a path): "
      : " Add a lens (\(names), or a lens file's or deon checklist's path): "
  }

  /// Parses the session's active lenses into the workbench. A lens whose kept text no longer
  /// loads (the file was edited by hand) is left off, and the status bar says where.
  mutating func loadLenses() {
    guard var wb = workbench else { return }
    do {
      wb.setLenses(try wb.session.activeLenses(file: wb.sessionName))
    } catch {
      wb.setLenses([])
      showMessage(Self.firstError(error), isError: true)
    }
    workbench = wb
  }

  /// `f`: all items → the case study's → each lens's → all. The selection stays on its item
  /// when it is still shown.
  mutating func cycleFilter() {
    guard var wb = workbench else { return }
    guard !wb.lenses.isEmpty else {
      showMessage(
        "No lenses: \(KeyTable.addLens.hint("adds one")) (ml-test-score, or a file).",
        isError: false)
      return
    }
    let selected = wb.currentItem?.id
    wb.filter = wb.filter.next(wb.lenses)
    wb.item = selected.flatMap { wb.rowIndex(wb.phase, id: $0) } ?? 0
    wb.lastItem = [:]
    wb.listTop = 0
    if wb.currentItem == nil { wb.detailMode = .briefing }
    workbench = wb
    syncCursor()
    showMessage(
      "Checklist: " + (wb.filter.label(wb.lenses) ?? "all items") + ". "
        + KeyTable.filter.hint("changes it"), isError: false)
  }

  /// Space on a test of a scored lens: 0 → 0.5 → 1 → 0. Returns false for any other item.
  mutating func cyclePoints() -> Bool {
    guard let wb = workbench, let lens = wb.currentLens, lens.scoring == .mlTestScore else {
      return false
    }
    guard let item = actionItem() else { return true }
    let next = wb.session.points(of: item.id).next
    changeSession { $0.setPoints(next, of: item.id, at: $1) }
    showDetailOfItem()
    showMessage("\(item.title): \(next.label), \(next.meaning)", isError: false)
    return true
  }

  /// `+` in the workbench: the prompt for a lens's name or path.
  mutating func askAddLens() {
    guard let wb = workbench else { return }
    if wb.readOnly {
      refuseReadOnly()
      return
    }
    if preview != nil {
      showMessage("A preview has no session to add a lens to.", isError: false)
      return
    }
    overlays.present(.addLens(TextEditor(multiline: false)))
  }

  /// `+` on the start screen: open the selected saved session; its workbench then asks for
  /// the lens.
  mutating func addLensFromStart() -> [Command] {
    let s = start.selection - caseStudies.count
    guard sessions.indices.contains(s) else {
      showMessage("Select a saved session to add a lens to it.", isError: false)
      return []
    }
    let commands = openStartSelection()
    if !commands.isEmpty { start.addLensOnOpen = true }
    return commands
  }

  mutating func handleAddLensPrompt(_ event: Event) -> [Command] {
    guard case .addLens(let editor) = overlay else { return [] }
    switch TextPrompt.update(editor, event, width: size.width) {
    case .editing(let editor):
      overlays.replaceTop(with: .addLens(editor))
    case .cancel:
      overlays.dismiss()
    case .confirm(let spec):
      guard !spec.isEmpty else {
        showMessage("Type a lens's name or a file's path (Esc cancels).", isError: true)
        return []
      }
      overlays.dismiss()
      if let record = session?.lensRecords.first(where: { !$0.isActive && $0.id == spec }) {
        addAgain(record)
        return []
      }
      return [.loadLens(Self.expandingHome(spec))]
    }
    return []
  }

  /// "~/x.yml" as the shell would read it.
  static func expandingHome(_ path: String) -> String {
    guard path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else {
      return path
    }
    return home + path.dropFirst()
  }

  /// The lens file was read: add it to the session, keeping everything the session had.
  mutating func lensLoaded(_ source: LensSource) {
    guard let wb = workbench else { return }
    var failure: ToolkitError?
    var added: Lens?
    changeSession { session, now in
      do throws(ToolkitError) {
        added = try session.addLens(
          content: source.content, checklist: source.checklist, caseStudy: wb.caseStudy, at: now)
        return true
      } catch {
        failure = error
        return false
      }
    }
    if let failure {
      showMessage("Can't add the lens: \(failure.description)", isError: true)
      return
    }
    guard let added else { return }
    loadLenses()
    let count = added.checklist.allItems.count
    let unplaced = added.unplacedPhases(in: wb.caseStudy).count
    showMessage(
      "Added lens \(LensTag.short(added)) (\(count) items)"
        + (source.importedFrom.map { ", imported from \($0)" } ?? "")
        + (unplaced > 0 ? "; \(unplaced) of its sections have no phase here (S lists them)" : "")
        + ". " + KeyTable.filter.hint("filters") + ", " + LensScorePage.bindings[0].hint("scores"),
      isError: false)
  }

  /// The status bar's line for a lens that could not be read: its first located error, the
  /// path just typed shortened to the file's name so the line and column stay on screen.
  static func lensProblem(_ error: LensError, spec: String) -> String {
    let first = firstError(error)
    guard spec.contains("/"), first.hasPrefix(spec) else { return first }
    return URL(fileURLWithPath: spec).lastPathComponent + first.dropFirst(spec.count)
  }

  /// The first located error of a lens that could not be read, and how many more there are.
  static func firstError(_ error: LensError) -> String {
    let errors = error.diagnostics.filter(\.isError).map(\.description)
    guard let first = errors.first else { return error.description }
    return errors.count > 1 ? "\(first) (and \(errors.count - 1) more)" : first
  }

  /// `-` on a lens's item: takes that lens off, as `casebench lens remove` does. Its record,
  /// answers and points stay in the file; `+` and its id bring it back with them.
  mutating func removeSelectedLens() {
    guard let wb = workbench, wb.focus != .phases, let lens = wb.currentLens else {
      showMessage(
        "Select an item of a lens to take that lens off (its answers stay in the file).",
        isError: false)
      return
    }
    var failure: ToolkitError?
    let removed = changeSession { session, now in
      do throws(ToolkitError) {
        try session.removeLens(id: lens.id, at: now)
        return true
      } catch {
        failure = error
        return false
      }
    }
    if let failure { showMessage(failure.description, isError: true) }
    guard removed else { return }
    loadLenses()
    if var w = workbench {
      w.lastItem = [:]
      w.item = min(w.item, max(0, w.rowCount(w.phase) - 1))
      workbench = w
    }
    syncCursor()
    showMessage(
      "Took off the lens \(LensTag.short(lens)); its answers stay in the file. "
        + "\(KeyTable.addLens.hint("and")) \(lens.id) bring it back.", isError: false)
  }

  /// A lens taken off before, added again from the text the session kept.
  mutating func addAgain(_ record: LensRecord) {
    do {
      let checklist = try CaseStudyLoader.parse(record.content, file: "lens '\(record.id)'")
      lensLoaded(LensSource(content: record.content, checklist: checklist))
    } catch {
      showMessage(
        "Can't add the lens: \(Self.firstError(LensError(diagnostics: error.diagnostics)))",
        isError: true)
    }
  }
}
