import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `casebench preview FILE`: the workbench on a case study being written, with no session file.
/// Nothing is written and nothing is locked; the session lives in memory and is read-only. The
/// file is watched (its modification time and size, once a second while idle) and reloaded when
/// it changes. A version with a lint error is not shown: the error stays on screen, located,
/// and the last good version stays under it until the file is fixed.
public enum Preview {
  /// What the read-only marker says.
  static let reason = "preview, nothing is saved"

  /// The program for a preview of `caseStudy`, loaded from `file`.
  public static func program(
    file: URL, caseStudy: CaseStudy, terminal: any ProgramTerminal, options: RenderOptions,
    clock: @escaping () -> Date = Date.init
  ) -> Program {
    let now = clock()
    var state = AppState(caseStudies: [caseStudy], sessions: [], options: options, now: now)
    state.preview = PreviewState(file: file.lastPathComponent)
    let session = Session(participant: "Preview", caseStudy: caseStudy, mode: .caseStudy, now: now)
    let opened = SessionFile(
      url: file, caseStudy: caseStudy, session: session, readOnlyReason: reason)
    let watcher = CaseStudyFileWatcher(file)
    return Program(
      state: state, terminal: terminal, storage: NoStorage(), opened: opened,
      editNote: { _ in .failure(NoteEditorFailure("A preview keeps no notes.")) }, clock: clock,
      watch: { watcher.news() })
  }
}

/// What the workbench knows of the preview it shows.
struct PreviewState: Sendable, Equatable {
  /// The file's name, for messages.
  var file: String
  /// The first lint error of the version on disk, while it has one (the last good version
  /// stays on screen).
  var error: String?
  /// How many errors that version has.
  var errorCount = 0
}

/// Watches a case-study file for changes and reloads it: the news for `Program`'s watch hook.
/// A change is a new `FileStamp` (the workshop folder's test too); a file that cannot be read
/// is an error too.
public final class CaseStudyFileWatcher {
  let url: URL
  private var last: FileStamp?

  /// `url`: the file, as loaded already (its current stamp is taken now, so the first change
  /// counts).
  public init(_ url: URL) {
    self.url = url
    last = FileStamp(url.path)
  }

  /// The reloaded case study, or its errors, when the file changed since the last look.
  public func news() -> [Event] {
    let now = FileStamp(url.path)
    guard now != last else { return [] }
    last = now
    do {
      return [.caseStudyReloaded(try CaseStudyLoader.load(contentsOf: url))]
    } catch {
      let errors = error.diagnostics.filter(\.isError)
      let first = errors.first ?? error.diagnostics.first
      return [
        .caseStudyReloadFailed(
          first?.description ?? "\(url.path): error: the file does not load",
          errors: max(1, errors.count))
      ]
    }
  }
}

/// Storage for a preview: it lists nothing, writes nothing and locks nothing.
struct NoStorage: SessionStorage {
  func refusal(_ url: URL?) -> SessionStoreError {
    SessionStoreError(
      kind: .writeFailed, file: url?.path ?? "", line: 0, column: 0,
      message: "a preview writes nothing", fix: "quit and use `casebench new` to start a session")
  }
  mutating func list() -> [StartEntry] { [] }
  mutating func open(_ url: URL) throws(SessionStoreError) -> SessionFile { throw refusal(url) }
  mutating func create(_ session: Session) throws(SessionStoreError) -> URL {
    throw refusal(nil)
  }
  mutating func save(_ session: Session, to url: URL) throws(SessionStoreError) {
    throw refusal(url)
  }
  mutating func close(_ url: URL) {}
}

extension AppState {
  /// A new version of the previewed case study: shown in place, the selection kept where it
  /// still exists.
  mutating func reloadCaseStudy(_ caseStudy: CaseStudy) {
    guard workbench != nil, var preview else { return }
    inWorkbench { wb, _ in wb.reload(caseStudy) }
    let fixed = preview.error != nil
    preview.error = nil
    preview.errorCount = 0
    self.preview = preview
    let clock = shortClock(now, timeZone: options.timeZone)
    showMessage(
      (fixed ? "Fixed and reloaded" : "Reloaded") + " \(preview.file) at \(clock).",
      isError: false)
    fixScroll()
  }

  mutating func caseStudyReloadFailed(_ error: String, errors: Int) {
    guard var preview else { return }
    preview.error = error
    preview.errorCount = errors
    self.preview = preview
  }
}

extension Workbench {
  /// Shows a new version of the case study in place, the selection kept where it still exists.
  mutating func reload(_ newVersion: CaseStudy) {
    let before = caseStudy
    let phaseID = currentPhase?.id
    let itemID = currentItem?.id
    caseStudy = Workbench.shown(newVersion, mode: session.mode)
    phase = caseStudy.phases.firstIndex { $0.id == phaseID } ?? 0
    let items = currentPhase?.items ?? []
    item = items.firstIndex { $0.id == itemID } ?? min(item, max(0, items.count - 1))
    lastItem = [:]
    search = nil
    detailScroll = 0
    revalidateOverlays(before: before)
  }

  /// Whatever is open over the workbench may point into the old version by position: it stays
  /// open where what it points at is still there (its selection clamped), and closes otherwise.
  mutating func revalidateOverlays(before: CaseStudy) {
    let wb = self
    overlays.compactMap { overlay in
      switch overlay {
      case .decision(let dialog):
        return Self.revalidated(dialog, before: before, wb: wb).map { .decision($0) }
      case .tool(let tool):
        return .tool(Self.revalidated(tool, wb: wb))
      case .page(var page):
        page.row = min(page.row, max(0, StoryPages.rowCount(page, wb: wb) - 1))
        page.scroll = 0
        return .page(page)
      case .note(let itemID, _), .naReason(let itemID, _):
        let exists = wb.caseStudy.phases.contains { $0.items.contains { $0.id == itemID } }
        return exists ? overlay : nil
      case .help, .search, .screen, .addLens:
        return overlay
      }
    }
  }

  /// The tool with its selections inside the new lists; a form whose record is gone closes.
  static func revalidated(_ tool: ToolScreen, wb: Workbench) -> ToolScreen {
    var tool = tool
    tool.row = min(tool.row, max(0, ToolLists.count(tool, wb: wb) - 1))
    tool.scroll = 0
    if var form = tool.form {
      if form.fields(wb) == nil {
        tool.form = nil
      } else {
        form.row = min(form.row, max(0, form.rowCount(wb) - 1))
        tool.form = form
      }
    }
    return tool
  }

  /// The dialog, when its phase is the same phase as before and its decision and option are
  /// still there; nil when it must close.
  static func revalidated(_ dialog: DecisionDialog, before: CaseStudy, wb: Workbench)
    -> DecisionDialog?
  {
    let phases = wb.caseStudy.phases
    guard phases.indices.contains(dialog.phase), before.phases.indices.contains(dialog.phase),
      phases[dialog.phase].id == before.phases[dialog.phase].id
    else { return nil }
    let decisions = phases[dialog.phase].decisions
    var dialog = dialog
    dialog.scroll = 0
    switch dialog.stage {
    case .pick(let sel):
      guard !decisions.isEmpty else { return nil }
      dialog.stage = .pick(min(sel, decisions.count - 1))
    case .choose(let d, let o):
      guard decisions.indices.contains(d) else { return nil }
      dialog.stage = .choose(decision: d, option: min(o, max(0, decisions[d].options.count - 1)))
    case .rationale(let d, let o, _):
      guard decisions.indices.contains(d), decisions[d].options.indices.contains(o) else {
        return nil
      }
    case .outcome(let d):
      guard decisions.indices.contains(d) else { return nil }
    }
    return dialog
  }
}

/// The lint error of the version on disk, over the foot of the workbench.
enum PreviewErrorView {
  static func draw(_ state: AppState, size: Size, into buf: inout ScreenBuffer) {
    guard let preview = state.preview, let error = preview.error else { return }
    let g = Glyphs.of(state.options)
    let w = max(10, size.width - 4)
    let more = preview.errorCount > 1 ? " (and \(preview.errorCount - 1) more)" : ""
    let lines = Wrap.lines(error + more, width: max(1, w - 4))
    let h = min(max(3, size.height / 2), lines.count + 2)
    // Inside the panes: their bottom border is the row above the status line.
    let r = Rect(x: 2, y: max(0, size.height - 2 - h), w: w, h: h)
    buf.fill(x: r.x, y: r.y, width: r.w, height: r.h)
    buf.box(
      r, title: "Not reloaded: the file has an error", focused: true, glyphs: g,
      footer: "showing the last good version; save a fix to reload")
    for (i, line) in lines.prefix(max(0, h - 2)).enumerated() {
      buf.put(line, x: r.x + 2, y: r.y + 1 + i, role: .danger, bold: i == 0, maxX: r.x + r.w - 1)
    }
  }
}
