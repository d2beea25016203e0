import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import Foundation
import Testing

@testable import CaseBenchTUI

/// The story's pages on the real Bike Shop: who's who, the background and the ethics lens.
@Suite("Story pages")
struct StoryPageTests {
  static func state(
    _ size: Size = Size(width: 80, height: 24), mode: SessionMode = .caseStudy
  ) throws -> AppState {
    try BikeShopScreenTests.state(size: size, mode: mode)
  }

  static func page(_ state: AppState) -> StoryPage? {
    if case .page(let page) = state.overlay { return page }
    return nil
  }

  @Test func eachPageIsOneKeyFromTheWorkbenchAndFromAToolAndEscReturns() throws {
    var state = try Self.state()
    for (key, kind) in [("w", PageKind.cast), ("B", .background), ("L", .ethics)] {
      send(&state, .char(Character(key)))
      #expect(Self.page(state)?.kind == kind, "\(key) did not open \(kind)")
      send(&state, .escape)
      #expect(state.overlay == .none, "Esc did not return from \(kind)")
    }
    // From the detail pane and from one page to the next.
    send(&state, .enter)
    #expect(state.workbench?.focus == .detail)
    send(&state, .char("w"), .char("L"))
    #expect(Self.page(state)?.kind == .ethics)
    send(&state, .char("L"))
    #expect(state.overlay == .none, "a page's own key closes it")
    #expect(state.workbench?.focus == .detail)
    // Over a tool, Esc goes back to the tool.
    send(&state, .char("r"), .char("w"))
    #expect(Self.page(state) != nil)
    guard case .tool(let under) = state.overlays.underTop else {
      Issue.record("the page is not over the risk register")
      return
    }
    #expect(under.kind == .risks)
    send(&state, .escape)
    guard case .tool(let tool) = state.overlay else {
      Issue.record("Esc did not return to the risk register")
      return
    }
    #expect(tool.kind == .risks)
  }

  @Test func theCastPageShowsEachPersonAndMovesBetweenThem() throws {
    var state = try Self.state()
    send(&state, .char("w"))
    var screen = render(state, size: Size(width: 80, height: 24)).text
    #expect(screen.contains("Helen Greenway"))
    #expect(screen.contains("Hot buttons"))
    #expect(screen.contains("Power high · interest high"))
    assertGolden(screen, "story-cast-80x24")
    send(&state, .down)
    #expect(Self.page(state)?.row == 1)
    screen = render(state, size: Size(width: 80, height: 24)).text
    #expect(screen.contains("Black boxes"))
    send(&state, .char("G"))
    let cast = try #require(state.workbench?.caseStudy.cast)
    #expect(Self.page(state)?.row == cast.count - 1)
  }

  @Test func theCastPageAtTwoHundredByFifty() throws {
    let size = Size(width: 200, height: 50)
    var state = try Self.state(size)
    send(&state, .char("w"), .down)
    assertGolden(render(state, size: size).text, "story-cast-200x50")
  }

  @Test func theBackgroundScrollsAndShowsItsListsAsLists() throws {
    var state = try Self.state()
    send(&state, .char("B"))
    let size = Size(width: 80, height: 24)
    assertGolden(render(state, size: size).text, "story-background-80x24")
    let m = StoryPage.Metrics(
      page: try #require(Self.page(state)), wb: try #require(state.workbench),
      options: state.options, size: size)
    #expect(m.maxScroll > 0)
    // A list item wraps under its own text, not under its marker.
    let calendar = try #require(m.text.firstIndex { $0.text.hasPrefix("- Calendar, 2025.") })
    #expect(m.text[calendar + 1].indent == 2)
    send(&state, .char("G"))
    #expect(Self.page(state)?.scroll == m.maxScroll)
    let end = render(state, size: size).text
    #expect(end.contains("- Rentals are not part of this project."))
    send(&state, .char("g"))
    #expect(Self.page(state)?.scroll == 0)
  }

  @Test func theBriefingNamesTheStoryKeysAndRiskPromptsCarryLikelihoodAndImpact() throws {
    var state = try Self.state(Size(width: 120, height: 60))
    send(&state, .escape)  // to the phases: the briefing
    let wb = try #require(state.workbench)
    #expect(wb.detailMode == .briefing)
    let lines = DetailContent.lines(wb, options: state.options, width: 70).map(\.text)
    #expect(lines.contains("The story: w who's who, B background, L ethics"))
    let prompt = try #require(wb.currentPhase?.riskPrompts.first)
    let l = try #require(prompt.likelihood)
    let i = try #require(prompt.impact)
    #expect(lines.contains { $0.hasPrefix("▸ L\(l) I\(i) ") })
  }

  @Test func theEthicsLensListsEveryEthicsItemAndEnterGoesToIt() throws {
    var state = try Self.state()
    let wb = try #require(state.workbench)
    let tagged = wb.caseStudy.phases.flatMap(\.items).filter { $0.tags.contains("ethics") }
    let entries = StoryPages.ethicsEntries(wb.caseStudy)
    #expect(entries.count == tagged.count)
    #expect(Set(entries.map { wb.caseStudy.phases[$0.phase].id }).count > 3)
    send(&state, .char("L"))
    assertGolden(render(state, size: Size(width: 80, height: 24)).text, "story-ethics-80x24")
    send(&state, .char("G"))
    let last = try #require(entries.last)
    // The last one sits in the Ethics phase and says where it arises, as the detail does.
    let lastItem = wb.caseStudy.phases[last.phase].items[last.item]
    let names = wb.caseStudy.arisesInNames(lastItem)
    try #require(!names.isEmpty)
    let lens = render(state, size: Size(width: 120, height: 40)).text
    #expect(lens.contains("Arises in: \(names[0])"), "\(lens)")
    send(&state, .enter)
    #expect(state.overlay == .none)
    let after = try #require(state.workbench)
    #expect(after.phase == last.phase)
    #expect(after.item == last.item)
    #expect(after.detailMode == .item)
    #expect(after.session.cursor?.item == tagged.last?.id)
  }

  @Test func searchFindsTheCastAndOpensWhosWhoOnThePerson() throws {
    var state = try Self.state()
    send(&state, .char("/"))
    type(&state, "Black boxes")
    send(&state, .enter)
    let page = try #require(Self.page(state))
    #expect(page.kind == .cast)
    let cast = try #require(state.workbench?.caseStudy.cast)
    #expect(cast[page.row].name == "Tom Okafor")
    #expect(state.message?.text.contains("in the cast") == true)
    // A role and a name are found too, and n steps on from the page.
    send(&state, .escape, .escape, .char("/"))
    type(&state, "Head of Operations")
    send(&state, .enter)
    #expect(Self.page(state).map { cast[$0.row].name } == "Tom Okafor")
    // n steps on to the next match; with no search, n says so and the page stays.
    let search = try #require(state.workbench?.search)
    try #require(!search.matches.isEmpty)
    let nextIndex = (search.index + 1) % search.matches.count
    let next = search.matches[nextIndex]
    send(&state, .char("n"))
    #expect(state.workbench?.search?.index == nextIndex)
    if let person = next.person {
      #expect(Self.page(state) == StoryPage(kind: .cast, row: person))
    } else {
      #expect(state.overlay == .none)
      #expect(state.workbench?.phase == next.phase)
      if let item = next.item { #expect(state.workbench?.item == item) }
    }
    send(&state, .escape, .escape)
    #expect(state.workbench?.search == nil)
    send(&state, .char("w"), .char("n"))
    #expect(Self.page(state)?.kind == .cast)
    #expect(state.message?.text.hasPrefix("No search yet") == true)
    // Own-project mode leaves the story out, so the cast is not searched.
    var own = try Self.state(mode: .ownProject)
    send(&own, .char("/"))
    type(&own, "Black boxes")
    send(&own, .enter)
    #expect(Self.page(own) == nil)
  }

  @Test func ownProjectModeSaysTheStoryIsNotPartOfTheSession() throws {
    var state = try Self.state(mode: .ownProject)
    send(&state, .char("w"))
    #expect(render(state, size: Size(width: 80, height: 24)).text.contains("Own project"))
  }

  /// The background page in own-project mode is a notice: no text behind it to scroll (no
  /// "more" footer) or for a search to highlight.
  @Test func ownProjectBackgroundHasNoTextToScroll() throws {
    var state = try Self.state(mode: .ownProject)
    send(&state, .char("B"))
    let size = Size(width: 80, height: 24)
    let m = StoryPage.Metrics(
      page: try #require(Self.page(state)), wb: try #require(state.workbench),
      options: state.options, size: size)
    #expect(m.text.isEmpty)
    #expect(m.maxScroll == 0)
    let screen = render(state, size: size).text
    #expect(screen.contains("Own project"))
    #expect(!screen.contains("↓ more") && !screen.contains("v more"), "\(screen)")
  }

  /// Authored text on the cast card goes through the one RichText reading (`.prose`), not
  /// plain wrapping: a list in `wants` is a list, its items wrapping under their own text.
  @Test func theCastCardReadsWantsAsProse() {
    let person = CastMember(
      id: "p", name: "Pat", role: "Owner",
      wants: "Two things:\n\n- fewer bikes left over when autumn comes round again each year\n"
        + "- more time",
      hotButtons: [], power: .high, interest: .high)
    let lines = StoryPage.card(person, options: Fixture.options, width: 30)
    let first = lines.firstIndex { $0.text.hasPrefix("- fewer bikes") }
    #expect(first != nil, "\(lines.map(\.text))")
    if let first { #expect(lines[first + 1].indent == 2, "\(lines.map(\.text))") }
    #expect(lines.contains { $0.text.hasPrefix("- more time") })
  }

  /// The mouse wheel moves on the pages as j and k do; over the cast card it scrolls the card.
  @Test func theWheelMovesAndScrollsOnThePages() throws {
    // The smallest screen that is not "Terminal too small" (which drops the wheel, issue 21).
    let size = Size(width: MinimumSize.width + 20, height: MinimumSize.height)
    var state = try Self.state(size)
    send(&state, .char("L"))
    _ = update(&state, .scrollDown(x: 5, y: 3))
    _ = update(&state, .scrollDown(x: 5, y: 3))
    #expect(Self.page(state)?.row == 2)
    _ = update(&state, .scrollUp(x: 5, y: 3))
    #expect(Self.page(state)?.row == 1)

    send(&state, .char("B"))
    _ = update(&state, .scrollDown(x: 5, y: 3))
    #expect(Self.page(state)?.scroll == 1)

    send(&state, .char("w"))
    var page = try #require(Self.page(state))
    let m = StoryPage.Metrics(
      page: page, wb: try #require(state.workbench), options: state.options, size: size)
    _ = update(&state, .scrollDown(x: m.names.x, y: m.names.y))
    page = try #require(Self.page(state))
    #expect(page.row == 1)
    let card = StoryPage.Metrics(
      page: page, wb: try #require(state.workbench), options: state.options, size: size)
    try #require(card.maxScroll > 0, "the card at 80x16 is taller than the screen")
    _ = update(&state, .scrollDown(x: card.card.x + 1, y: card.card.y))
    #expect(Self.page(state)?.row == 1)
    #expect(Self.page(state)?.scroll == 1)
  }

  @Test func storyKeysAreInTheKeyTableAndTheHelp() {
    for kind in PageKind.allCases {
      let key = kind.binding.keys[0].key
      for scope in [KeyScope.workbench, .tool, .page] {
        #expect(KeyTable.command(for: key, in: scope) == .openPage(kind))
      }
    }
    let groups = HelpScreen.groups(phases: 6)
    let story = groups.first { $0.0 == HelpGroup.story.rawValue }
    // The story's pages, then each registered page that files itself under the story (the
    // lessons-learned page, R, among them), in registration order.
    let registered = WorkbenchPages.bindings.filter { $0.group == .story }.map(\.label)
    #expect(registered.contains("R"))
    #expect(story?.1.map(\.0) == ["w", "B", "L"] + registered)
  }
}
