import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchStore

/// One order for team names, on the dashboard (`NaturalOrder.key`) and in the debrief
/// (`NaturalOrder.ascending`).
@Suite("Natural order of names")
struct NaturalOrderTests {
  static let names = ["team 10", "Team 2", "Éclair", "eclair 1", "Team 02b", "Zebra", "team 1"]
  static let expected = ["Éclair", "eclair 1", "team 1", "Team 2", "Team 02b", "team 10", "Zebra"]

  @Test func namesSortAsPeopleExpect() {
    #expect(Self.names.sorted(by: NaturalOrder.ascending) == Self.expected)
  }

  @Test func keysSortTheSameWay() {
    #expect(Self.names.sorted { NaturalOrder.key($0) < NaturalOrder.key($1) } == Self.expected)
    // A decomposed accent folds like a composed one.
    #expect(NaturalOrder.key("Cafe\u{301} 3") == NaturalOrder.key("café 03"))
  }

  @Test func equalKeysAreOrderedByTheirText() {
    #expect(NaturalOrder.compare("Team 2", "Team 02") != 0)
    #expect(NaturalOrder.compare("Team 2", "Team 02") == -NaturalOrder.compare("Team 02", "Team 2"))
    #expect(NaturalOrder.compare("Team 2", "Team 2") == 0)
  }
}
