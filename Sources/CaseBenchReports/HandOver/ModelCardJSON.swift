import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The model card as JSON in model-card-toolkit's schema v0.0.2 (`model_card.schema.json`).
/// A field the session has nothing for is left out, never filled with made-up text.
struct ModelCardJSON: Encodable {
  struct Owner: Encodable { var name: String }
  struct Version: Encodable {
    var name: String
    var date: String
  }
  struct Details: Encodable {
    var name: String
    var documentation: String?
    var owners: [Owner]
    var version: Version?
  }
  struct Dataset: Encodable {
    var name: String
    var description: String
  }
  struct Parameters: Encodable {
    var modelArchitecture: String?
    var data: [Dataset]?

    enum CodingKeys: String, CodingKey {
      case data
      case modelArchitecture = "model_architecture"
    }
  }
  struct Metric: Encodable {
    var type: String
    var value: String?
  }
  struct Analysis: Encodable {
    var performanceMetrics: [Metric]

    enum CodingKeys: String, CodingKey { case performanceMetrics = "performance_metrics" }
  }
  struct Described: Encodable { var description: String }
  struct Risk: Encodable {
    var name: String
    var mitigationStrategy: String

    enum CodingKeys: String, CodingKey {
      case name
      case mitigationStrategy = "mitigation_strategy"
    }
  }
  struct Considerations: Encodable {
    var useCases: [Described]?
    var limitations: [Described]?
    var tradeoffs: [Described]?
    var ethicalConsiderations: [Risk]?

    enum CodingKeys: String, CodingKey {
      case limitations, tradeoffs
      case useCases = "use_cases"
      case ethicalConsiderations = "ethical_considerations"
    }
  }

  var schemaVersion = "0.0.2"
  var modelDetails: Details
  var modelParameters: Parameters?
  var quantitativeAnalysis: Analysis?
  var considerations: Considerations?

  enum CodingKeys: String, CodingKey {
    case considerations
    case schemaVersion = "schema_version"
    case modelDetails = "model_details"
    case modelParameters = "model_parameters"
    case quantitativeAnalysis = "quantitative_analysis"
  }

  init(_ model: HandOverModel) {
    let card = HandOverDocument.modelCard
    func section(_ name: String) -> HandOverDocument.Section {
      card.sections.first { $0.name == name } ?? card.sections[0]
    }
    /// The notes written on a section's items, each as "ID Title: note".
    func notes(_ name: String) -> [String] {
      model.entries(card, section(name)).filter { !$0.state.note.isEmpty }.map {
        "\($0.id) \($0.title): \($0.state.note)"
      }
    }
    func described(_ name: String) -> [Described]? {
      let texts = notes(name)
      return texts.isEmpty ? nil : texts.map(Described.init)
    }
    func joined(_ texts: [String]) -> String? {
      texts.isEmpty ? nil : texts.joined(separator: "\n\n")
    }
    let main = model.mainModel
    modelDetails = Details(
      name: main?.name ?? model.projectName,
      documentation: joined(notes("model-details") + notes("intended-use")),
      owners: [Owner(name: model.projectName)],
      version: main.map { Version(name: $0.id, date: HandOverModel.day($0.recorded)) })
    var data: [Dataset] = []
    let dataVersion = main.map { $0.dataVersion.isEmpty ? [] : ["Data version: \($0.dataVersion)"] }
    if let training = joined(notes("training-data") + (dataVersion ?? [])) {
      data.append(Dataset(name: "training data", description: training))
    }
    if let evaluation = joined(notes("evaluation-data")) {
      data.append(Dataset(name: "evaluation data", description: evaluation))
    }
    let architecture = main.flatMap { $0.parameters.isEmpty ? nil : $0.parameters }
    if architecture != nil || !data.isEmpty {
      modelParameters = Parameters(modelArchitecture: architecture, data: data.isEmpty ? nil : data)
    }
    var metrics = model.session.toolkit.metrics.map {
      Metric(type: "\($0.name) (\($0.kpi.label))", value: $0.target.isEmpty ? nil : $0.target)
    }
    if let main, !main.metrics.isEmpty {
      metrics.append(Metric(type: main.name, value: main.metrics))
    }
    for name in ["metrics", "quantitative-analyses"] {
      for e in model.entries(card, section(name)) where !e.state.note.isEmpty {
        metrics.append(Metric(type: "\(e.id) \(e.title)", value: e.state.note))
      }
    }
    quantitativeAnalysis = metrics.isEmpty ? nil : Analysis(performanceMetrics: metrics)
    var ethics: [Risk] = []
    var seen = Set<String>()
    for e in model.entries(card, section("ethical-considerations")) + model.ethicsNotes
    where !e.state.note.isEmpty && seen.insert(e.id).inserted {
      ethics.append(Risk(name: "\(e.id) \(e.title)", mitigationStrategy: e.state.note))
    }
    let considerations = Considerations(
      useCases: described("intended-use"), limitations: described("caveats"),
      tradeoffs: described("factors"), ethicalConsiderations: ethics.isEmpty ? nil : ethics)
    let empty =
      considerations.useCases == nil && considerations.limitations == nil
      && considerations.tradeoffs == nil && considerations.ethicalConsiderations == nil
    self.considerations = empty ? nil : considerations
  }

  func text() -> String { String(decoding: Reports.encodeJSON(self), as: UTF8.self) }
}
