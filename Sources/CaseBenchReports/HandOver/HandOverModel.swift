import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What a hand-over document is made from: the items (of the case study and of its lenses)
/// whose tags name each section, with their status and note, and the toolkit's records. Only
/// what the team wrote goes in; an empty section says so.
struct HandOverModel {
  struct Entry {
    /// "D.3", or "ml-test-score:Model.6" for a lens's item.
    var id: String
    var title: String
    var state: ItemState
    /// The lens's title, for a lens item.
    var lens: String?
  }

  var caseStudy: CaseStudy
  var session: Session
  /// Every item of the case study and its active lenses, with its tags.
  var items: [(entry: Entry, tags: [String])] = []

  init(caseStudy: CaseStudy, session: Session) {
    self.caseStudy = caseStudy
    self.session = session
    for item in caseStudy.allItems {
      items.append(
        (Entry(id: item.id, title: item.title, state: session.state(of: item.id)), item.tags))
    }
    let lenses = (try? session.activeLenses(file: "session")) ?? []
    for lens in lenses {
      for item in lens.checklist.allItems {
        let key = lens.key(item.id)
        items.append(
          (
            Entry(id: key, title: item.title, state: session.state(of: key), lens: lens.title),
            item.tags
          ))
      }
    }
  }

  /// The items tagged for a section, in case-study order, then the lenses'.
  func entries(_ document: HandOverDocument, _ section: HandOverDocument.Section) -> [Entry] {
    let tag = document.tag(section)
    return items.filter { $0.tags.contains(tag) }.map(\.entry)
  }

  /// Every ethics item (tagged `ethics`) that has a note: the ethics notes.
  var ethicsNotes: [Entry] {
    items.filter { Item.isEthics(tags: $0.tags) && !$0.entry.state.note.isEmpty }.map(\.entry)
  }

  /// The model the team adopted last, else the last one registered.
  var mainModel: ModelRecord? {
    let models = session.toolkit.models
    if let adoption = session.toolkit.adoptions.last,
      let chosen = models.first(where: { $0.id == adoption.chosen })
    {
      return chosen
    }
    return models.last
  }

  /// The project's name as the session has it: the team or project.
  var projectName: String { session.participant }

  static func day(_ date: Date) -> String { String(ReportModel.logDate(date).prefix(10)) }
}

extension Reports {
  /// `casebench export --format model-card|datasheet|model-card-json`: a hand-over document
  /// filled from the session.
  public static func handOver(
    caseStudy: CaseStudy, session: Session, document: HandOverFormat
  ) -> String {
    let model = HandOverModel(caseStudy: caseStudy, session: session)
    var markdown = HandOverMarkdown(model)
    switch document {
    case .modelCard: return markdown.modelCard()
    case .datasheet: return markdown.datasheet()
    case .modelCardJSON: return ModelCardJSON(model).text()
    }
  }
}

/// The hand-over documents `export` writes.
public enum HandOverFormat: String, Sendable, CaseIterable {
  case modelCard = "model-card"
  case datasheet
  case modelCardJSON = "model-card-json"
}

/// What `casebench export --format` takes: a report, or a hand-over document.
public enum ExportFormat: String, Sendable, CaseIterable {
  case markdown, html, json
  case modelCard = "model-card"
  case datasheet
  case modelCardJSON = "model-card-json"

  /// The report or document for a session.
  public func render(caseStudy: CaseStudy, session: Session, facilitator: Bool, log: Bool)
    -> String
  {
    switch self {
    case .markdown, .html, .json:
      let report = ReportFormat(rawValue: rawValue) ?? .markdown
      return Reports.export(
        caseStudy: caseStudy, session: session, format: report, facilitator: facilitator,
        log: log)
    case .modelCard:
      return Reports.handOver(caseStudy: caseStudy, session: session, document: .modelCard)
    case .datasheet:
      return Reports.handOver(caseStudy: caseStudy, session: session, document: .datasheet)
    case .modelCardJSON:
      return Reports.handOver(caseStudy: caseStudy, session: session, document: .modelCardJSON)
    }
  }
}
