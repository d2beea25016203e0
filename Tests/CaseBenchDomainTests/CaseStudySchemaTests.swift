import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel

/// CaseStudies/casestudy.schema.json, for YAML editors, says what the validator says: every key
/// of every kind of mapping, its type, its choices and whether it is required, and nothing more.
@Suite("Case-study JSON Schema")
struct CaseStudySchemaTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func schema() throws -> [String: Any] {
    let data = try Data(
      contentsOf: root.appendingPathComponent("CaseStudies/casestudy.schema.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The schema's name for a kind of mapping: "risk prompt" is `riskPrompt`.
  static func definitionName(_ kind: String) -> String {
    let words = kind.split(separator: " ")
    return words.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }
      .joined()
  }

  /// The schema of one value, as the format's table says it should be (descriptions aside).
  static func expected(_ type: FormatType) -> [String: Any] {
    func ref(_ kind: String) -> String { "#/definitions/\(definitionName(kind))" }
    switch type {
    case .text: return ["type": "string"]
    case .version: return ["type": ["string", "number"]]
    case .choice(let words): return ["type": "string", "enum": words]
    case .integer(let minimum, let maximum):
      var out: [String: Any] = ["type": "integer", "minimum": minimum]
      if let maximum { out["maximum"] = maximum }
      return out
    case .boolean: return ["type": "boolean"]
    case .texts: return ["type": "array", "items": ["type": "string"]]
    case .list(let kind): return ["type": "array", "items": ["$ref": ref(kind)]]
    case .mapping(let kind): return ["$ref": ref(kind)]
    }
  }

  /// `actual` has every entry of `expected`, equal as JSON (extra keys such as descriptions and
  /// list lengths are allowed).
  static func covers(_ actual: [String: Any], _ expected: [String: Any]) -> Bool {
    expected.allSatisfy { key, value in
      guard let have = actual[key] else { return false }
      if let nested = value as? [String: Any] {
        return (have as? [String: Any]).map { covers($0, nested) } ?? false
      }
      return (have as? NSObject)?.isEqual(value) ?? false
    }
  }

  @Test func everyKindOfMappingHasItsKeysTypesAndRequiredKeysAndNoOthers() throws {
    let schema = try Self.schema()
    let definitions = try #require(schema["definitions"] as? [String: [String: Any]])
    #expect(
      Set(definitions.keys)
        == Set(CaseStudyFormat.mappings.dropFirst().map { Self.definitionName($0.kind) }))
    for mapping in CaseStudyFormat.mappings {
      let object =
        mapping.kind == CaseStudyFormat.caseStudy.kind
        ? schema : try #require(definitions[Self.definitionName(mapping.kind)], "\(mapping.kind)")
      #expect(object["type"] as? String == "object", "\(mapping.kind)")
      #expect(
        object["additionalProperties"] as? Bool == false,
        "\(mapping.kind): unknown keys are errors in lint, so the schema must refuse them too")
      let properties = try #require(object["properties"] as? [String: [String: Any]])
      #expect(Set(properties.keys) == Set(mapping.names), "\(mapping.kind): keys")
      #expect(
        Set(object["required"] as? [String] ?? []) == Set(mapping.required),
        "\(mapping.kind): required keys")
      for field in mapping.fields {
        let property = try #require(properties[field.name])
        #expect(
          Self.covers(property, Self.expected(field.type)),
          "\(mapping.kind).\(field.name): the schema says \(property)")
      }
    }
  }

  /// How the validator reads each key, on files that between them use every key.
  static func validatorReads() throws -> [String: ValueRead] {
    let files = [
      root.appendingPathComponent("CaseStudies/bike-shop.yaml"),
      root.appendingPathComponent("Tests/CaseBenchDomainTests/Fixtures/valid/workshop.yaml"),
      // A decision's `opens`.
      root.appendingPathComponent("Tests/CaseBenchDomainTests/Fixtures/opens/vote-opens.yaml"),
      // A lens: `lens:` and a phase's `shows_in`.
      root.appendingPathComponent("Sources/CaseBenchLoading/Resources/ml-test-score.yaml"),
    ]
    var reads: [String: ValueRead] = [:]
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      guard case .success(let tree) = YAMLSyntax.compose(text, file: file.lastPathComponent) else {
        Issue.record("\(file.lastPathComponent) does not parse")
        continue
      }
      var validator = CaseStudyValidator(file: file.lastPathComponent, tree: tree)
      validator.reads = [:]
      #expect(validator.validate() != nil)
      reads.merge(validator.reads ?? [:]) { first, _ in first }
    }
    return reads
  }

  /// The format's table, which the validator takes its keys from, gives each key the type the
  /// validator reads it as; and the validator reads no key the table leaves out.
  @Test func theFormatTableMatchesHowTheValidatorReadsEachKey() throws {
    let reads = try Self.validatorReads()
    var listed: Set<String> = []
    for mapping in CaseStudyFormat.mappings {
      for field in mapping.fields {
        let key = "\(mapping.kind).\(field.name)"
        listed.insert(key)
        let read = try #require(reads[key], "the validator never read \(key)")
        let expected: ValueRead =
          switch field.type {
          case .text, .version, .choice: .text
          case .integer: .integer
          case .boolean: .boolean
          case .texts: .texts
          case .list: .list
          case .mapping: .mapping
          }
        #expect(read == expected, "\(key): read as \(read), the table says \(field.type)")
      }
    }
    #expect(Set(reads.keys).subtracting(listed).isEmpty)
  }

  @Test func theChoicesAreTheDomainsOwn() {
    let field = { (mapping: FormatMapping, name: String) in
      mapping.fields.first { $0.name == name }?.type
    }
    #expect(
      field(CaseStudyFormat.option, "verdict") == .choice(Verdict.allCases.map(\.rawValue)))
    #expect(field(CaseStudyFormat.castMember, "power") == .choice(Level.allCases.map(\.rawValue)))
    #expect(field(CaseStudyFormat.item, "level") == .choice(ItemLevel.allCases.map(\.rawValue)))
  }

  @Test func theReadmesSayHowToPointAnEditorAtIt() throws {
    let line = "# yaml-language-server: $schema="
    for readme in ["README.md", "CaseStudies/README.md"] {
      let text = try String(
        contentsOf: Self.root.appendingPathComponent(readme), encoding: .utf8)
      #expect(text.contains(line) && text.contains("casestudy.schema.json"), "\(readme)")
    }
  }
}
