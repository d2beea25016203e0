import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchStore

/// The promise every loader keeps for hostile input, checked the same way by the structured
/// mutation tests and by the replay of every input the fuzzers ever found: the file loads, or
/// every problem says where it is (`FILE:LINE:COLUMN`) and how to fix it, on one short line.
enum HostileInput {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// A diagnostic longer than this quotes too much of the input back at the user.
  static let longestMessage = 1_000

  static func minimalYAML() throws -> String {
    try String(
      contentsOf: fixtures.appendingPathComponent("valid/minimal.yaml"), encoding: .utf8)
  }

  static var bikeShopYAML: String { BuiltInCaseStudies.bikeShopYAML }

  // MARK: Case studies

  /// Loads `text` as a case study and checks every diagnostic. Returns the case study, if any.
  @discardableResult
  static func checkCaseStudy(
    _ text: String, _ label: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> CaseStudy? {
    let result = CaseStudyLoader.validate(text, file: "hostile.yaml")
    let errors = result.diagnostics.filter(\.isError)
    if result.caseStudy == nil {
      #expect(
        !errors.isEmpty, "\(label()): refused without an error", sourceLocation: sourceLocation)
    } else {
      #expect(
        errors.isEmpty, "\(label()): loaded despite \(errors)", sourceLocation: sourceLocation)
    }
    // libyaml breaks lines at LF, CR, NEL, LS and PS, and puts the end of a file whose last
    // line has no line break on the line after it.
    let breaks = text.unicodeScalars.reduce(0) {
      $0 + ("\n\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains($1) ? 1 : 0)
    }
    for diagnostic in result.diagnostics {
      checkDiagnostic(diagnostic, lastLine: breaks + 2, label(), sourceLocation: sourceLocation)
    }
    return result.caseStudy
  }

  static func checkDiagnostic(
    _ d: Diagnostic, lastLine: Int, _ label: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    // The one diagnostic that may have no position sums up those left out.
    let summary = d.line == 0 && d.message.hasSuffix("more problems not shown")
    #expect(
      summary || (d.line >= 1 && d.column >= 1), "\(label()): not located: \(d)",
      sourceLocation: sourceLocation)
    #expect(d.line <= lastLine, "\(label()): past the end: \(d)", sourceLocation: sourceLocation)
    #expect(d.fix?.isEmpty == false, "\(label()): no fix: \(d)", sourceLocation: sourceLocation)
    checkOneLine(d.description, label(), sourceLocation: sourceLocation)
  }

  // MARK: Sessions

  /// Decodes `data` as a session. A session that loads must survive a save and a reload
  /// unchanged; one that does not must give a located error.
  @discardableResult
  static func checkSession(
    _ data: Data, _ label: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Session? {
    let session: Session
    do {
      session = try SessionStore.decode(data, file: "hostile.json")
    } catch {
      #expect(
        error.line >= 1 && error.column >= 1, "\(label()): not located: \(error)",
        sourceLocation: sourceLocation)
      #expect(
        error.fix?.isEmpty == false, "\(label()): no fix: \(error)", sourceLocation: sourceLocation)
      checkOneLine(error.description, label(), sourceLocation: sourceLocation)
      return nil
    }
    do {
      let again = try SessionStore.decode(SessionStore.encode(session), file: "again.json")
      #expect(again == session, "\(label()): changed by a save", sourceLocation: sourceLocation)
    } catch {
      Issue.record(
        "\(label()): a saved copy does not load: \(error)", sourceLocation: sourceLocation)
    }
    return session
  }

  static func checkOneLine(
    _ description: String, _ label: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let controls = description.unicodeScalars.filter(DiagnosticLine.needsEscape)
    #expect(
      controls.isEmpty, "\(label()): raw control characters in \(description.debugDescription)",
      sourceLocation: sourceLocation)
    #expect(
      description.count <= longestMessage,
      "\(label()): a \(description.count)-character diagnostic: \(description.prefix(200))…",
      sourceLocation: sourceLocation)
  }

  // MARK: Sessions in every state, over the built-in Bike Shop

  static var bikeShop: CaseStudy {
    get throws { try #require(CaseStudyCatalog.builtIn().first { $0.id == "bike-shop" }) }
  }

  /// One session for each state a session can be in, by name (also the fuzzing seeds).
  static func sessionsInEveryState() throws -> [(name: String, session: Session)] {
    let bike = try bikeShop
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)
    func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }
    let items = bike.allItems.map(\.id)
    let decisions = bike.phases.flatMap(\.decisions)

    let fresh = Session(participant: "Ana", caseStudy: bike, now: t0)

    var working = fresh
    working.cycleStatus(of: items[0], at: at(1))
    working.cycleStatus(of: items[1], at: at(2))
    working.cycleStatus(of: items[1], at: at(3))
    working.setStatus(.blocked, of: items[2], at: at(4))
    working.setStatus(.notApplicable, of: items[3], reason: "No loyalty data", at: at(5))
    working.setNote(
      "Asked Nadia.\nTwo stores are missing: \"Thornby\" & Hollins.", of: items[0], at: at(6))
    working.setNote("Café ☕ 日本語 — e\u{301} 🚲", of: items[4], at: at(7))
    if let first = decisions.first, first.options.count >= 2 {
      working.decide(
        first.id, option: first.options[0].id, rationale: "Tom's data is good.", at: at(8))
      working.decide(
        first.id, option: first.options[1].id, rationale: "Changed my mind.", at: at(9))
    }
    working.moveCursor(phase: bike.phases[1].id, item: bike.phases[1].items.first?.id)

    var finished = fresh
    for (n, id) in items.enumerated() {
      if n % 5 == 4 {
        finished.setStatus(.notApplicable, of: id, reason: "Out of scope", at: at(Double(n)))
      } else {
        finished.setStatus(.done, of: id, at: at(Double(n)))
      }
    }
    for (n, decision) in decisions.enumerated() {
      if let option = decision.options.first {
        finished.decide(decision.id, option: option.id, rationale: "Reason \(n).", at: at(500))
      }
    }
    finished.moveCursor(phase: bike.phases[bike.phases.count - 1].id, item: nil)

    var ownProject = Session(participant: "Team B", caseStudy: bike, mode: .ownProject, now: t0)
    ownProject.setNote("Our own project: churn.", of: items[0], at: at(1.5))

    var noCursor = working
    noCursor.cursor = nil

    var hostile = working
    hostile.setNote(
      "\u{1B}[2J\u{1B}]0;pwned\u{7} | # heading\n\u{202E}evil\u{202C} \u{2066}iso\u{2069} zero\u{200B}width",
      of: items[5], at: at(20))
    hostile.setStatus(.notApplicable, of: items[6], reason: "\u{202E}txt.exe", at: at(21))

    return [
      ("fresh", fresh), ("working", working), ("finished", finished),
      ("own-project", ownProject), ("no-cursor", noCursor), ("hostile-text", hostile),
    ]
  }
}

// MARK: - Editing block-style YAML by lines

/// A line of a block-style YAML file that starts a key (`  key: value` or `  - key: value`),
/// and the lines its value covers.
struct YAMLKeyLine {
  var index: Int
  var key: String
  var dash: Bool
  var indent: Int
  /// The text after `key:` on the same line, without the separating space.
  var value: String
  /// The first line after the key's value.
  var end: Int

  var keyColumn: Int { indent + (dash ? 2 : 0) }

  static func all(in lines: [String]) -> [YAMLKeyLine] {
    var out: [YAMLKeyLine] = []
    for (index, line) in lines.enumerated() {
      let indent = line.prefix { $0 == " " }.count
      var rest = Substring(line.dropFirst(indent))
      let dash = rest.hasPrefix("- ")
      if dash { rest = rest.dropFirst(2) }
      let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      guard !key.isEmpty else { continue }
      let after = rest.dropFirst(key.count)
      guard after == ":" || after.hasPrefix(": ") else { continue }
      let column = indent + (dash ? 2 : 0)
      var end = index + 1
      while end < lines.count {
        let next = lines[end]
        let nextIndent = next.prefix { $0 == " " }.count
        if next.allSatisfy({ $0 == " " }) || nextIndent > column {
          end += 1
        } else {
          break
        }
      }
      out.append(
        YAMLKeyLine(
          index: index, key: String(key), dash: dash, indent: indent,
          value: String(after.dropFirst().drop { $0 == " " }), end: end))
    }
    return out
  }

  /// The file without this key and its value. A list entry keeps its dash.
  func deleted(from lines: [String]) -> [String] {
    var copy = lines
    if dash {
      copy.replaceSubrange(index..<end, with: [String(repeating: " ", count: indent) + "-"])
    } else {
      copy.removeSubrange(index..<end)
    }
    return copy
  }

  /// The file with this key's value replaced by `value` (inline).
  func replaced(in lines: [String], with value: String) -> [String] {
    var copy = lines
    let head = String(repeating: " ", count: indent) + (dash ? "- " : "") + key + ": " + value
    copy.replaceSubrange(index..<end, with: [head])
    return copy
  }
}

extension Array where Element == String {
  var joinedLines: String { joined(separator: "\n") + "\n" }
}
