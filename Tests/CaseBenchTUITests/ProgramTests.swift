import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// A clock the fakes move by hand.
final class FakeClock {
  var now = Fixture.now
  func advance(_ seconds: TimeInterval) { now = now.addingTimeInterval(seconds) }
}

/// A terminal that plays a script. Each step is an event, or nil for a wait that times out
/// (the program's 100 ms tick); every step moves the clock by its `step`. When the script runs
/// out the terminal hangs up, so a test that forgot to leave still ends.
final class FakeTerminal: ProgramTerminal {
  var size = Size(width: 80, height: 24)
  var script: [Event?]
  let clock: FakeClock
  let step: TimeInterval
  private(set) var frames: [ScreenBuffer] = []
  private(set) var suspended = 0
  private(set) var resumed = 0
  private(set) var ranOut = false

  init(_ script: [Event?], clock: FakeClock, step: TimeInterval = 0.1) {
    self.script = script
    self.clock = clock
    self.step = step
  }

  func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }

  func nextEvent(timeoutMilliseconds: Int32) -> Event? {
    guard !script.isEmpty else {
      ranOut = true
      return .hangUp
    }
    clock.advance(step)
    return script.removeFirst()
  }

  func suspend() { suspended += 1 }
  func resume() { resumed += 1 }

  var screen: String { frames.last?.text ?? "" }
}

/// Sessions in memory. Records every save with the clock's time; `failSaves` makes the next
/// saves fail.
final class FakeStorage: SessionStorage {
  struct Save {
    var at: Date
    var session: Session
  }

  let clock: FakeClock
  var files: [URL: Session] = [:]
  var entries: [StartEntry] = []
  var failSaves = 0
  private(set) var saves: [Save] = []
  private(set) var failedSaves: [Date] = []
  private(set) var locked: Set<URL> = []
  var readOnly: Set<URL> = []

  init(clock: FakeClock) { self.clock = clock }

  func list() -> [StartEntry] { entries }

  func open(_ url: URL) throws(SessionStoreError) -> SessionFile {
    guard let session = files[url] else {
      throw SessionStoreError(kind: .unreadable, file: url.path, message: "no such session file")
    }
    let reason = readOnly.contains(url) ? "another casebench has it open" : nil
    if reason == nil { locked.insert(url) }
    return SessionFile(
      url: url, caseStudy: Fixture.caseStudy, session: session, readOnlyReason: reason)
  }

  func create(_ session: Session) throws(SessionStoreError) -> URL {
    let url = URL(fileURLWithPath: "/sessions/\(session.participant).json")
    files[url] = session
    locked.insert(url)
    return url
  }

  func save(_ session: Session, to url: URL) throws(SessionStoreError) {
    #expect(locked.contains(url), "saves only files it holds the lock of")
    if failSaves > 0 {
      failSaves -= 1
      failedSaves.append(clock.now)
      throw SessionStoreError(kind: .writeFailed, file: url.path, message: "disk full")
    }
    files[url] = session
    saves.append(Save(at: clock.now, session: session))
  }

  func close(_ url: URL) { locked.remove(url) }
}

@Suite("Program")
struct ProgramTests {
  static let file = URL(fileURLWithPath: "/sessions/team-rocket.json")

  struct Rig {
    var program: Program
    let terminal: FakeTerminal
    let storage: FakeStorage
    let clock: FakeClock
  }

  /// A program on the fixture's session, opened writable, driven by `script`.
  static func make(
    _ script: [Event?], step: TimeInterval = 0.1, configure: (FakeStorage) -> Void = { _ in },
    watch: (() -> [Event])? = nil
  ) -> Rig {
    let clock = FakeClock()
    let terminal = FakeTerminal(script, clock: clock, step: step)
    let storage = FakeStorage(clock: clock)
    storage.files[file] = Fixture.session()
    configure(storage)
    let opened = try? storage.open(file)
    let program = Program(
      state: Fixture.startState(), terminal: terminal, storage: storage, opened: opened,
      editNote: { .success($0 + " (edited)") }, clock: { clock.now }, watch: watch)
    return Rig(program: program, terminal: terminal, storage: storage, clock: clock)
  }

  /// Every item's status, in order: what a change changed, whatever its time stamps.
  static func statuses(_ session: Session) -> [ItemStatus] {
    Fixture.caseStudy.phases.flatMap(\.items).map { session.status(of: $0.id) }
  }

  static func key(_ k: Key) -> Event? { .key(k) }
  static func idle(_ ticks: Int) -> [Event?] { Array(repeating: nil, count: ticks) }

  /// A workshop's pacing holds from the first key: the facilitator's file is read before the
  /// program waits for input, not at its first idle tick.
  @Test func pacingAppliesBeforeTheFirstKey() {
    let paced = WorkshopState(
      pacing: true, released: [PhaseRelease(phase: Fixture.caseStudy.phases[0].id, at: Fixture.now)]
    )
    var rig = Self.make(
      [Self.key(.char("2")), Self.key(.char(" ")), Self.key(.char("q")), Self.key(.char("y"))],
      watch: { [.workshop(paced)] })
    #expect(rig.program.run() == 0)
    #expect(rig.storage.files[Self.file].map(Self.statuses) == Self.statuses(Fixture.session()))
  }

  @Test func everyChangeIsOnDiskWithinASecond() {
    // Keys every 50 ms: a burst of six changes (each item to doing), then two quiet seconds.
    var script: [Event?] = []
    for _ in 0..<3 { script += [Self.key(.char(" ")), Self.key(.down)] }
    script += [Self.key(.char(" ")), Self.key(.char("2")), Self.key(.char(" ")), Self.key(.down)]
    script.append(Self.key(.char(" ")))
    script += Self.idle(40)
    script += [Self.key(.char("q")), Self.key(.char("y"))]
    var rig = Self.make(script, step: 0.05)
    // Replay the script on a bare state to learn when each change happened.
    var shadow = Fixture.workbench()
    var changes: [(at: Date, session: Session)] = []
    var at = Fixture.now
    for event in script {
      at = at.addingTimeInterval(0.05)
      let before = shadow.sessionRevision
      if let event { _ = update(&shadow, event) }
      if shadow.sessionRevision != before, let s = shadow.session { changes.append((at, s)) }
    }
    #expect(changes.count == 6)

    #expect(rig.program.run() == 0)
    #expect(!rig.terminal.ranOut)
    // A change is on disk once a save holds it or a later state (each change here keeps the
    // ones before it).
    for (i, change) in changes.enumerated() {
      let laterStates = changes[i...].map { Self.statuses($0.session) }
      let onDisk = rig.storage.saves.first { laterStates.contains(Self.statuses($0.session)) }
      #expect(onDisk != nil, "change \(i + 1) never reached the disk")
      if let onDisk {
        #expect(onDisk.at.timeIntervalSince(change.at) <= 1, "saved more than a second later")
      }
    }
    // Saves are spaced while keys stream in: fewer saves than changes.
    let contentSaves = rig.storage.saves.dropLast()
    #expect(contentSaves.count < changes.count)
    #expect(
      rig.storage.files[Self.file].map(Self.statuses)
        == rig.program.state.session.map(Self.statuses))
  }

  @Test func aNoteBeingTypedIsOnDiskWithinASecondWithoutClosingTheEditor() {
    var rig = Self.make(
      [Self.key(.char("n"))] + "draft".map { Self.key(.char($0)) } + Self.idle(10) + [.signal(9)])
    let typed = rig.clock.now.addingTimeInterval(0.6)
    #expect(rig.program.run() == 137)
    let saved = rig.storage.saves.first { $0.session.note(of: "frame-1") == "draft" }
    #expect(saved.map { $0.at.timeIntervalSince(typed) <= 1 } == true)
    #expect(rig.program.state.overlay != .none, "the editor is still open")
  }

  @Test func lookingAroundWritesNothingUntilLeaving() {
    var rig = Self.make(
      [Self.key(.down), Self.key(.down)] + Self.idle(20) + [
        Self.key(.char("q")), Self.key(.char("y")),
      ])
    #expect(rig.program.run() == 0)
    #expect(rig.storage.saves.count == 1, "one save, on quitting, for the resume point")
    #expect(rig.storage.saves.last?.session.cursor?.item == "frame-3")
    #expect(rig.storage.locked.isEmpty, "the lock is released")
  }

  @Test func aFailedSaveIsRetriedOnceASecondUntilItWorks() {
    var rig = Self.make(
      [Self.key(.char(" "))] + Self.idle(35) + [Self.key(.char("q")), Self.key(.char("y"))],
      configure: { $0.failSaves = 3 })
    let start = rig.clock.now
    #expect(rig.program.run() == 0)
    #expect(rig.storage.failedSaves.count == 3)
    let attempts = rig.storage.failedSaves + rig.storage.saves.map(\.at)
    for (a, b) in zip(attempts, attempts.dropFirst().dropLast()) {
      #expect(b.timeIntervalSince(a) >= 1, "retries wait a second, not a tick")
      #expect(b.timeIntervalSince(a) < 1.2, "and not much more")
    }
    #expect(rig.storage.saves.first.map { $0.at.timeIntervalSince(start) < 3.5 } == true)
    #expect(rig.storage.files[Self.file]?.status(of: "frame-1") == .doing)
    // While it was failing the status bar said so; once saved, it says saved.
    #expect(rig.terminal.frames.contains { $0.text.contains("save failed") })
    #expect(!rig.terminal.screen.contains("save failed"))
  }

  @Test func qAfterAFailedSaveAsksForASecondQ() {
    var rig = Self.make(
      [Self.key(.char(" ")), Self.key(.char("q")), Self.key(.char("y")), nil]
        + [Self.key(.char("q")), Self.key(.char("y"))],
      configure: { $0.failSaves = 100 })
    #expect(rig.program.run() == 0)
    #expect(!rig.terminal.ranOut, "the second q left")
    #expect(rig.storage.saves.isEmpty)
    #expect(
      rig.terminal.frames.contains { $0.text.contains("q, then y, quits without saving") })
    #expect(rig.storage.locked.isEmpty)
  }

  @Test func oneQIsEnoughWhenTheSaveWorks() {
    var rig = Self.make(
      [Self.key(.char(" ")), Self.key(.char("q")), Self.key(.char("y")), Self.key(.char("x"))],
      configure: { $0.failSaves = 0 })
    #expect(rig.program.run() == 0)
    #expect(rig.terminal.script.count == 1, "left on the first q")
    #expect(rig.storage.files[Self.file]?.status(of: "frame-1") == .doing)
  }

  @Test(arguments: [(Event.signal(15), Int32(143)), (.signal(2), 130), (.hangUp, 129)])
  func signalsAndHangUpsSaveTheNoteBeingTypedAndExit(event: Event, status: Int32) {
    var rig = Self.make(
      [Self.key(.char("n"))] + "typing".map { Self.key(.char($0)) } + [event, Self.key(.char("q"))]
    )
    #expect(rig.program.run() == status)
    #expect(rig.storage.files[Self.file]?.note(of: "frame-1") == "typing")
    #expect(rig.storage.locked.isEmpty, "the lock is released")
  }

  @Test func aReadOnlySessionIsNeverWritten() {
    var rig = Self.make(
      [Self.key(.down), Self.key(.char(" ")), .signal(1)],
      configure: { $0.readOnly.insert(Self.file) })
    #expect(rig.program.run() == 129)
    #expect(rig.storage.saves.isEmpty)
    #expect(rig.program.state.workbench?.readOnly == true)
  }

  @Test func theExternalEditorRunsWithTheTerminalSuspended() {
    var rig = Self.make(
      [Self.key(.char("E")), Self.key(.char("q")), Self.key(.char("y"))])
    #expect(rig.program.run() == 0)
    #expect(rig.terminal.suspended == 1 && rig.terminal.resumed == 1)
    #expect(rig.storage.files[Self.file]?.note(of: "frame-1") == " (edited)")
  }

  @Test func theStartScreenCreatesAndOpensSessions() {
    let clock = FakeClock()
    let terminal = FakeTerminal(
      [Self.key(.char("g")), Self.key(.enter)] + "Blue".map { Self.key(.char($0)) } + [
        Self.key(.enter), Self.key(.char(" ")), Self.key(.char("q")), Self.key(.char("y")),
      ], clock: clock)
    let storage = FakeStorage(clock: clock)
    var program = Program(
      state: Fixture.startState(), terminal: terminal, storage: storage,
      editNote: { .success($0) }, clock: { clock.now })
    #expect(program.run() == 0)
    let url = URL(fileURLWithPath: "/sessions/Blue.json")
    #expect(storage.files[url]?.participant == "Blue")
    #expect(storage.files[url]?.status(of: "frame-1") == .doing)
    #expect(terminal.frames.contains { $0.text.contains("Saving to /sessions/Blue.json") })
    #expect(storage.locked.isEmpty)
  }
}

@Suite("A way back to the start screen")
struct WayBackTests {
  @Test func oAsksToCloseTheSession() {
    var state = Fixture.workbench()
    #expect(send(&state, .char("o"), .char("y")) == [.closeSession])
    var readOnly = Fixture.workbench(readOnly: true, reason: "locked")
    #expect(send(&readOnly, .char("o")) == [.closeSession])
    var start = Fixture.startState()
    #expect(send(&start, .char("o")) == [])
  }

  @Test func closingShowsTheStartScreenWithTheSessionSelected() {
    var state = Fixture.workbench()
    _ = update(
      &state, .sessionClosed(URL(fileURLWithPath: "/tmp/s/blue.json"), sessions: Fixture.entries))
    #expect(state.isWorkbenchOpen == false)
    #expect(state.start.selection == state.caseStudies.count + 1)
    #expect(state.message?.text == "Saved team-rocket. Enter opens it again.")
    #expect(send(&state, .enter) == [.openSession(path: "/tmp/s/blue.json")])
  }

  @Test func startScreenAfterGoingBack() {
    var state = Fixture.workbench()
    _ = update(
      &state,
      .sessionClosed(URL(fileURLWithPath: "/tmp/s/team-rocket.json"), sessions: Fixture.entries))
    assertGolden(
      render(state, size: Size(width: 80, height: 24)).text, "start-after-way-back-80x24")
  }

  @Test func helpListsTheWayBack() {
    #expect(
      HelpScreen.lines(Fixture.options, phases: 6, width: 70).contains {
        $0.text.hasPrefix("o ") && $0.text.contains("save and go back to the start screen")
      })
  }

  @Test func theProgramSavesReleasesTheLockAndCanOpenAnother() {
    let clock = FakeClock()
    let rocket = ProgramTests.file
    let blue = URL(fileURLWithPath: "/sessions/blue.json")
    let terminal = FakeTerminal(
      [.key(.char(" ")), .key(.down), .key(.char("o")), .key(.char("y"))]
        + [nil, .key(.down), .key(.enter)] + [
          .key(.char(" ")), .key(.char("q")), .key(.char("y")),
        ],
      clock: clock)
    let storage = FakeStorage(clock: clock)
    storage.files[rocket] = Fixture.session()
    var blueSession = Fixture.session()
    blueSession.participant = "Blue group"
    storage.files[blue] = blueSession
    storage.entries = [
      StartEntry(title: "Team Rocket", detail: "", path: rocket.path, updated: Fixture.now),
      StartEntry(
        title: "Blue group", detail: "", path: blue.path,
        updated: Fixture.now.addingTimeInterval(-60)),
    ]
    let opened = try? storage.open(rocket)
    var program = Program(
      state: Fixture.startState(), terminal: terminal, storage: storage, opened: opened,
      editNote: { .success($0) }, clock: { clock.now })
    #expect(program.run() == 0)
    #expect(!terminal.ranOut)
    #expect(storage.files[rocket]?.status(of: "frame-1") == .doing)
    #expect(storage.files[rocket]?.cursor?.item == "frame-2", "the resume point is saved too")
    #expect(
      terminal.frames.contains { $0.text.contains("Saved Team Rocket. Enter opens it again.") })
    #expect(storage.files[blue]?.status(of: "frame-1") == .doing, "the second session was opened")
    #expect(storage.locked.isEmpty)
  }

  @Test func aFailedSaveKeepsTheWorkbenchOpen() {
    var rig = ProgramTests.make(
      [.key(.char(" ")), .key(.char("o")), .key(.char("y")), nil, .signal(15)],
      configure: { $0.failSaves = 100 })
    #expect(rig.program.run() == 143)
    #expect(rig.terminal.frames.last?.text.contains("save failed") == true)
    #expect(rig.program.state.isWorkbenchOpen)
  }
}

@Suite("Disk storage")
struct DiskStorageTests {
  @Test func closingASessionReleasesItsLock() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "casebench-tui-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let study = try #require(CaseStudyCatalog.builtIn().first)
    var first = DiskStorage(folder: folder, searchDirectories: [])
    let url = try first.create(Session(participant: "Team A", caseStudy: study, now: Fixture.now))
    #expect(first.list().map(\.title) == ["Team A"])

    var second = DiskStorage(folder: folder, searchDirectories: [])
    let whileOpen = try second.open(url)
    #expect(whileOpen.readOnlyReason != nil, "the first holds the lock")

    first.close(url)
    let afterClose = try second.open(url)
    #expect(afterClose.readOnlyReason == nil, "closing let go of the lock")
    #expect(afterClose.session.participant == "Team A")
    second.close(url)
  }
}
