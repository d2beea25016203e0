import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// `casebench handout`: the pack for the people of a team who are not at the keyboard.
@Suite("Handout")
struct HandoutTests {
  static func bikeShop() throws -> CaseStudy {
    try #require(CaseStudyCatalog.builtIn().first { $0.id == "bike-shop" })
  }

  /// The text a reader sees: Markdown's backslashes and HTML's tags and entities taken out,
  /// and every run of spaces and line breaks one space. Both formats and the case study's own
  /// text come out alike, so a sentence can be looked for in either.
  static func plain(_ text: String) -> String {
    var text = text
    // The style sheet is not text a reader sees.
    if let open = text.range(of: "<style>"), let close = text.range(of: "</style>") {
      text.removeSubrange(open.lowerBound..<close.upperBound)
    }
    var out = ""
    var inTag = false
    for ch in text {
      if ch == "<" {
        inTag = true
        out.append(" ")
      } else if ch == ">" && inTag {
        inTag = false
      } else if !inTag && ch != "\\" {
        out.append(ch)
      }
    }
    for (entity, ch) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
      out = out.replacingOccurrences(of: entity, with: ch)
    }
    out = out.replacingOccurrences(of: "&amp;", with: "&")
    return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Every run of `size` words of `text` (the whole text when it is shorter).
  static func runs(of text: String, size: Int = 7) -> [String] {
    let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    guard words.count > size else { return [words.joined(separator: " ")] }
    return (0...(words.count - size)).map { words[$0..<($0 + size)].joined(separator: " ") }
  }

  /// What the team must not read before it decides, or at all: per case study, each with
  /// where it comes from.
  static func hidden(_ study: CaseStudy) -> [(String, String)] {
    var out: [(String, String)] = []
    for phase in study.phases {
      out.append(("facilitator notes of \(phase.id)", phase.facilitatorNotes))
      out += phase.items.map { ("hint of \($0.id)", $0.hint) }
      out += phase.modelAnswers.map { ("model answer '\($0.topic)'", $0.answer) }
      out += phase.riskPrompts.map { ("risk prompt \($0.id)", $0.text) }
      out += phase.reflection.map { ("reflection prompt \($0.id)", $0.prompt) }
      out += phase.injects.map { ("inject \($0.id)", $0.text) }
      for decision in phase.decisions {
        out.append(("facilitator notes of \(decision.id)", decision.facilitatorNotes))
        for option in decision.options {
          out.append(("consequence of \(decision.id) \(option.id)", option.consequence))
          out.append(("debrief of \(decision.id) \(option.id)", option.debrief))
        }
      }
    }
    return out.filter { !$0.1.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
  }

  /// What the handout may hold, as the case study words it: a run of words found here (a
  /// consequence may repeat a phrase of its situation, a later briefing narrates what an
  /// earlier model answer expects) is the story's, not a leak.
  static func shown(_ study: CaseStudy) -> String {
    var texts: [String] = []
    for phase in study.phases {
      texts += [phase.title, phase.goal, phase.briefing]
      texts += phase.items.flatMap { [$0.id, $0.title, $0.why] }
      for decision in phase.decisions {
        texts += [decision.title, decision.situation] + decision.options.map(\.label)
      }
    }
    return texts.map(plain).joined(separator: " | ")
  }

  /// The test that matters: the whole Bike Shop, in both formats, holds not one run of seven
  /// words from any consequence, debrief, hint, model answer, risk or reflection prompt,
  /// inject or facilitator note that is not also in the text it must hold, and no verdict.
  /// The same search finds what the handout must hold, so it is not blind to the escaping.
  @Test(arguments: [WorkshopReport.Format.markdown, .html])
  func theBikeShopHandoutHoldsNothingHidden(format: WorkshopReport.Format) throws {
    let study = try Self.bikeShop()
    let text = Self.plain(Handout.render(study, format: format))
    let hidden = Self.hidden(study)
    let shown = Self.shown(study)
    #expect(hidden.count > 100, "the Bike Shop has hidden text to look for")
    for (what, secret) in hidden {
      let leaked = Self.runs(of: Self.plain(secret)).filter {
        text.contains($0) && !shown.contains($0)
      }
      #expect(leaked.isEmpty, "the handout holds the \(what): \(leaked.first ?? "")")
    }
    for verdict in Verdict.allCases {
      #expect(!text.contains("(\(verdict.rawValue))"), "a verdict shows")
    }
    #expect(!text.lowercased().contains("verdict"))
    // The same search finds what the handout holds.
    for phase in study.phases {
      #expect(text.contains(Self.runs(of: phase.briefing)[0]), "briefing of \(phase.id)")
      for item in phase.items where item.level == .core {
        #expect(text.contains(Self.runs(of: item.why)[0]), "why of \(item.id)")
      }
      for item in phase.items where item.level == .extension {
        #expect(text.contains("\(item.id) \(Self.plain(item.title))"), "title of \(item.id)")
      }
      for decision in phase.decisions {
        #expect(text.contains(Self.runs(of: decision.situation)[0]), "situation of \(decision.id)")
        for (index, option) in decision.options.enumerated() {
          let shown = "\(Decision.letter(at: index))) \(Self.plain(option.label))"
          #expect(text.contains(shown), "option \(decision.id) \(option.id)")
        }
      }
    }
  }

  /// Sprint 0 as a team reads it: the Markdown golden.
  @Test func sprintZeroGolden() throws {
    let study = try Self.bikeShop()
    let phase = try #require(study.phases.first)
    assertCoreGolden(
      Handout.render(study, phaseID: phase.id, format: .markdown), "handout-bike-shop-sprint-0.md")
  }

  /// Every phase by default, each in its own section that starts a new printed page; one phase
  /// keeps its number in the case study.
  @Test func everyPhaseOrOne() throws {
    let study = try Self.bikeShop()
    let markdown = Handout.render(study, format: .markdown)
    let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(headings.count == study.phases.count)
    let html = Handout.render(study, format: .html)
    #expect(
      html.components(separatedBy: "<section class=\"handout\"").count - 1 == study.phases.count)
    #expect(html.contains("section.handout + section.handout { break-before: page;"))
    #expect(html.contains("@media print"))
    let last = try #require(study.phases.last)
    let one = Handout.render(study, phaseID: last.id, format: .markdown)
    #expect(one.contains("## \(study.phases.count). \(last.title)"))
    #expect(one.split(separator: "\n").filter { $0.hasPrefix("## ") }.count == 1)
    // Core items come before the extension items, which show no "why".
    let core = try #require(one.range(of: "### Core items"))
    let extra = try #require(one.range(of: "### Extension items"))
    #expect(core.upperBound < extra.lowerBound)
  }

  /// The sheets and the decisions print apart: the sheet holds no situation, the decisions no
  /// briefing, and in print each decision starts a page of its own.
  @Test(arguments: [WorkshopReport.Format.markdown, .html])
  func sheetsAndDecisionsPrintApart(format: WorkshopReport.Format) throws {
    let study = try Self.bikeShop()
    let phase = try #require(study.phases.first { $0.decisions.count >= 2 })
    let situation = try #require(phase.decisions.first?.situation)
    let firstLine = String(situation.split(separator: "\n").first ?? "").prefix(40)
    let briefingLine = String(phase.briefing.split(separator: "\n").first ?? "").prefix(40)
    let sheet = Self.plain(Handout.render(study, phaseID: phase.id, part: .sheet, format: format))
    let decisions = Self.plain(
      Handout.render(study, phaseID: phase.id, part: .decisions, format: format))
    let all = Self.plain(Handout.render(study, phaseID: phase.id, format: format))
    let plainSituation = Self.plain(String(firstLine))
    let plainBriefing = Self.plain(String(briefingLine))
    #expect(!sheet.contains(plainSituation))
    #expect(sheet.contains(plainBriefing))
    #expect(decisions.contains(plainSituation))
    #expect(!decisions.contains(plainBriefing))
    #expect(all.contains(plainSituation) && all.contains(plainBriefing))
    // Every phase without a decision is left out of the decisions' pages.
    let every = Handout.render(study, part: .decisions, format: .markdown)
    let headings = every.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(headings.count == study.phases.filter { !$0.decisions.isEmpty }.count)
    let html = Handout.render(study, phaseID: phase.id, part: .decisions, format: .html)
    #expect(html.contains(".decision { break-before: page;"))
  }

  /// An author's text cannot become markup: escaped in HTML, and in Markdown.
  @Test func authorsTextIsEscaped() throws {
    var study = try Self.bikeShop()
    study.title = "Shop <script>alert(1)</script> & co"
    study.phases[0].decisions[0].options[0].label = "<img src=x onerror=alert(1)> *bold*"
    let html = Handout.render(study, phaseID: study.phases[0].id, format: .html)
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<img"))
    #expect(html.contains("Shop &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
    let markdown = Handout.render(study, phaseID: study.phases[0].id, format: .markdown)
    #expect(markdown.contains("a) \\<img src=x onerror=alert(1)\\> \\*bold\\*"))
  }
}
