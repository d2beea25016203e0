import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore
@testable import CaseBenchTUI

/// A terminal that plays a script of events (nil: a wait that times out), running an action
/// before a step when one is given: the author saving the file between ticks.
final class AuthorTerminal: ProgramTerminal {
  var size = Size(width: 80, height: 24)
  var script: [(event: Event?, before: (() -> Void)?)]
  let clock: FakeClock
  private(set) var frames: [ScreenBuffer] = []
  /// The screen as drawn just before each action ran.
  private(set) var beforeActions: [String] = []

  init(_ script: [(Event?, (() -> Void)?)], clock: FakeClock) {
    self.script = script.map { (event: $0.0, before: $0.1) }
    self.clock = clock
  }

  func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }

  func nextEvent(timeoutMilliseconds: Int32) -> Event? {
    guard !script.isEmpty else { return .hangUp }
    clock.advance(0.1)
    let step = script.removeFirst()
    if let action = step.before {
      beforeActions.append(screen)
      action()
    }
    return step.event
  }

  func suspend() {}
  func resume() {}

  var screen: String { frames.last?.text ?? "" }
}

@Suite("Preview")
struct PreviewTests {
  /// Two seconds of idle ticks: the watcher looks once a second.
  static var idle: [(Event?, (() -> Void)?)] { Array(repeating: (nil, nil), count: 21) }

  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-preview-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  static func write(_ text: String, to url: URL) {
    do {
      try Data(text.utf8).write(to: url)
    } catch {
      Issue.record("could not write \(url.path): \(error)")
    }
  }

  @Test func previewReloadsOnSaveShowsALocatedErrorAndKeepsTheLastGoodVersion() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("demo.yaml")
    let good = CaseStudySkeleton.yaml(id: "demo")
    Self.write(good, to: file)
    let study = try CaseStudyLoader.load(contentsOf: file)
    let renamed = good.replacingOccurrences(of: "title: Scoping", with: "title: Framing")
    #expect(renamed != good)
    // A required key taken out: the version on disk no longer loads.
    let broken = renamed.replacingOccurrences(
      of: "    goal: Agree on the decision the project supports.\n", with: "")
    #expect(broken != renamed)
    let fixed = renamed.replacingOccurrences(of: "title: Framing", with: "title: Framed")

    let clock = FakeClock()
    var script: [(Event?, (() -> Void)?)] = Self.idle
    script.append((nil, { Self.write(renamed, to: file) }))
    script += Self.idle
    script.append((nil, { Self.write(broken, to: file) }))
    script += Self.idle
    script.append((nil, { Self.write(fixed, to: file) }))
    script += Self.idle
    // A look at the screen, then a change: refused, nothing is written.
    script.append((.key(.char("n")), {}))
    script.append((.key(.char("q")), nil))
    script.append((.key(.char("y")), nil))
    let terminal = AuthorTerminal(script, clock: clock)
    terminal.size = Size(width: 200, height: 50)  // the error's one line, with its long path
    var program = Preview.program(
      file: file, caseStudy: study, terminal: terminal, options: Fixture.options,
      clock: { clock.now })
    let status = program.run()
    #expect(status == 0)

    let shots = terminal.beforeActions
    try #require(shots.count == 4)
    #expect(shots[0].contains("Scoping"))
    #expect(shots[0].contains("READ-ONLY"))
    #expect(shots[1].contains("Framing"), "the saved change shows")
    #expect(shots[1].contains("Reloaded demo.yaml at"))
    // The broken version: its first error, located, and the last good version under it.
    #expect(shots[2].contains("Not reloaded: the file has an error"))
    #expect(shots[2].contains("demo.yaml:24:5: error: missing required key 'goal'"))
    #expect(shots[2].contains("Framing"))
    #expect(shots[3].contains("Framed"))
    #expect(!shots[3].contains("Not reloaded"))
    #expect(shots[3].contains("Fixed and reloaded"))
    // The refusal shows; then q asks before the preview quits.
    #expect(terminal.frames.dropLast().last?.text.contains("Read-only") == true)
    #expect(terminal.screen.contains("Quit casebench?"))
    // Nothing written, nothing locked: the folder holds the author's file alone, as saved.
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(left == ["demo.yaml"])
    #expect(try String(contentsOf: file, encoding: .utf8) == fixed)
  }

  @Test func theErrorBoxAtEightyByTwentyFour() throws {
    let study = try CaseStudyLoader.parse(CaseStudySkeleton.yaml(id: "demo"), file: "demo.yaml")
    var state = AppState(
      caseStudies: [study], sessions: [], options: Fixture.options, now: Fixture.now)
    state.preview = PreviewState(file: "demo.yaml")
    _ = update(&state, .resize(Size(width: 80, height: 24)))
    let opened = SessionFile(
      url: URL(fileURLWithPath: "demo.yaml"), caseStudy: study,
      session: Session(
        participant: "Preview", caseStudy: study, mode: .caseStudy, now: Fixture.now),
      readOnlyReason: Preview.reason)
    _ = update(&state, .sessionOpened(opened, created: false))
    #expect(state.message?.text.contains("Previewing demo.yaml") == true)
    _ = update(
      &state,
      .caseStudyReloadFailed(
        "demo.yaml:24:5: error: phase 'scoping' has no 'goal' (fix: add 'goal:')", errors: 2))
    let screen = render(state, size: Size(width: 80, height: 24)).text
    #expect(screen.contains("(and 1 more)"))
    // The box sits inside the panes: their bottom border stays whole under it.
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
    let border = rows.last { $0.hasPrefix("╰") }
    #expect(border?.hasPrefix("╰─╰") == false, "\(border ?? "")")
    assertGolden(screen, "preview-error-80x24")
    // o has no start screen to go to in a preview.
    #expect(send(&state, .char("o")).isEmpty)
    #expect(state.isWorkbenchOpen)
  }

  /// Lint's limit for option labels is what the decision dialog shows on one line at 80
  /// columns, so a label at the limit reads in one piece there.
  @Test func aLabelAtLintsLimitFitsOnOneLineOfTheDecisionDialog() throws {
    let label = String(
      String(repeating: "shop ", count: 30).prefix(CaseStudyValidator.labelLimit))
    try #require(label.count == CaseStudyValidator.labelLimit && label.last != " ")
    var study = Fixture.caseStudy
    study.phases[0].decisions[0].options[1].label = label
    var state = Fixture.startState()
    _ = update(&state, .resize(Size(width: 80, height: 24)))
    state.openWorkbench(
      caseStudy: study,
      session: Session(participant: "Team", caseStudy: study, mode: .caseStudy, now: Fixture.now),
      sessionName: "team", readOnly: false, readOnlyReason: nil)
    send(&state, .char("d"))
    if case .decision(let dialog) = state.overlay, case .pick = dialog.stage {
      send(&state, .enter)
    }
    let screen = render(state, size: Size(width: 80, height: 24)).text
    #expect(screen.contains("b) " + label), "\(screen)")
  }
}
