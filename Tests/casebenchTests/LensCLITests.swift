import Foundation
import Testing

/// `casebench import deon`, `lens add|list|remove` and the hand-over exports, through the real
/// binary (issue 20).
@Suite("casebench lenses")
struct LensCLITests {
  let cli: CLITests
  static let deon = CLITests.repoRoot.appendingPathComponent(
    "Tests/CaseBenchDomainTests/Fixtures/deon-0.3.0/checklist.yml")

  init() throws { cli = try CLITests() }

  @Test func deonImportsLintsOpensAndExportsAll21ItemsInOrder() throws {
    let imported = try cli.run(["import", "deon", Self.deon.path, "-o", cli.path("deon.yaml")])
    #expect(imported.status == 0, "\(imported.err)")
    #expect(imported.err.contains("5 sections, 21 items"))
    let lint = try cli.run(["lint", cli.path("deon.yaml")])
    #expect(lint.status == 0 && lint.out.contains("ok"), "\(lint.out)\(lint.err)")
    #expect(try cli.run(["new", "--name", "Team D", "--out", cli.path("s.json")]).status == 0)
    let added = try cli.run(["lens", "add", cli.path("deon.yaml"), cli.path("s.json")])
    #expect(added.status == 0, "\(added.err)")
    #expect(try cli.run(["lens", "add", "ml-test-score", cli.path("s.json")]).status == 0)
    // The session opens anywhere: the lens file is no longer needed.
    try FileManager.default.removeItem(atPath: cli.path("deon.yaml"))
    let export = try cli.run(["export", cli.path("s.json"), "--format", "markdown"])
    #expect(export.status == 0, "\(export.err)")
    let section = try #require(
      export.out.components(separatedBy: "## Lens: Data Science Ethics Checklist").last?
        .components(separatedBy: "## Lens:").first)
    let ids = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| ID") }
      .compactMap { $0.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) }
    #expect(
      ids == [
        "A.1", "A.2", "A.3", "A.4", "B.1", "B.2", "B.3", "C.1", "C.2", "C.3", "C.4", "C.5", "D.1",
        "D.2", "D.3", "D.4", "D.5", "E.1", "E.2", "E.3", "E.4",
      ])
    #expect(export.out.contains("| A.1 | Informed consent | todo |  |"))
    #expect(export.out.contains("| E.4 | Unintended use | todo |  |"))
    #expect(export.out.contains("Final score 0, band 0"))
    let list = try cli.run(["lens", "list", cli.path("s.json")])
    #expect(list.out.contains("data-science-ethics-checklist  Data Science Ethics Checklist"))
    let removed = try cli.run(["lens", "remove", "ml-test-score", cli.path("s.json")])
    #expect(removed.status == 0, "\(removed.err)")
    let unknown = try cli.run(["lens", "remove", "ml-test-score", cli.path("s.json")])
    #expect(unknown.status == 2)
    #expect(unknown.err.contains("there is no lens ml-test-score"))
    for format in ["model-card", "datasheet", "model-card-json", "html", "json"] {
      let out = try cli.run(["export", cli.path("s.json"), "--format", format])
      #expect(out.status == 0, "\(format): \(out.err)")
    }
  }

  @Test func aBrokenDeonFileIsALocatedErrorWithExit65() throws {
    let broken = cli.path("broken.yml")
    try
      "title: T\nsections:\n  - title: A\n    section_id: A\n    lines:\n      - line_id: A.1\n        line: x\n"
      .write(toFile: broken, atomically: true, encoding: .utf8)
    let result = try cli.run(["import", "deon", broken])
    #expect(result.status == 65)
    #expect(
      result.err.contains("broken.yml:6:9: error: missing key 'line_summary'"), "\(result.err)")
    let missing = try cli.run(["import", "deon", cli.path("none.yml")])
    #expect(missing.status == 65 || missing.status == 1)
  }

  @Test func aBrokenLensFileIsRefusedWithExit65AndTheSessionKept() throws {
    #expect(try cli.run(["new", "--name", "Team E", "--out", cli.path("s.json")]).status == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.path("s.json")))
    try
      "format_version: 1\nid: x\nversion: \"1\"\ntitle: X\nlens: {}\nphases:\n  - id: p\n    title: P\n    items:\n      - id: I.1\n        title: T\n        guidance: G\n        tags: [model-card/nope]\n        required: true\n"
      .write(toFile: cli.path("lens.yaml"), atomically: true, encoding: .utf8)
    let result = try cli.run(["lens", "add", cli.path("lens.yaml"), cli.path("s.json")])
    #expect(result.status == 65)
    #expect(result.err.contains("lens.yaml:13:"), "\(result.err)")
    #expect(result.err.contains("names no section of the model-card"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("s.json"))) == before)
  }

  /// `lens add` takes deon's own file too, imported as `import deon` does (the screens' `+`
  /// reads lenses with the same function); a broken one is located, exit 65, session kept; a
  /// missing one is a failure, exit 1.
  @Test func lensAddImportsADeonChecklistOnTheFly() throws {
    #expect(try cli.run(["new", "--name", "Team F", "--out", cli.path("s.json")]).status == 0)
    let added = try cli.run(["lens", "add", Self.deon.path, cli.path("s.json")])
    #expect(added.status == 0, "\(added.err)")
    #expect(added.out.contains("Added lens 'data-science-ethics-checklist'"))
    #expect(added.out.contains("21 items"))
    let list = try cli.run(["lens", "list", cli.path("s.json")])
    #expect(list.out.contains("0 of 21 settled"), "\(list.out)")
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.path("s.json")))
    let broken = cli.path("broken.yml")
    try
      "title: T\nsections:\n  - title: A\n    section_id: A\n    lines:\n      - line_id: A.1\n        line: x\n"
      .write(toFile: broken, atomically: true, encoding: .utf8)
    let refused = try cli.run(["lens", "add", broken, cli.path("s.json")])
    #expect(refused.status == 65)
    #expect(
      refused.err.contains("broken.yml:6:9: error: missing key 'line_summary'"), "\(refused.err)")
    let missing = try cli.run(["lens", "add", cli.path("none.yml"), cli.path("s.json")])
    #expect(missing.status == 1, "\(missing.err)")
    #expect(missing.err.contains("none.yml: error: cannot read"), "\(missing.err)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("s.json"))) == before)
  }
}
