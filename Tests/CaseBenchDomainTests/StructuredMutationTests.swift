import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// Structured damage to a good case study: every key deleted in turn, every value of the wrong
/// type, huge values, deep nesting, bad bytes and line endings. Each must load or give located
/// errors (see `HostileInput`), never crash.
@Suite("Structured mutations: case studies")
struct CaseStudyMutationTests {
  @Test func theBaseFilesLoad() throws {
    #expect(HostileInput.checkCaseStudy(try HostileInput.minimalYAML(), "minimal") != nil)
    #expect(HostileInput.checkCaseStudy(HostileInput.bikeShopYAML, "bike shop") != nil)
  }

  @Test func everyKeyDeletedInTurn() throws {
    let lines = try HostileInput.minimalYAML().split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
    let keys = YAMLKeyLine.all(in: lines)
    #expect(keys.count > 60)
    var refused = 0
    for key in keys {
      let text = key.deleted(from: lines).joinedLines
      if HostileInput.checkCaseStudy(text, "without '\(key.key)' (line \(key.index + 1))") == nil {
        refused += 1
      }
    }
    // Most keys are required; the optional ones (hint, references, gate, ...) may go.
    #expect(refused > keys.count / 2)
  }

  @Test func requiredTopLevelKeysAreNamedWhenMissing() throws {
    let lines = try HostileInput.minimalYAML().split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
    for key in YAMLKeyLine.all(in: lines) where key.indent == 0 {
      let result = CaseStudyLoader.validate(key.deleted(from: lines).joinedLines, file: "m.yaml")
      guard result.caseStudy == nil else { continue }
      #expect(
        result.diagnostics.contains { $0.message.contains("'\(key.key)'") },
        "deleting '\(key.key)': \(result.diagnostics)")
    }
  }

  static let wrongValues = [
    "[a, b]", "{a: 1}", "42", "-1", "1.5e3", "true", "~", "\"\"", "''", "!!binary aGk=",
    "!custom x", "*undefined", "&anchor value", "[[[]]]", "{? [a]: b}", "|\n  block", ">-",
    "'unclosed", "\"\\u00\"", "- a",
  ]

  @Test(arguments: wrongValues)
  func everyValueReplaced(by value: String) throws {
    let lines = try HostileInput.minimalYAML().split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
    for key in YAMLKeyLine.all(in: lines) {
      let text = key.replaced(in: lines, with: value).joinedLines
      HostileInput.checkCaseStudy(text, "'\(key.key)' (line \(key.index + 1)) set to \(value)")
    }
  }

  @Test func everyPrefixOfTheFile() throws {
    let bytes = Array(try HostileInput.minimalYAML().utf8)
    for length in 0...bytes.count {
      let text = String(decoding: bytes[0..<length], as: UTF8.self)
      HostileInput.checkCaseStudy(text, "first \(length) bytes")
    }
  }

  @Test func theBikeShopCutAtEveryHundredthLine() {
    let lines = HostileInput.bikeShopYAML.split(separator: "\n", omittingEmptySubsequences: false)
    for count in stride(from: 1, to: lines.count, by: 100) {
      HostileInput.checkCaseStudy(lines.prefix(count).joined(separator: "\n"), "\(count) lines")
    }
  }

  // MARK: Huge values

  @Test func hugeStrings() throws {
    let minimal = try HostileInput.minimalYAML()
    let mega = String(repeating: "a", count: 1 << 20)
    let longWords = String(repeating: "word ", count: 200_000)
    let cases: [(String, String)] = [
      (
        "a 1 MB title",
        minimal.replacingOccurrences(of: "title: The Mini Shop", with: "title: " + mega)
      ),
      (
        "a 1 MB quoted title",
        minimal.replacingOccurrences(of: "title: The Mini Shop", with: "title: \"\(longWords)\"")
      ),
      (
        "a 1 MB block background",
        minimal.replacingOccurrences(of: "  A shop sells bikes.", with: "  " + longWords)
      ),
      ("a 1 MB unknown key", minimal + mega + ": 1\n"),
      (
        "a 100 KB item id",
        minimal.replacingOccurrences(of: "id: S.1", with: "id: S." + mega.prefix(100_000))
      ),
      (
        "a 100 KB verdict",
        minimal.replacingOccurrences(
          of: "verdict: defensible", with: "verdict: " + mega.prefix(100_000))
      ),
      (
        "a 100 KB gate reference",
        minimal.replacingOccurrences(of: "gate: [E.1]", with: "gate: [\(mega.prefix(100_000))]")
      ),
      (
        "a 100 KB arises_in",
        minimal.replacingOccurrences(
          of: "arises_in: [scoping]", with: "arises_in: [\(mega.prefix(100_000))]")
      ),
      ("a 1 MB comment", "# " + mega + "\n" + minimal),
      (
        "a 1 MB anchor name",
        minimal.replacingOccurrences(of: "title: The Mini Shop", with: "title: &\(mega) x")
      ),
      (
        "100,000 tags",
        minimal.replacingOccurrences(
          of: "tags: [stakeholder]",
          with: "tags: [" + Array(repeating: "t", count: 100_000).joined(separator: ", ") + "]")
      ),
      ("1 MB of spaces", minimal + String(repeating: " ", count: 1 << 20)),
      ("1 MB of newlines", minimal + String(repeating: "\n", count: 1 << 20)),
      ("1 MB of dashes", String(repeating: "-", count: 1 << 20)),
    ]
    for (label, text) in cases {
      HostileInput.checkCaseStudy(text, label)
    }
  }

  // MARK: Deep nesting

  @Test func deepNesting() throws {
    let minimal = try HostileInput.minimalYAML()
    func flowLists(_ depth: Int) -> String {
      String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }
    func flowMaps(_ depth: Int) -> String {
      String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
    }
    var blockMaps = ""
    for level in 0..<1_200 { blockMaps += String(repeating: " ", count: level) + "a:\n" }
    let cases: [(String, String)] = [
      ("100,000 lists deep", "title: " + flowLists(100_000)),
      ("10,000 mappings deep", "title: " + flowMaps(10_000)),
      ("1,200 block mappings deep", blockMaps),
      ("5,000 block lists deep", String(repeating: "- ", count: 5_000) + "x\n"),
      (
        "lists 900 deep as a title",
        minimal.replacingOccurrences(of: "title: The Mini Shop", with: "title: " + flowLists(900))
      ),
      (
        "lists 900 deep as tags",
        minimal.replacingOccurrences(of: "tags: [stakeholder]", with: "tags: " + flowLists(900))
      ),
      (
        "mappings 900 deep as phases",
        minimal.replacingOccurrences(of: "phases:\n", with: "phases: \(flowMaps(900))\nx:\n")
      ),
      ("mappings 900 deep as a key", minimal + "? " + flowMaps(900) + "\n: 1\n"),
      (
        "lists 900 deep as a cast member",
        minimal.replacingOccurrences(of: "cast:\n", with: "cast:\n  - \(flowLists(900))\n")
      ),
    ]
    for (label, text) in cases {
      HostileInput.checkCaseStudy(text, label)
    }
  }

  // MARK: Bytes and line endings

  @Test func aByteOrderMarkIsIgnored() throws {
    let minimal = try HostileInput.minimalYAML()
    let plain = try #require(HostileInput.checkCaseStudy(minimal, "plain"))
    #expect(HostileInput.checkCaseStudy("\u{FEFF}" + minimal, "BOM") == plain)
    let crlf = "\u{FEFF}" + minimal.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(HostileInput.checkCaseStudy(crlf, "BOM and CRLF") == plain)
    HostileInput.checkCaseStudy("\u{FEFF}\u{FEFF}" + minimal, "two BOMs")
    HostileInput.checkCaseStudy(minimal + "\u{FEFF}", "a BOM at the end")
    HostileInput.checkCaseStudy(
      minimal.replacingOccurrences(of: "title: The Mini", with: "title: \u{FEFF}The Mini"),
      "a BOM inside a value")
    HostileInput.checkCaseStudy(
      minimal.replacingOccurrences(of: "phases:", with: "\u{FEFF}phases:"), "a BOM before a key")
  }

  @Test func lineEndings() throws {
    let minimal = try HostileInput.minimalYAML()
    let plain = try #require(HostileInput.checkCaseStudy(minimal, "plain"))
    let crlf = minimal.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(HostileInput.checkCaseStudy(crlf, "CRLF") == plain)
    HostileInput.checkCaseStudy(minimal.replacingOccurrences(of: "\n", with: "\r"), "CR only")
    var mixed = ""
    for (n, line) in minimal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      mixed += line + (n % 3 == 0 ? "\r\n" : n % 3 == 1 ? "\n" : "\r")
    }
    HostileInput.checkCaseStudy(mixed, "mixed line endings")
    HostileInput.checkCaseStudy(
      minimal.replacingOccurrences(of: "\n", with: "\u{85}"), "NEL line breaks")
    HostileInput.checkCaseStudy(
      minimal.replacingOccurrences(of: "\n", with: "\u{2028}"), "LINE SEPARATOR breaks")
    let bikeCRLF = HostileInput.bikeShopYAML.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(HostileInput.checkCaseStudy(bikeCRLF, "Bike Shop in CRLF") != nil)
  }

  @Test func nulAndControlBytesAtEveryLine() throws {
    let lines = try HostileInput.minimalYAML().split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
    for bad in ["\u{0}", "\u{1B}", "\u{7F}", "\u{8}", "\u{C}"] {
      for index in lines.indices {
        var atStart = lines
        atStart[index] = bad + atStart[index]
        HostileInput.checkCaseStudy(
          atStart.joinedLines, "\(bad.debugDescription) at line \(index + 1)")
        var atEnd = lines
        atEnd[index] += bad
        HostileInput.checkCaseStudy(
          atEnd.joinedLines, "\(bad.debugDescription) ending line \(index + 1)")
      }
    }
  }

  @Test func escapedControlCharactersLoadAsText() throws {
    let minimal = try HostileInput.minimalYAML()
    let text = minimal.replacingOccurrences(
      of: "title: The Mini Shop", with: #"title: "The \e[31mMini\0 Shop\u202E""#)
    let study = try #require(HostileInput.checkCaseStudy(text, "escapes"))
    #expect(study.title == "The \u{1B}[31mMini\u{0} Shop\u{202E}")
  }

  /// Found by the hostile-text seed: a bidi override in an id went into the diagnostic as it
  /// was, and reordered the line in the terminal.
  @Test func diagnosticsEscapeInvisibleFormatCharacters() throws {
    let minimal = try HostileInput.minimalYAML()
    let text = minimal.replacingOccurrences(
      of: "id: mini-shop", with: #"id: "mini-\u202Eshop\u200B""#)
    let diagnostics = CaseStudyLoader.lint(text, file: "bidi\u{2066}.yaml")
    let bad = try #require(diagnostics.first { $0.message.contains("slug") })
    #expect(bad.description.contains(#"mini-\u{202e}shop\u{200b}"#), "\(bad)")
    #expect(bad.description.hasPrefix(#"bidi\u{2066}.yaml:2:5: error:"#), "\(bad)")
    // Emoji keep their joiners.
    #expect(DiagnosticLine.oneLine("👩‍👩‍👧 ok") == "👩‍👩‍👧 ok")
    let session = SessionStoreError(kind: .invalid, file: "s\u{202E}.json", message: "m")
    #expect(session.description == #"s\u{202e}.json: error: m"#)
  }

  /// Swift strings cannot hold invalid UTF-8, so it can reach the loader only from a file.
  @Test func invalidUTF8FromAFile() throws {
    let minimal = Array(try HostileInput.minimalYAML().utf8)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "casebench-mutations-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let bad: [[UInt8]] = [
      [0x80], [0xFF], [0xFE, 0xFF], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80],
      [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x9A],
    ]
    let offsets = [0, 20, minimal.count / 2, minimal.count]
    for sequence in bad {
      for offset in offsets {
        var bytes = minimal
        bytes.insert(contentsOf: sequence, at: offset)
        let url = directory.appendingPathComponent("bad.yaml")
        try Data(bytes).write(to: url)
        let label = "\(sequence) at byte \(offset)"
        let diagnostics = CaseStudyLoader.lint(contentsOf: url).diagnostics
        #expect(diagnostics.count == 1, "\(label): \(diagnostics)")
        for d in diagnostics {
          #expect(d.isError)
          // A file that is not text is reported once, with the line in the message.
          #expect(d.message.contains("not UTF-8") && d.message.contains("line "), "\(label): \(d)")
          HostileInput.checkOneLine(d.description, label)
        }
        // Decoded with replacement characters, as a careless caller might, it still behaves.
        HostileInput.checkCaseStudy(String(decoding: bytes, as: UTF8.self), "repaired " + label)
      }
    }
  }
}

/// The same damage, done to session files in every state.
@Suite("Structured mutations: sessions")
struct SessionFileMutationTests {
  /// A JSON value's path: object keys and list indices.
  enum Step: CustomStringConvertible {
    case key(String)
    case index(Int)
    var description: String {
      switch self {
      case .key(let k): ".\(k)"
      case .index(let i): "[\(i)]"
      }
    }
  }

  /// Every path, except that only the first few entries of long lists and of big objects
  /// (items, decisions) are visited: the rest have the same shape.
  static func paths(in value: Any, prefix: [Step] = []) -> [[Step]] {
    var out: [[Step]] = []
    if let object = value as? [String: Any] {
      for key in object.keys.sorted().prefix(12) {
        guard let child = object[key] else { continue }
        out.append(prefix + [.key(key)])
        out += paths(in: child, prefix: prefix + [.key(key)])
      }
    } else if let list = value as? [Any] {
      for (index, child) in list.prefix(3).enumerated() {
        out.append(prefix + [.index(index)])
        out += paths(in: child, prefix: prefix + [.index(index)])
      }
    }
    return out
  }

  /// `value` with the thing at `path` replaced (or removed when `replacement` is nil).
  static func edit(_ value: Any, at path: ArraySlice<Step>, replacement: Any?) -> Any {
    guard let step = path.first else { return replacement ?? NSNull() }
    switch step {
    case .key(let key):
      guard var object = value as? [String: Any], let child = object[key] else { return value }
      if path.count == 1 {
        object[key] = replacement
      } else {
        object[key] = edit(child, at: path.dropFirst(), replacement: replacement)
      }
      return object
    case .index(let index):
      guard var list = value as? [Any], list.indices.contains(index) else { return value }
      if path.count == 1 {
        if let replacement { list[index] = replacement } else { list.remove(at: index) }
      } else {
        list[index] = edit(list[index], at: path.dropFirst(), replacement: replacement)
      }
      return list
    }
  }

  static func json(_ value: Any) throws -> Data {
    try JSONSerialization.data(
      withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed])
  }

  static func seeds() throws -> [(name: String, data: Data)] {
    try HostileInput.sessionsInEveryState().map { ($0.name, try SessionStore.encode($0.session)) }
  }

  @Test func everySeedLoadsAndRoundTrips() throws {
    for seed in try Self.seeds() {
      #expect(HostileInput.checkSession(seed.data, seed.name) != nil)
    }
  }

  @Test func everyKeyDeletedInTurn() throws {
    for seed in try Self.seeds() {
      let root = try JSONSerialization.jsonObject(with: seed.data)
      for path in Self.paths(in: root) {
        let damaged = try Self.json(Self.edit(root, at: path[...], replacement: nil))
        HostileInput.checkSession(
          damaged, "\(seed.name) without \(path.map(\.description).joined())")
      }
    }
  }

  static var wrongValues: [(String, Any)] {
    [
      ("a string", "text"), ("an empty string", ""), ("a number", 42), ("a negative", -1),
      ("a fraction", 1.5), ("a huge number", 1e300), ("true", true), ("null", NSNull()),
      ("a list", [1, "two"]), ("an empty list", [Any]()), ("an object", ["a": 1]),
      ("an empty object", [String: Any]()), ("a date", "2026-11-18T11:06:40Z"),
      ("a status", "na"),
    ]
  }

  @Test func everyValueReplacedByEveryType() throws {
    for seed in try Self.seeds() where seed.name == "working" || seed.name == "fresh" {
      let root = try JSONSerialization.jsonObject(with: seed.data)
      for path in Self.paths(in: root) {
        for (name, value) in Self.wrongValues {
          let damaged = try Self.json(Self.edit(root, at: path[...], replacement: value))
          HostileInput.checkSession(
            damaged, "\(seed.name) with \(path.map(\.description).joined()) set to \(name)")
        }
      }
    }
  }

  @Test func hugeStrings() throws {
    let seeds = try Self.seeds()
    let working = try #require(seeds.first { $0.name == "working" })
    let root = try JSONSerialization.jsonObject(with: working.data)
    let mega = String(repeating: "x", count: 1 << 20)
    let longProse = String(repeating: "Café ☕ word ", count: 6_000)
    for path in Self.paths(in: root) {
      let damaged = try Self.json(Self.edit(root, at: path[...], replacement: longProse))
      HostileInput.checkSession(damaged, "\(path.map(\.description).joined()) set to 84 KB")
    }
    // 1 MB in one field of each kind: a name, a note, a date, a status, a decision's option.
    let fields: [[Step]] = [
      [.key("participant")], [.key("created")], [.key("mode")],
      [.key("events"), .index(0), .key("detail")],
      [.key("events"), .index(0), .key("kind")],
    ]
    for path in fields {
      let damaged = try Self.json(Self.edit(root, at: path[...], replacement: mega))
      HostileInput.checkSession(damaged, "\(path.map(\.description).joined()) set to 1 MB")
    }
    guard let anyItem = (root as? [String: Any])?["items"] as? [String: Any],
      let itemID = anyItem.keys.sorted().first
    else {
      Issue.record("the working session has no items")
      return
    }
    for field in ["note", "status", "na_reason"] {
      let path: [Step] = [.key("items"), .key(itemID), .key(field)]
      let damaged = try Self.json(Self.edit(root, at: path[...], replacement: mega))
      HostileInput.checkSession(damaged, "items.\(itemID).\(field) set to 1 MB")
    }
    // A huge key: an item id of 100,000 characters.
    guard var object = root as? [String: Any], var items = object["items"] as? [String: Any] else {
      Issue.record("the working session has no items")
      return
    }
    items[String(mega.prefix(100_000))] = ["status": "done", "note": "long id"]
    object["items"] = items
    HostileInput.checkSession(try Self.json(object), "a 100 KB item id")
    // 100,000 events.
    var events = object["events"] as? [Any] ?? []
    let event = events.first ?? [:]
    events += Array(repeating: event, count: 100_000)
    object["events"] = events
    HostileInput.checkSession(try Self.json(object), "100,000 events")
  }

  @Test func deepNesting() throws {
    let fresh = try #require(try Self.seeds().first { $0.name == "fresh" })
    let root = try JSONSerialization.jsonObject(with: fresh.data)
    for depth in [10, 500, 510, 511, 512, 513, 600, 100_000] {
      let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
      let nestedObjects =
        String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
      for path in [["participant"], ["cursor"], ["items"], ["events"]] {
        let marker = "\"@@MARKER@@\""
        let base = String(
          decoding: try Self.json(
            Self.edit(root, at: path.map(Step.key)[...], replacement: "@@MARKER@@")),
          as: UTF8.self)
        for (kind, text) in [("lists", nested), ("objects", nestedObjects)] {
          let damaged = base.replacingOccurrences(of: marker, with: text)
          HostileInput.checkSession(Data(damaged.utf8), "\(kind) \(depth) deep at \(path)")
        }
      }
    }
  }

  @Test func bytesAndLineEndings() throws {
    for seed in try Self.seeds() {
      let text = String(decoding: seed.data, as: UTF8.self)
      let session = try #require(HostileInput.checkSession(seed.data, seed.name))
      let bom = Data([0xEF, 0xBB, 0xBF]) + seed.data
      #expect(HostileInput.checkSession(bom, "\(seed.name) with a BOM") == session)
      let crlf = Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
      #expect(HostileInput.checkSession(crlf, "\(seed.name) in CRLF") == session)
      HostileInput.checkSession(
        Data(text.replacingOccurrences(of: "\n", with: "\r").utf8), "CR only")
      HostileInput.checkSession(Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]) + seed.data, "two BOMs")
      HostileInput.checkSession(Data([0xFE, 0xFF]) + seed.data, "a UTF-16 BOM")
      HostileInput.checkSession(seed.data + Data(count: 4096), "\(seed.name) padded with NUL")
    }
  }

  @Test func aNulOrBadByteAtEveryOffset() throws {
    let fresh = try #require(try Self.seeds().first { $0.name == "fresh" })
    let bytes = [UInt8](fresh.data)
    for bad: [UInt8] in [[0x00], [0xFF], [0x80], [0xC3], [0xED, 0xA0, 0x80], [0x1B]] {
      for offset in 0...bytes.count {
        var damaged = bytes
        damaged.insert(contentsOf: bad, at: offset)
        HostileInput.checkSession(Data(damaged), "\(bad) at \(offset)")
        if offset < bytes.count {
          var overwritten = bytes
          overwritten.replaceSubrange(offset..<min(bytes.count, offset + bad.count), with: bad)
          HostileInput.checkSession(Data(overwritten), "\(bad) over \(offset)")
        }
      }
    }
  }

  @Test func everyPrefixOfAFile() throws {
    let working = try #require(try Self.seeds().first { $0.name == "working" })
    for length in 0..<working.data.count {
      HostileInput.checkSession(working.data.prefix(length), "first \(length) bytes")
    }
  }

  /// Found by these tests: invalid UTF-8 and half surrogate pairs inside strings reached
  /// Foundation's decoder, which said only "The given data was not valid JSON.", with no line.
  @Test func badTextInsideStringsIsLocated() {
    let cases: [([UInt8], Int, Int, String)] = [
      (
        Array("{\n  \"a\": \"x".utf8) + [0xFF] + Array("\"}".utf8), 2, 10,
        "byte 0xFF inside a string"
      ),
      (Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8), 1, 8, "not UTF-8 text"),
      (Array("{\"a\": \"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8), 1, 8, "not UTF-8"),
      (Array("{\"a\": \"".utf8) + [0xE0, 0x80, 0x80] + Array("\"}".utf8), 1, 8, "not UTF-8"),
      (Array(#"{"a": "é\ud800"}"#.utf8), 1, 9, "without the second half"),
      (Array(#"{"a": "\ud800\u0041"}"#.utf8), 1, 14, "without the second half"),
      (Array(#"{"a": "\udc00"}"#.utf8), 1, 8, "without the first half"),
    ]
    for (bytes, line, column, message) in cases {
      do {
        _ = try SessionStore.decode(Data(bytes), file: "t.json")
        Issue.record("\(bytes) loaded")
      } catch {
        #expect(error.kind == .notJSON, "\(error)")
        #expect((error.line, error.column) == (line, column), "\(error)")
        #expect(error.message.contains(message), "\(error)")
      }
    }
    // Cut short inside a character or a pair: an interrupted write, not damage.
    for tail in [[0xE2, 0x82] as [UInt8], Array(#"\ud83d"#.utf8)] {
      do {
        _ = try SessionStore.decode(Data(Array("{\"a\": \"".utf8) + tail), file: "t.json")
        Issue.record("\(tail) loaded")
      } catch {
        #expect(error.kind == .truncated, "\(error)")
      }
    }
    // A whole pair and plain UTF-8 still load.
    let fine = #"{"schema_version": 1, "case_study_id": "bike-shop\ud83d\udeb2 é 日本"}"#
    #expect(throws: SessionStoreError.self) {
      _ = try SessionStore.decode(Data(fine.utf8), file: "f.json")
    }
    do {
      _ = try SessionStore.decode(Data(fine.utf8), file: "f.json")
    } catch {
      // It fails later, for missing fields: the text itself was accepted.
      #expect(error.kind == .invalid, "\(error)")
    }
  }

  @Test func escapesThatAreNotText() throws {
    let fresh = try #require(try Self.seeds().first { $0.name == "fresh" })
    let text = String(decoding: fresh.data, as: UTF8.self)
    for escape in [
      #"\ud800"#, #"\udc00x"#, #"\ud800\ud800"#, #"\u0000"#, #"\u001b[2J"#, #"\uFEFF"#,
    ] {
      let damaged = text.replacingOccurrences(
        of: "\"participant\" : \"Ana\"", with: "\"participant\" : \"\(escape)\"")
      #expect(damaged != text)
      HostileInput.checkSession(Data(damaged.utf8), "participant \(escape)")
    }
  }
}
