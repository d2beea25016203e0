import CaseBenchModel

/// What the projector view asks of the screen that holds it.
public enum ProjectorCommand: Sendable, Equatable {
  /// Back to the dashboard, or quit when the view was started on its own.
  case close
  /// Reveal this decision to the room, in the facilitator's file.
  case reveal(decisionID: String)
}

/// The projector view: one decision of the class per screen, for a room to read, step by step
/// (`ProjectorStep`). It owns which decision, which step and which page; what it shows comes
/// from the class summary and the facilitator's state its holder passes in (the dashboard's,
/// re-read as the folder changes), through `ProjectorSlide`, which never lets a verdict out
/// before the decision is revealed.
struct Projector: Sendable, Equatable {
  /// Index into the summary's decisions.
  var decision = 0
  /// The step asked for; the slide shows `votes` whatever this is until the reveal.
  var step = ProjectorStep.split
  var page = 0
  /// Started on its own (`casebench workshop DIR --projector`): closing it quits.
  var standalone = false

  /// Opens on the first decision not yet revealed (the one the room is on), else the first.
  init(summary: ClassSummary, workshop: WorkshopState, standalone: Bool = false) {
    decision =
      summary.splits.firstIndex { workshop.revealTime(of: $0.decision.id) == nil } ?? 0
    self.standalone = standalone
  }

  func slide(_ summary: ClassSummary, _ workshop: WorkshopState) -> ProjectorSlide? {
    ProjectorSlide(summary: summary, decisionIndex: decision, workshop: workshop, step: step)
  }

  /// Applies a key; `size` is the screen's, for the number of pages.
  mutating func update(
    _ event: Event, summary: ClassSummary, workshop: WorkshopState, size: Size, glyphs: Glyphs
  ) -> [ProjectorCommand] {
    guard case .key(let key) = event else { return [] }
    guard let slide = slide(summary, workshop) else {
      return KeyTable.command(for: key, in: .projector) == .close ? [.close] : []
    }
    let revealed = slide.isRevealed
    let pages = ProjectorLayout.pages(slide, size: size, glyphs: glyphs).count
    page = min(page, pages - 1)
    switch KeyTable.command(for: key, in: .projector) {
    case .nextStep(let d) where d > 0:
      if page + 1 < pages {
        page += 1
      } else if let next = slide.step.next(revealed: revealed) {
        step = next
        page = 0
      }
    case .nextStep:
      if page > 0 {
        page -= 1
      } else if let previous = slide.step.previous(revealed: revealed) {
        step = previous
      }
    case .nextDecision(let d):
      decision = min(max(0, decision + d), summary.splits.count - 1)
      step = .split
      page = 0
    case .revealShown:
      if !revealed { return [.reveal(decisionID: slide.decisionID)] }
    case .close:
      return [.close]
    default:
      break
    }
    return []
  }
}
