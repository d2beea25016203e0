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
}
