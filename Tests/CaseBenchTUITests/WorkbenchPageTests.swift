import CaseBenchModel
import CaseBenchReports
import Foundation
import Testing

@testable import CaseBenchTUI

/// A page of the kind a new screen registers in `WorkbenchPages`: a list of the phases' titles.
struct PhaseListPage: WorkbenchPage {
  static let id = "phase-list"
  static let bindings: [KeyBinding] = []
  var row = 0

  init(_ context: PageContext) { row = context.workbench.phase }

  mutating func update(_ event: Event, _ context: PageContext) -> PageOutcome {
    guard case .key(let key) = event else { return .stay }
    switch KeyTable.command(for: key, in: .page) {
    case .move(let delta):
      row = min(max(0, row + delta), context.workbench.caseStudy.phases.count - 1)
      return .stay
    case .open: return .goTo(phase: row, item: 0)
    default: return .message("not here")
    }
  }

  func draw(_ context: PageContext, in rect: Rect, into buf: inout ScreenBuffer) {
    for (i, phase) in context.workbench.caseStudy.phases.enumerated() where i < rect.h {
      buf.put((i == row ? "> " : "  ") + phase.title, x: rect.x, y: rect.y + i)
    }
  }

  func hints(_ context: PageContext) -> [String] { ["phase list"] }
}

@Suite("Pages registered over the workbench")
struct WorkbenchPageTests {
  static func opened() throws -> AppState {
    var state = Fixture.workbench()
    let wb = try #require(state.workbench)
    state.overlays.present(.screen(AnyWorkbenchPage(page: PhaseListPage(state.pageContext(wb)))))
    return state
  }

  static func page(_ state: AppState) -> PhaseListPage? {
    guard case .screen(let open) = state.overlay else { return nil }
    return open.page as? PhaseListPage
  }

  @Test func thePageGetsTheKeysDrawsItselfAndNamesItsKeys() throws {
    var state = try Self.opened()
    send(&state, .char("j"))
    #expect(Self.page(state)?.row == 1)
    let size = Size(width: 80, height: 24)
    let screen = render(state, size: size).text.split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
    let title = try #require(state.workbench?.caseStudy.phases[1].title)
    #expect(screen[1].hasPrefix("> \(title)"))
    #expect(!screen.contains { $0.contains("Phases") }, "the workbench shows through")
    #expect(screen[23].hasSuffix("phase list"), "the status bar shows the page's hints")
    send(&state, .char("z"))
    #expect(state.message?.text == "not here")
    #expect(Self.page(state) != nil)
  }

  @Test func helpOpensOverThePageAndEscClosesIt() throws {
    var state = try Self.opened()
    send(&state, .char("?"))
    #expect(state.overlay == .help(scroll: 0))
    #expect(state.overlays.items.count == 2)
    send(&state, .escape)
    #expect(Self.page(state) != nil, "closing help goes back to the page")
    send(&state, .escape)
    #expect(state.overlay == nil)
  }

  @Test func enterGoesToTheItemAndClosesEverything() throws {
    var state = Fixture.workbench()
    send(&state, .char("r"))
    let wb = try #require(state.workbench)
    state.overlays.present(.screen(AnyWorkbenchPage(page: PhaseListPage(state.pageContext(wb)))))
    send(&state, .char("j"), .char("j"), .enter)
    #expect(state.overlays.isEmpty, "the tool under the page closes too")
    #expect(state.workbench?.phase == 2)
    #expect(state.workbench?.item == 0)
    #expect(state.workbench?.focus == .checklist)
  }

  @Test func pagesCompareByTypeAndState() throws {
    let state = Fixture.workbench()
    let context = state.pageContext(try #require(state.workbench))
    var other = PhaseListPage(context)
    #expect(AnyWorkbenchPage(page: other) == AnyWorkbenchPage(page: PhaseListPage(context)))
    other.row += 1
    #expect(AnyWorkbenchPage(page: other) != AnyWorkbenchPage(page: PhaseListPage(context)))
  }

  @Test func everyRegisteredPageHasAUniqueIdAndAnOpener() {
    let ids = WorkbenchPages.all.map { $0.id }
    #expect(Set(ids).count == ids.count)
    for page in WorkbenchPages.all {
      let opener = page.bindings.first?.keys.first?.command
      #expect(opener == .openScreen(page.id), "\(page.id): its first binding must open it")
      #expect(page.bindings.first?.scopes.isSuperset(of: [.workbench, .tool, .page]) == true)
    }
  }
}
