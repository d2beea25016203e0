import CaseBenchLoading
import CaseBenchModel

extension WorkshopCommand {
  /// The decisions an option names: one decision's id (e.g. S0.D1), or `all`. Anything else is a
  /// usage error that lists the ids there are.
  static func decisionIDs(_ value: String, option: String, in study: CaseStudy) throws(CLIError)
    -> [String]
  {
    let all = study.phases.flatMap(\.decisions).map(\.id)
    if value.lowercased() == "all" { return all }
    if all.contains(value) { return [value] }
    throw CLIError(
      code: Exit.usage,
      description: DiagnosticLine.format(
        file: option, message: "no decision '\(value)' in \(study.id)",
        fix: "give a decision id (\(all.joined(separator: ", "))) or all"))
  }
}
