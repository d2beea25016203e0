/// The formats `casebench export` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
  case markdown, html, json

  /// The usual file extension for the format.
  public var fileExtension: String {
    switch self {
    case .markdown: "md"
    case .html: "html"
    case .json: "json"
    }
  }
}
