import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

/// The handout as one self-contained page: the report style sheet (Resources/report.css) with a
/// few rules of its own. Printed on A4 each phase starts a new page and a heading stays with
/// what follows it, and each decision starts a page of its own, to be handed out when it is
/// voted; on a phone it reads in one column.
extension Handout {
  static let css = """
    section.handout + section.handout { break-before: page; page-break-before: always; }
    section.handout h2 { margin-top: 1.5rem; }
    p.time { color: #31363c; }
    .briefing { border-left: 3px solid #afb8c1; padding: .1rem .9rem; margin: .4rem 0 1rem; }
    ul.items > li { margin: .25rem 0; }
    ul.items .id, ul.options .letter { font-weight: 600; white-space: nowrap; }
    ul.options { list-style: none; padding-left: .2rem; margin: .4rem 0 .2rem; }
    ul.options > li { margin: .25rem 0; padding-left: 1.6rem; text-indent: -1.6rem; }
    ul.options .letter { display: inline-block; width: 1.6rem; text-indent: 0; }
    .decision h4 { margin-top: .6rem; }
    @media print {
      .decision { break-before: page; page-break-before: always; }
      section.handout h2 { margin-top: 0; }
      .briefing, ul.items > li, ul.options > li { break-inside: avoid; page-break-inside: avoid; }
      h3 + ul, h3 + .briefing { break-before: avoid; page-break-before: avoid; }
    }
    """

  static func html(_ caseStudy: CaseStudy, _ phases: [Numbered], _ part: Part) -> String {
    func h(_ text: String) -> String { HTMLReport.escapeTrimmingNewlines(text) }
    func flow(_ text: String) -> String { RichText(text).htmlFlow }
    var out: [String] = [
      "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<title>\(h(title(caseStudy)))</title>", "<style>", HTMLReport.css, css, "</style>",
      "</head>", "<body>", "<header>", "<h1>\(h(title(caseStudy)))</h1>",
      "<p class=\"muted\">\(h(purpose(caseStudy)))</p>", "</header>",
    ]
    for numbered in phases {
      let phase = numbered.phase
      out.append("<section class=\"handout\" id=\"phase-\(numbered.number)\">")
      out.append("<h2>\(numbered.number). \(h(phase.title))</h2>")
      if showsSheet(part) { out += sheetHTML(phase) }
      if showsDecisions(part) { out += decisionsHTML(phase) }
      out.append("</section>")
    }
    out += [
      "<footer>Written by casebench from \(h(caseStudy.id)) version \(h(caseStudy.version)).</footer>",
      "</body>", "</html>",
    ]
    return out.joined(separator: "\n") + "\n"
  }

  /// A phase's sheet: goal, time, briefing and items.
  private static func sheetHTML(_ phase: Phase) -> [String] {
    func h(_ text: String) -> String { HTMLReport.escapeTrimmingNewlines(text) }
    func flow(_ text: String) -> String { RichText(text).htmlFlow }
    var out: [String] = []
    if RichText(phase.goal).isSimple, !phase.goal.isEmpty {
      out.append("<p><em>Goal:</em> \(flow(phase.goal))</p>")
    } else if !phase.goal.isEmpty {
      out += ["<div><p><em>Goal:</em></p>", RichText(phase.goal).html, "</div>"]
    }
    if let time = time(phase) { out.append("<p class=\"time\"><em>Time:</em> \(h(time))</p>") }
    if !phase.briefing.isEmpty {
      out += [
        "<h3>Briefing</h3>", "<div class=\"briefing\">", RichText(phase.briefing).html, "</div>",
      ]
    }
    let core = core(phase)
    if !core.isEmpty {
      out += ["<h3>Core items</h3>", "<ul class=\"items\">"]
      for item in core {
        let why = item.why.isEmpty ? "" : " " + flow(item.why)
        out.append(
          "<li><span class=\"id\">\(h(item.id))</span> <strong>\(h(item.title)).</strong>\(why)</li>"
        )
      }
      out.append("</ul>")
    }
    let extensions = extensions(phase)
    if !extensions.isEmpty {
      out += ["<h3>Extension items</h3>", "<ul class=\"items\">"]
      out += extensions.map { "<li><span class=\"id\">\(h($0.id))</span> \(h($0.title))</li>" }
      out.append("</ul>")
    }
    return out
  }

  /// A phase's decisions, each with its situation and options.
  private static func decisionsHTML(_ phase: Phase) -> [String] {
    func h(_ text: String) -> String { HTMLReport.escapeTrimmingNewlines(text) }
    var out: [String] = []
    if !phase.decisions.isEmpty { out.append("<h3>Decisions</h3>") }
    for decision in phase.decisions {
      out.append("<div class=\"decision\">")
      out.append("<h4>\(h(decision.id)): \(h(decision.title))</h4>")
      if !decision.situation.isEmpty { out.append(RichText(decision.situation).html) }
      out.append("<ul class=\"options\">")
      for (index, option) in decision.options.enumerated() {
        out.append(
          "<li><span class=\"letter\">\(Decision.letter(at: index)))</span>\(h(option.label))</li>"
        )
      }
      out.append("</ul>")
      if let note = phase.votingOpensNote(decision) { out.append("<p><em>\(h(note))</em></p>") }
      out.append("</div>")
    }
    return out
  }
}
