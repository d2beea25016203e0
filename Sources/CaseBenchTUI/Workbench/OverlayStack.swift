import CaseBenchModel
import CaseBenchStore

/// What can be open over the screen in front: each a component with its own state.
enum Overlay: Sendable, Equatable {
  case help(scroll: Int)
  case note(itemID: String, editor: TextEditor)
  case naReason(itemID: String, editor: TextEditor)
  case search(TextEditor)
  /// The prompt for a lens to add (Lenses/LensUpdate.swift).
  case addLens(TextEditor)
  case decision(DecisionDialog)
  /// One of the project manager's tools, over the workbench.
  case tool(ToolScreen)
  /// A page of the story (the cast, the background, the ethics lens), over the workbench or
  /// over a tool.
  case page(StoryPage)
  /// A page registered in `WorkbenchPages`, over the workbench or over a tool.
  case screen(AnyWorkbenchPage)
}

/// What an overlay's update asks of the workbench that holds it.
enum OverlayStep: Sendable, Equatable {
  /// Stay open, with the state the update left it in.
  case stay
  /// Close: what is under it shows again.
  case close
  /// Nothing more: the update arranged the stack itself, through the workbench.
  case done
  /// Leave the stack as it is, and carry these out.
  case run([Command])
}

/// The overlays open over a screen, bottom first, in the spirit of TCA's `StackState`: the
/// top one gets the keys, and closing it (`Esc`) shows the one under it again. A page opened
/// over a tool goes back to that tool; help opened over a page goes back to the page. The
/// workbench's overlays are `Overlay`s; the dashboard's are `DashboardOverlay`s.
struct OverlayStack<Element: Sendable>: Sendable {
  private(set) var items: [Element] = []

  /// The overlay that gets the keys; nil when nothing is open.
  var top: Element? { items.last }

  var isEmpty: Bool { items.isEmpty }

  /// Opens `overlay` over what is open.
  mutating func present(_ overlay: Element) { items.append(overlay) }

  /// Closes the top overlay.
  mutating func dismiss() { _ = items.popLast() }

  /// Closes everything: the workbench is in front again.
  mutating func dismissAll() { items.removeAll() }

  /// Puts `overlay` in the top one's place (its new state, or another of its kind); opens it
  /// when nothing is open.
  mutating func replaceTop(with overlay: Element) {
    if items.isEmpty { items.append(overlay) } else { items[items.count - 1] = overlay }
  }

  /// The overlay under the top one.
  var underTop: Element? { items.count >= 2 ? items[items.count - 2] : nil }

  /// Changes every overlay (the preview's revalidation); those `body` returns nil for close.
  mutating func compactMap(_ body: (Element) -> Element?) { items = items.compactMap(body) }
}

extension OverlayStack: Equatable where Element: Equatable {}

extension Overlay {
  /// Draws the overlay over what is under it (the status bar comes after, on top): over the
  /// workbench `wb`, or over the start screen when it is nil.
  func draw(
    _ wb: Workbench?, _ env: WorkbenchEnvironment, size: Size, into buf: inout ScreenBuffer
  ) {
    let options = env.options
    if case .help(let scroll) = self {
      HelpScreen.draw(
        options, phases: wb?.caseStudy.phases.count, scroll: scroll, size: size, into: &buf)
      return
    }
    guard let wb else { return }
    switch self {
    case .help: break
    case .note(let itemID, let editor):
      NoteView.draw(editor, itemID: itemID, wb: wb, options: options, size: size, into: &buf)
    case .decision(let dialog):
      DecisionView.draw(
        dialog, wb: wb, options: options, size: size, workshop: env.workshop?.state,
        now: env.now, into: &buf)
    case .tool(let tool):
      ToolView.draw(tool, wb: wb, options: options, size: size, into: &buf)
    case .page(let page):
      StoryPageView.draw(page, wb: wb, options: options, size: size, into: &buf)
    case .screen(let open):
      let context = wb.pageContext(env)
      buf.fill(x: 0, y: 0, width: context.body.w, height: context.body.h)
      open.page.draw(context, in: context.body, into: &buf)
    case .naReason, .search, .addLens:
      // Prompts draw on the status bar's row (`drawPrompt`).
      break
    }
  }

  /// True for a prompt, which takes the status bar's row.
  var isPrompt: Bool {
    switch self {
    case .search, .naReason, .addLens: true
    case .tool(let tool): tool.prompt != nil
    default: false
    }
  }

  /// A prompt (the N/A reason, search, a tool's one-line field) draws itself over the status
  /// bar's row.
  func drawPrompt(size: Size, into buf: inout ScreenBuffer) {
    let prompt: (label: String, confirm: String, editor: TextEditor)
    switch self {
    case .search(let editor): prompt = ("/", "search", editor)
    case .naReason(_, let editor): prompt = (" Not applicable because: ", "mark N/A", editor)
    case .addLens(let editor): prompt = (LensText.addLensLabel(width: size.width), "add", editor)
    case .tool(let tool):
      guard let p = tool.prompt else { return }
      prompt = (p.purpose.label, p.purpose.confirmWord, p.editor)
    default: return
    }
    buf.fill(
      x: 0, y: size.height - 1, width: size.width, height: 1, with: Cell(" ", role: .statusBar))
    TextPrompt.draw(
      label: prompt.label, bold: true,
      hints: [KeyTable.newLine.hint(prompt.confirm), KeyTable.leave.hint("cancel")],
      editor: prompt.editor, size: size, into: &buf)
  }
}
