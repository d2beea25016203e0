import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

struct StartScreen: Sendable, Equatable {
  /// Index over case studies, then saved sessions.
  var selection = 0
  var prompt: NewSessionPrompt?
  /// What is open over the start screen: only ever its help.
  var overlays = OverlayStack<Overlay>()
  /// Set by `+` on a saved session: its workbench asks for a lens as it opens.
  var addLensOnOpen = false

  /// Where the cursor starts: on the newest session that opens (`sessions` are newest first),
  /// since most starts resume one; on the first case study when there is none.
  static func firstSelection(caseStudies: [CaseStudy], sessions: [StartEntry]) -> Int {
    sessions.firstIndex { $0.error == nil }.map { caseStudies.count + $0 } ?? 0
  }
}

// MARK: Update

extension AppState {
  var startCount: Int { caseStudies.count + sessions.count }

  mutating func handleStart(_ event: Event) -> [Command] {
    if start.prompt != nil { return handlePrompt(event) }
    switch event {
    case .key(let key):
      switch KeyTable.command(for: key, in: .start) {
      case .quit: return [quitCommand]
      case .help: overlays.present(.help(scroll: 0))
      case .move(let delta): moveStart(delta)
      case .top: start.selection = 0
      case .bottom: start.selection = max(0, startCount - 1)
      case .page(let delta): moveStart(5 * delta)
      case .openEntry: return openStartSelection()
      case .addLens: return addLensFromStart()
      default: break
      }
    case .click(let x, let y):
      if let i = StartScreen.entry(at: x, y, state: self) {
        if i == start.selection { return openStartSelection() }
        start.selection = i
      }
    case .scrollUp: moveStart(-1)
    case .scrollDown: moveStart(1)
    default: break
    }
    return []
  }

  mutating func moveStart(_ delta: Int) {
    start.selection = min(max(0, start.selection + delta), max(0, startCount - 1))
  }

  mutating func openStartSelection() -> [Command] {
    let i = start.selection
    if i < caseStudies.count {
      start.prompt = NewSessionPrompt(caseStudy: i)
      return []
    }
    let s = i - caseStudies.count
    guard sessions.indices.contains(s) else { return [] }
    if let error = sessions[s].error {
      showMessage("Can't open \(sessions[s].title): \(error)", isError: true)
      return []
    }
    return [.openSession(path: sessions[s].path)]
  }

  mutating func handlePrompt(_ event: Event) -> [Command] {
    guard var prompt = start.prompt else { return [] }
    switch prompt.update(event) {
    case .editing:
      start.prompt = prompt
    case .cancel:
      start.prompt = nil
    case .needsName:
      showMessage("Type a participant or team name first.", isError: true)
    case .start(let name):
      guard caseStudies.indices.contains(prompt.caseStudy) else { return [] }
      start.prompt = nil
      return [
        .createSession(
          caseStudyID: caseStudies[prompt.caseStudy].id, participant: name, mode: prompt.mode)
      ]
    }
    return []
  }
}
