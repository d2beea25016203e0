import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

private let now = Date(timeIntervalSince1970: 1_795_000_000)

/// The rules of a style sheet whose selector mentions `selector`, each as "selector { body }".
private func rules(_ css: String, mentioning selector: String) -> [String] {
  css.components(separatedBy: "}").compactMap { chunk in
    guard let brace = chunk.range(of: "{", options: .backwards) else { return nil }
    let head = chunk[..<brace.lowerBound]
    let name = head.split(separator: "\n").last.map(String.init) ?? String(head)
    return name.contains(selector) ? name + " {" + chunk[brace.upperBound...] + "}" : nil
  }
}

/// The `@media print { … }` block of a style sheet.
private func printBlock(_ css: String) throws -> String {
  let start = try #require(css.range(of: "@media print {"))
  var depth = 1
  var index = start.upperBound
  while index < css.endIndex, depth > 0 {
    if css[index] == "{" { depth += 1 }
    if css[index] == "}" { depth -= 1 }
    index = css.index(after: index)
  }
  return String(css[start.upperBound..<index])
}

/// The debrief report of a class of three, one with a label no screen could fit on one line.
private func debriefHTML(facilitator: Bool) throws -> String {
  var study = try #require(CaseStudyCatalog.builtIn().first)
  var decision = try #require(study.phases.first?.decisions.first)
  decision.options[0].label = String(repeating: "Averyveryverylonglabelwithoutaspace", count: 4)
  study.phases[0].decisions[0] = decision
  let dir = FileManager.default.temporaryDirectory
    .appendingPathComponent("casebench-looks-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  for (team, option) in [("Team 1", 0), ("Team 2", 0), ("Les Vélos", 2)] {
    var s = Session(participant: team, caseStudy: study, now: now)
    s.decide(decision.id, option: decision.options[option].id, rationale: "We think so.", at: now)
    try SessionStore.save(s, to: WorkshopJoin.url(team: team, caseStudyID: study.id, in: dir))
  }
  return WorkshopReport.render(
    WorkshopFolder.read(dir, caseStudy: study),
    WorkshopReport.Options(format: .html, facilitator: facilitator), now: now)
}

@Suite("Debrief report looks")
struct DebriefLooksTests {
  /// Nothing in the debrief's style can cut a label: no ellipsis, no clipping, no label kept
  /// on one line, and every label and team list may break anywhere.
  @Test func noLabelCanBeCut() throws {
    let html = try debriefHTML(facilitator: true)
    let css = HTMLReport.css + "\n" + Debrief.css
    #expect(!css.contains("text-overflow"))
    #expect(!css.contains("line-clamp"))
    for selector in ["ol.split .label", "ol.split .teams", ".voices dd"] {
      let found = rules(css, mentioning: selector)
      #expect(!found.isEmpty, "no rule for \(selector)")
      #expect(found.contains { $0.contains("overflow-wrap: anywhere") }, "\(selector) may not wrap")
      for rule in found {
        #expect(!rule.contains("nowrap"), "\(selector) is kept on one line")
        #expect(!rule.contains("overflow: hidden"), "\(selector) is clipped")
        #expect(!rule.contains(" width:"), "\(selector) has a fixed width")
      }
    }
    // The long label is in the page whole, once in the split and once per later mention.
    #expect(
      html.contains("a) " + String(repeating: "Averyveryverylonglabelwithoutaspace", count: 4)))
  }

  /// Labels read at body size on a projector: the debrief does not shrink its tables or its
  /// verdicts below the text around them.
  @Test func labelsAreAtBodySize() {
    let css = Debrief.css
    #expect(css.contains("table, .verdict { font-size: 1em; }"))
    #expect(
      rules(Debrief.css, mentioning: "ol.split .label").allSatisfy { !$0.contains("font-size") })
  }

  /// Printed, every heading stays with what follows it, and an option, a team's rationale, the
  /// situation or a row of a table is never split across two pages.
  @Test func thePrintStyleKeepsHeadingsWithTheirText() throws {
    let print = try printBlock(Debrief.css)
    let keepWith = try #require(rules(print, mentioning: "section.debrief h3").first)
    for selector in ["h2", "section.debrief h3", "section.debrief h4", ".voices dt", "ol.split"] {
      #expect(keepWith.contains(selector), "\(selector) may be orphaned")
    }
    #expect(keepWith.contains("break-after: avoid"))
    let whole = try #require(rules(print, mentioning: "ol.split li").first)
    for selector in ["ol.split li", ".voices dd", ".situation", "blockquote", "tr"] {
      #expect(whole.contains(selector), "\(selector) may be split across pages")
    }
    #expect(whole.contains("break-inside: avoid"))
    #expect(print.contains("print-color-adjust: exact"))
  }

  /// On a phone the class's tables read as one card per row, each value named, instead of
  /// running off the side of the screen.
  @Test func tablesBecomeCardsOnAPhone() throws {
    let html = try debriefHTML(facilitator: false)
    #expect(html.contains("<table class=\"cards\">"))
    #expect(html.contains("<td data-label=\"Gate met\">"))
    #expect(html.contains("<td data-label=\"Sprint 0\">"))
    let phone = try #require(Debrief.css.range(of: "@media (max-width: 40rem) {"))
    let rest = Debrief.css[phone.upperBound...]
    #expect(rest.contains("table.cards thead { display: none; }"))
    #expect(rest.contains("content: attr(data-label)"))
  }
}
