import Foundation
import Testing

@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// A fresh folder under the system temporary folder, removed after the body runs.
func withStoreTemporaryDirectory(_ body: (URL) throws -> Void) throws {
  let dir = FileManager.default.temporaryDirectory
    .appendingPathComponent("casebench-store-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  try body(dir)
}

private func permissions(_ path: String) throws -> Int {
  let attributes = try FileManager.default.attributesOfItem(atPath: path)
  return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

private func busySession() -> Session {
  var s = StoreFixtures.session(participant: "Team \"A\" / Café ☕")
  s.cycleStatus(of: "S0.1", at: StoreFixtures.at(1))
  s.setStatus(.notApplicable, of: "S0.3", reason: "No loyalty data", at: StoreFixtures.at(2))
  s.setNote("Line one\nLine two <b>日本</b> ✓", of: "D.1", at: StoreFixtures.at(3))
  s.decide("S0.D1", option: "a", rationale: "Data supports it", at: StoreFixtures.at(4))
  s.moveCursor(phase: "data", item: "D.1")
  return s
}

private func expectError(
  _ kind: SessionStoreError.Kind, _ body: () throws(SessionStoreError) -> Void,
  sourceLocation: SourceLocation = #_sourceLocation
) -> SessionStoreError? {
  do {
    try body()
    Issue.record("expected a \(kind) error, got none", sourceLocation: sourceLocation)
    return nil
  } catch {
    #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
    return error
  }
}

@Suite("Session dates")
struct SessionDateTests {
  @Test func wholeSecondsHaveNoFraction() {
    #expect(SessionDates.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    #expect(SessionDates.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    #expect(
      SessionDates.format(Date(timeIntervalSince1970: 1_795_000_000)) == "2026-11-18T11:06:40Z")
    #expect(SessionDates.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
  }

  @Test func fractionsUseTheFewestDigitsThatRoundTrip() {
    #expect(
      SessionDates.format(Date(timeIntervalSince1970: 1_795_000_000.25))
        == "2026-11-18T11:06:40.25Z")
    let now = Date()
    let text = SessionDates.format(now)
    #expect(SessionDates.parse(text) == now, "\(text)")
  }

  @Test func everyDateRoundTripsExactly() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5000 {
      let t = Double.random(in: -3e9...4e9, using: &generator)
      let date = Date(timeIntervalSince1970: t)
      let text = SessionDates.format(date)
      #expect(SessionDates.parse(text) == date, "\(t) → \(text)")
    }
    for t in [0.1, 1e-9, Double.leastNonzeroMagnitude, 0.999_999_999_999] {
      let date = Date(timeIntervalSinceReferenceDate: t)
      #expect(SessionDates.parse(SessionDates.format(date)) == date, "\(t)")
    }
  }

  @Test func parsesOffsetsAndRejectsNonsense() {
    let utc = SessionDates.parse("2026-11-18T11:06:40Z")
    #expect(utc == Date(timeIntervalSince1970: 1_795_000_000))
    #expect(SessionDates.parse("2026-11-18T12:06:40+01:00") == utc)
    #expect(SessionDates.parse("2026-11-18T10:06:40-0100") == utc)
    #expect(SessionDates.parse("2026-11-18T11:06:40.500Z") == utc?.addingTimeInterval(0.5))
    for bad in [
      "", "yesterday", "2026-11-18", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
      "2026-11-18T11:06:40", "2026-11-18T11:06:40Zjunk", "2026-11-18T25:00:00Z",
    ] {
      #expect(SessionDates.parse(bad) == nil, "\(bad)")
    }
  }
}

@Suite("Session store")
struct StoreTests {
  @Test func encodeThenDecodeGivesTheSameSession() throws {
    let s = busySession()
    let data = try SessionStore.encode(s)
    #expect(try SessionStore.decode(data, file: "s.json") == s)
  }

  @Test func liveDatesWithFractionsRoundTripExactly() throws {
    var s = Session(participant: "Now", caseStudy: StoreFixtures.caseStudy)
    s.cycleStatus(of: "S0.1")
    s.setNote("n", of: "S0.2")
    s.decide("S0.D1", option: "b", rationale: "r")
    #expect(try SessionStore.decode(SessionStore.encode(s), file: "s.json") == s)
  }

  @Test func jsonIsPrettyWithSortedKeysAndATrailingNewline() throws {
    let text = String(decoding: try SessionStore.encode(busySession()), as: UTF8.self)
    #expect(text.hasPrefix("{\n  \"case_study_id\" : \"bike-shop\",\n"))
    #expect(text.hasSuffix("}\n"))
    let keys = [
      "case_study_id", "case_study_version", "created", "cursor", "decisions", "events", "items",
      "mode", "participant", "schema_version", "toolkit", "updated",
    ]
    let offsets = keys.map { key in
      text.range(of: "\n  \"\(key)\" : ").map {
        text.distance(from: text.startIndex, to: $0.lowerBound)
      }
    }
    #expect(offsets.allSatisfy { $0 != nil }, "\(offsets)")
    let found = offsets.compactMap { $0 }
    #expect(found == found.sorted())
    #expect(text.contains("\"created\" : \"2026-11-18T11:06:40Z\""))
    #expect(text.contains("\"schema_version\" : 2"))
    #expect(text.contains("\"na_reason\" : \"No loyalty data\""))
    #expect(text.contains("\"mode\" : \"case_study\""))
    #expect(text.contains("Team \\\"A\\\" / Café ☕"), "slashes and non-ASCII stay readable")
    // Item ids in a dictionary are sorted too.
    let d1 = text.range(of: "\"D.1\" : {")
    let s01 = text.range(of: "\"S0.1\" : {")
    #expect(d1 != nil && s01 != nil)
    if let d1, let s01 { #expect(d1.lowerBound < s01.lowerBound) }
  }

  @Test func theFastWriterMatchesJSONEncoderByteForByte() throws {
    var s = busySession()
    s.setNote(
      "Tabs\tquotes \" backslash \\ bell \u{7} nul \u{0} del \u{7F} ☕ 😀 \u{2028}", of: "S0.10",
      at: StoreFixtures.at(20))
    s.setStatus(.blocked, of: "S0.2", at: StoreFixtures.at(21))
    s.setStatus(.notApplicable, of: "É.1", reason: "", at: StoreFixtures.at(22))
    s.decide("B/2", option: "x", rationale: "", at: Date(timeIntervalSinceReferenceDate: 0.125))
    s.caseStudySource = CaseStudySource(
      path: "/tmp/cases/mini \"shop\".yaml", hash: CaseStudySource.hash(of: Data("x".utf8)))
    let encoder = SessionStore.makeEncoder()
    var expected = try encoder.encode(s)
    expected.append(0x0A)
    #expect(try SessionStore.encode(s) == expected)

    var bare = StoreFixtures.session()
    bare.cursor = nil
    var expectedBare = try encoder.encode(bare)
    expectedBare.append(0x0A)
    #expect(try SessionStore.encode(bare) == expectedBare)
    #expect(String(decoding: expectedBare, as: UTF8.self).contains("\"items\" : {\n\n  }"))
  }

  /// The fast writer names each stored property; a new one must be added there too.
  @Test func theWriterKnowsEveryStoredProperty() {
    func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
    let s = busySession()
    #expect(
      labels(s) == [
        "schemaVersion", "participant", "caseStudyID", "caseStudyVersion", "caseStudySource",
        "mode", "created", "updated", "items", "decisions", "cursor", "events", "toolkit",
        "lenses", "reflections",
      ], "Session gained a field: write it in SessionJSONWriter and update this list")
    // The toolkit's types (SessionJSONWriter+Toolkit.swift) are written field by field too.
    #expect(
      labels(Toolkit()) == [
        "risks", "estimate", "people", "personNotes", "metrics", "models", "adoptions", "log",
      ])
    #expect(
      labels(Risk(id: "", title: "", phase: "", likelihood: 1, impact: 1, raised: StoreFixtures.t0))
        == [
          "id", "title", "phase", "likelihood", "impact", "owner", "mitigation", "status",
          "reviewDate", "prompt", "raised",
        ])
    #expect(
      labels(Estimate(tasks: [], factors: [], updated: StoreFixtures.t0))
        == ["tasks", "factors", "updated"])
    #expect(labels(EstimateTask(title: "", days: 0)) == ["title", "days"])
    #expect(
      labels(Stakeholder(id: "", name: "", power: .low, interest: .low))
        == ["id", "name", "role", "wants", "hotButtons", "power", "interest"])
    #expect(
      labels(SuccessMetric(id: "", name: "", kpi: .revenue, mechanism: ""))
        == ["id", "name", "kpi", "mechanism", "target"])
    #expect(
      labels(ModelRecord(id: "", name: "", phase: "", recorded: StoreFixtures.t0))
        == [
          "id", "name", "phase", "dataVersion", "parameters", "metrics", "notes", "rebuildable",
          "rebuildNeeds", "recorded",
        ])
    #expect(
      labels(
        Adoption(id: "", candidates: [], chosen: "", rationale: "", decidedAt: StoreFixtures.t0))
        == ["id", "candidates", "chosen", "rationale", "decidedAt"])
    #expect(
      labels(LogEntry(id: "", title: "", rationale: "", at: StoreFixtures.t0))
        == ["id", "title", "rationale", "at"])
    #expect(labels(ItemState()) == ["status", "note", "naReason"])
    #expect(
      labels(DecisionRecord(option: "", rationale: "", decidedAt: StoreFixtures.t0))
        == ["option", "rationale", "decidedAt"])
    #expect(
      labels(SessionEvent(at: StoreFixtures.t0, kind: .note, detail: ""))
        == ["at", "kind", "target", "detail"])
    #expect(labels(SessionCursor(phase: "")) == ["phase", "item"])
  }

  @Test func tenThousandNotesRoundTrip() throws {
    var s = StoreFixtures.session()
    for i in 0..<10_000 {
      s.setNote(
        "Note \(i): the till export drops refunds <&> \"quoted\"", of: "X.\(i)",
        at: StoreFixtures.at(i))
    }
    let data = try SessionStore.encode(s)
    let back = try SessionStore.decode(data, file: "big.json")
    #expect(back == s)
    #expect(back.items.count == 10_000)
    #expect(back.events.count == 10_001)
  }

  @Test func tenThousandNoteSessionSavesTwice() throws {
    try withStoreTemporaryDirectory { dir in
      var s = StoreFixtures.session()
      for i in 0..<10_000 { s.setNote("Note \(i)", of: "X.\(i)") }
      let url = dir.appendingPathComponent("big.json")
      try SessionStore.save(s, to: url)
      s.setNote("one more", of: "X.1")
      try SessionStore.save(s, to: url)
      #expect(try SessionStore.load(from: url) == s)
    }
  }

  @Test func saveIsPrivateKeepsTheLastGoodCopyAndLeavesNoTemporaryFiles() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("team-a.json")
      var s = busySession()
      try SessionStore.save(s, to: url)
      #expect(try permissions(url.path) == 0o600)
      #expect(!FileManager.default.fileExists(atPath: url.path + ".bak"), "no previous copy yet")
      let first = try Data(contentsOf: url)
      #expect(first == (try SessionStore.encode(s)))

      s.setStatus(.done, of: "D.2", at: StoreFixtures.at(10))
      try SessionStore.save(s, to: url)
      #expect(try SessionStore.load(from: url) == s)
      #expect(try Data(contentsOf: SessionStore.backupURL(for: url)) == first)
      #expect(try permissions(url.path) == 0o600)
      #expect(try permissions(url.path + ".bak") == 0o600)

      let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
      #expect(names == ["team-a.json", "team-a.json.bak"])
    }
  }

  @Test func concurrentSavesOfOneFileLeaveAGoodFileAndNoLitter() async throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebench-store-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("s.json")
    try SessionStore.save(busySession(), to: url)
    let failures = await withTaskGroup(of: [String].self) { group in
      for i in 0..<8 {
        group.addTask {
          var s = busySession()
          s.setNote("writer \(i)", of: "S0.2", at: StoreFixtures.at(30 + i))
          var errors: [String] = []
          for _ in 0..<5 {
            do throws(SessionStoreError) {
              try SessionStore.save(s, to: url)
            } catch {
              errors.append(error.description)
            }
          }
          return errors
        }
      }
      var all: [String] = []
      for await errors in group { all += errors }
      return all
    }
    #expect(failures.isEmpty, "\(failures)")
    let final = try SessionStore.load(from: url)
    #expect(final.note(of: "S0.2").hasPrefix("writer "))
    _ = try SessionStore.load(from: SessionStore.backupURL(for: url))
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(names == ["s.json", "s.json.bak"])
  }

  @Test func aBackupThatIsAlreadyTheCurrentFileLeavesNoLitter() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      try SessionStore.save(busySession(), to: url)
      // As after a save that failed between making the backup and replacing the file.
      try FileManager.default.linkItem(atPath: url.path, toPath: url.path + ".bak")
      try SessionStore.save(busySession(), to: url)
      let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
      #expect(names == ["s.json", "s.json.bak"])
    }
  }

  @Test func saveCreatesAMissingFolderPrivately() throws {
    try withStoreTemporaryDirectory { dir in
      let folder = dir.appendingPathComponent("casebench/sessions", isDirectory: true)
      let url = folder.appendingPathComponent("s.json")
      try SessionStore.save(busySession(), to: url)
      #expect(try permissions(folder.path) == 0o700)
      #expect(try SessionStore.load(from: url) == busySession())
    }
  }

  @Test func saveKeepsTheModeExactEvenUnderAWideUmask() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      try SessionStore.save(busySession(), to: url)
      try SessionStore.save(busySession(), to: url)
      #expect(try permissions(url.path) == 0o600)
    }
  }

  @Test func aFileChangedBySomeoneElseIsCheckedBeforeItIsReplaced() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      try SessionStore.save(busySession(), to: url)
      // Another program replaces the file we wrote with garbage; our next save must notice.
      try Data("garbage".utf8).write(to: url)
      _ = expectError(.notJSON) { () throws(SessionStoreError) in
        try SessionStore.save(busySession(), to: url)
      }
      #expect(try Data(contentsOf: url) == Data("garbage".utf8))
    }
  }

  @Test func aFileChangedAfterItWasLoadedIsCheckedBeforeItIsReplaced() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      try SessionStore.encode(busySession()).write(to: url)
      _ = try SessionStore.load(from: url)
      try SessionStore.save(busySession(), to: url)  // the loaded copy is good: kept as .bak
      #expect(FileManager.default.fileExists(atPath: url.path + ".bak"))
      _ = try SessionStore.load(from: url)
      let damaged = Data("{\"schema_version\": 1, \"case_study_id\": 5}".utf8)
      try damaged.write(to: url)
      _ = expectError(.invalid) { () throws(SessionStoreError) in
        try SessionStore.save(busySession(), to: url)
      }
      #expect(try Data(contentsOf: url) == damaged)
    }
  }

  @Test func garbageGivesNotJSONWithAPositionAndIsNeverOverwritten() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("bad.json")
      let garbage = Data("{\n  \"schema_version\": 1,\n  oops\n}\n".utf8)
      try garbage.write(to: url)
      let error = expectError(.notJSON) { () throws(SessionStoreError) in
        _ = try SessionStore.load(from: url)
      }
      #expect(error?.line == 3)
      #expect(error?.column == 3)
      #expect(error?.description.hasPrefix("\(url.path):3:3: error: not valid JSON") == true)
      let refused = expectError(.notJSON) { () throws(SessionStoreError) in
        try SessionStore.save(busySession(), to: url)
      }
      #expect(refused?.message.contains("not overwritten") == true)
      #expect(try Data(contentsOf: url) == garbage)
      #expect(!FileManager.default.fileExists(atPath: url.path + ".bak"))
    }
  }

  @Test func binaryGarbageIsNotJSON() {
    let error = expectError(.notJSON) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]), file: "x.png")
    }
    #expect(error?.line == 1 && error?.column == 1)
  }

  @Test func truncatedFileSaysSoPointsAtTheEndAndIsNeverOverwritten() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("cut.json")
      let full = try SessionStore.encode(busySession())
      let cut = full.prefix(full.count / 2)
      try cut.write(to: url)
      let error = expectError(.truncated) { () throws(SessionStoreError) in
        _ = try SessionStore.load(from: url)
      }
      let text = String(decoding: cut, as: UTF8.self)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(error?.line == lines.count)
      #expect(error?.column == (lines.last?.unicodeScalars.count ?? 0) + 1)
      #expect(error?.fix?.contains("\(url.path).bak") == true)
      _ = expectError(.truncated) { () throws(SessionStoreError) in
        try SessionStore.save(busySession(), to: url)
      }
      #expect(try Data(contentsOf: url) == cut)
    }
  }

  @Test func truncationFixNamesTheBackupOnlyWhenItExists() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      try SessionStore.save(busySession(), to: url)
      try SessionStore.save(busySession(), to: url)
      let full = try Data(contentsOf: url)
      try full.prefix(40).write(to: url)
      let withBackup = expectError(.truncated) { () throws(SessionStoreError) in
        _ = try SessionStore.load(from: url)
      }
      #expect(withBackup?.fix == "restore \(url.path).bak (the last good copy)")
      try FileManager.default.removeItem(atPath: url.path + ".bak")
      let without = expectError(.truncated) { () throws(SessionStoreError) in
        _ = try SessionStore.load(from: url)
      }
      #expect(without?.fix?.contains("no last good copy") == true)
    }
  }

  @Test func brokenJSONNeverSuggestsABackupThatIsNotThere() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      try Data("{\"schema_version\": nope}\n".utf8).write(to: url)
      let alone = expectError(.notJSON) { () throws(SessionStoreError) in
        _ = try SessionStore.load(from: url)
      }
      #expect(alone?.fix?.contains("restore") == false)
      #expect(alone?.fix?.contains("no last good copy") == true)
      try SessionStore.encode(busySession()).write(to: URL(fileURLWithPath: url.path + ".bak"))
      let withBackup = expectError(.notJSON) { () throws(SessionStoreError) in
        _ = try SessionStore.load(from: url)
      }
      #expect(withBackup?.fix?.contains("restore \(url.path).bak") == true)
    }
  }

  @Test func emptyAndNulPaddedFilesAreTruncated() {
    _ = expectError(.truncated) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(Data(), file: "e.json")
    }
    _ = expectError(.truncated) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(Data("  \n".utf8), file: "e.json")
    }
    var padded = Data("{\"schema_version\": 1, \"part".utf8)
    padded.append(Data(repeating: 0, count: 64))
    _ = expectError(.truncated) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(padded, file: "p.json")
    }
  }

  @Test func syntaxErrorsInTheMiddleArePlacedExactly() throws {
    var text = String(decoding: try SessionStore.encode(busySession()), as: UTF8.self)
    // Break the comma after "mode" : "case_study".
    let target = "\"mode\" : \"case_study\","
    let range = try #require(text.range(of: target))
    let before = text[..<range.lowerBound]
    let line = before.split(separator: "\n", omittingEmptySubsequences: false).count
    text.replaceSubrange(range, with: "\"mode\" : \"case_study\";")
    let error = expectError(.notJSON) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(Data(text.utf8), file: "s.json")
    }
    #expect(error?.line == line)
    #expect(error?.column == 24)
    #expect(error?.message.contains("';'") == true)
  }

  @Test func trailingCommasAndLineBreaksInStringsAreSyntaxErrors() {
    let comma = expectError(.notJSON) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(Data("{\"a\": 1,\n}".utf8), file: "c.json")
    }
    expectPosition(comma, line: 2, column: 1)
    let newline = expectError(.notJSON) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(Data("{\"a\": \"x\ny\"}".utf8), file: "n.json")
    }
    expectPosition(newline, line: 1, column: 9)
    _ = expectError(.notJSON) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(Data("{} {}".utf8), file: "two.json")
    }
  }

  @Test func deepNestingIsRefusedNotACrash() {
    let deep = Data((String(repeating: "[", count: 100_000)).utf8)
    _ = expectError(.notJSON) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(deep, file: "deep.json")
    }
  }

  @Test func foreignJSONIsForeign() {
    for text in [
      "{\"hello\":1}", "[1, 2, 3]", "\"a string\"", "42", "null",
      "{\"schema_version\": 1}", "{\"case_study_id\": \"bike-shop\"}",
    ] {
      _ = expectError(.foreign) { () throws(SessionStoreError) in
        _ = try SessionStore.decode(Data(text.utf8), file: "f.json")
      }
    }
  }

  @Test func aFutureSchemaIsWrongSchemaAndPointsAtTheVersion() throws {
    var text = String(decoding: try SessionStore.encode(busySession()), as: UTF8.self)
    text = text.replacingOccurrences(
      of: "\"schema_version\" : \(Session.currentSchemaVersion)", with: "\"schema_version\" : 7")
    let error = expectError(.wrongSchema) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(Data(text.utf8), file: "future.json")
    }
    let line = text.split(separator: "\n").firstIndex { $0.contains("schema_version") }
    #expect(error?.line == line.map { $0 + 1 })
    #expect(error?.message.contains("7") == true)
  }

  @Test func aNonsenseSchemaVersionIsInvalid() {
    for version in ["0", "-1", "1.5", "\"1\""] {
      _ = expectError(.invalid) { () throws(SessionStoreError) in
        _ = try SessionStore.decode(
          Data("{\"schema_version\": \(version), \"case_study_id\": \"x\"}".utf8), file: "v.json")
      }
    }
  }

  @Test func aBadStatusNamesTheFieldAndItsLine() throws {
    var text = String(decoding: try SessionStore.encode(busySession()), as: UTF8.self)
    text = text.replacingOccurrences(
      of: "\"status\" : \"doing\"", with: "\"status\" : \"finished\"")
    let error = expectError(.invalid) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(Data(text.utf8), file: "s.json")
    }
    #expect(
      error?.message.contains("items[\"S0.1\"].status") == true, "\(String(describing: error))")
    #expect(error?.message.contains("todo, doing, done, blocked or na") == true)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("\"finished\"") }
    #expect(error?.line == line.map { $0 + 1 })
    #expect(error?.column == 18)
  }

  @Test func aMissingFieldIsNamed() throws {
    var text = String(decoding: try SessionStore.encode(busySession()), as: UTF8.self)
    text = text.replacingOccurrences(
      of: "  \"participant\" : \"Team \\\"A\\\" / Café ☕\",\n", with: "")
    #expect(!text.contains("participant"))
    let error = expectError(.invalid) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(Data(text.utf8), file: "s.json")
    }
    #expect(error?.message == "the session is missing the field participant")
    #expect(error?.line == 1 && error?.column == 1)
  }

  @Test func aWrongTypeAndABadDateAreNamed() throws {
    let good = String(decoding: try SessionStore.encode(busySession()), as: UTF8.self)
    let wrongType = good.replacingOccurrences(
      of: "\"note\" : \"Line one", with: "\"note\" : 12, \"x\" : \"")
    let typeError = expectError(.invalid) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(Data(wrongType.utf8), file: "s.json")
    }
    #expect(typeError?.message == "items[\"D.1\"].note should be a string, not a number")
    let badDate = good.replacingOccurrences(
      of: "\"updated\" : \"2026-11-18T11:10:40Z\"", with: "\"updated\" : \"last Tuesday\"")
    #expect(badDate != good)
    let dateError = expectError(.invalid) { () throws(SessionStoreError) in
      _ = try SessionStore.decode(Data(badDate.utf8), file: "s.json")
    }
    #expect(dateError?.message.contains("updated") == true)
    #expect(dateError?.message.contains("last Tuesday") == true)
    #expect((dateError?.line ?? 0) > 1)
  }

  /// Random damage to a good file never crashes the loader, and every failure is classified.
  @Test func damagedFilesNeverCrashTheLoader() throws {
    let good = try SessionStore.encode(busySession())
    var generator = SystemRandomNumberGenerator()
    var kinds: [SessionStoreError.Kind: Int] = [:]
    let noise: [UInt8] =
      Array("{}[]\",:\\ 0123456789-eE.truefalsn\u{0}\n".utf8) + [0xFF, 0xC3, 0x80]
    for round in 0..<400 {
      var bytes = [UInt8](good)
      switch round % 4 {
      case 0:
        bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
      case 1:
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
          let i = Int.random(in: 0..<bytes.count, using: &generator)
          bytes[i] = noise.randomElement(using: &generator) ?? 0
        }
      case 2:
        let i = Int.random(in: 0..<bytes.count, using: &generator)
        bytes.remove(at: i)
      default:
        let i = Int.random(in: 0...bytes.count, using: &generator)
        bytes.insert(noise.randomElement(using: &generator) ?? 0, at: i)
      }
      do {
        _ = try SessionStore.decode(Data(bytes), file: "fuzz.json")
      } catch {
        kinds[error.kind, default: 0] += 1
        #expect(
          [.notJSON, .truncated, .foreign, .invalid, .wrongSchema].contains(error.kind),
          "\(error)")
        #expect(!error.message.isEmpty)
      }
    }
    #expect(kinds[.truncated, default: 0] > 0)
    #expect(kinds[.notJSON, default: 0] > 0)
  }

  @Test func invalidUTF8IsAnErrorNotACrash() {
    var bytes = [UInt8](Data("{\"schema_version\": 1, \"case_study_id\": \"".utf8))
    bytes += [0xFF, 0xFE]
    bytes += [UInt8](Data("\"}".utf8))
    do {
      _ = try SessionStore.decode(Data(bytes), file: "u.json")
      Issue.record("invalid UTF-8 was accepted")
    } catch {
      #expect(error.kind == .invalid || error.kind == .notJSON, "\(error)")
    }
  }

  @Test func aMissingFileIsUnreadable() {
    let error = expectError(.unreadable) { () throws(SessionStoreError) in
      _ = try SessionStore.load(from: URL(fileURLWithPath: "/nonexistent/casebench/none.json"))
    }
    #expect(error?.description.hasPrefix("/nonexistent/casebench/none.json: error: ") == true)
  }

  @Test func aFolderIsUnreadable() throws {
    try withStoreTemporaryDirectory { dir in
      _ = expectError(.unreadable) { () throws(SessionStoreError) in
        _ = try SessionStore.load(from: dir)
      }
    }
  }

  @Test func errorDescriptionsReadLikeDiagnostics() {
    let e = SessionStoreError(
      kind: .invalid, file: "a.json", line: 3, column: 7, message: "bad", fix: "do this")
    #expect(e.description == "a.json:3:7: error: bad (fix: do this)")
    let noPlace = SessionStoreError(kind: .locked, file: "a.json", message: "busy")
    #expect(noPlace.description == "a.json: error: busy")
    let lineOnly = SessionStoreError(kind: .invalid, file: "a.json", line: 4, message: "m")
    #expect(lineOnly.description == "a.json:4:1: error: m")
    let control = SessionStoreError(
      kind: .invalid, file: "a\nb.json", line: 1, column: 2, message: "'x\ty\u{1B}[2J' is bad")
    #expect(control.description == "a\\nb.json:1:2: error: 'x\\ty\\u{1b}[2J' is bad")
    let missing = SessionStoreError.caseStudyNotFound(file: "a.json", caseStudyID: "ice-cream")
    #expect(missing.kind == .caseStudyNotFound)
    #expect(missing.description.contains("ice-cream"))
  }
}

@Suite("Session lock")
struct SessionLockTests {
  @Test func aSecondLockOnTheSameFileIsRefusedUntilReleased() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      let first = try SessionLock.acquire(for: url)
      #expect(first.isHeld)
      let error = expectError(.locked) { () throws(SessionStoreError) in
        _ = try SessionLock.acquire(for: url)
      }
      #expect(error?.message.contains("pid \(ProcessInfo.processInfo.processIdentifier)") == true)
      first.release()
      #expect(!first.isHeld)
      first.release()  // twice is harmless
      let second = try SessionLock.acquire(for: url)
      #expect(second.isHeld)
      second.release()
      #expect(try permissions(url.path + ".lock") == 0o600)
    }
  }

  @Test func droppingTheLockObjectReleasesIt() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      do {
        let held = try SessionLock.acquire(for: url)
        #expect(held.isHeld)
      }
      let again = try SessionLock.acquire(for: url)
      again.release()
    }
  }

  @Test func differentFilesLockIndependently() throws {
    try withStoreTemporaryDirectory { dir in
      let a = try SessionLock.acquire(for: dir.appendingPathComponent("a.json"))
      let b = try SessionLock.acquire(for: dir.appendingPathComponent("b.json"))
      a.release()
      b.release()
    }
  }

  @Test(
    "a lock held by another process is refused at once, and its death frees it",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
  func lockHeldByAnotherProcess() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      let holder = Process()
      holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
      // -o: flock itself holds the lock, not its `sleep`, so killing flock frees it.
      holder.arguments = ["-o", url.path + ".lock", "sleep", "5"]
      try holder.run()
      defer {
        if holder.isRunning { kill(holder.processIdentifier, SIGKILL) }
      }
      // Wait until the other process has the lock.
      var sawLocked = false
      for _ in 0..<200 {
        do throws(SessionStoreError) {
          let mine = try SessionLock.acquire(for: url)
          mine.release()
          Thread.sleep(forTimeInterval: 0.01)
        } catch {
          #expect(error.kind == .locked)
          sawLocked = true
          break
        }
      }
      #expect(sawLocked, "the other process never took the lock")
      // kill -9: the kernel must free the lock of a process that dies without cleaning up.
      // (Foundation's waitUntilExit would also wait for the orphaned `sleep`, so poll instead.)
      kill(holder.processIdentifier, SIGKILL)
      var freed = false
      for _ in 0..<200 where !freed {
        if let after = try? SessionLock.acquire(for: url) {
          after.release()
          freed = true
        } else {
          Thread.sleep(forTimeInterval: 0.01)
        }
      }
      #expect(freed, "the lock outlived the process that held it")
    }
  }

  @Test(
    "our lock is seen by other processes",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
  func lockSeenByAnotherProcess() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      func probe() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        p.arguments = ["-n", url.path + ".lock", "true"]
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
      }
      let lock = try SessionLock.acquire(for: url)
      #expect(try probe() != 0)
      lock.release()
      #expect(try probe() == 0)
    }
  }

  @Test func savingWhileLockedStillWorksForTheHolder() throws {
    try withStoreTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("s.json")
      let lock = try SessionLock.acquire(for: url)
      try SessionStore.save(busySession(), to: url)
      try SessionStore.save(busySession(), to: url)
      _ = expectError(.locked) { () throws(SessionStoreError) in
        _ = try SessionLock.acquire(for: url)
      }
      lock.release()
    }
  }
}

@Suite("Session directory")
struct SessionDirectoryTests {
  @Test func defaultFolderFollowsXDGThenHome() {
    #expect(
      SessionDirectory.defaultURL(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]).path
        == "/data/casebench/sessions")
    #expect(
      SessionDirectory.defaultURL(environment: ["HOME": "/home/u"]).path
        == "/home/u/.local/share/casebench/sessions")
    #expect(
      SessionDirectory.defaultURL(environment: ["XDG_DATA_HOME": "", "HOME": "/home/u"]).path
        == "/home/u/.local/share/casebench/sessions")
    #expect(
      SessionDirectory.defaultURL(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/u"]).path
        == "/home/u/.local/share/casebench/sessions")
  }

  @Test func listsNewestFirstAndUnreadableFilesLastWithTheirError() throws {
    try withStoreTemporaryDirectory { dir in
      var older = StoreFixtures.session(participant: "Older")
      older.cycleStatus(of: "S0.1", at: StoreFixtures.at(5))
      var newer = StoreFixtures.session(participant: "Newer")
      newer.cycleStatus(of: "S0.1", at: StoreFixtures.at(50))
      try SessionStore.save(older, to: dir.appendingPathComponent("older.json"))
      try SessionStore.save(newer, to: dir.appendingPathComponent("newer.json"))
      try SessionStore.save(newer, to: dir.appendingPathComponent("newer.json"))  // makes a .bak
      try Data("{oops".utf8).write(to: dir.appendingPathComponent("broken.json"))
      try Data("notes".utf8).write(to: dir.appendingPathComponent("readme.txt"))
      let list = SessionDirectory.list(in: dir)
      #expect(list.map(\.url.lastPathComponent) == ["newer.json", "older.json", "broken.json"])
      #expect(list[0].participant == "Newer" && list[0].caseStudyID == "bike-shop")
      #expect(list[0].updated == StoreFixtures.at(50))
      #expect(list[0].error == nil)
      #expect(list[2].updated == nil)
      #expect(list[2].error?.contains("broken.json:1:2: error:") == true, "\(list[2])")
    }
  }

  @Test func aMissingFolderListsNothing() {
    #expect(SessionDirectory.list(in: URL(fileURLWithPath: "/nonexistent/casebench")).isEmpty)
  }

  @Test func suggestedNamesAreSlugsMadeUniqueInAFolder() throws {
    #expect(
      SessionDirectory.suggestedFileName(participant: "Team A", caseStudyID: "bike-shop")
        == "team-a-bike-shop.json")
    #expect(
      SessionDirectory.suggestedFileName(participant: "  Café Crème!! ", caseStudyID: "bike-shop")
        == "cafe-creme-bike-shop.json")
    #expect(
      SessionDirectory.suggestedFileName(participant: "日本", caseStudyID: "bike-shop")
        == "bike-shop.json")
    #expect(SessionDirectory.suggestedFileName(participant: "", caseStudyID: "") == "session.json")
    #expect(
      SessionDirectory.suggestedFileName(participant: "../../etc/passwd", caseStudyID: "x")
        == "etc-passwd-x.json")
    try withStoreTemporaryDirectory { dir in
      try SessionStore.save(
        StoreFixtures.session(), to: dir.appendingPathComponent("team-a-bike-shop.json"))
      #expect(
        SessionDirectory.suggestedFileName(participant: "Team A", caseStudyID: "bike-shop", in: dir)
          == "team-a-bike-shop-2.json")
      #expect(
        SessionDirectory.suggestedURL(participant: "Team B", caseStudyID: "bike-shop", in: dir)
          == dir.appendingPathComponent("team-b-bike-shop.json"))
    }
  }
}

private func expectPosition(
  _ error: SessionStoreError?, line: Int, column: Int,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(error?.line == line, sourceLocation: sourceLocation)
  #expect(error?.column == column, sourceLocation: sourceLocation)
}
