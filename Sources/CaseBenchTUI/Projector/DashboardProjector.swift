import CaseBenchLoading
import CaseBenchModel

/// The projector view over the dashboard: `p` opens it, and it reads the dashboard's class
/// summary and facilitator's state, which the dashboard's program keeps current from the folder.
extension Dashboard {
  /// The projector view, while it is open.
  var projector: Projector? {
    if case .projector(let p) = overlays.top { p } else { nil }
  }

  /// True while the projector view is showing.
  public var isShowingProjector: Bool { projector != nil }

  /// Opens the projector view; `standalone` when it is the whole program (closing it quits).
  public mutating func openProjector(standalone: Bool = false) {
    overlays.present(
      .projector(Projector(summary: summary, workshop: workshop, standalone: standalone)))
  }

  mutating func updateProjector(_ p: Projector, _ event: Event) -> [DashboardCommand] {
    var p = p
    let commands = p.update(
      event, summary: summary, workshop: workshop, size: size, glyphs: Glyphs.of(options))
    overlays.replaceTop(with: .projector(p))
    return commands.map { command in
      switch command {
      case .close:
        overlays.dismiss()
        return p.standalone ? .quit : nil
      case .reveal(let id):
        return .reveal(decisionID: id)
      }
    }.compactMap { $0 }
  }
}
