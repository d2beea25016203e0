import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchStore

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures")

/// The workshop fields (`level`, `schedule`, `debrief`, `model_answers`, `retired_items`) and
/// the writing tips that lint checks.
@Suite("Case-study format: workshop fields and writing tips")
struct FormatTests {
  static let workshop: String = {
    (try? String(
      contentsOf: fixtures.appendingPathComponent("valid/workshop.yaml"), encoding: .utf8)) ?? ""
  }()

  private func variant(_ replacements: [(String, String)]) throws -> String {
    var text = Self.workshop
    for (old, new) in replacements {
      try #require(text.components(separatedBy: old).count == 2, "'\(old)' must occur once")
      text = text.replacingOccurrences(of: old, with: new)
    }
    return text
  }

  private func lint(_ yaml: String) -> [Diagnostic] { CaseStudyLoader.lint(yaml, file: "w.yaml") }

  private func warnings(_ yaml: String) -> [String] {
    lint(yaml).filter { !$0.isError }.map(\.description)
  }

  @Test func workshopFixtureLoadsEveryNewField() throws {
    let study = try CaseStudyLoader.load(
      contentsOf: fixtures.appendingPathComponent("valid/workshop.yaml"))
    let scoping = study.phases[0]
    #expect(scoping.schedule == Schedule(read: 5, work: 15, decide: 5, debrief: 5))
    #expect(scoping.schedule?.total == scoping.timeboxMinutes)
    #expect(study.phases[1].schedule == nil, "schedule is optional")
    #expect(scoping.items.map(\.level) == [.core, .extension])
    #expect(study.phases[1].items.map(\.level) == [.core], "level defaults to core")
    let options = try #require(scoping.decisions.first?.options)
    #expect(
      options.map(\.debrief) == [
        "Ask what the extra months buy.", "Ask who owns the vendor's model once the contract ends.",
      ])
    #expect(
      scoping.modelAnswers == [
        ModelAnswer(
          topic: "Decision", answer: "Stock levels per shop, set each Monday.", item: "S.1"),
        ModelAnswer(topic: "Success", answer: "Fewer empty shelves in spring."),
      ])
    #expect(
      study.retiredItems == [
        RetiredItem(
          id: "S.3", title: "Count the bikes", reason: "Folded into S.2.", replacedBy: ["S.2"]),
        RetiredItem(id: "E.2", title: "Ask the customers", reason: "Out of scope."),
      ])
    #expect(study.retiredItem(id: "E.2")?.title == "Ask the customers")
    // The only remark is the old one about the ethics phase having no decisions.
    #expect(warnings(Self.workshop).count == 1)
  }

  @Test func checklistPutsCoreItemsFirstInAuthorOrder() {
    func item(_ id: String, _ level: ItemLevel) -> Item {
      Item(
        id: id, title: id, guidance: "", caseContext: "", why: "", hint: "", tags: [],
        required: false, level: level)
    }
    let phase = Phase(
      id: "p", title: "P", goal: "", briefing: "", timeboxMinutes: 10,
      items: [item("a", .extension), item("b", .core), item("c", .extension), item("d", .core)],
      decisions: [], riskPrompts: [], facilitatorNotes: "")
    #expect(phase.checklist.map(\.id) == ["b", "d", "a", "c"])
  }

  @Test func scheduleThatMissesTheTimeboxIsAWarningNotAnError() throws {
    let yaml = try variant([("      debrief: 5\n", "      debrief: 15\n")])
    let diagnostics = lint(yaml)
    #expect(diagnostics.filter(\.isError).isEmpty)
    #expect(
      diagnostics.contains {
        $0.line == 31 && $0.severity == .warning
          && $0.message
            == "the schedule of phase 'scoping' adds up to 40 minutes, but 'timebox_minutes' is 30"
      }, "\(diagnostics)")
  }

  @Test func scheduleShapeErrorsAreLocatedWithAFix() throws {
    let notMapping = lint(
      try variant([
        (
          "    schedule:\n      read: 5\n      work: 15\n      decide: 5\n      debrief: 5\n",
          "    schedule: 30\n"
        )
      ]))
    #expect(
      notMapping.contains {
        $0.isError && $0.line == 31
          && $0.message.contains("'schedule' in phase 'scoping' must be a mapping")
          && $0.fix?.contains("'read:', 'work:', 'decide:' and 'debrief:'") == true
      }, "\(notMapping)")
    let missing = lint(try variant([("      decide: 5\n", "")])).filter(\.isError)
    #expect(missing.count == 1)
    #expect(
      missing.first?.message == "missing required key 'decide' in the schedule of phase 'scoping'")
    let typo = lint(try variant([("      work: 15\n", "      wrok: 15\n")])).filter(\.isError)
    #expect(
      typo.contains {
        $0.message.contains("unknown key 'wrok'") && $0.fix == "did you mean 'work'?"
      })
    let text = lint(try variant([("      work: 15\n", "      work: fifteen\n")])).filter(\.isError)
    #expect(
      text.contains {
        $0.line == 33 && $0.column == 13 && $0.message.contains("must be a whole number")
      })
  }

  @Test func debriefAndModelAnswersMustBeText() throws {
    let debrief = lint(
      try variant([
        ("            debrief: Ask what the extra months buy.\n", "            debrief: [a, b]\n")
      ])
    ).filter(\.isError)
    #expect(debrief.count == 1)
    #expect(
      debrief.first?.message
        == "'debrief' in option 'a' of decision 'S.D1' must be text, found a list")
    let answer = lint(try variant([("        answer: Fewer empty shelves in spring.\n", "")]))
      .filter(\.isError)
    #expect(
      answer.first?.message == "missing required key 'answer' in model answer 2 of phase 'scoping'")
    let unknown = lint(try variant([("        item: S.1\n", "        item: S.9\n")])).filter(
      \.isError)
    #expect(unknown.first?.message == "a model answer of phase 'scoping' names unknown item 'S.9'")
  }

  @Test func retiredItemsNeedATitleAndAReasonAndUniqueIDs() throws {
    let noReason = lint(try variant([("    reason: Out of scope.\n", "")])).filter(\.isError)
    #expect(noReason.first?.message == "missing required key 'reason' in retired item 'E.2'")
    let twice = lint(try variant([("  - id: E.2\n    title: Ask", "  - id: S.3\n    title: Ask")]))
      .filter(\.isError)
    #expect(twice.first?.message == "duplicate retired item id 'S.3' (first defined at line 18)")
    let decision = lint(
      try variant([("  - id: E.2\n    title: Ask", "  - id: S.D1\n    title: Ask")])
    ).filter(\.isError)
    #expect(
      decision.first?.message.hasPrefix("retired item 'S.D1' is also the id of a decision") == true)
  }

  // MARK: Writing tips

  @Test func aTitleOrGoalThatNamesACastMemberIsAWarning() throws {
    let yaml = try variant([
      ("title: Name the decision\n", "title: Name the decision with Ana\n"),
      ("goal: Check for harm.\n", "goal: Check for harm to Ana's customers.\n"),
    ])
    let diagnostics = lint(yaml)
    #expect(diagnostics.filter(\.isError).isEmpty, "a tip never stops a case study loading")
    let tips = diagnostics.filter { $0.message.contains("from the cast") }
    #expect(tips.map(\.severity) == [.warning, .warning])
    #expect(
      tips.first?.description
        == "w.yaml:38:16: warning: the title of item 'S.1' names Ana from the cast; own-project "
        + "mode shows it without the story (fix: name the role instead (e.g. 'the data owner') "
        + "and keep Ana in 'case')")
    #expect(tips.last?.message.hasPrefix("the goal of phase 'ethics' names Ana") == true)
    // A word that only contains a name is not the name.
    let innocent = try variant([("title: Name the decision\n", "title: Name the banana decision\n")]
    )
    #expect(lint(innocent).allSatisfy { !$0.message.contains("from the cast") })
  }

  @Test func anOptionWithoutADebriefWhenOthersHaveOneIsAWarning() throws {
    let yaml = try variant([("            debrief: Ask what the extra months buy.\n", "")])
    let tips = lint(yaml).filter { $0.message.contains("debrief") }
    #expect(tips.count == 1)
    #expect(tips.first?.severity == .warning)
    #expect(tips.first?.message == "option 'a' of decision 'S.D1' has no debrief, though others do")
    #expect(tips.first?.line == 61)
  }

  @Test func aDecisionWithoutARecommendedOptionIsAWarning() throws {
    let yaml = try variant([("            verdict: recommended\n", "            verdict: poor\n")])
    let tips = lint(yaml).filter { $0.message.contains("recommended") }
    #expect(tips.map(\.message) == ["decision 'S.D1' has no recommended option"])
    #expect(tips.first?.severity == .warning)
  }

  /// Where two answers are equally good, two defensible options stand in for a forced
  /// recommended one; a decision whose options all share one verdict still has nothing to weigh.
  @Test func twoDefensibleOptionsNeedNoRecommendedOne() throws {
    let poorOption =
      "          - id: c\n            label: Wait\n            consequence: Nothing moves.\n"
      + "            verdict: poor\n            debrief: Ask what waiting cost.\n"
    let yaml = try variant([
      ("            verdict: recommended\n", "            verdict: defensible\n"),
      (
        "        facilitator_notes: Either works.\n",
        poorOption + "        facilitator_notes: Either works.\n"
      ),
    ])
    #expect(lint(yaml).filter { $0.message.contains("S.D1") }.isEmpty, "\(lint(yaml))")
    let allDefensible = try variant([
      ("            verdict: recommended\n", "            verdict: defensible\n")
    ])
    #expect(
      lint(allDefensible).filter { $0.message.contains("S.D1") }.map(\.message) == [
        "every option of decision 'S.D1' is defensible, so there is nothing to weigh"
      ])
  }

  @Test func titlesAndLabelsOverTheirLimitsAreWarnings() throws {
    let title = String(repeating: "t", count: CaseStudyValidator.titleLimit + 1)
    let label = String(repeating: "l", count: CaseStudyValidator.labelLimit + 1)
    let yaml = try variant([
      ("title: Name the decision\n", "title: \(title)\n"),
      ("            label: Build\n", "            label: \(label)\n"),
    ])
    let diagnostics = lint(yaml)
    #expect(diagnostics.filter(\.isError).isEmpty, "a tip never stops a case study loading")
    let tips = diagnostics.filter { $0.message.contains("characters;") }
    #expect(tips.map(\.severity) == [.warning, .warning])
    #expect(
      tips.map(\.message) == [
        "'title' of item 'S.1' is 61 characters; a title reads best at 60 or fewer",
        "'label' of option 'a' of decision 'S.D1' is 63 characters; an option label reads best "
          + "at 62 or fewer",
      ])
    #expect(tips.first?.line == 38)
    // At the limits, nothing.
    let fits = try variant([
      ("title: Name the decision\n", "title: \(title.dropLast())\n"),
      ("            label: Build\n", "            label: \(label.dropLast())\n"),
    ])
    #expect(lint(fits).allSatisfy { !$0.message.contains("characters;") })
  }

  @Test func anEthicsPhaseItemWithoutArisesInIsAWarning() throws {
    let yaml = try variant([("        arises_in: [scoping]\n", "")])
    let tips = lint(yaml).filter { $0.message.contains("arises_in") }
    #expect(tips.map(\.severity) == [.warning])
    #expect(
      tips.first?.message
        == "item 'E.1' of phase 'ethics' is an ethics item in a phase of ethics items but has "
        + "no 'arises_in'")
    #expect(lint(yaml).filter(\.isError).isEmpty)
    #expect(lint(Self.workshop).allSatisfy { !$0.message.contains("arises_in") })
    // The rule is the lens's (`Item.isEthicsItem`: the tag), not the phase's name: untagged,
    // the item is no ethics item and needs no placing.
    let untagged = try variant([
      ("        arises_in: [scoping]\n", ""),
      ("        tags: [ethics]\n", "        tags: [fairness]\n"),
    ])
    #expect(lint(untagged).allSatisfy { !$0.message.contains("arises_in") })
  }

  @Test func ethicsItemsAreTheItemsTaggedEthics() throws {
    let study = try CaseStudyLoader.parse(Self.workshop, file: "workshop.yaml")
    let ids = study.ethicsItems.map { study.phases[$0.phase].items[$0.item].id }
    #expect(ids == ["E.1"])
    let item = try #require(study.item(id: "E.1"))
    let p = try #require(study.phases.firstIndex { $0.id == "scoping" })
    #expect(study.arisesInNames(item) == ["\(p + 1) \(study.phases[p].title)"])
  }

  /// The validator takes integer bounds from the format table: for every bounded integer key,
  /// one below its minimum and one above its maximum is an error on that key's line, and the
  /// bounds themselves load.
  @Test func everyBoundedIntegerInTheFormatTableIsCheckedAtItsBounds() throws {
    var checked: [String] = []
    for mapping in CaseStudyFormat.mappings {
      for field in mapping.fields {
        guard let bounds = mapping.bounds(of: field.name) else { continue }
        let lines = Self.workshop.components(separatedBy: "\n")
        let prefix = field.name + ": "
        let at = try #require(
          lines.firstIndex {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix)
              && Int($0.trimmingCharacters(in: .whitespaces).dropFirst(prefix.count)) != nil
          }, "the workshop fixture has no '\(field.name)' to vary")
        func with(_ value: Int) -> String {
          var changed = lines
          let indent = changed[at].prefix { $0 == " " }
          changed[at] = indent + prefix + "\(value)"
          return changed.joined(separator: "\n")
        }
        var outside = [bounds.minimum - 1]
        if let maximum = bounds.maximum { outside.append(maximum + 1) }
        for value in outside {
          let errors = lint(with(value)).filter { $0.isError && $0.line == at + 1 }
          #expect(!errors.isEmpty, "\(mapping.kind) '\(field.name)': \(value) passed lint")
        }
        var inside = [bounds.minimum]
        if let maximum = bounds.maximum { inside.append(maximum) }
        for value in inside {
          let errors = lint(with(value)).filter { $0.isError && $0.line == at + 1 }
          #expect(errors.isEmpty, "\(mapping.kind) '\(field.name)': \(value) failed lint")
        }
        checked.append(field.name)
      }
    }
    #expect(
      Set(checked) == [
        "format_version", "timebox_minutes", "read", "work", "decide", "debrief", "likelihood",
        "impact", "at_minute",
      ])
  }

  @Test func everyOptionRecommendedIsAWarning() throws {
    let yaml = try variant([
      ("            verdict: defensible\n", "            verdict: recommended\n")
    ])
    let tips = lint(yaml).filter { $0.message.contains("recommended") }
    #expect(
      tips.map(\.message) == [
        "every option of decision 'S.D1' is recommended, so there is nothing to weigh"
      ])
    #expect(tips.first?.severity == .warning)
  }

  /// A case study with `count` decisions whose options are written by `options(index)`.
  private func decisions(_ count: Int, options: (Int) -> [(String, String)]) -> String {
    var yaml = """
      format_version: 1
      id: pattern
      version: "1"
      title: Pattern
      summary: s
      background: b
      cast: []
      phases:
        - id: p
          title: P
          goal: g
          briefing: b
          timebox_minutes: 10
          items:
            - {id: I.1, title: t, guidance: g, case: c, why: w, hint: h, tags: [], required: true}
          risk_prompts: []
          facilitator_notes: n
          decisions:

      """
    // A cast, so that the only warnings left are the ones under test.
    yaml = yaml.replacingOccurrences(
      of: "cast: []",
      with:
        "cast:\n  - {id: o, name: Ola, role: r, wants: w, hot_buttons: [h], power: low, interest: low}"
    )
    for index in 0..<count {
      yaml += "      - id: D\(index)\n        title: T\n        situation: S\n        options:\n"
      for (number, (label, verdict)) in options(index).enumerated() {
        yaml +=
          "          - {id: o\(number), label: \(label), consequence: c, verdict: \(verdict)}\n"
      }
    }
    return yaml
  }

  @Test func answersThatShowThroughPositionOrLengthAreWarnings() {
    let giveaway = decisions(3) { _ in
      [("Rush", "poor"), ("Plan the work with care first", "recommended"), ("Wait", "defensible")]
    }
    let tips = lint(giveaway).filter { !$0.isError }.map(\.message)
    #expect(tips.contains("the recommended option is option 2 in all 3 decisions"), "\(tips)")
    #expect(tips.contains("the first option is poor in all 3 decisions"))
    #expect(tips.contains("the recommended option has the longest label in all 3 decisions"))
    #expect(lint(giveaway).filter(\.isError).isEmpty)

    let varied = decisions(3) { index in
      let options = [
        ("Rush it", "poor"), ("Plan", "recommended"), ("Wait for the audit", "defensible"),
      ]
      return Array(options[index...] + options[..<index])
    }
    #expect(lint(varied).filter { !$0.isError }.isEmpty, "\(lint(varied))")
    // Two decisions are too few to call anything a pattern.
    #expect(lint(decisions(2) { _ in [("A", "poor"), ("Bb", "recommended")] }).isEmpty)
  }
}
