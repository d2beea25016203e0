import Testing

@testable import CaseBenchCore

/// The built-in case study's image must give exactly the case study its YAML gives, and must
/// never be used once the YAML has moved on.
@Suite("Case study images")
struct CaseStudyImageTests {
  static let yaml = PackageResources.bike_shop_yaml
  static let image = PackageResources.bike_shop_image

  @Test func theBuiltInImageIsTheImageOfTheBuiltInYAML() throws {
    let parsed = try CaseStudyLoader.parse(
      BuiltInCaseStudies.bikeShopYAML, file: CaseStudyCatalog.builtInFileName)
    // Compared as Bools: a failure names the fix instead of printing 120 KB of bytes.
    let current = CaseStudyImage.encode(parsed, source: Self.yaml) == Self.image
    #expect(
      current,
      "Sources/CaseBenchCore/Resources/bike-shop.image is not the image of bike-shop.yaml: run scripts/compile-builtin"
    )
    let decoded = CaseStudyImage.decode(Self.image, source: Self.yaml)
    let decodedAsItShould = current ? decoded == parsed : decoded == nil
    #expect(decodedAsItShould, "a current image gives the parsed case study, a stale one nothing")
    let builtInIsParsed = CaseStudyCatalog.builtIn() == [parsed]
    #expect(builtInIsParsed, "the built-in Bike Shop is what its YAML says, image or not")
  }

  @Test func anImageOfOtherYAMLIsNotUsed() {
    var edited = Self.yaml
    edited[edited.count / 2] ^= 0x01
    #expect(CaseStudyImage.decode(Self.image, source: edited) == nil)
    #expect(CaseStudyImage.decode(Self.image, source: Self.yaml + [0x0A]) == nil)
    #expect(CaseStudyImage.decode(Self.image, source: Array(Self.yaml.dropLast())) == nil)
  }

  @Test func everyFieldAndEdgeValueComesBack() {
    let source = Array("any source".utf8)
    let study = Self.edgeStudy()
    let image = CaseStudyImage.encode(study, source: source)
    #expect(CaseStudyImage.decode(image, source: source) == study)
  }

  /// Cut short at every length, or with any one byte changed, an image is refused or read as
  /// some case study; it never traps or reads past its end.
  @Test func aDamagedImageIsRefusedWithoutCrashing() {
    let source = Array("any source".utf8)
    let image = CaseStudyImage.encode(Self.edgeStudy(), source: source)
    for length in 0..<image.count {
      #expect(CaseStudyImage.decode(Array(image.prefix(length)), source: source) == nil)
    }
    #expect(CaseStudyImage.decode(image + [0], source: source) == nil)
    for index in CaseStudyImage.magic.count + 16..<image.count {
      for flip: UInt8 in [0x01, 0x80, 0xFF] {
        var damaged = image
        damaged[index] ^= flip
        _ = CaseStudyImage.decode(damaged, source: source)
      }
    }
  }

  /// The codec lists each type's fields by hand, so a field added to the model must be added to
  /// its `write` and `init` too (and to `edgeStudy`); this counts them.
  @Test func theCodecWritesEveryField() throws {
    let study = Self.edgeStudy()
    let phase = try #require(study.phases.first)
    let item = try #require(phase.items.first)
    let decision = try #require(phase.decisions.first)
    let fieldsWritten: [(String, Any, Int)] = [
      ("CaseStudy", study, 10), ("RetiredItem", study.retiredItems[0], 4),
      ("CastMember", study.cast[0], 7), ("Phase", phase, 13),
      ("Schedule", try #require(phase.schedule), 4), ("ModelAnswer", phase.modelAnswers[0], 3),
      ("Item", item, 11), ("Decision", decision, 5), ("DecisionOption", decision.options[0], 5),
      ("RiskPrompt", phase.riskPrompts[0], 4),
    ]
    for (type, value, written) in fieldsWritten {
      #expect(
        Mirror(reflecting: value).children.count == written,
        "\(type)'s fields changed: update its write and init in CaseStudyImage.swift, the count here, and edgeStudy"
      )
    }
  }

  @Test func integersSurviveAtTheirLimits() throws {
    for value in [
      0, 1, -1, 63, -64, 64, 127, 128, 300, -300, 1 << 40, -(1 << 40), Int.max, Int.min,
    ] {
      var writer = ImageWriter()
      writer.varint(value)
      var reader = ImageReader(bytes: writer.bytes)
      #expect(try reader.varint() == value)
      #expect(reader.atEnd)
    }
  }

  /// Eleven bytes, or a tenth byte with bits beyond the 64th, are not a number.
  @Test func overlongIntegersAreRefused() {
    for bytes: [UInt8] in [
      Array(repeating: 0x80, count: 10) + [0x01], Array(repeating: 0xFF, count: 9) + [0x02],
    ] {
      var reader = ImageReader(bytes: bytes)
      #expect(throws: ImageReader.Malformed.self) { try reader.varint() }
    }
    var top = ImageReader(bytes: Array(repeating: 0xFF, count: 9) + [0x01])
    #expect(throws: Never.self) { try top.varint() }
  }

  static func edgeStudy() -> CaseStudy {
    let item = Item(
      id: "I.1", title: "Ünïcödé — “quoted” 🚲", guidance: "", caseContext: "line\nbreak",
      why: "why", hint: "hint", tags: ["a", ""], required: true, references: ["r"],
      arisesIn: ["data"], level: .extension)
    let phase = Phase(
      id: "data", title: "Data", goal: "g", briefing: "b", timeboxMinutes: -5,
      items: [
        item,
        Item(
          id: "I.2", title: "t", guidance: "g", caseContext: "c", why: "w",
          hint: "h", tags: [], required: false),
      ],
      decisions: [
        Decision(
          id: "D", title: "T", situation: "S",
          options: [
            DecisionOption(id: "a", label: "A", consequence: "C", verdict: .poor, debrief: "d"),
            DecisionOption(id: "b", label: "B", consequence: "C", verdict: .recommended),
          ], facilitatorNotes: "n")
      ],
      riskPrompts: [
        RiskPrompt(id: "R1", text: "t", likelihood: 5, impact: nil), RiskPrompt(id: "R2", text: ""),
      ],
      facilitatorNotes: "f", gate: ["I.2"],
      schedule: Schedule(read: 1, work: 2, decide: 3, debrief: 4),
      modelAnswers: [
        ModelAnswer(topic: "t", answer: "a", item: "I.1"), ModelAnswer(topic: "u", answer: "b"),
      ], showsIn: "modelling")
    let plain = Phase(
      id: "ethics", title: "Ethics", goal: "", briefing: "", timeboxMinutes: 0, items: [],
      decisions: [], riskPrompts: [], facilitatorNotes: "", gate: [])
    return CaseStudy(
      formatVersion: 1, id: "edge", version: "2.0", title: "Edge", summary: "", background: "b",
      cast: [
        CastMember(
          id: "c", name: "N", role: "R", wants: "W", hotButtons: ["x"], power: .high,
          interest: .low)
      ],
      phases: [phase, plain],
      retiredItems: [RetiredItem(id: "OLD", title: "Old", reason: "gone", replacedBy: ["I.1"])],
      lens: LensSettings(scoring: .mlTestScore, source: "s"))
  }
}
