import CaseBenchLoading
import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The lenses in the workbench: the checklist's filter, the ML Test Score's points, and adding
/// a lens (a prompt, then `Command.loadLens`, whose result comes back as an event). `LensText`
/// holds what the prompt and the status bar say about them.
enum LensText {
  /// What the add-a-lens prompt says before the field: the built-in lenses and what else it
  /// takes, shorter on a terminal under 100 columns so the field keeps room to type a path.
  static func addLensLabel(width: Int) -> String {
    let names = BuiltInLenses.byName.map(\.name).joined(separator: ", ")
    return width < 100
      ? " Add a lens (\(names), or a path): "
      : " Add a lens (\(names), or a lens file's or deon checklist's path): "
  }

  /// "~/x.yml" as the shell would read it.
  static func expandingHome(_ path: String) -> String {
    guard path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else {
      return path
    }
    return home + path.dropFirst()
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
}

extension Workbench {
  mutating func updateAddLensPrompt(
    _ event: Event, _ env: inout WorkbenchEnvironment
  ) -> [Command] {
    guard case .addLens(let editor) = overlays.top else { return [] }
    switch TextPrompt.update(editor, event, width: env.size.width) {
    case .editing(let editor):
      overlays.replaceTop(with: .addLens(editor))
    case .cancel:
      overlays.dismiss()
    case .confirm(let spec):
      guard !spec.isEmpty else {
        env.showMessage("Type a lens's name or a file's path (Esc cancels).", isError: true)
        return []
      }
      overlays.dismiss()
      if let record = session.lensRecords.first(where: { !$0.isActive && $0.id == spec }) {
        addAgain(record, &env)
        return []
      }
      return [.loadLens(LensText.expandingHome(spec))]
    }
    return []
  }

  /// Parses the session's active lenses into the workbench. A lens whose kept text no longer
  /// loads (the file was edited by hand) is left off, and the status bar says where.
  mutating func loadLenses(_ env: inout WorkbenchEnvironment) {
    do {
      setLenses(try session.activeLenses(file: sessionName))
    } catch {
      setLenses([])
      env.showMessage(LensText.firstError(error), isError: true)
    }
  }

  /// `f`: all items → the case study's → each lens's → all. The selection stays on its item
  /// when it is still shown.
  mutating func cycleFilter(_ env: inout WorkbenchEnvironment) {
    guard !lenses.isEmpty else {
      env.showMessage(
        "No lenses: \(KeyTable.addLens.hint("adds one")) (ml-test-score, or a file).",
        isError: false)
      return
    }
    let selected = currentItem?.id
    filter = filter.next(lenses)
    item = selected.flatMap { rowIndex(phase, id: $0) } ?? 0
    lastItem = [:]
    listTop = 0
    if currentItem == nil { detailMode = .briefing }
    syncCursor(&env)
    env.showMessage(
      "Checklist: " + (filter.label(lenses) ?? "all items") + ". "
        + KeyTable.filter.hint("changes it"), isError: false)
  }

  /// Space on a test of a scored lens: 0 → 0.5 → 1 → 0. Returns false for any other item.
  mutating func cyclePoints(_ env: inout WorkbenchEnvironment) -> Bool {
    guard let lens = currentLens, lens.scoring == .mlTestScore else { return false }
    guard let item = actionItem(&env) else { return true }
    let next = session.points(of: item.id).next
    changeSession(&env) { $0.setPoints(next, of: item.id, at: $1) }
    showDetailOfItem()
    env.showMessage("\(item.title): \(next.label), \(next.meaning)", isError: false)
    return true
  }

  /// `+` in the workbench: the prompt for a lens's name or path.
  mutating func askAddLens(_ env: inout WorkbenchEnvironment) {
    if readOnly {
      refuseReadOnly(&env)
      return
    }
    if env.isPreview {
      env.showMessage("A preview has no session to add a lens to.", isError: false)
      return
    }
    overlays.present(.addLens(TextEditor(multiline: false)))
  }

  /// The lens file was read: add it to the session, keeping everything the session had.
  mutating func lensLoaded(_ source: LensSource, _ env: inout WorkbenchEnvironment) {
    let caseStudy = caseStudy
    var failure: ToolkitError?
    var added: Lens?
    changeSession(&env) { session, now in
      do throws(ToolkitError) {
        added = try session.addLens(
          content: source.content, checklist: source.checklist, caseStudy: caseStudy, at: now)
        return true
      } catch {
        failure = error
        return false
      }
    }
    if let failure {
      env.showMessage("Can't add the lens: \(failure.description)", isError: true)
      return
    }
    guard let added else { return }
    loadLenses(&env)
    let count = added.checklist.allItems.count
    let unplaced = added.unplacedPhases(in: caseStudy).count
    env.showMessage(
      "Added lens \(LensTag.short(added)) (\(count) items)"
        + (source.importedFrom.map { ", imported from \($0)" } ?? "")
        + (unplaced > 0 ? "; \(unplaced) of its sections have no phase here (S lists them)" : "")
        + ". " + KeyTable.filter.hint("filters") + ", " + LensScorePage.bindings[0].hint("scores"),
      isError: false)
  }

  /// `-` on a lens's item: takes that lens off, as `casebench lens remove` does. Its record,
  /// answers and points stay in the file; `+` and its id bring it back with them.
  mutating func removeSelectedLens(_ env: inout WorkbenchEnvironment) {
    guard focus != .phases, let lens = currentLens else {
      env.showMessage(
        "Select an item of a lens to take that lens off (its answers stay in the file).",
        isError: false)
      return
    }
    var failure: ToolkitError?
    let removed = changeSession(&env) { session, now in
      do throws(ToolkitError) {
        try session.removeLens(id: lens.id, at: now)
        return true
      } catch {
        failure = error
        return false
      }
    }
    if let failure { env.showMessage(failure.description, isError: true) }
    guard removed else { return }
    loadLenses(&env)
    lastItem = [:]
    item = min(item, max(0, rowCount(phase) - 1))
    syncCursor(&env)
    env.showMessage(
      "Took off the lens \(LensTag.short(lens)); its answers stay in the file. "
        + "\(KeyTable.addLens.hint("and")) \(lens.id) bring it back.", isError: false)
  }

  /// A lens taken off before, added again from the text the session kept.
  mutating func addAgain(_ record: LensRecord, _ env: inout WorkbenchEnvironment) {
    do {
      let checklist = try CaseStudyLoader.parse(record.content, file: "lens '\(record.id)'")
      lensLoaded(LensSource(content: record.content, checklist: checklist), &env)
    } catch {
      env.showMessage(
        "Can't add the lens: \(LensText.firstError(LensError(diagnostics: error.diagnostics)))",
        isError: true)
    }
  }
}
