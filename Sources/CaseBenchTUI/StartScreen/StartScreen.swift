import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The start screen: its state and its update. It chooses a case study to begin or a saved
/// session to resume, and answers the commands that do it; its view is in StartScreenView.swift.
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

/// What the start screen's update and view need from outside it (the case studies, the saved
/// sessions, the terminal's size, the render options, the time, how to quit), and what the
/// update reports back: the status bar's message.
struct StartEnvironment: Sendable, StatusReporting {
  let caseStudies: [CaseStudy]
  let sessions: [StartEntry]
  let size: Size
  let options: RenderOptions
  let now: Date
  /// What quitting asks of the program (`AppState.quitCommand`).
  let quitCommand: Command
  /// The status bar's message, as it was before the update and as the update leaves it.
  var message: StatusMessage?

  /// How many entries the list has: the case studies, then the saved sessions.
  var count: Int { caseStudies.count + sessions.count }
}

// MARK: Update

extension StartScreen {
  /// The start screen's update: moves the selection, opens the new-session prompt or the help,
  /// and answers the commands that start, resume or quit.
  mutating func update(_ event: Event, _ env: inout StartEnvironment) -> [Command] {
    if prompt != nil { return updatePrompt(event, &env) }
    switch event {
    case .key(let key):
      switch KeyTable.command(for: key, in: .start) {
      case .quit: return [env.quitCommand]
      case .help: overlays.present(.help(scroll: 0))
      case .move(let delta): move(delta, env)
      case .top: selection = 0
      case .bottom: selection = max(0, env.count - 1)
      case .page(let delta): move(5 * delta, env)
      case .openEntry: return openSelection(&env)
      case .addLens: return addLens(&env)
      default: break
      }
    case .click(let x, let y):
      if let i = entry(at: x, y, env) {
        if i == selection { return openSelection(&env) }
        selection = i
      }
    case .scrollUp: move(-1, env)
    case .scrollDown: move(1, env)
    default: break
    }
    return []
  }

  mutating func move(_ delta: Int, _ env: StartEnvironment) {
    selection = min(max(0, selection + delta), max(0, env.count - 1))
  }

  /// Enter: a case study asks for a name first; a saved session opens, unless it can't.
  mutating func openSelection(_ env: inout StartEnvironment) -> [Command] {
    let i = selection
    if i < env.caseStudies.count {
      prompt = NewSessionPrompt(caseStudy: i)
      return []
    }
    let s = i - env.caseStudies.count
    guard env.sessions.indices.contains(s) else { return [] }
    if let error = env.sessions[s].error {
      env.showMessage("Can't open \(env.sessions[s].title): \(error)", isError: true)
      return []
    }
    return [.openSession(path: env.sessions[s].path)]
  }

  /// `+`: open the selected saved session; its workbench then asks for the lens.
  mutating func addLens(_ env: inout StartEnvironment) -> [Command] {
    let s = selection - env.caseStudies.count
    guard env.sessions.indices.contains(s) else {
      env.showMessage("Select a saved session to add a lens to it.", isError: false)
      return []
    }
    let commands = openSelection(&env)
    if !commands.isEmpty { addLensOnOpen = true }
    return commands
  }

  /// Carries out what the new-session prompt answers.
  mutating func updatePrompt(_ event: Event, _ env: inout StartEnvironment) -> [Command] {
    guard var prompt else { return [] }
    switch prompt.update(event) {
    case .editing:
      self.prompt = prompt
    case .cancel:
      self.prompt = nil
    case .needsName:
      env.showMessage("Type a participant or team name first.", isError: true)
    case .start(let name):
      guard env.caseStudies.indices.contains(prompt.caseStudy) else { return [] }
      self.prompt = nil
      return [
        .createSession(
          caseStudyID: env.caseStudies[prompt.caseStudy].id, participant: name, mode: prompt.mode)
      ]
    }
    return []
  }
}

extension AppState {
  /// The start screen's environment as this state stands.
  var startEnvironment: StartEnvironment {
    StartEnvironment(
      caseStudies: caseStudies, sessions: sessions, size: size, options: options, now: now,
      quitCommand: quitCommand, message: message)
  }

  /// Runs `body` on the start screen with its environment, then takes back the message it left.
  mutating func inStart<Result>(
    _ body: (inout StartScreen, inout StartEnvironment) -> Result
  ) -> Result {
    var env = startEnvironment
    let result = body(&start, &env)
    message = env.message
    return result
  }
}
