/// A change to the toolkit that cannot be made, worded for the user: what is wrong and how to
/// fix it. The command line and the workbench show it as it is.
public struct ToolkitError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The field or argument at fault: "likelihood", "phase", "R7".
  public var field: String
  public var message: String
  public var fix: String

  public init(field: String, message: String, fix: String) {
    self.field = field
    self.message = message
    self.fix = fix
  }

  public var description: String { "\(message) (fix: \(fix))" }

  static func scale(_ field: String, _ value: Int) -> ToolkitError {
    ToolkitError(
      field: field, message: "\(field) must be from 1 to 5, not \(value)",
      fix: "score it 1 (\(field == "impact" ? "minor" : "rare")) to 5 "
        + "(\(field == "impact" ? "severe" : "almost certain"))")
  }

  static func notADay(_ text: String) -> ToolkitError {
    ToolkitError(
      field: "review date", message: "'\(text)' is not a day",
      fix: "write it as YYYY-MM-DD, such as 2026-12-14")
  }

  static func empty(_ field: String) -> ToolkitError {
    ToolkitError(field: field, message: "the \(field) is empty", fix: "give a short \(field)")
  }

  public static func unknown(_ what: String, _ id: String, known: [String]) -> ToolkitError {
    ToolkitError(
      field: id, message: "there is no \(what) \(id)",
      fix: known.isEmpty
        ? "there are none yet" : "use one of \(known.joined(separator: ", "))")
  }
}
