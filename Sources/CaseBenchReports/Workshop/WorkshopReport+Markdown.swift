import CaseBenchModel
import CaseBenchStore

extension Debrief {
  func markdown() -> String {
    func md(_ text: String) -> String { MarkdownReport.inline(text, lineBreak: "<br>") }
    let cs = folder.caseStudy
    var out: [String] = []
    out.append("# Workshop debrief: \(md(cs.title))")
    out.append("")
    out.append(md(header))
    out.append("")
    out.append("*\(md(scope))*")
    out.append("")
    out.append("## Decisions")
    if decisions.isEmpty { out += ["", "No decision to debrief here."] }
    for d in decisions {
      let split = d.split
      out.append("")
      out.append(
        "### \(md(split.decision.id)): \(md(split.decision.title)) (\(md(split.phase.title)))")
      out.append("")
      if !split.decision.situation.isEmpty {
        out += MarkdownReport.quote(split.decision.situation)
        out.append("")
      }
      out.append("| Option | Share of the class | Teams |")
      out.append("|---|---|---|")
      for (i, bar) in split.bars.enumerated() {
        out.append(
          "| \(Decision.letter(at: i))) \(md(bar.option.label)) | "
            + "\(Debrief.share(bar, in: split)) | \(md(bar.teams.joined(separator: ", "))) |")
      }
      out.append("")
      out.append(undecidedLine(d, md))
      if !d.voices.isEmpty {
        out.append("")
        out.append("**What each team said**")
        out.append("")
        for v in d.voices {
          var line = "- **\(md(v.team))** chose \(md(v.choice))"
          if !v.changes.isEmpty { line += " (\(md(Debrief.changeText(v.changes))))" }
          line += v.rationale.isEmpty ? ". *No rationale given.*" : ":"
          out.append(line)
          if !v.rationale.isEmpty {
            out.append("")
            out += MarkdownReport.quote(v.rationale).map { "  " + $0 }
            out.append("")
          }
        }
      }
      let chosen = split.bars.enumerated().filter { $0.element.count > 0 }
      if !chosen.isEmpty {
        out.append("")
        out.append("**What happened next**")
        for (i, bar) in chosen where !bar.option.consequence.isEmpty {
          out.append("")
          out.append("- \(Decision.letter(at: i))) \(md(bar.option.label)):")
          out.append("")
          out += MarkdownReport.quote(bar.option.consequence).map { "  " + $0 }
        }
      }
      if options.facilitator {
        out.append("")
        out.append("**Verdicts and debrief (facilitator)**")
        out.append("")
        for (i, option) in split.decision.options.enumerated() {
          var line =
            "- \(Decision.letter(at: i))) \(md(option.label)): **\(option.verdict.rawValue)**"
          if !option.debrief.isEmpty { line += ". \(md(option.debrief))" }
          out.append(line)
        }
      }
    }
    out += lessonsMarkdown(md)
    out.append("")
    out.append("## Class progress per phase")
    out.append("")
    out.append("| Phase | Mean progress | Gate met | Working here |")
    out.append("|---|---|---|---|")
    for p in phases {
      out.append(
        "| \(md(p.phase.title)) | \(WorkshopReport.percent(p.meanFraction)) | "
          + "\(p.gateMet.count) of \(summary.teamCount) | \(p.here) |")
    }
    out.append("")
    out.append("## Common risks")
    out.append("")
    if summary.risks.isEmpty { out.append(WorkshopReport.noCommonRisks) }
    for risk in summary.risks {
      out.append(
        "- \(md(risk.title)) (\(md(risk.phase))): \(counted(risk.teams.count, "team")), highest "
          + "score \(risk.highestScore); \(md(risk.teams.joined(separator: ", ")))")
    }
    out.append("")
    out.append("## Notable notes")
    out.append("")
    if notes.isEmpty { out.append("No team has written a note yet.") }
    for note in notes {
      out.append("**\(md(note.team))** on \(md(note.item.title)) (\(md(note.phase.title))):")
      out.append("")
      out += MarkdownReport.quote(note.text)
      out.append("")
    }
    out.append("## Gates met")
    out.append("")
    out.append("| Team | " + cs.phases.map { md($0.title) }.joined(separator: " | ") + " |")
    out.append("|---|" + cs.phases.map { _ in "---" }.joined(separator: "|") + "|")
    for team in folder.teams.sorted(by: WorkshopReport.teamOrder) {
      let marks = team.progress.phases.map {
        $0.gateMet ? "met" : "\($0.gateSettled)/\($0.gateTotal)"
      }
      out.append("| \(md(team.team)) | " + marks.joined(separator: " | ") + " |")
    }
    out.append("")
    out.append("## Skipped files")
    out.append("")
    if folder.skipped.isEmpty { out.append("None.") }
    for row in folder.skipped {
      out.append(
        "- \(md(row.fileName)): \(md(row.skip?.label ?? "skipped")). \(md(row.reason ?? ""))")
    }
    out.append("")
    return out.joined(separator: "\n")
  }

  /// "Not decided yet: 1 of 3 (Team 3)." or "Every team has decided."
  func undecidedLine(_ d: DecisionDebrief, _ text: (String) -> String) -> String {
    var line =
      d.undecided.isEmpty
      ? "Every team has decided."
      : "Not decided yet: \(d.undecided.count) of \(d.split.teamCount) "
        + "(\(text(d.undecided.joined(separator: ", "))))."
    if d.split.unknown > 0 {
      line +=
        " \(counted(d.split.unknown, "team")) chose an option this version of the case study "
        + "does not have."
    }
    return line
  }
}
