import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension Reports {
  /// `casebench export`: a report for stakeholders. In own-project mode the story (summary,
  /// background, decision points) is left out and the report is titled with the project's name;
  /// the work stays. Verdicts, debriefs and model answers appear only in a facilitator's report.
  /// The event log appears only with `log` (the JSON export always carries the whole session).
  public static func export(
    caseStudy: CaseStudy, session: Session, format: ReportFormat, facilitator: Bool = false,
    log: Bool = false
  ) -> String {
    let model = ReportModel(
      caseStudy: caseStudy, session: session, facilitator: facilitator, includesLog: log)
    switch format {
    case .markdown:
      var report = MarkdownReport(model)
      return report.render()
    case .html:
      var report = HTMLReport(model)
      return report.render()
    case .json:
      return String(decoding: encodeJSON(ExportDocument(model)), as: UTF8.self)
    }
  }
}

/// The JSON export: the session as saved, and the progress worked out from it.
struct ExportDocument: Encodable {
  var session: Session
  var progress: StatusDocument
  var toolkit: ToolkitDocument
  /// Each decision taken, with the letter and label the team saw (the session keeps ids).
  var decisions: [ChosenOption]
  var format = "casebench-export"
  var formatVersion = 1

  struct ChosenOption: Encodable {
    var decision: String
    var option: String
    var letter: String?
    var label: String?
  }

  enum CodingKeys: String, CodingKey {
    case session, progress, format, toolkit, decisions
    case formatVersion = "format_version"
  }

  init(_ model: ReportModel) {
    session = model.session
    progress = StatusDocument(model)
    toolkit = ToolkitDocument(model.toolkit)
    decisions = model.phases.flatMap(\.decisions).compactMap { row in
      row.record.map {
        ChosenOption(
          decision: row.id, option: $0.option, letter: row.letter, label: row.option?.label)
      }
    }
  }
}
