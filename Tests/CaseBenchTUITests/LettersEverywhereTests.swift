import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

/// Defect 1 of issue 22: one letter per option, the one the team saw, in the dialog, the
/// decision list, the log, the exports, the dashboard and both class reports. The decision's
/// option ids are a, c and d (b was retired), so the option a team saw as c) has the id d and
/// the position 3: a render that printed the id or the position would show "d)" or "3)".
@Suite("One letter per option everywhere")
struct LettersEverywhereTests {
  static let label = "Wait until every shop has three years of data"
  static let seen = "c) " + label

  /// The fixture with ids that differ from the letters, and a second decision so the dialog
  /// opens on its list.
  static var caseStudy: CaseStudy {
    var cs = Fixture.caseStudy
    var d = Fixture.decision
    for (i, id) in ["a", "c", "d"].enumerated() { d.options[i].id = id }
    var second = d
    second.id = "frame-d2"
    second.title = "Who hears first"
    cs.phases[0].decisions = [d, second]
    return cs
  }

  /// The team first chose a), then changed to the option it saw as c) (id d).
  static var session: Session {
    var s = Session(participant: "Team 1", caseStudy: caseStudy, mode: .caseStudy, now: Fixture.now)
    _ = s.decide(
      "frame-d1", option: "a", rationale: "First.", at: Fixture.now.addingTimeInterval(-600))
    _ = s.decide(
      "frame-d1", option: "d", rationale: "Then.", at: Fixture.now.addingTimeInterval(-300))
    return s
  }

  static func expectSeen(_ text: String, _ place: String, seen: String = seen) {
    #expect(text.contains(seen), "\(place) does not show \(seen)")
    #expect(!text.contains("d) " + label), "\(place) shows the option's id")
    #expect(!text.contains("3) " + label), "\(place) shows the option's position")
  }

  @Test func everyRenderOfOneDecisionUsesTheLetterTheTeamSaw() throws {
    let size = Size(width: 160, height: 48)
    var app = AppState(
      caseStudies: [Self.caseStudy], sessions: [], options: Fixture.options, now: Fixture.now)
    _ = update(&app, .resize(size))
    app.openWorkbench(
      caseStudy: Self.caseStudy, session: Self.session, sessionName: "team-1", readOnly: false,
      readOnlyReason: nil)

    // The decision list, then the dialog.
    send(&app, .char("d"))
    let list = render(app, size: size).text
    #expect(list.contains("chose c)"), "the decision list does not show c)")
    #expect(!list.contains("chose d)"), "the decision list shows the option's id")
    send(&app, .enter)
    Self.expectSeen(render(app, size: size).text, "the dialog")
    send(&app, .escape)
    send(&app, .escape)

    // The log.
    send(&app, .char("l"))
    let log = render(app, size: size).text
    Self.expectSeen(log, "the log")
    #expect(log.contains("changed a) → c)"), "the log's change does not use the letters")

    // The exports, with their event log.
    for format in ReportFormat.allCases where format != .json {
      let text = Reports.export(
        caseStudy: Self.caseStudy, session: Self.session, format: format, log: true)
      Self.expectSeen(text, "the \(format.rawValue) export")
    }

    // The dashboard's split, once revealed, and both class reports.
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-letters-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try SessionStore.save(
      Self.session,
      to: WorkshopJoin.url(team: "Team 1", caseStudyID: Self.caseStudy.id, in: dir))
    let folder = WorkshopFolder.read(dir, caseStudy: Self.caseStudy)
    var state = WorkshopState()
    state.reveal("frame-d1", at: Fixture.now)
    state.reveal("frame-d2", at: Fixture.now)
    var d = Dashboard(folder: folder, workshop: state, options: Fixture.options, now: Fixture.now)
    _ = d.update(.resize(size))
    _ = d.update(.key(.tab))
    let rows = render(d, size: size).text.split(separator: "\n").filter {
      $0.contains(Self.label)
    }
    #expect(rows.count == 2, "the dashboard shows the option once per decision")
    for row in rows {
      #expect(row.trimmingCharacters(in: .whitespaces).hasPrefix("c "), "dashboard: \(row)")
    }
    for format in WorkshopReport.Format.allCases {
      let text = WorkshopReport.render(
        folder, WorkshopReport.Options(format: format, reveals: state.reveals), now: Fixture.now)
      Self.expectSeen(text, "the \(format.rawValue) class report")
    }
  }
}
