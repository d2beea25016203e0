import CaseBenchLoading
import CaseBenchModel
import Foundation

@testable import CaseBenchTUI

/// A small case study built in code: six phases, a few items each, one decision.
enum Fixture {
  static let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-29 (UTC)

  static let options = RenderOptions(
    unicode: true, facilitator: false, timeZone: TimeZone(identifier: "UTC") ?? .current)

  static func item(
    _ id: String, _ title: String, required: Bool = true, guidance: String? = nil
  ) -> Item {
    Item(
      id: id, title: title,
      guidance: guidance
        ?? "Write down who will use the result and what they will do differently with it.",
      caseContext:
        "Marta runs three shops and orders bikes a season ahead; she asks whether a model "
        + "could tell her how many to order.",
      why: "A model that answers the wrong question is worse than no model at all.",
      hint: "Start from the decision, not the data.", tags: [], required: required)
  }

  static let decision = Decision(
    id: "frame-d1", title: "Pilot scope",
    situation:
      "Marta wants a forecast for all three shops by spring. Jonas, who keeps the sales "
      + "records, warns that the third shop only opened last year.",
    options: [
      DecisionOption(
        id: "a", label: "Forecast all three shops at once",
        consequence: "The third shop's "
          + "forecast swings wildly and Marta stops trusting all of them.", verdict: .poor),
      DecisionOption(
        id: "b", label: "Start with the two shops that have three years of history",
        consequence: "The pilot ships in six weeks; the third shop joins once it has a year "
          + "of sales.", verdict: .recommended),
      DecisionOption(
        id: "c", label: "Wait until every shop has three years of data",
        consequence: "Two seasons pass without any forecast; Marta orders by gut feeling "
          + "again.", verdict: .defensible),
    ], facilitatorNotes: "Push teams to say what they would learn from the pilot.")

  static let caseStudy = CaseStudy(
    formatVersion: 1, id: "bike-shop", version: "1.0", title: "The Bike Shop",
    summary:
      "A family-run bike shop wants to forecast demand for the coming season. Walk the "
      + "project from a vague wish to a model in use, one phase at a time.",
    background: "Three shops, one owner, a decade of sales in spreadsheets.", cast: [],
    phases: [
      Phase(
        id: "frame", title: "Frame the problem",
        goal: "Agree on the decision the model supports and how success is measured.",
        briefing:
          "Marta wants fewer bikes left over in autumn and none missing in spring. Before "
          + "anyone opens a spreadsheet, pin down the decision she makes and what a good "
          + "outcome looks like.\n\nTalk to the people who will use the forecast.",
        timeboxMinutes: 30,
        items: [
          item("frame-1", "Name the decision the model supports"),
          item("frame-2", "Define success in business terms"),
          item("frame-3", "List the people affected", required: false),
          item("frame-4", "Check that a simple rule would not do"),
        ], decisions: [decision], riskPrompts: [], facilitatorNotes: ""),
      Phase(
        id: "data", title: "Understand the data",
        goal: "Know what the sales records can and cannot tell.",
        briefing: "Jonas keeps the records. Ask him how they were collected.",
        timeboxMinutes: 40,
        items: [
          item("data-1", "Find where the sales records live"),
          item("data-2", "Check for gaps and oddities in the history"),
          item("data-3", "Write down what each column means", required: false),
        ], decisions: [], riskPrompts: [], facilitatorNotes: ""),
      Phase(
        id: "model", title: "Build a first model", goal: "A baseline you can beat.",
        briefing: "Start simple: last year's sales are a baseline.", timeboxMinutes: 45,
        items: [
          item("model-1", "Set a baseline"),
          item("model-2", "Pick an error measure Marta understands"),
        ], decisions: [], riskPrompts: [], facilitatorNotes: ""),
      Phase(
        id: "evaluate", title: "Evaluate honestly", goal: "Know how wrong the model can be.",
        briefing: "Test on a season the model has never seen.", timeboxMinutes: 30,
        items: [
          item("eval-1", "Hold out the most recent season"),
          item("eval-2", "Compare with the baseline"),
        ], decisions: [], riskPrompts: [], facilitatorNotes: ""),
      Phase(
        id: "deploy", title: "Put it to use", goal: "The forecast reaches the order form.",
        briefing: "Decide who runs the forecast and when.", timeboxMinutes: 30,
        items: [
          item("deploy-1", "Agree who runs the forecast each month"),
          item("deploy-2", "Plan what happens when it breaks"),
        ], decisions: [], riskPrompts: [], facilitatorNotes: ""),
      Phase(
        id: "ethics", title: "Ethics and risks", goal: "Nobody is harmed by the forecast.",
        briefing: "Who could be hurt if the forecast is wrong?", timeboxMinutes: 20,
        items: [
          Item(
            id: "ethics-1", title: "Ask who loses if the forecast is wrong",
            guidance: "Name the people who carry the cost of a bad forecast.",
            caseContext: "Too few bikes in spring means a lost season for the staff on "
              + "commission.", why: "Harms land on people who were never asked.",
            hint: "Follow the money when the forecast is low.", tags: ["ethics"],
            required: true, references: ["Datasheets for Datasets (Gebru et al., 2021)"],
            arisesIn: ["frame", "deploy"]),
          item("ethics-2", "Check the data holds nothing personal", required: false),
        ], decisions: [],
        riskPrompts: [RiskPrompt(id: "r1", text: "The forecast is trusted more than it deserves.")],
        facilitatorNotes: ""),
    ])

  static func session(mode: SessionMode = .caseStudy) -> Session {
    Session(participant: "Team Rocket", caseStudy: caseStudy, mode: mode, now: now)
  }

  static let entries = [
    StartEntry(
      title: "Team Rocket", detail: "The Bike Shop · 3/15 done · phase 2 Understand the data",
      path: "/tmp/s/team-rocket.json", updated: now.addingTimeInterval(-3600)),
    StartEntry(
      title: "Blue group", detail: "The Bike Shop · 0/15 done", path: "/tmp/s/blue.json",
      updated: now.addingTimeInterval(-86_400 * 3)),
    StartEntry(
      title: "broken.json", detail: "", path: "/tmp/s/broken.json", updated: nil,
      error: "line 3: unexpected end of file"),
  ]

  static func startState(options: RenderOptions = Fixture.options) -> AppState {
    AppState(caseStudies: [caseStudy], sessions: entries, options: options, now: now)
  }

  static func workbench(
    size: Size = Size(width: 80, height: 24), options: RenderOptions = Fixture.options,
    session: Session = Fixture.session(), readOnly: Bool = false, reason: String? = nil
  ) -> AppState {
    var state = startState(options: options)
    _ = update(&state, .resize(size))
    state.openWorkbench(
      caseStudy: caseStudy, session: session, sessionName: "team-rocket", readOnly: readOnly,
      readOnlyReason: reason)
    return state
  }
}

extension Fixture {
  /// Team 3's fresh workbench on `caseStudy`, in a workshop folder whose facilitator's file
  /// reads `state` (nil: a session on its own).
  static func team(on caseStudy: CaseStudy, size: Size, workshop state: WorkshopState?)
    -> AppState
  {
    var app = AppState(caseStudies: [caseStudy], sessions: [], options: options, now: now)
    _ = update(&app, .resize(size))
    app.openWorkbench(
      caseStudy: caseStudy,
      session: Session(participant: "Team 3", caseStudy: caseStudy, now: now),
      sessionName: "Team 3", readOnly: false, readOnlyReason: nil)
    if let state {
      app.joinWorkshop()
      _ = update(&app, .workshop(state))
    }
    return app
  }
}

@discardableResult
func send(_ state: inout AppState, _ keys: Key...) -> [Command] {
  var out: [Command] = []
  for k in keys { out += update(&state, .key(k)) }
  return out
}

@discardableResult
func type(_ state: inout AppState, _ text: String) -> [Command] {
  var out: [Command] = []
  for ch in text { out += update(&state, .key(.char(ch))) }
  return out
}
