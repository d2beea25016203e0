import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The lenses of a session as reports show them: a section per lens, its items in the lens's
/// own order with their state and note, and the lens's own score (never the case study's gates).
struct LensReport {
  struct Row {
    var item: Item
    var state: ItemState
    /// Scored lenses only.
    var points: TestPoints?
  }

  struct Part {
    var phase: Phase
    /// The title of the session's phase that shows these items; nil when it has none.
    var shownIn: String?
    var rows: [Row]
  }

  struct Entry {
    var lens: Lens
    var parts: [Part]
    var settled: Int
    var total: Int
    var score: MLTestScore?

    var source: String { lens.checklist.lens?.source ?? "" }
  }

  var entries: [Entry] = []
  /// Lenses taken off with `lens remove`; their answers stay in the file.
  var removed: [LensRecord] = []
  /// Lenses whose kept content does not load (a hand-edited file), with the first problem.
  var broken: [(record: LensRecord, problem: String)] = []

  init(caseStudy: CaseStudy, session: Session) {
    for record in session.lensRecords {
      guard record.isActive else {
        removed.append(record)
        continue
      }
      let lens: Lens
      do {
        lens = try Lens.parse(record, file: "lens '\(record.id)'")
      } catch {
        broken.append((record, error.description))
        continue
      }
      let scored = lens.scoring == .mlTestScore
      let parts = lens.checklist.phases.map { phase in
        Part(
          phase: phase, shownIn: caseStudy.phase(id: Lens.hostPhase(of: phase))?.title,
          rows: phase.items.map { item in
            Row(
              item: item, state: session.state(of: lens.key(item.id)),
              points: scored ? session.points(of: lens.key(item.id)) : nil)
          })
      }
      let rows = parts.flatMap(\.rows)
      entries.append(
        Entry(
          lens: lens, parts: parts, settled: rows.count { $0.state.status.isSettled },
          total: rows.count, score: scored ? lens.mlTestScore(in: session) : nil))
    }
  }

  var isEmpty: Bool { entries.isEmpty && removed.isEmpty && broken.isEmpty }

  /// "12 of 21 settled (57%)", or the rubric's verdict for a scored lens.
  static func headline(_ e: Entry) -> String {
    if let score = e.score { return score.verdict + "." }
    let fraction = e.total == 0 ? 0 : Double(e.settled) / Double(e.total)
    return "\(e.settled) of \(e.total) settled (\(Progress.percent(fraction)))."
  }

  /// "done", or "N/A: reason".
  static func statusText(_ state: ItemState) -> String {
    guard state.status == .notApplicable, let reason = state.naReason, !reason.isEmpty else {
      return state.status.label
    }
    return "N/A: \(reason)"
  }

  // MARK: Markdown

  var markdown: [String] {
    func cell(_ text: String) -> String { MarkdownReport.inline(text, lineBreak: "<br>") }
    var out: [String] = []
    for e in entries {
      out += ["## Lens: \(MarkdownReport.inline(e.lens.title))", ""]
      if !e.source.isEmpty { out += ["Source: \(MarkdownReport.inline(e.source)).", ""] }
      out += ["**\(MarkdownReport.inline(Self.headline(e)))**", ""]
      if let score = e.score {
        out += ["Workings: \(MarkdownReport.inline(score.workings())).", ""]
        out += ["| Section | Tests | Sum |", "|---|---:|---:|"]
        for s in score.sections {
          out.append("| \(cell(s.title)) | \(s.points.count) | \(MLTestScore.format(s.sum)) |")
        }
        out.append("")
      }
      for part in e.parts {
        out += ["### \(MarkdownReport.inline(part.phase.title))", ""]
        if let shownIn = part.shownIn {
          out += ["*Shows in the \(MarkdownReport.inline(shownIn)) phase.*", ""]
        }
        if e.score != nil {
          out += ["| ID | Test | Points | Status | Evidence |", "|---|---|---:|---|---|"]
        } else {
          out += ["| ID | Item | Status | Note |", "|---|---|---|---|"]
        }
        for row in part.rows {
          let points = row.points.map { " \($0.label) |" } ?? ""
          out.append(
            "| \(cell(row.item.id)) | \(cell(row.item.title)) |\(points) "
              + "\(cell(Self.statusText(row.state))) | \(cell(row.state.note)) |")
        }
        out.append("")
      }
    }
    for record in removed {
      out += [
        "*Lens \(MarkdownReport.inline(record.title)) (\(MarkdownReport.inline(record.id))) "
          + "was removed; its answers are kept in the session file.*", "",
      ]
    }
    for (record, problem) in broken {
      out += [
        "*Lens \(MarkdownReport.inline(record.id)) does not load: "
          + "\(MarkdownReport.inline(problem))*", "",
      ]
    }
    return out
  }

  // MARK: Status (plain ASCII)

  var statusLines: [String] {
    var lines: [String] = []
    for e in entries {
      if let score = e.score {
        lines.append(
          "Lens \(e.lens.id): final score \(MLTestScore.format(score.final)), band "
            + "\(score.band.range) "
            + "(\(score.band.meaning))")
        lines.append("  " + score.workings(separator: ", "))
      } else {
        lines.append("Lens \(e.lens.id): \(Self.headline(e))")
      }
    }
    for record in removed {
      lines.append("Lens \(record.id): removed (answers kept in the file)")
    }
    for (record, _) in broken { lines.append("Lens \(record.id): does not load") }
    return lines
  }
}

/// A lens in `status --json` and the JSON export.
struct LensDocument: Encodable {
  struct SectionSum: Encodable {
    var id: String
    var title: String
    var sum: Double
  }

  var id: String
  var title: String
  var scoring: LensScoring
  var settled: Int
  var total: Int
  var finalScore: Double?
  var band: String?
  var bandMeaning: String?
  var sections: [SectionSum]?
  var workings: String?

  enum CodingKeys: String, CodingKey {
    case id, title, scoring, settled, total, band, sections, workings
    case finalScore = "final_score"
    case bandMeaning = "band_meaning"
  }

  init(_ e: LensReport.Entry) {
    id = e.lens.id
    title = e.lens.title
    scoring = e.lens.scoring
    settled = e.settled
    total = e.total
    if let score = e.score {
      finalScore = score.final
      band = score.band.range
      bandMeaning = score.band.meaning
      sections = score.sections.map { SectionSum(id: $0.id, title: $0.title, sum: $0.sum) }
      workings = score.workings()
    }
  }

  /// nil when the session has no lenses, so documents without them are unchanged.
  static func all(_ report: LensReport) -> [LensDocument]? {
    report.entries.isEmpty ? nil : report.entries.map(LensDocument.init)
  }
}

extension StatusDocument {
  /// An item the case study retired, with the work the session recorded on it.
  struct RetiredStatus: Encodable {
    var id: String
    var title: String
    var reason: String
    var replacedBy: [String]
    var status: ItemStatus
    var note: String

    enum CodingKeys: String, CodingKey {
      case id, title, reason, status, note
      case replacedBy = "replaced_by"
    }
  }
}

extension Reports {
  /// `casebench lens list`: each lens with its id, title and own score, then removed ones.
  public static func lensList(caseStudy: CaseStudy, session: Session) -> String {
    let report = LensReport(caseStudy: caseStudy, session: session)
    guard !report.isEmpty else { return "No lenses. Add one with `casebench lens add`.\n" }
    var lines: [String] = []
    for e in report.entries {
      lines.append("\(e.lens.id)  \(e.lens.title)")
      if let score = e.score {
        lines.append("  \(score.verdict)")
        lines.append("  \(score.workings(separator: ", "))")
      } else {
        lines.append("  \(LensReport.headline(e))")
      }
    }
    for line in report.statusLines
    where line.hasPrefix("Lens ")
      && !report.entries.contains(
        where: { line.hasPrefix("Lens \($0.lens.id):") })
    {
      lines.append(line)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
