import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTUI

@Suite("Key table")
struct KeyTableTests {
  /// The keys a help label names: `arrows` is the four arrow keys, `a-z` a run of characters.
  static func names(in label: String) -> [String] {
    label.split(separator: " ").flatMap { token -> [String] in
      let t = String(token)
      if t == "arrows" { return ["Up", "Down", "Left", "Right"] }
      let parts = Array(t)
      if parts.count == 3, parts[1] == "-", let a = parts[0].asciiValue,
        let b = parts[2].asciiValue, a < b
      {
        return (a...b).map { String(UnicodeScalar($0)) }
      }
      return [t]
    }
  }

  @Test func everyLabelNamesExactlyTheBindingsKeys() {
    for binding in KeyTable.all where !binding.keys.isEmpty {
      let named = Self.names(in: binding.label)
      let bound = binding.keys.map(\.key.name)
      #expect(Set(named) == Set(bound), "\(binding.label): label and keys disagree")
      #expect(named.count == bound.count, "\(binding.label): a key is named twice or not at all")
    }
  }

  /// Where one key is bound twice in a scope on purpose; the first binding in the table wins.
  static let shadowed: [(KeyScope, Key, String)] = [
    (.workbench, .char("n"), "n writes a note unless a search is on"),
    (.decisionOptions, .char("j"), "j and k move even when there are ten options or more"),
    (.decisionOptions, .char("k"), "j and k move even when there are ten options or more"),
    (.decisionOptions, .char("q"), "q closes the dialog"),
  ]

  @Test func everyScopeIsRegisteredOnceUnderItsOwnName() {
    #expect(Set(KeyTable.scopes).count == KeyTable.scopes.count, "a scope registered twice")
    #expect(Set(KeyTable.scopes.map(\.name)).count == KeyTable.scopes.count, "a name used twice")
    for binding in KeyTable.all {
      let unregistered = binding.scopes.subtracting(KeyTable.everywhere)
      #expect(unregistered.isEmpty, "\(binding.label): read in \(unregistered), not registered")
    }
  }

  @Test func noKeyIsBoundTwiceInAScopeByAccident() {
    for scope in KeyTable.scopes {
      var seen: [Key: String] = [:]
      for binding in KeyTable.all where binding.scopes.contains(scope) {
        for (key, _) in binding.keys {
          if let first = seen[key] {
            let allowed = Self.shadowed.contains { $0.0 == scope && $0.1 == key }
            #expect(allowed, "\(key.name) in \(scope): bound by \(first) and \(binding.label)")
          } else {
            seen[key] = binding.label
          }
        }
      }
    }
  }

  /// The README's Keys section as table rows.
  static func readmeKeyRows() throws -> [String] {
    let readme = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let start = try #require(text.range(of: "\n## Keys\n"))
    let rest = text[start.upperBound...]
    let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
    return section.split(separator: "\n").map(String.init).filter { $0.hasPrefix("|") }
  }

  /// How the README spells a key: in backticks, arrows as arrows, runs with an en dash.
  static func readmeSpelling(_ token: String) -> [String] {
    switch token {
    case "Up": return ["`↑`"]
    case "Down": return ["`↓`"]
    case "Left": return ["`←`"]
    case "Right": return ["`→`"]
    case "arrows": return ["`←`", "`→`", "`↑`", "`↓`"]
    default:
      let parts = Array(token)
      if parts.count == 3, parts[1] == "-" { return ["`\(parts[0])`–`\(parts[2])`"] }
      return ["`\(token)`"]
    }
  }

  @Test func theReadmeListsEveryBinding() throws {
    let rows = try Self.readmeKeyRows()
    #expect(rows.count > 10)
    for binding in KeyTable.all where !binding.keys.isEmpty {
      let spelled = binding.label.split(separator: " ").flatMap {
        Self.readmeSpelling(String($0))
      }
      let row = rows.first { row in spelled.allSatisfy { row.contains($0) } }
      #expect(row != nil, "README's Keys section has no row with \(spelled.joined(separator: " "))")
    }
  }

  @Test func helpAndHintsQuoteTheDigitsTheCaseStudyHas() {
    var state = Fixture.workbench()
    send(&state, .char("?"))
    let help = render(state, size: Size(width: 80, height: 24)).text
    #expect(help.contains("1-6               jump to a phase"))
    send(&state, .escape, .escape)
    #expect(state.workbench?.focus == .phases)
    #expect(StatusBar.keyHints(state).contains("1-6 phase"))
  }

  @Test func digitsReachTheFirstNinePhasesOfALongerCaseStudy() {
    var study = Fixture.caseStudy
    for n in 7...11 {
      var extra = Fixture.caseStudy.phases[1]
      extra.id = "extra-\(n)"
      extra.title = "Extra phase \(n)"
      extra.items = extra.items.map { item in
        var copy = item
        copy.id = "extra-\(n)-" + item.id
        return copy
      }
      study.phases.append(extra)
    }
    var state = Fixture.startState()
    _ = update(&state, .resize(Size(width: 80, height: 24)))
    state.openWorkbench(
      caseStudy: study,
      session: Session(
        participant: "Team", caseStudy: study, mode: .caseStudy, now: Fixture.now),
      sessionName: "team", readOnly: false, readOnlyReason: nil)
    send(&state, .char("9"))
    #expect(state.workbench?.phase == 8)
    send(&state, .char("0"))
    #expect(state.workbench?.phase == 8, "0 is not a phase key")
    #expect(HelpScreen.groups(phases: 11)[0].1.contains { $0.0 == "1-9" })
    #expect(HelpScreen.groups(phases: 1)[0].1.contains { $0.0 == "1" })
  }

  @Test func hintsOnlyOfferKeysTheBindingHas() {
    #expect(KeyTable.move.hint("scroll", keys: [.char("j"), .char("k")]) == "j/k scroll")
    #expect(KeyTable.status.hint("status", keys: [.char("z"), .char(" ")]) == "Space status")
  }
}
