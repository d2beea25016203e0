import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel

@Suite("casebench new-case skeleton")
struct SkeletonTests {
  @Test func theSkeletonLintsCleanWithNoWarnings() throws {
    let yaml = CaseStudySkeleton.yaml(id: "ice-cream-van")
    let diagnostics = CaseStudyLoader.lint(yaml, file: "ice-cream-van.yaml")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    let study = try CaseStudyLoader.parse(yaml, file: "ice-cream-van.yaml")
    #expect(study.id == "ice-cream-van")
  }

  @Test func theSkeletonUsesEveryKindOfEntry() throws {
    let study = try CaseStudyLoader.parse(CaseStudySkeleton.yaml(id: "x"), file: "x.yaml")
    #expect(!study.cast.isEmpty)
    #expect(study.phases.count >= 2)
    let items = study.allItems
    #expect(items.contains { !$0.arisesIn.isEmpty && $0.tags.contains("ethics") })
    #expect(items.contains { !$0.references.isEmpty })
    let verdicts = Set(study.phases.flatMap(\.decisions).flatMap(\.options).map(\.verdict))
    #expect(verdicts == Set(Verdict.allCases), "the skeleton shows a real verdict mix")
    #expect(study.phases.contains { !$0.riskPrompts.isEmpty })
  }
}

@Suite("Lint's rough edges")
struct LintRoughEdgeTests {
  static let minimal: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/valid/minimal.yaml")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  @Test func blockTextNotIndentedIsReportedAtItsLineWithAHint() {
    let yaml = Self.minimal.replacingOccurrences(
      of: "        guidance: Find the decision the model supports.\n",
      with: "        guidance: >\n        Find the decision the model supports.\n")
    let diagnostics = CaseStudyLoader.lint(yaml, file: "m.yaml")
    #expect(
      diagnostics.map(\.description) == [
        "m.yaml:27:9: error: the text of 'guidance: >' at line 26 is not indented under it "
          + "(fix: indent the text by 10 spaces, two more than 'guidance:')"
      ])
  }

  @Test func anEmptyBlockBeforeAKeyIsNotMistakenForUnindentedText() {
    #expect(YAMLSyntax.unindentedBlockText(before: 3, in: "a: >\nb: c\nd e\n") == nil)
    #expect(
      YAMLSyntax.unindentedBlockText(before: 3, in: "- a: |-\n  text\n  b: c\n")?.line == 2)
  }

  @Test func aDuplicatePhaseIDGivesOneErrorAndNoFollowOn() {
    let yaml = Self.minimal.replacingOccurrences(of: "  - id: ethics\n", with: "  - id: scoping\n")
    let errors = CaseStudyLoader.lint(yaml, file: "m.yaml").filter(\.isError)
    #expect(errors.map(\.message) == ["duplicate phase id 'scoping' (first defined at line 18)"])
  }
}
