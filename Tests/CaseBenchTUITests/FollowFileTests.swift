import CaseBenchLoading
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// A workbench opened read-only (a second team member's `casebench join`) follows its file on
/// the program's tick: the typist's changes show, the reader's place is kept, and a damaged
/// file keeps the last good view with a located warning, never a write.
@Suite("A read-only workbench follows its file")
struct FollowFileTests {
  let folder: URL
  let file: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "casebench-follow-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    file = folder.appendingPathComponent("team-rocket.json")
  }

  /// A program showing `file` read-only, the way another casebench's lock leaves it.
  func program(clock: FakeClock) throws -> (Program, FakeTerminal) {
    try SessionStore.save(Fixture.session(), to: file)
    let storage = FakeStorage(clock: clock)
    storage.files[file] = Fixture.session()
    storage.readOnly.insert(file)
    let terminal = FakeTerminal([], clock: clock)
    let opened = try storage.open(file)
    let program = Program(
      state: Fixture.startState(), terminal: terminal, storage: storage, opened: opened,
      editNote: { .success($0) }, clock: { clock.now })
    return (program, terminal)
  }

  /// One idle tick of the program loop, `seconds` after the last.
  static func tick(_ program: inout Program, _ clock: FakeClock, after seconds: TimeInterval) {
    clock.advance(seconds)
    program.dispatch(.tick(clock.now))
    program.idle(now: clock.now)
  }

  @Test func theTypistsChangeIsDrawnAndThePlaceKept() throws {
    let clock = FakeClock()
    var (program, terminal) = try program(clock: clock)
    let first = Fixture.caseStudy.phases[0].items[0]
    // The reader moves to the second item of the first phase.
    program.dispatch(.key(.down))
    Self.tick(&program, clock, after: 0.1)
    var screen = program.frame(size: terminal.size).text
    #expect(!screen.contains("Updated from"))
    #expect(program.state.workbench?.item == 1)

    // The typist (another casebench) marks the first item done, and saves.
    var typed = Fixture.session()
    typed.setStatus(.done, of: first.id, at: clock.now)
    try SessionStore.save(typed, to: file)
    Self.tick(&program, clock, after: 1.1)

    screen = program.frame(size: terminal.size).text
    let at = shortClock(clock.now, timeZone: Fixture.options.timeZone)
    #expect(screen.contains("Updated from Team Rocket's session at \(at)."), "\(screen)")
    #expect(program.state.session?.status(of: first.id) == .done)
    #expect(screen.contains("[x] \(first.title)"), "\(screen)")
    #expect(program.state.workbench?.item == 1, "the reader's item is kept")
    #expect(program.state.workbench?.readOnly == true)
  }

  @Test func aDamagedFileKeepsTheLastGoodViewAndIsNotWritten() throws {
    let clock = FakeClock()
    var (program, terminal) = try program(clock: clock)
    let first = Fixture.caseStudy.phases[0].items[0]
    var typed = Fixture.session()
    typed.setStatus(.done, of: first.id, at: clock.now)
    try SessionStore.save(typed, to: file)
    Self.tick(&program, clock, after: 1.1)
    #expect(program.state.session?.status(of: first.id) == .done)

    // Half a file: the last good view stays, and the warning names the file.
    let backup = FileStamp(file.path + ".bak")
    let half = Data("{\n  \"schema\": 2,\n  \"participant\": \"Team".utf8)
    try half.write(to: file)
    Self.tick(&program, clock, after: 1.1)
    let screen = program.frame(size: terminal.size).text
    #expect(screen.contains("Not updated"), "\(screen)")
    #expect(screen.contains("team-rocket.json:"), "\(screen)")
    #expect(program.state.session?.status(of: first.id) == .done)
    #expect(screen.contains("[x] \(first.title)"))

    // Ticking on neither reads it again nor writes it.
    for _ in 0..<5 { Self.tick(&program, clock, after: 1.1) }
    #expect(try Data(contentsOf: file) == half)
    #expect(FileStamp(file.path + ".bak") == backup, "the backup is not touched either")
  }

  /// A writable workbench does not follow its own file: what it shows is what it saves.
  @Test func aWritableWorkbenchDoesNotFollow() throws {
    let clock = FakeClock()
    try SessionStore.save(Fixture.session(), to: file)
    let storage = FakeStorage(clock: clock)
    storage.files[file] = Fixture.session()
    let opened = try storage.open(file)
    var program = Program(
      state: Fixture.startState(), terminal: FakeTerminal([], clock: clock), storage: storage,
      opened: opened, editNote: { .success($0) }, clock: { clock.now })
    var typed = Fixture.session()
    typed.setStatus(.done, of: Fixture.caseStudy.phases[0].items[0].id, at: clock.now)
    try SessionStore.save(typed, to: file)
    Self.tick(&program, clock, after: 1.1)
    #expect(program.state.session?.status(of: Fixture.caseStudy.phases[0].items[0].id) == .todo)
  }
}
