import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchStore

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures")
private let t0 = Date(timeIntervalSince1970: 1_795_000_000)

/// The minimal fixture with `block` after its first phase's facilitator notes (line 62), so the
/// block starts on line 63.
private func minimal(withReflection block: String) throws -> String {
  let text = try String(
    contentsOf: fixtures.appendingPathComponent("valid/minimal.yaml"), encoding: .utf8)
  let anchor = "    facilitator_notes: Keep it short.\n"
  try #require(text.components(separatedBy: anchor).count == 2)
  return text.replacingOccurrences(of: anchor, with: anchor + block)
}

private func bikeShop() throws -> CaseStudy { try #require(CaseStudyCatalog.builtIn().first) }

@Suite("Lessons learned: reflection prompts and answers")
struct ReflectionTests {
  @Test func aPhasesReflectionPromptsLoadInOrder() throws {
    let yaml = try minimal(
      withReflection: """
            reflection:
              - id: S.L1
                prompt: What? What did you choose?
              - id: S.L2
                prompt: >
                  So what? What did
                  it cost?

        """)
    let study = try CaseStudyLoader.parse(yaml, file: "r.yaml")
    #expect(
      study.phases[0].reflection == [
        ReflectionPrompt(id: "S.L1", prompt: "What? What did you choose?"),
        ReflectionPrompt(id: "S.L2", prompt: "So what? What did it cost?"),
      ])
    #expect(study.phases[1].reflection.isEmpty)
  }

  @Test func lintLocatesRepeatedIDsEmptyPromptsAndUnknownKeys() throws {
    let yaml = try minimal(
      withReflection: """
            reflection:
              - id: S.L1
                prompt: What happened?
              - id: S.L1
                prompt: ""
              - id: S.L3
                promt: Typo

        """)
    let errors = CaseStudyLoader.lint(yaml, file: "r.yaml").filter(\.isError)
    #expect(
      errors.map { "\($0.line):\($0.column) \($0.message)" } == [
        "66:13 duplicate reflection prompt id 'S.L1' (first defined at line 64)",
        "67:17 'prompt' in reflection prompt 'S.L1' is empty",
        "68:9 missing required key 'prompt' in reflection prompt 'S.L3'",
        "69:9 unknown key 'promt' in reflection prompt 'S.L3'",
      ])
    #expect(errors.last?.fix == "did you mean 'prompt'?")
    #expect(throws: CaseStudyLoadError.self) { try CaseStudyLoader.parse(yaml, file: "r.yaml") }
  }

  @Test func reflectionMustBeAListAndAnEmptyOneIsAWarning() throws {
    let notAList = try minimal(withReflection: "    reflection: What happened?\n")
    let errors = CaseStudyLoader.lint(notAList, file: "r.yaml").filter(\.isError)
    #expect(errors.map(\.line) == [63])
    #expect(
      errors.first?.message.contains("'reflection' in phase 'scoping' must be a list") == true)
    let empty = try minimal(withReflection: "    reflection: []\n")
    let diagnostics = CaseStudyLoader.lint(empty, file: "r.yaml")
    #expect(diagnostics.filter(\.isError).isEmpty)
    #expect(
      diagnostics.filter { $0.message.contains("reflection") }.map { "\($0.line) \($0.message)" }
        == ["63 'reflection' in phase 'scoping' is an empty list"])
  }

  // MARK: The rule

  @Test func onOnesOwnThePromptsOpenOnceEveryDecisionIsDecided() throws {
    let study = try bikeShop()
    let phase = study.phases[0]
    try #require(phase.decisions.map(\.id) == ["S0.D1", "S0.D2"])
    var s = Session(participant: "Solo", caseStudy: study, now: t0)
    #expect(
      phase.reflectionAvailability(session: s, workshop: nil)
        == .awaitingDecisions(["S0.D1", "S0.D2"]))
    s.decide("S0.D1", option: "b", rationale: "", at: t0)
    #expect(
      phase.reflectionAvailability(session: s, workshop: nil) == .awaitingDecisions(["S0.D2"]))
    s.decide("S0.D2", option: "b", rationale: "", at: t0)
    #expect(phase.reflectionAvailability(session: s, workshop: nil) == .open)
  }

  @Test func inAWorkshopThePromptsOpenOnceEveryDecisionIsRevealed() throws {
    let study = try bikeShop()
    let phase = study.phases[0]
    var s = Session(participant: "Team 1", caseStudy: study, now: t0)
    s.decide("S0.D1", option: "b", rationale: "", at: t0)
    s.decide("S0.D2", option: "b", rationale: "", at: t0)
    var room = WorkshopState(pacing: true)
    // Voting is not enough: the room has not seen the consequences.
    #expect(
      phase.reflectionAvailability(session: s, workshop: room)
        == .awaitingReveal(["S0.D1", "S0.D2"]))
    room.reveal("S0.D2", at: t0)
    #expect(phase.reflectionAvailability(session: s, workshop: room) == .awaitingReveal(["S0.D1"]))
    room.reveal("S0.D1", at: t0)
    #expect(phase.reflectionAvailability(session: s, workshop: room) == .open)
    // A team that did not vote may still reflect once the room has seen it all.
    let quiet = Session(participant: "Team 2", caseStudy: study, now: t0)
    #expect(phase.reflectionAvailability(session: quiet, workshop: room) == .open)
  }

  @Test func aPhaseWithoutDecisionsOpensAtOnce() throws {
    var phase = try bikeShop().phases[0]
    phase.decisions = []
    let s = Session(participant: "Solo", caseStudy: try bikeShop(), now: t0)
    #expect(phase.reflectionAvailability(session: s, workshop: nil) == .open)
    #expect(phase.reflectionAvailability(session: s, workshop: WorkshopState()) == .open)
  }

  // MARK: Sessions

  @Test func answersRoundTripAndAreLoggedLikeNotes() throws {
    var s = Session(participant: "Team 1", caseStudy: try bikeShop(), now: t0)
    let added = s.answerReflection("We bet on the demo.", to: "S0.L1", at: t0)
    let again = s.answerReflection("We bet on the demo.", to: "S0.L1", at: t0)
    let edited = s.answerReflection("We bet on the demo; it held.", to: "S0.L1", at: t0 + 60)
    let second = s.answerReflection("Line one\nline \"two\"", to: "S0.L2", at: t0 + 70)
    #expect([added, again, edited, second] == [true, false, true, true])
    #expect(
      s.events.filter { $0.kind == .reflection }.map { "\($0.target ?? "") \($0.detail)" }
        == ["S0.L1 answer added", "S0.L2 answer added"])
    let data = try SessionStore.encode(s)
    #expect(String(decoding: data, as: UTF8.self).contains("\"reflections\" : {"))
    let back = try SessionStore.decode(data, file: "s.json")
    #expect(back == s)
    #expect(back.reflection("S0.L1") == "We bet on the demo; it held.")
    // Clearing the last answer leaves no empty map behind.
    s.answerReflection("", to: "S0.L1", at: t0 + 400)
    s.answerReflection("", to: "S0.L2", at: t0 + 400)
    #expect(s.reflections == nil)
    #expect(s.events.last?.detail == "answer cleared")
  }

  @Test func theFastWriterWritesAnswersAsJSONEncoderDoes() throws {
    var s = Session(participant: "Team 1", caseStudy: try bikeShop(), now: t0)
    s.answerReflection("Quotes \" and \\ and\ttabs, 日本 ✓", to: "S0.L2", at: t0)
    s.answerReflection("First", to: "S0.L10", at: t0)
    s.answerReflection("É", to: "É.L1", at: t0)
    var expected = try SessionStore.makeEncoder().encode(s)
    expected.append(0x0A)
    #expect(try SessionStore.encode(s) == expected)
  }

  @Test func aSessionWrittenBeforeAnswersOpensAndSavesUnchanged() throws {
    let url = fixtures.deletingLastPathComponent().appendingPathComponent(
      "Golden/bike-shop-16-session.json")
    let data = try Data(contentsOf: url)
    #expect(!String(decoding: data, as: UTF8.self).contains("reflections"))
    let session = try SessionStore.decode(data, file: url.path)
    #expect(session.reflections == nil)
    #expect(session.reflection("S0.L1") == "")
    #expect(try SessionStore.encode(session) == data)
  }

  // MARK: The Bike Shop

  @Test func everyBikeShopPhaseAsksWhatSoWhatAndNowWhat() throws {
    let study = try bikeShop()
    #expect(study.phases.count == 6)
    for phase in study.phases {
      #expect(
        phase.reflection.map { String($0.prompt.prefix { $0 != "?" }) + "?" }
          == ["What?", "So what?", "Now what?"], "\(phase.id)")
      #expect(phase.reflection.allSatisfy { $0.prompt.count > 60 }, "\(phase.id)")
    }
  }
}
