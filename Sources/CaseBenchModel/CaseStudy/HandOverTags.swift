/// The documents a team hands over with a model, and the sections an item feeds through a
/// namespaced tag (`model-card/metrics`, `datasheet/collection`). The one list of valid names:
/// lint checks tags against it and the documents are built from it.
public enum HandOverDocument: String, Sendable, CaseIterable {
  /// Mitchell et al. (2019), "Model Cards for Model Reporting": nine sections.
  case modelCard = "model-card"
  /// Gebru et al., "Datasheets for Datasets": seven sections.
  case datasheet

  public struct Section: Sendable, Equatable {
    /// The part after the slash in a tag: `metrics` in `model-card/metrics`.
    public var name: String
    /// The heading the document gives it.
    public var heading: String
  }

  public var sections: [Section] {
    switch self {
    case .modelCard:
      [
        Section(name: "model-details", heading: "Model details"),
        Section(name: "intended-use", heading: "Intended use"),
        Section(name: "factors", heading: "Factors"),
        Section(name: "metrics", heading: "Metrics"),
        Section(name: "evaluation-data", heading: "Evaluation data"),
        Section(name: "training-data", heading: "Training data"),
        Section(name: "quantitative-analyses", heading: "Quantitative analyses"),
        Section(name: "ethical-considerations", heading: "Ethical considerations"),
        Section(name: "caveats", heading: "Caveats and recommendations"),
      ]
    case .datasheet:
      [
        Section(name: "motivation", heading: "Motivation"),
        Section(name: "composition", heading: "Composition"),
        Section(name: "collection", heading: "Collection process"),
        Section(name: "preprocessing", heading: "Preprocessing, cleaning and labelling"),
        Section(name: "uses", heading: "Uses"),
        Section(name: "distribution", heading: "Distribution"),
        Section(name: "maintenance", heading: "Maintenance"),
      ]
    }
  }

  /// `model-card/metrics` for the section `metrics`.
  public func tag(_ section: Section) -> String { "\(rawValue)/\(section.name)" }

  /// The document a tag names with its prefix, and what follows the slash; nil for a tag that
  /// names no document.
  public static func parse(tag: String) -> (document: HandOverDocument, section: String)? {
    guard let slash = tag.firstIndex(of: "/"),
      let document = HandOverDocument(rawValue: String(tag[..<slash]))
    else { return nil }
    return (document, String(tag[tag.index(after: slash)...]))
  }
}
