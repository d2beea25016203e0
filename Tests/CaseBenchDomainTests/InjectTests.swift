import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchStore

private let workshopFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures/valid/workshop.yaml")

/// A phase's `injects`: the format, lint's located errors, and when each kind goes out.
@Suite("Injects")
struct InjectTests {
  static let yaml = (try? String(contentsOf: workshopFixture, encoding: .utf8)) ?? ""

  func variant(_ old: String, _ new: String) throws -> String {
    try #require(Self.yaml.components(separatedBy: old).count == 2, "'\(old)' must occur once")
    return Self.yaml.replacingOccurrences(of: old, with: new)
  }

  func errors(_ yaml: String) -> [Diagnostic] {
    CaseStudyLoader.lint(yaml, file: "w.yaml").filter(\.isError)
  }

  func study() throws -> CaseStudy { try CaseStudyLoader.load(contentsOf: workshopFixture) }

  // MARK: The format

  @Test func theFixtureLoadsEachKindOfInject() throws {
    let injects = try study().phases[0].injects
    #expect(
      injects == [
        Inject(
          id: "S.I1", from: "The owner, by phone", text: "The bank moved the meeting to Thursday.",
          trigger: .atMinute(10)),
        Inject(id: "S.I2", text: "The owner heard what you chose.", trigger: .afterReveal("S.D1")),
        Inject(id: "S.I3", text: "A reporter is asking questions.", trigger: .manual),
      ])
    #expect(try study().phases[1].injects.isEmpty, "injects are optional")
  }

  @Test func theBikeShopTimesTheRunSheetsInjects() throws {
    let root = workshopFixture.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let bike = try CaseStudyLoader.load(
      contentsOf: root.appendingPathComponent("CaseStudies/bike-shop.yaml"))
    let evaluation = try #require(bike.phase(id: "evaluation"))
    let inject = try #require(evaluation.injects.first)
    #expect(inject.text.contains("what result in the trial would stop the rollout"))
    // Ten minutes into the work block, as the run sheet says.
    #expect(inject.trigger == .atMinute((evaluation.schedule?.read ?? 0) + 10))
  }

  // MARK: Lint

  @Test func anUnknownDecisionIsAnErrorAtItsValue() throws {
    let found = errors(try variant("after_reveal: S.D1", "after_reveal: S.D9"))
    #expect(found.count == 1)
    #expect(found.first?.line == 95)
    #expect(found.first?.column == 23)
    #expect(found.first?.message == "'after_reveal' of inject 'S.I2' names unknown decision 'S.D9'")
    #expect(found.first?.fix == "did you mean 'S.D1'?")
  }

  @Test func minutesBeyondTheScheduleAreAnErrorAtTheMinute() throws {
    // The scoping phase's schedule adds up to 30 minutes.
    #expect(errors(try variant("at_minute: 10", "at_minute: 30")).isEmpty)
    let found = errors(try variant("at_minute: 10", "at_minute: 31"))
    #expect(found.count == 1)
    #expect(found.first?.line == 92)
    #expect(found.first?.message.contains("31, beyond the 30 minutes of phase 'scoping'") == true)
    let negative = errors(try variant("at_minute: 10", "at_minute: -1"))
    #expect(negative.first?.line == 92)
  }

  @Test func aDuplicateIDIsAnErrorAtTheSecond() throws {
    let found = errors(try variant("      - id: S.I2\n", "      - id: S.I1\n"))
    #expect(found.count == 1)
    #expect(found.first?.line == 93)
    #expect(found.first?.message == "duplicate inject id 'S.I1' (first defined at line 89)")
  }

  @Test func anEmptyTextIsAnErrorAtTheText() throws {
    let found = errors(try variant("text: A reporter is asking questions.", "text: \"  \""))
    #expect(found.count == 1)
    #expect(found.first?.line == 97)
    #expect(found.first?.message == "'text' in inject 'S.I3' of phase 'scoping' is empty")
  }

  @Test func anInjectFiresOneWayExactly() throws {
    let none = errors(try variant("        manual: true\n", ""))
    #expect(none.map(\.message) == ["inject 'S.I3' of phase 'scoping' does not say when it fires"])
    #expect(none.first?.line == 96)
    let two = errors(
      try variant("        manual: true\n", "        manual: true\n        at_minute: 3\n"))
    #expect(two.count == 1)
    #expect(two.first?.line == 99)
    #expect(two.first?.message.contains("has both 'manual' and 'at_minute'") == true)
    let off = errors(try variant("manual: true", "manual: false"))
    #expect(off.first?.message.contains("does not say when it fires") == true)
  }

  @Test func anUnknownKeyIsAnErrorWithASuggestion() throws {
    let found = errors(try variant("at_minute: 10", "at_minutes: 10"))
    #expect(found.contains { $0.line == 92 && $0.fix == "did you mean 'at_minute'?" })
  }

  // MARK: Going out

  let t0 = Date(timeIntervalSince1970: 1_795_000_000)
  func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

  func running() throws -> (CaseStudy, WorkshopState) {
    var state = WorkshopState(pacing: true)
    state.release("scoping", at: t0)
    let study = try study()
    let started = ClockAction.start.apply(to: &state, in: study, at: t0)
    #expect(try started.get().contains("Scoping"))
    return (study, state)
  }

  @Test func aTimedInjectGoesOutAtItsMinuteOnce() throws {
    var (study, state) = try running()
    #expect(state.sendDue(in: study, at: at(9.9)).isEmpty)
    let sent = state.sendDue(in: study, at: at(10))
    #expect(sent.map(\.inject) == ["S.I1"])
    #expect(sent.first?.from == "The owner, by phone")
    #expect(sent.first?.text == "The bank moved the meeting to Thursday.")
    #expect(state.sentTime(ofInject: "S.I1") == at(10))
    #expect(state.sendDue(in: study, at: at(11)).isEmpty, "never twice")
    #expect(state.announcements.count(where: { $0.inject == "S.I1" }) == 1)
  }

  @Test func nothingGoesOutDuringAPauseNorAllAtOnceAfterIt() throws {
    var (study, state) = try running()
    let paused = ClockAction.pause.apply(to: &state, in: study, at: at(8))
    #expect(paused == .success("The room's clock is paused."))
    #expect(state.sendDue(in: study, at: at(30)).isEmpty, "paused at minute 8")
    let resumed = ClockAction.resume.apply(to: &state, in: study, at: at(30))
    #expect(resumed == .success("The room's clock runs on."))
    // Eight minutes ran before the pause: the inject is two minutes of clock away, and the
    // work block's notice (due at minute 15 of the clock) is further still.
    #expect(state.sendDue(in: study, at: at(31)).isEmpty)
    #expect(state.sendDue(in: study, at: at(32)).map(\.inject) == ["S.I1"])
  }

  @Test func anAfterRevealInjectWaitsForItsReveal() throws {
    var (study, state) = try running()
    _ = state.sendDue(in: study, at: at(10))
    #expect(state.dueInjects(in: study, at: at(12)).isEmpty)
    state.reveal("S.D1", at: at(12))
    #expect(state.sendDue(in: study, at: at(12)).map(\.inject) == ["S.I2"])
    #expect(state.sendDue(in: study, at: at(13)).isEmpty)
  }

  @Test func aManualInjectNeverComesDueAndGoesOutOnceByHand() throws {
    var (study, state) = try running()
    #expect(!state.dueInjects(in: study, at: at(29)).contains { $0.id == "S.I3" })
    let manual = try #require(study.phases[0].injects.last)
    #expect(state.send(manual, at: at(3))?.inject == "S.I3")
    #expect(state.send(manual, at: at(4)) == nil, "never twice")
  }

  @Test func theFiveMinuteNoticeGoesOutOnceAndAgainAfterAnExtension() throws {
    var (study, state) = try running()
    state.injectsSent = [InjectSent(inject: "S.I1", at: t0)]
    // Work runs from minute 5 to 20: its notice is due from minute 15.
    #expect(state.sendDue(in: study, at: at(14.9)).isEmpty)
    let notice = state.sendDue(in: study, at: at(15))
    #expect(notice.map(\.text) == ["5 minutes left to work in Scoping."])
    #expect(state.sendDue(in: study, at: at(16)).isEmpty, "never twice")
    let extended = ClockAction.extend.apply(to: &state, in: study, at: at(16))
    #expect(try extended.get().contains("5 more"))
    #expect(state.sendDue(in: study, at: at(17)).isEmpty, "work now ends at 25")
    #expect(
      state.sendDue(in: study, at: at(20)).map(\.text) == ["5 minutes left to work in Scoping."])
  }

  @Test func clockActionsSayWhyTheyChangeNothing() throws {
    var state = WorkshopState()
    let study = try study()
    let pause = ClockAction.pause.apply(to: &state, in: study, at: t0)
    let extend = ClockAction.extend.apply(to: &state, in: study, at: t0)
    #expect(pause == .failure(.notStarted))
    #expect(extend == .failure(.notStarted))
    let started = ClockAction.start.apply(to: &state, in: study, at: t0)
    #expect(throws: Never.self) { try started.get() }
    #expect(state.clock?.phase == "scoping", "nothing released: the first phase")
    guard case .failure = ClockAction.start.apply(to: &state, in: study, at: at(1)) else {
      Issue.record("a second start of the same phase restarted the clock")
      return
    }
    #expect(state.clock?.started == t0)
  }

  // MARK: The facilitator's file

  @Test func whatWentOutSurvivesTheFileAndOldFilesStillLoad() throws {
    var (study, state) = try running()
    _ = state.sendDue(in: study, at: at(10))
    let data = try SessionStore.makeEncoder().encode(state)
    let back = try SessionStore.makeDecoder().decode(WorkshopState.self, from: data)
    #expect(back == state)
    #expect(back.announcements.last?.from == "The owner, by phone")
    let old = Data(
      #"{"format_version":1,"pacing":false,"released":[],"announcements":[{"id":1,"at":"2026-12-07T10:00:00Z","text":"Hi"}]}"#
        .utf8)
    let loaded = try SessionStore.makeDecoder().decode(WorkshopState.self, from: old)
    #expect(loaded.injectsSent.isEmpty)
    #expect(loaded.announcements.first?.from == nil)
  }

  @Test func theSessionLogNamesTheInject() throws {
    var session = Session(participant: "Team 1", caseStudy: try study(), now: t0)
    let a = Announcement(id: 4, at: t0, text: "x", from: "The owner", inject: "S.I1")
    let recorded = session.recordAnnouncement(a, at: t0)
    #expect(recorded)
    #expect(session.events.last?.target == "announcement-4")
    #expect(session.events.last?.detail == "inject S.I1 shown")
  }
}
