import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// Issue 21's defects in the domain's text: `list` and `status`.
@Suite("Small defects in list and status")
struct SmallDefectTests {
  /// A broken file's line names its first error and then one fix, not the error's fix and lint's.
  @Test func aBrokenFileGetsOneFix() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("broken.yaml")
      try Data("format_version: 1\nid: broken\nphases: 7\n".utf8).write(to: url)
      var firstError: Diagnostic?
      do throws(CaseStudyLoadError) {
        _ = try CaseStudyLoader.load(contentsOf: url)
      } catch {
        firstError = error.diagnostics.first(where: \.isError)
      }
      // The first error carries a fix of its own, so a line that repeated it would show two.
      let first = try #require(firstError)
      try #require(first.fix != nil)
      let problems = CaseStudyCatalog.sourceProblems(
        searchDirectories: [dir], namedDirectories: [dir])
      let line = try #require(problems.first).description
      #expect(problems.count == 1)
      #expect(line.components(separatedBy: "(fix:").count == 2, "\(line)")
      #expect(line.contains(first.message), "\(line)")
      #expect(line.contains("casebench lint"), "\(line)")
    }
  }

  /// `status` printed "R1  L3 x I3 = 9  Title" above "R10  L5 x I5 = 25  Title": the titles
  /// did not start in one column.
  @Test func statusRiskRowsLineUp() {
    func risk(_ id: String, _ l: Int, _ i: Int, _ title: String) -> Risk {
      Risk(id: id, title: title, phase: "sprint-0", likelihood: l, impact: i, raised: Date())
    }
    let rows = ToolkitReport.riskLines([
      risk("R10", 5, 5, "The data is late"), risk("R2", 3, 3, "Nadia is away"),
    ])
    let columns = zip(rows, ["The data is late", "Nadia is away"]).map { row, title in
      row.distance(from: row.startIndex, to: row.range(of: title)?.lowerBound ?? row.startIndex)
    }
    #expect(columns.count == 2 && columns[0] == columns[1] && columns[0] > 0, "\(rows)")
    let scores = zip(rows, ["25", " 9"]).map { row, score in row.range(of: "= \(score)") != nil }
    #expect(scores == [true, true], "\(rows)")
  }
}
