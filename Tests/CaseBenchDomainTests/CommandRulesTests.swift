import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// Rules that lived in the executable and now live in the module that owns them.
@Suite("Rules the command line uses")
struct CommandRulesTests {
  @Test func aPhaseIsNamedByIdNumberOrTitle() throws {
    let study = try BikeShopTests.bikeShop()
    let second = study.phases[1]
    #expect(study.phase(named: second.id)?.id == second.id)
    #expect(study.phase(named: "2")?.id == second.id)
    #expect(study.phase(named: second.title.uppercased())?.id == second.id)
    #expect(study.phase(named: "0") == nil)
    #expect(study.phase(named: "\(study.phases.count + 1)") == nil)
    #expect(study.phase(named: "no such phase") == nil)
  }

  @Test func aCaseStudyGivenByPathAddsItsFolderFirst() {
    let base = [URL(fileURLWithPath: "/cases")]
    #expect(
      CaseStudyCatalog.searchDirectories(base, for: "studies/x.yaml").map(\.path) == [
        URL(fileURLWithPath: "studies").path, "/cases",
      ])
    #expect(CaseStudyCatalog.searchDirectories(base, for: "bike-shop").map(\.path) == ["/cases"])
  }

  @Test func nothingIsWrittenIntoAWorkshopFolder() {
    let folder = URL(fileURLWithPath: "/tmp/casebench-rules/room", isDirectory: true)
    #expect(WorkshopFolder.holds(folder.appendingPathComponent("report.md"), folder: folder))
    #expect(WorkshopFolder.holds(folder.appendingPathComponent("a/report.md"), folder: folder))
    #expect(
      !WorkshopFolder.holds(URL(fileURLWithPath: "/tmp/casebench-rules/report.md"), folder: folder))
    #expect(
      !WorkshopFolder.holds(
        URL(fileURLWithPath: "/tmp/casebench-rules/room2/report.md"), folder: folder))
  }

  @Test func anEmptyWorkshopFolderListsNoSessions() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-list-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let folder = WorkshopFolder.read(dir, caseStudy: try BikeShopTests.bikeShop())
    #expect(WorkshopList.text(folder, now: Date()) == "No sessions in \(dir.path) yet.\n")
  }

  @Test func theListNamesEachCaseStudyAndSession() throws {
    let study = try BikeShopTests.bikeShop()
    let session = SessionSummary(
      url: URL(fileURLWithPath: "/s/team-3.json"), participant: "Team 3",
      caseStudyID: study.id, updated: Date(timeIntervalSince1970: 0))
    let broken = SessionSummary(
      url: URL(fileURLWithPath: "/s/bad.json"), participant: "", caseStudyID: "", updated: nil,
      error: "not JSON")
    let text = CatalogListing.text(
      caseStudies: [study],
      notListed: [Diagnostic(file: "x.yaml", line: 1, column: 1, message: "broken")],
      sessionsFolder: URL(fileURLWithPath: "/s"), sessions: [session, broken])
    #expect(text.hasPrefix("Case studies:\n  \(study.id)  \(study.title) (v\(study.version), "))
    #expect(text.contains("\nNot listed (1):\n  x.yaml:1:1: error: broken\n"))
    #expect(
      text.contains(
        "\nSessions in /s:\n  team-3.json  Team 3  \(study.id)  updated 1970-01-01T00:00:00Z\n"))
    #expect(text.hasSuffix("  bad.json  unreadable: not JSON\n"))
    let empty = CatalogListing.text(
      caseStudies: [], notListed: [], sessionsFolder: URL(fileURLWithPath: "/s"), sessions: [])
    #expect(empty.hasSuffix("(none yet: start one with `casebench new --name \"Team A\"`)\n"))
  }

  @Test func aRemovedPhaseIsAWarningAgainstTheOldVersion() throws {
    let old = try BikeShopTests.bikeShop()
    var new = old
    let gone = new.phases.removeLast()
    let warnings = CaseStudyChanges.warnings(
      file: "new.yaml", old: old, oldFile: "old.yaml", new: new)
    #expect(
      warnings.contains {
        $0.message.hasPrefix("phase '\(gone.id)' (\(gone.title)) of old.yaml is removed")
      })
    #expect(warnings.allSatisfy { $0.severity == .warning && $0.file == "new.yaml" })
    #expect(
      CaseStudyChanges.warnings(file: "new.yaml", old: old, oldFile: "old.yaml", new: old) == [])
  }
}
