import CaseBenchStore

/// The dashboard's own help: the keys it reads, its own first, then how to reach the rest.
/// The rows come from `KeyTable` like every help (`HelpScreen.groups(phases:scope:)`).
enum DashboardHelp {
  /// The groups in the order the dashboard's help lists them.
  static let groupOrder: [HelpGroup] =
    [.dashboard] + HelpGroup.allCases.filter { $0 != .dashboard }

  /// After the keys: where the workbench's keys are, and what the columns mean.
  static func appendFooter(to out: inout [StyledLine], width: Int) {
    out.append(.blank)
    out.append(StyledLine(text: "The teams page", role: .title, bold: true))
    out.wrap(
      "Progress by phase: items done or N/A out of the phase's items (6/13), green once the "
        + "phase's gate is met. Now: the phase the team last changed something in.",
      width: width)
    out.wrap(
      "A team's session opened with Enter is the workbench, read-only: its own ? lists "
        + "the workbench's keys, Esc comes back here.", width: width, role: .dim)
  }
}
