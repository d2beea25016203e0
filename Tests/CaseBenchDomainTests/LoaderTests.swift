import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures")

private func brokenFixture(_ name: String) -> URL {
  fixtures.appendingPathComponent("broken").appendingPathComponent(name)
}

private func loadErrors(_ url: URL) -> CaseStudyLoadError? {
  do {
    _ = try CaseStudyLoader.load(contentsOf: url)
    return nil
  } catch {
    return error
  }
}

/// One broken fixture and the error it must produce.
struct BrokenCase: Sendable, CustomTestStringConvertible {
  var name: String
  var line: Int
  var column: Int
  var message: String
  var fix: String
  /// How many errors the file has in all.
  var errorCount: Int = 1

  var testDescription: String { name }
}

private let brokenCases: [BrokenCase] = [
  BrokenCase(
    name: "syntax-error.yaml", line: 5, column: 15,
    message: "YAML syntax error: mapping values are not allowed",
    fix: "put quotes around a value that contains ': '"),
  BrokenCase(
    name: "tab-indent.yaml", line: 19, column: 1, message: "YAML syntax error: found a tab",
    fix: "indent with spaces, not tabs"),
  BrokenCase(
    name: "missing-title.yaml", line: 1, column: 1,
    message: "missing required key 'title' in case study 'mini-shop'", fix: "add 'title:'"),
  BrokenCase(
    name: "missing-format-version.yaml", line: 1, column: 1,
    message: "missing required key 'format_version'", fix: "format_version: 1"),
  BrokenCase(
    name: "unknown-key.yaml", line: 20, column: 5,
    message: "unknown key 'gaol' in phase 'scoping'", fix: "did you mean 'goal'?", errorCount: 2),
  BrokenCase(
    name: "duplicate-item-id.yaml", line: 69, column: 13,
    message: "duplicate item id 'S.1' (first defined at line 24)",
    fix: "give each item its own id"),
  BrokenCase(
    name: "duplicate-option-id.yaml", line: 50, column: 17,
    message: "duplicate option id 'a' in decision 'S.D1' (first defined at line 46)",
    fix: "give each option of a decision its own id"),
  BrokenCase(
    name: "duplicate-key.yaml", line: 6, column: 1,
    message: "duplicate key 'title' (first defined at line 4)", fix: "remove one of them"),
  BrokenCase(
    name: "empty-phase.yaml", line: 68, column: 12, message: "phase 'ethics' has no items",
    fix: "add at least one checklist item"),
  BrokenCase(
    name: "option-without-verdict.yaml", line: 50, column: 13,
    message: "missing required key 'verdict' in option 'b' of decision 'S.D1'",
    fix: "'recommended', 'defensible', 'poor'"),
  BrokenCase(
    name: "bad-verdict.yaml", line: 53, column: 22,
    message: "invalid verdict 'recomended' in option 'b' of decision 'S.D1'",
    fix: "did you mean 'recommended'? Valid verdicts are 'recommended', 'defensible', 'poor'"),
  BrokenCase(
    name: "wrong-type-timebox.yaml", line: 22, column: 22,
    message: "'timebox_minutes' in phase 'scoping' must be a whole number, found the text",
    fix: "a whole number of minutes"),
  BrokenCase(
    name: "wrong-type-required.yaml", line: 40, column: 19,
    message: "'required' in item 'S.2' must be true or false", fix: "write true or false"),
  BrokenCase(
    name: "tags-not-list.yaml", line: 39, column: 15,
    message: "'tags' in item 'S.2' must be a list, found the text 'data'", fix: "[a, b]"),
  BrokenCase(
    name: "bad-gate.yaml", line: 81, column: 17,
    message: "gate of phase 'ethics' names item 'S.1' of phase 'scoping'",
    fix: "a gate may only name its own phase's items", errorCount: 2),
  BrokenCase(
    name: "bad-arises-in.yaml", line: 77, column: 21,
    message: "'arises_in' of item 'E.1' names unknown phase 'scopin'",
    fix: "did you mean 'scoping'?"),
  BrokenCase(
    name: "future-format.yaml", line: 1, column: 17,
    message: "format_version 2 is newer than this casebench reads (1)", fix: "upgrade casebench"),
  BrokenCase(
    name: "not-a-mapping.yaml", line: 1, column: 1,
    message: "the top level must be a mapping of keys, found a list", fix: "format_version: 1"),
  BrokenCase(
    name: "bad-power.yaml", line: 15, column: 12,
    message: "'power' in cast member 'owner' is 'huge', not low, medium or high",
    fix: "use one of 'low', 'medium', 'high'"),
  BrokenCase(
    name: "bad-score.yaml", line: 58, column: 21,
    message: "'likelihood' in risk prompt 'S.R1' is 7, outside 1 to 5", fix: "from 1"),
  BrokenCase(
    name: "bad-id.yaml", line: 2, column: 5, message: "case study id 'Mini Shop' is not a slug",
    fix: "use an id such as 'mini-shop'"),
  BrokenCase(
    name: "empty-title.yaml", line: 4, column: 8,
    message: "'title' in case study 'mini-shop' is empty", fix: "write its text"),
  BrokenCase(
    name: "too-few-options.yaml", line: 46, column: 11,
    message: "decision 'S.D1' has 1 option; it needs 2 to 5", fix: "at least 2"),
  BrokenCase(
    name: "empty.yaml", line: 1, column: 1, message: "the file is empty",
    fix: "start with 'format_version: 1'"),
  BrokenCase(
    name: "bad-level.yaml", line: 55, column: 16,
    message: "'level' in item 'S.2' is 'extention', not core or extension",
    fix: "did you mean 'extension'?"),
  BrokenCase(
    name: "bad-schedule.yaml", line: 32, column: 13,
    message: "'read' in the schedule of phase 'scoping' is -5, below 0",
    fix: "a whole number, 0 or more"),
  BrokenCase(
    name: "retired-id-reused.yaml", line: 22, column: 9,
    message: "retired item 'S.2' is also the id of an item at line 47",
    fix: "never reuse a retired id"),
  BrokenCase(
    name: "bad-model-answer-item.yaml", line: 85, column: 15,
    message: "a model answer of phase 'scoping' names item 'E.1' of phase 'ethics'",
    fix: "move the model answer to phase 'ethics'"),
  BrokenCase(
    name: "bad-replaced-by.yaml", line: 21, column: 19,
    message: "'replaced_by' of retired item 'S.3' names 'S.22', which is not a current item",
    fix: "did you mean 'S.2'?"),
]

@Suite("Case-study loader")
struct LoaderTests {
  // MARK: Broken fixtures

  @Test(arguments: brokenCases)
  func brokenFixtureReportsLocatedError(_ expected: BrokenCase) throws {
    let url = brokenFixture(expected.name)
    let failure = try #require(loadErrors(url), "\(expected.name) should not load")
    let errors = failure.errors
    #expect(errors.count == expected.errorCount, "\(failure)")
    let match = errors.first { $0.line == expected.line && $0.column == expected.column }
    let diagnostic = try #require(
      match, "no error at \(expected.line):\(expected.column) in \(failure)")
    #expect(diagnostic.file == url.relativePath)
    #expect(diagnostic.file.hasSuffix("Fixtures/broken/\(expected.name)"))
    #expect(
      diagnostic.description.hasPrefix(
        "\(url.relativePath):\(expected.line):\(expected.column): error: "))
    #expect(diagnostic.message.contains(expected.message), "\(diagnostic.message)")
    #expect(diagnostic.fix?.contains(expected.fix) == true, "\(diagnostic.fix ?? "no fix")")
    #expect(!diagnostic.description.contains("\n"))
    // lint reports the same problems without throwing.
    let lint = CaseStudyLoader.lint(contentsOf: url).diagnostics.filter(\.isError)
    #expect(lint == errors)
  }

  @Test func everyBrokenFixtureIsCovered() throws {
    let names = try FileManager.default.contentsOfDirectory(
      atPath: fixtures.appendingPathComponent("broken").path
    ).filter { $0.hasSuffix(".yaml") }
    let covered = Set(brokenCases.map(\.name)).union(["many-problems.yaml"])
    #expect(Set(names) == covered)
    #expect(names.count >= 12)
  }

  @Test func reportsEveryProblemInOneFile() throws {
    let url = brokenFixture("many-problems.yaml")
    let failure = try #require(loadErrors(url))
    let positions = failure.errors.map { "\($0.line):\($0.column) \($0.message)" }
    let expected = [
      "2:5 case study id 'Mini Shop' is not a slug of lower-case letters, digits and '-'",
      "10:5 missing required key 'hot_buttons' in cast member 'owner'",
      "14:12 'power' in cast member 'owner' is 'huge', not low, medium or high",
      "21:22 'timebox_minutes' in phase 'scoping' must be more than 0, found 0",
      "32:9 missing required key 'guidance' in item 'S.2'",
      "34:9 unknown key 'guidanse' in item 'S.2'",
      "48:22 invalid verdict 'good' in option 'a' of decision 'S.D1'",
      "58:17 'impact' in risk prompt 'S.R1' is 9, outside 1 to 5",
      "68:13 duplicate item id 'S.2' (first defined at line 32)",
      "76:21 'arises_in' of item 'S.2' names unknown phase 'scopin'",
      "80:12 gate of phase 'ethics' names unknown item 'E.1'",
      "80:17 gate of phase 'ethics' names item 'S.1' of phase 'scoping'",
    ]
    #expect(positions == expected)
    // Sorted by position, warnings included, one line per diagnostic.
    let lines = failure.description.split(separator: "\n")
    #expect(lines.count == failure.diagnostics.count)
    #expect(failure.diagnostics.contains { $0.severity == .warning })
    let unknownKey = try #require(failure.errors.first { $0.message.contains("guidanse") })
    #expect(unknownKey.fix == "did you mean 'guidance'?")
  }

  // MARK: Valid fixture

  @Test func minimalFixtureLoadsIntoTheModel() throws {
    let url = fixtures.appendingPathComponent("valid/minimal.yaml")
    let study = try CaseStudyLoader.load(contentsOf: url)
    #expect(study.formatVersion == 1)
    #expect(study.id == "mini-shop")
    #expect(study.version == "1.0")
    #expect(study.title == "The Mini Shop")
    #expect(
      study.background == "A shop sells bikes. It wants a model.",
      "a block scalar is reflowed into one paragraph, without its final line break")
    #expect(
      study.cast == [
        CastMember(
          id: "owner", name: "Ana", role: "Owner", wants: "More sales.",
          hotButtons: ["cost", "delay"], power: .high, interest: .medium)
      ])
    #expect(study.phases.map(\.id) == ["scoping", "ethics"])
    let scoping = study.phases[0]
    #expect(scoping.timeboxMinutes == 30)
    #expect(scoping.items.map(\.id) == ["S.1", "S.2"])
    #expect(scoping.items[0].caseContext == "Which bikes to stock.")
    #expect(scoping.items[0].required)
    #expect(!scoping.items[1].required)
    #expect(scoping.items[0].references == ["Chapter 1"])
    #expect(scoping.gate == ["S.1"], "gate defaults to the required items")
    #expect(scoping.decisions.first?.options.map(\.verdict) == [.defensible, .recommended])
    #expect(scoping.decisions.first?.facilitatorNotes == "Either works.")
    #expect(
      scoping.riskPrompts == [
        RiskPrompt(id: "S.R1", text: "The data is thin.", likelihood: 3, impact: 4),
        RiskPrompt(id: "S.R2", text: "The owner leaves."),
      ])
    let ethics = study.phases[1]
    #expect(ethics.items.first?.arisesIn == ["scoping"])
    #expect(ethics.gate == ["E.1"])
    #expect(ethics.decisions.isEmpty)
    // The only remark is a warning, which does not stop the load.
    let lint = CaseStudyLoader.lint(contentsOf: url).diagnostics
    #expect(lint.map(\.severity) == [.warning])
    #expect(lint.first?.message == "phase 'ethics' has no decisions")
  }

  // MARK: YAML subtleties

  private static let minimal: String = {
    (try? String(
      contentsOf: fixtures.appendingPathComponent("valid/minimal.yaml"), encoding: .utf8)) ?? ""
  }()

  private func variant(_ old: String, _ new: String) throws -> String {
    let text = Self.minimal
    try #require(text.components(separatedBy: old).count == 2, "'\(old)' must occur once")
    return text.replacingOccurrences(of: old, with: new)
  }

  @Test func quotedNumbersAndBooleansLoadWithAWarning() throws {
    var yaml = try variant("timebox_minutes: 30", "timebox_minutes: \"30\"")
    yaml = yaml.replacingOccurrences(of: "required: false", with: "required: 'false'")
    let study = try CaseStudyLoader.parse(yaml, file: "q.yaml")
    #expect(study.phases[0].timeboxMinutes == 30)
    #expect(study.phases[0].items[1].required == false)
    let warnings = CaseStudyLoader.lint(yaml, file: "q.yaml").filter { $0.severity == .warning }
    #expect(warnings.contains { $0.line == 22 && $0.message.contains("quoted text") })
    #expect(warnings.contains { $0.line == 40 && $0.fix == "write false without quotes" })
  }

  @Test func versionKeepsTheScalarAsWritten() throws {
    let quoted = try CaseStudyLoader.parse(
      variant("version: 1.0", "version: \"1.10.0\""), file: "v.yaml")
    #expect(quoted.version == "1.10.0")
    let number = try CaseStudyLoader.parse(variant("version: 1.0", "version: 1.10"), file: "v.yaml")
    #expect(number.version == "1.10")
    let integer = try CaseStudyLoader.parse(variant("version: 1.0", "version: 2"), file: "v.yaml")
    #expect(integer.version == "2")
  }

  @Test func gateWithNoValueDefaultsToTheRequiredItems() throws {
    let yaml = try variant("    gate: [E.1]", "    gate:\n    arises_in_typo: [x]")
    let errors = CaseStudyLoader.lint(yaml, file: "g.yaml").filter { $0.isError }
    #expect(errors.map(\.message) == ["unknown key 'arises_in_typo' in phase 'ethics'"])
    let study = try CaseStudyLoader.parse(
      try variant("    gate: [E.1]", "    gate:"), file: "g.yaml")
    #expect(study.phases[1].gate == ["E.1"])
    let empty = try variant("    gate: [E.1]", "    gate: []")
    let warnings = CaseStudyLoader.lint(empty, file: "g.yaml").filter { $0.severity == .warning }
    #expect(
      warnings.contains {
        $0.message == "phase 'ethics' has an empty gate, so it counts as complete from the start"
      })
  }

  @Test func nullValuesAreReportedAtTheirKey() throws {
    let yaml = try variant("    title: Scoping", "    title:")
    let errors = CaseStudyLoader.lint(yaml, file: "n.yaml").filter(\.isError)
    #expect(errors.count == 1)
    #expect(
      errors.first?.description.hasPrefix(
        "n.yaml:19:5: error: 'title' in phase 'scoping' has no value") == true)
  }

  @Test func floatWhereIntegerExpected() throws {
    let yaml = try variant("format_version: 1", "format_version: 1.0")
    let errors = CaseStudyLoader.lint(yaml, file: "f.yaml").filter(\.isError)
    #expect(
      errors.map(\.description) == [
        "f.yaml:1:17: error: 'format_version' in case study 'mini-shop' must be a whole number, found the number 1.0 (fix: write the format number, e.g. 'format_version: 1')"
      ])
  }

  @Test func emptyPhasesListAndMappingWhereTextExpected() throws {
    let start = try #require(Self.minimal.range(of: "phases:\n"))
    let yaml = String(Self.minimal[..<start.lowerBound]) + "phases: []\n"
    let errors = CaseStudyLoader.lint(yaml, file: "e.yaml").filter(\.isError)
    #expect(errors.map(\.message) == ["'phases' is empty"])
    #expect(errors.first?.line == 17)
    #expect(errors.first?.column == 9)

    let mapping = try variant("summary: A tiny case study for tests.", "summary: {a: b}")
    let mappingErrors = CaseStudyLoader.lint(mapping, file: "m.yaml").filter(\.isError)
    #expect(
      mappingErrors.map(\.message) == [
        "'summary' in case study 'mini-shop' must be text, found a mapping"
      ])
  }

  @Test func tooManyOptions() throws {
    let option = """
                - id: c
                  label: Wait
                  consequence: Nothing happens.
                  verdict: poor

      """
    var extra = ""
    for letter in ["c", "d", "e", "f"] {
      extra += option.replacingOccurrences(of: "id: c", with: "id: \(letter)")
    }
    let yaml = try variant(
      "        facilitator_notes: Either works.\n",
      extra + "        facilitator_notes: Either works.\n")
    let errors = CaseStudyLoader.lint(yaml, file: "o.yaml").filter(\.isError)
    #expect(errors.map(\.message) == ["decision 'S.D1' has 6 options; it needs 2 to 5"])
    #expect(errors.first?.fix == "keep at most 5 options")
  }

  @Test func duplicateIDsOfEveryKindNameTheFirstDefinition() throws {
    var yaml = try variant("  - id: ethics", "  - id: scoping")
    yaml = yaml.replacingOccurrences(of: "      - id: S.R2", with: "      - id: S.R1")
    yaml = yaml.replacingOccurrences(
      of: "    decisions: []",
      with: """
            decisions:
              - id: S.D1
                title: Again
                situation: S
                options:
                  - {id: a, label: A, consequence: C, verdict: poor}
                  - {id: b, label: B, consequence: C, verdict: poor}
        """)
    yaml = yaml.replacingOccurrences(
      of: "phases:\n",
      with: """
          - id: owner
            name: Bo
            role: Clerk
            wants: Calm.
            hot_buttons: []
            power: low
            interest: low
        phases:

        """)
    let errors = CaseStudyLoader.lint(yaml, file: "d.yaml").filter { $0.isError }
    let messages = errors.map { "\($0.line):\($0.column) \($0.message)" }
    #expect(
      messages == [
        "17:9 duplicate cast member id 'owner' (first defined at line 10)",
        "67:13 duplicate risk prompt id 'S.R1' (first defined at line 63)",
        "70:9 duplicate phase id 'scoping' (first defined at line 25)",
        "86:13 duplicate decision id 'S.D1' (first defined at line 49)",
      ])
  }

  @Test func itemIDsMustBeIdentifiers() throws {
    let yaml = try variant("      - id: S.2", "      - id: S 2")
    let errors = CaseStudyLoader.lint(yaml, file: "i.yaml").filter { $0.isError }
    #expect(errors.count == 1)
    #expect(errors.first?.line == 33)
    #expect(errors.first?.message.contains("item id 'S 2' has characters other than") == true)
    #expect(errors.first?.fix == "use an id such as 'S-2'")
  }

  @Test func userTextStaysOnOneLine() throws {
    let yaml = try variant("    goal: Decide what to build.", "    \"go\\nal\": x")
    let diagnostics = CaseStudyLoader.lint(yaml, file: "u.yaml")
    #expect(diagnostics.contains { $0.message.contains("unknown key 'go\\nal'") })
    #expect(diagnostics.allSatisfy { !$0.description.contains("\n") })
  }

  // MARK: Files

  @Test func unreadableAndNonUTF8FilesGiveOneDiagnosticAtLineZero() throws {
    let missing = URL(fileURLWithPath: "/nonexistent/casebench/nothing.yaml")
    let failure = try #require(loadErrors(missing))
    #expect(failure.diagnostics.count == 1)
    #expect(failure.diagnostics.first?.line == 0)
    #expect(
      failure.description
        == "/nonexistent/casebench/nothing.yaml: error: cannot read the case study: no such file (fix: check the path and the file's permissions)"
    )

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "casebench-loader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let binary = directory.appendingPathComponent("junk.yaml")
    try Data([0x69, 0x64, 0x3A, 0x0A, 0xFF, 0xFE, 0x00, 0xC3]).write(to: binary)
    let binaryFailure = try #require(loadErrors(binary))
    #expect(binaryFailure.diagnostics.count == 1)
    #expect(binaryFailure.diagnostics.first?.line == 0)
    #expect(binaryFailure.diagnostics.first?.message.contains("not UTF-8") == true)
    #expect(binaryFailure.diagnostics.first?.message.contains("line 2") == true)

    let dirFailure = try #require(loadErrors(directory))
    #expect(dirFailure.diagnostics.first?.message.contains("directory") == true)
  }

  // MARK: Nasty inputs

  @Test(arguments: [
    "", "---", "---\n...\n", "[]", "{}", "~", "42", "\"text\"", "- - - -", "key: [unclosed",
    "a: &x 1\nb: *y\n", "---\na: 1\n---\nb: 2\n", "\u{0}\u{1}\u{2}", "? [a, b]\n: c\n",
    "id: x\nphases: 3\ncast: {}\n", "\u{FEFF}format_version: 1\n", "::::", "!!binary 3",
    "phases:\n  - items:\n      - tags: [[[]]]\n", "format_version: 99999999999999999999999",
  ])
  func nastyInputsGiveDiagnosticsNotCrashes(_ yaml: String) {
    let diagnostics = CaseStudyLoader.lint(yaml, file: "nasty.yaml")
    #expect(diagnostics.contains { $0.isError })
    #expect(diagnostics.allSatisfy { !$0.description.contains("\n") })
    #expect(throws: CaseStudyLoadError.self) { try CaseStudyLoader.parse(yaml, file: "nasty.yaml") }
  }

  @Test func randomBytesNeverCrash() {
    var generator = SplitMix(seed: 42)
    let alphabet = Array("abc:-[]{}#&*!|>'\"\n  \t,?%@`~0123456789.\u{1}é")
    for _ in 0..<300 {
      let length = Int(generator.next() % 200)
      let text = String(
        (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
      let diagnostics = CaseStudyLoader.lint(text, file: "random.yaml")
      #expect(diagnostics.contains { $0.isError })
    }
  }

  @Test func deepNestingIsRejected() {
    let depth = 10_000
    let flow = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let diagnostics = CaseStudyLoader.lint(flow, file: "deep.yaml")
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message.contains("Maximum nesting level") == true)

    var block = ""
    for level in 0..<2_000 { block += String(repeating: " ", count: level) + "k:\n" }
    let blockDiagnostics = CaseStudyLoader.lint(block, file: "deep.yaml")
    #expect(blockDiagnostics.contains { $0.isError })
  }

  @Test func aliasExpansionIsBounded() throws {
    // 130 phases × 130 items × 130 tags through aliases: 2.2 million values from a short file.
    let width = 130
    let tags = "[" + Array(repeating: "t", count: width).joined(separator: ", ") + "]"
    var yaml = """
      format_version: 1
      id: bomb
      version: 1
      title: t
      summary: s
      background: b
      cast: []
      phases:
        - &p
          id: p
          title: t
          goal: g
          briefing: b
          timebox_minutes: 1
          decisions: []
          risk_prompts: []
          facilitator_notes: n
          items:
            - &i
              id: i
              title: t
              guidance: g
              case: c
              why: w
              hint: h
              required: true
              tags: \(tags)

      """
    yaml += String(repeating: "      - *i\n", count: width - 1)
    yaml += String(repeating: "  - *p\n", count: width - 1)
    let diagnostics = CaseStudyLoader.lint(yaml, file: "bomb.yaml")
    #expect(diagnostics.contains { $0.message.contains("expands to more than") })
    #expect(diagnostics.count <= CaseStudyValidator.maxDiagnostics + 2)
  }

  @Test func aliasBombAsAKeyIsRefusedWhereTheKeyIs() {
    // Hashing or comparing `*a7` as a key would expand ten million nodes.
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1..<8 {
      let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      yaml += "a\(level): &a\(level) [\(aliases)]\n"
    }
    // Each form, and the column of the key in it.
    let forms = [("? *a7\n: 1\n", 3), ("*a7 : 1\n", 1), ("[*a7]: 1\n", 1), ("{k: *a7}: 1\n", 1)]
    for (form, column) in forms {
      // CPU time of this thread, so a busy machine cannot fail it; an expansion still would.
      let start = threadCPUTime()
      let diagnostics = CaseStudyLoader.lint(yaml + form, file: "keys.yaml")
      #expect(threadCPUTime() - start < .seconds(2), "\(form)")
      #expect(diagnostics.count == 1)
      #expect(diagnostics.first?.line == 9, "\(form)")
      #expect(diagnostics.first?.column == column, "\(form)")
      #expect(diagnostics.first?.message.contains("a mapping key here is") == true)
    }
    // A list or mapping as a key is refused without anchors too.
    let flowKey = CaseStudyLoader.lint("a: 1\n[x, y]: 2\n", file: "keys.yaml")
    #expect(flowKey.map(\.line) == [2])
    #expect(flowKey.first?.message.contains("a mapping key here is a list") == true)
    // Anchors alone, an alias of a scalar as a key, an explicit scalar key, and text that only
    // looks like complex keys are not refused for their keys.
    for text in [
      yaml, "a: &x k\n*x : 1\n", "a: &x '[x]: y'\nb: \"? *x: {}: \\\" ]: \"\n",
      "a: &x 'it''s'\n'q':\n  ? k\n", "a: Q&A, R & D\nb: [x]\n",
    ] {
      let messages = CaseStudyLoader.lint(text, file: "keys.yaml").map(\.message)
      #expect(!messages.isEmpty, "\(text)")
      #expect(!messages.contains { $0.contains("a mapping key here is") }, "\(text)")
    }
  }

  // MARK: Size

  @Test func tenThousandItemsLoad() throws {
    let phaseCount = 10
    let itemsPerPhase = 1_000
    var yaml = """
      format_version: 1
      id: big
      version: "1"
      title: Big
      summary: Many items.
      background: A big case study.
      cast:
        - {id: boss, name: B, role: R, wants: W, hot_buttons: [x], power: low, interest: high}
      phases:

      """
    for phase in 0..<phaseCount {
      yaml += """
          - id: p\(phase)
            title: Phase \(phase)
            goal: G
            briefing: B
            timebox_minutes: 10
            decisions:
              - id: p\(phase).D1
                title: D
                situation: S
                options:
                  - {id: a, label: A, consequence: C, verdict: poor}
                  - {id: b, label: B, consequence: C, verdict: recommended}
            risk_prompts: [{id: p\(phase).R1, text: R, likelihood: 1, impact: 5}]
            facilitator_notes: N
            items:

        """
      for item in 0..<itemsPerPhase {
        yaml += """
                - id: p\(phase).\(item)
                  title: Item \(item)
                  guidance: G
                  case: C
                  why: W
                  hint: H
                  tags: [data, risk]
                  required: \(item % 2 == 0)

          """
      }
    }
    let study = try CaseStudyLoader.parse(yaml, file: "big.yaml")
    #expect(study.allItems.count == phaseCount * itemsPerPhase)
    #expect(study.phases.count == phaseCount)
    #expect(study.phases[3].items[7].id == "p3.7")
    #expect(study.phases[9].gate.count == itemsPerPhase / 2)
  }

  // MARK: Catalog

  @Test func builtInNeverCrashes() {
    let diagnostics = CaseStudyCatalog.builtInDiagnostics()
    let built = CaseStudyCatalog.builtIn()
    if diagnostics.contains(where: { $0.isError }) {
      #expect(built.isEmpty)
      #expect(diagnostics.allSatisfy { $0.file == "bike-shop.yaml (built in)" })
    } else {
      #expect(built.count == 1)
    }
  }

  @Test func resolveByPathAndByIDInSearchDirectories() throws {
    let valid = fixtures.appendingPathComponent("valid")
    let byPath = try CaseStudyCatalog.resolve(valid.appendingPathComponent("minimal.yaml").path)
    #expect(byPath.id == "mini-shop")
    let byID = try CaseStudyCatalog.resolve("mini-shop", searchDirectories: [valid])
    #expect(byID == byPath)
    #expect(CaseStudyCatalog.find(id: "mini-shop", searchDirectories: [valid]) == byPath)
    #expect(CaseStudyCatalog.find(id: "mini-shop") == nil)
    #expect(CaseStudyCatalog.knownIDs(searchDirectories: [valid]).contains("mini-shop"))

    do {
      _ = try CaseStudyCatalog.resolve("mini-shp", searchDirectories: [valid])
      Issue.record("an unknown id must throw")
    } catch {
      #expect(error.diagnostics.count == 1)
      #expect(error.diagnostics.first?.line == 0)
      #expect(error.diagnostics.first?.message == "unknown case study 'mini-shp'")
      #expect(error.diagnostics.first?.fix?.contains("did you mean 'mini-shop'?") == true)
    }

    do {
      _ = try CaseStudyCatalog.resolve(brokenFixture("bad-power.yaml").path)
      Issue.record("a broken file must throw")
    } catch {
      #expect(error.errors.count == 1)
    }
  }

  // MARK: Pieces

  @Test func suggestionsUseEditDistance() {
    #expect(Suggestion.closest(to: "gaol", among: ["goal", "title"]) == "goal")
    #expect(Suggestion.closest(to: "timebox", among: ["timebox_minutes"]) == nil)
    #expect(Suggestion.closest(to: "zzzz", among: ["goal"]) == nil)
    #expect(Suggestion.closest(to: "Title", among: ["title"]) == "title")
  }

  @Test func diagnosticDescription() {
    let located = Diagnostic(
      file: "a.yaml", line: 3, column: 7, message: "unknown key 'gaol' in phase 'data'",
      fix: "did you mean 'goal'?")
    #expect(
      located.description
        == "a.yaml:3:7: error: unknown key 'gaol' in phase 'data' (fix: did you mean 'goal'?)")
    let warning = Diagnostic(file: "a.yaml", line: 1, column: 1, severity: .warning, message: "m")
    #expect(warning.description == "a.yaml:1:1: warning: m")
    let error = CaseStudyLoadError(diagnostics: [located, warning])
    #expect(error.diagnostics == [warning, located])
    #expect(error.description == "a.yaml:1:1: warning: m\n" + located.description)
  }
}

/// A small deterministic generator for the fuzz test.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

// MARK: - Composer (libyaml events into the loader's own tree)

extension LoaderTests {
  private func errors(_ yaml: String) -> [String] {
    CaseStudyLoader.lint(yaml, file: "c.yaml").filter(\.isError).map {
      "\($0.line):\($0.column) \($0.message)"
    }
  }

  @Test func everyRepeatedKeyIsReportedAtTheRepeat() throws {
    var yaml = try variant("summary: A tiny case study for tests.", "summary: S\ntitle: Again")
    yaml = yaml.replacingOccurrences(
      of: "        hint: Ask who acts on it.\n",
      with: "        hint: Ask who acts on it.\n        'why': Twice.\n")
    yaml = yaml.replacingOccurrences(of: "  power: high", with: "  power: high\n    \"name\": Eve")
    let found = CaseStudyLoader.lint(yaml, file: "c.yaml")
    #expect(
      found.map { "\($0.line):\($0.column) \($0.message)" } == [
        "6:1 duplicate key 'title' (first defined at line 4)",
        "17:5 duplicate key 'name' (first defined at line 12)",
        "32:9 duplicate key 'why' (first defined at line 30)",
      ])
    #expect(found.allSatisfy { $0.fix?.hasPrefix("remove one of them or rename it") == true })
    // Flow mappings are reported the same way, at the repeat.
    #expect(
      errors("a: {x: 1, y: 2, x: 3, x: 4}\n") == [
        "1:17 duplicate key 'x' (first defined at line 1)",
        "1:23 duplicate key 'x' (first defined at line 1)",
      ])
  }

  @Test func repeatedKeysInALargeMappingAreFoundByHashing() {
    var yaml = ""
    for key in 0..<40 { yaml += "k\(key): \(key)\n" }
    yaml += "k5: again\n'k7': again\n!!int 1: tagged\n1: plain\n"
    #expect(
      errors(yaml) == [
        "41:1 duplicate key 'k5' (first defined at line 6)",
        "42:1 duplicate key 'k7' (first defined at line 8)",
      ])
  }

  @Test func tooManyRepeatedKeysAreCapped() {
    let yaml = String(repeating: "a: 1\n", count: 1_500)
    let diagnostics = CaseStudyLoader.lint(yaml, file: "c.yaml")
    #expect(diagnostics.count == CaseStudyValidator.maxDiagnostics + 1)
    #expect(diagnostics.first?.message == "499 more problems not shown")
    #expect(diagnostics.last?.line == 1_001)
  }

  @Test func syntaxErrorAfterARepeatedKeyReportsBoth() {
    #expect(
      errors("a: 1\na: 2\nb: [unclosed\n") == [
        "2:1 duplicate key 'a' (first defined at line 1)",
        "4:1 YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 3)",
      ])
  }

  @Test func aliasesAreSharedAndUndefinedOnesAreLocated() throws {
    let undefined = CaseStudyLoader.lint("a: 1\nb: *nope\n", file: "c.yaml")
    #expect(
      undefined.map(\.description) == [
        "c.yaml:2:4: error: YAML syntax error: found undefined alias (fix: define the anchor (&name) before using the alias (*name))"
      ])
    // An alias inside its own anchor is undefined, so the tree never has a cycle.
    #expect(errors("a: &x [1, *x]\n") == ["1:11 YAML syntax error: found undefined alias"])
    // An alias is the anchored node itself, positions included.
    let yaml = try variant("  - id: owner", "  - &boss\n    id: owner")
      .replacingOccurrences(of: "phases:\n", with: "  - *boss\nphases:\n")
    #expect(errors(yaml) == ["11:9 duplicate cast member id 'owner' (first defined at line 11)"])
  }

  @Test func aSecondDocumentIsRefused() {
    let diagnostics = CaseStudyLoader.lint("a: 1\n---\nb: 2\n", file: "c.yaml")
    #expect(
      diagnostics.map(\.description) == [
        "c.yaml:2:1: error: YAML syntax error: but found another document (expected a single document in the stream at line 1) (fix: keep one case study per file; remove the extra '---')"
      ])
  }

  @Test func controlCharactersAreLocatedInScalars() {
    let diagnostics = CaseStudyLoader.lint("a: b\nc: é\u{1}\n", file: "c.yaml")
    #expect(
      diagnostics.map(\.description) == [
        "c.yaml:2:5: error: cannot read the text: control characters are not allowed (fix: save the file as UTF-8 text without control characters)"
      ])
  }

  @Test func columnsCountUnicodeScalars() throws {
    let yaml = try variant("summary: A tiny case study for tests.", "summary: Café: x")
    #expect(
      errors(yaml) == ["5:14 YAML syntax error: mapping values are not allowed in this context"])
    let unknown = try variant("    goal: Decide what to build.", "    goal: Dé\n    gœal: x")
    #expect(errors(unknown) == ["21:5 unknown key 'gœal' in phase 'scoping'"])
  }

  @Test func tagsDecideWhetherAScalarIsText() throws {
    let text = try variant("timebox_minutes: 30", "timebox_minutes: !!str 30")
    let warnings = CaseStudyLoader.lint(text, file: "t.yaml")
    #expect(
      warnings.contains {
        $0.line == 22 && $0.message.contains("is quoted text, read as the number 30")
      })
    let number = try variant("timebox_minutes: 30", "timebox_minutes: !!int 30")
    #expect(try CaseStudyLoader.parse(number, file: "t.yaml").phases[0].timeboxMinutes == 30)
    let nonSpecific = try variant("required: true", "required: ! true")
    #expect(
      CaseStudyLoader.lint(nonSpecific, file: "t.yaml").contains {
        $0.message.contains("is quoted text, read as true")
      })
    let null = try variant("    title: Scoping", "    title: !!str null")
    #expect(try CaseStudyLoader.parse(null, file: "t.yaml").phases[0].title == "null")
  }

  @Test func windowsLineEndingsLoadTheSame() throws {
    let crlf = Self.minimal.replacingOccurrences(of: "\n", with: "\r\n")
    let study = try CaseStudyLoader.parse(crlf, file: "w.yaml")
    #expect(study == (try CaseStudyLoader.parse(Self.minimal, file: "w.yaml")))
    let broken = crlf.replacingOccurrences(of: "power: high", with: "power: huge")
    #expect(
      errors(broken) == ["15:12 'power' in cast member 'owner' is 'huge', not low, medium or high"])
  }

  @Test func composingStopsPastTheNodeLimit() throws {
    guard
      case .failure(let error) = YAMLSyntax.compose(
        "a: [1, 2, 3]\nb: 4\n", file: "n.yaml", maxNodes: 4)
    else {
      Issue.record("composing 6 nodes with a limit of 4 must fail")
      return
    }
    #expect(
      error.diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == [
        "1:8 the file has more than 4 values; stopped reading here"
      ])
    guard
      case .success(let tree) = YAMLSyntax.compose(
        "a: [1, 2, 3]\nb: 4\n", file: "n.yaml", maxNodes: 8),
      let root = tree.root
    else {
      Issue.record("8 nodes fit a limit of 8")
      return
    }
    #expect(tree.nodeCount == 8)
    #expect(tree.children(root).count == 4)
  }
}

/// CPU time this thread has used so far.
func threadCPUTime() -> Duration {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return .seconds(t.tv_sec) + .nanoseconds(t.tv_nsec)
}
