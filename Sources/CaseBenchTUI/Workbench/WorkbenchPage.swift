import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What a page over the workbench may read: the workbench (never changed by the page), how to
/// draw, and the terminal's size (for paging and clamping; it arrives with every event).
struct PageContext: Sendable {
  let workbench: Workbench
  let options: RenderOptions
  let size: Size
  /// The facilitator's state when the session is in a workshop folder.
  var workshop: WorkshopState? = nil

  /// The rectangle a page draws into: everything above the status bar.
  var body: Rect { Rect(x: 0, y: 0, w: size.width, h: max(0, size.height - 1)) }
}

/// What a page asks of the workbench after an event.
enum PageOutcome: Sendable, Equatable {
  /// Stay open, with its new state.
  case stay
  /// Close: what is under it (the workbench, or the tool it was opened over) is in front again.
  case close
  /// Close every overlay and select this item in the checklist (an index into the phase's
  /// checklist as the workbench shows it).
  case goTo(phase: Int, item: Int)
  /// Stay open and say this in the status bar.
  case message(String)
  /// Stay open and make this change to the session (the page's own part of it).
  case edit(PageEdit)
}

/// A change a page makes to the session; the workbench applies it (or refuses it when the
/// session is read-only) and saves it like any other.
enum PageEdit: Sendable, Equatable {
  /// The answer to a reflection prompt (Lessons/LessonsPage.swift).
  case reflection(promptID: String, answer: String)

  func apply(to session: inout Session, at now: Date) -> Bool {
    switch self {
    case .reflection(let id, let answer): session.answerReflection(answer, to: id, at: now)
    }
  }
}

/// A page that opens over the workbench, with all of it in its own folder: its state (the
/// conforming value), its update, its drawing into the rectangle it is given, its status-bar
/// hints and its keys. Register its type in `WorkbenchPages.all`; the workbench then opens it
/// with the first of its `bindings`, from the workbench, a tool or another page, stacks it,
/// sends it the keys while it is on top, and closes it with Esc. Help (`?`), quit (`q`) and
/// Ctrl-C keep working over it.
protocol WorkbenchPage: Sendable, Equatable {
  /// A name unique among the pages (the opener's command carries it).
  static var id: String { get }
  /// Its bindings, declared beside it: first the key that opens it (bound with
  /// `.openScreen(id)` in the `.workbench`, `.tool` and `.page` scopes), then any of its own
  /// (in the `.page` scope, so the key-table tests look for clashes). `KeyTable.all` joins
  /// them, so help, the hints and the README's table (checked by a test) include them.
  static var bindings: [KeyBinding] { get }
  /// The page as it opens over `context.workbench`.
  init(_ context: PageContext)
  /// Takes a key (looked up with `KeyTable.command(for:in: .page)`), a paste or the mouse.
  mutating func update(_ event: Event, _ context: PageContext) -> PageOutcome
  /// Draws itself into `rect`, filling it (what is under it must not show through).
  func draw(_ context: PageContext, in rect: Rect, into buf: inout ScreenBuffer)
  /// The keys that apply, most useful first, for the status bar.
  func hints(_ context: PageContext) -> [String]
  /// True while the page edits text: it gets every key (`q` and `Esc` included) but Ctrl-C.
  var isEditing: Bool { get }
  /// Text being typed, kept before every save and on a signal (`commitPendingEdits`).
  var pendingEdit: PageEdit? { get }
}

extension WorkbenchPage {
  var isEditing: Bool { false }
  var pendingEdit: PageEdit? { nil }
}

/// Every page of its own kind over the workbench. A new page is one line here.
enum WorkbenchPages {
  static let all: [any WorkbenchPage.Type] = [LessonsPage.self, LensScorePage.self]

  static func type(id: String) -> (any WorkbenchPage.Type)? {
    all.first { $0.id == id }
  }

  /// Every registered page's bindings, for `KeyTable.all`.
  static var bindings: [KeyBinding] { all.flatMap { $0.bindings } }
}

/// A registered page on the overlay stack, whatever its type; equal when both are the same
/// type with equal state, so the stack stays `Equatable`.
struct AnyWorkbenchPage: Sendable, Equatable {
  var page: any WorkbenchPage
  var id: String { type(of: page).id }

  static func == (a: AnyWorkbenchPage, b: AnyWorkbenchPage) -> Bool {
    func equal<P: WorkbenchPage>(_ page: P, _ other: any WorkbenchPage) -> Bool {
      (other as? P) == page
    }
    return equal(a.page, b.page)
  }
}

extension Workbench {
  /// Opens the registered page `id` over what is open; from another page, it takes that
  /// page's place, and its own key closes it again.
  mutating func openScreen(_ id: String, _ env: WorkbenchEnvironment) {
    guard let kind = WorkbenchPages.type(id: id) else { return }
    let page = Overlay.screen(AnyWorkbenchPage(page: kind.init(pageContext(env))))
    switch overlays.top {
    case .screen(let open) where open.id == id: overlays.dismiss()
    case .screen, .page: overlays.replaceTop(with: page)
    default: overlays.present(page)
    }
  }

  /// The update while a registered page is on top: the keys every page shares, then the page.
  mutating func updateScreen(_ event: Event, _ env: inout WorkbenchEnvironment) -> [Command] {
    guard case .screen(var open) = overlays.top else { return [] }
    if case .key(let key) = event, !open.page.isEditing {
      switch KeyTable.command(for: key, in: .page) {
      case .quit: return [env.quitCommand]
      case .help:
        overlays.present(.help(scroll: 0))
        return []
      case .back:
        overlays.dismiss()
        return []
      case .openScreen(let id):
        openScreen(id, env)
        return []
      case .openPage(let kind):
        overlays.dismiss()
        openPage(kind)
        return []
      default: break
      }
    }
    switch open.page.update(event, pageContext(env)) {
    case .stay:
      overlays.replaceTop(with: .screen(open))
    case .close:
      overlays.dismiss()
    case .goTo(let phase, let item):
      overlays.dismissAll()
      goTo(phase: phase, item: item, &env)
    case .message(let text):
      overlays.replaceTop(with: .screen(open))
      env.showMessage(text, isError: false)
    case .edit(let edit):
      overlays.replaceTop(with: .screen(open))
      if changeSession(&env, { edit.apply(to: &$0, at: $1) }) {
        env.showMessage("Saved.", isError: false)
      }
    }
    return []
  }

  /// The context a registered page is made, updated and drawn with.
  func pageContext(_ env: WorkbenchEnvironment) -> PageContext {
    PageContext(
      workbench: self, options: env.options, size: env.size, workshop: env.workshop?.state)
  }

  /// A page's `.goTo`: the item, in its phase, in the checklist.
  mutating func goTo(phase p: Int, item i: Int, _ env: inout WorkbenchEnvironment) {
    guard caseStudy.phases.indices.contains(p) else { return }
    select(phase: p, item: i, detail: .item)
    focus = .checklist
    syncCursor(&env)
  }
}

extension AppState {
  /// The context a registered page is made, updated and drawn with.
  func pageContext(_ wb: Workbench) -> PageContext {
    wb.pageContext(workbenchEnvironment)
  }
}

extension KeyRegistration {
  /// The registered pages' keys, read in the workbench's and the pages' scopes.
  static let workbenchPages = KeyRegistration(scopes: [], bindings: WorkbenchPages.bindings)
}
