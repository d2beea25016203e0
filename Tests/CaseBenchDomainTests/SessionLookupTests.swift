import Foundation
import Testing

@testable import CaseBenchStore

/// `casebench open NAME`: by path, by file name in the sessions folder, or by team name.
@Suite("Finding a session by name")
struct SessionLookupTests {
  /// A sessions folder with Team 3 (team-3.json), Café Crew and two sessions for "Twins".
  static func withFolder(_ body: (URL) throws -> Void) throws {
    try withStoreTemporaryDirectory { dir in
      for (team, file) in [
        ("Team 3", "team-3.json"), ("Café Crew", "crew.json"), ("Twins", "twins-a.json"),
        ("Twins", "twins-b.json"),
      ] {
        try SessionStore.save(
          StoreFixtures.session(participant: team), to: dir.appendingPathComponent(file))
      }
      try body(dir)
    }
  }

  @Test func aFileNameWithOrWithoutJSON() throws {
    try Self.withFolder { dir in
      let byFileName = try SessionLookup.find("team-3.json", in: dir)
      let byStem = try SessionLookup.find("team-3", in: dir)
      #expect(byFileName == dir.appendingPathComponent("team-3.json"))
      #expect(byStem == dir.appendingPathComponent("team-3.json"))
    }
  }

  @Test func aTeamNameCaseAndAccentsAside() throws {
    try Self.withFolder { dir in
      let team = try SessionLookup.find("Team 3", in: dir)
      let folded = try SessionLookup.find("cafe crew", in: dir)
      #expect(team == dir.appendingPathComponent("team-3.json"))
      #expect(folded == dir.appendingPathComponent("crew.json"))
    }
  }

  @Test func aPathIsOpenedAsItIs() throws {
    try Self.withFolder { dir in
      let path = dir.appendingPathComponent("elsewhere/x.json").path
      let found = try SessionLookup.find(path, in: dir)
      #expect(found.path == path)
    }
  }

  @Test func twoSessionsForOneTeamAreNamedInTheError() throws {
    try Self.withFolder { dir in
      do {
        _ = try SessionLookup.find("Twins", in: dir)
        Issue.record("two sessions for Twins: expected an error")
      } catch let error as SessionStoreError {
        #expect(error.message.contains("2 sessions"), "\(error)")
        #expect(error.fix?.contains("twins-a.json, twins-b.json") == true, "\(error)")
      }
    }
  }

  @Test func anUnknownNameListsTheSessions() throws {
    try Self.withFolder { dir in
      do {
        _ = try SessionLookup.find("Team 4", in: dir)
        Issue.record("no Team 4: expected an error")
      } catch let error as SessionStoreError {
        #expect(error.message.contains("no session file or team named 'Team 4'"), "\(error)")
        #expect(error.fix?.contains("team-3") == true, "\(error)")
      }
    }
  }
}
