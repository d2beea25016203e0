import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The facilitator's program: reads events from a terminal, runs them through the dashboard,
/// draws it, and once a second looks at the folder (re-reading only changed files) and the
/// state file. Announcing and releasing go through `WorkshopStateFile`; nothing else is
/// written, and never a session file.
public struct DashboardProgram: ProgramHost {
  public internal(set) var dashboard: Dashboard
  private let terminal: any ProgramTerminal
  private(set) var folder: WorkshopFolder
  let clock: () -> Date
  private var lastPoll = Date.distantPast
  public private(set) var exitStatus: Int32?

  /// How often the folder and the state file are looked at.
  public static let pollInterval: TimeInterval = 1

  public init(
    folder: WorkshopFolder, terminal: any ProgramTerminal, options: RenderOptions,
    projector: Bool = false, clock: @escaping () -> Date = Date.init
  ) {
    self.folder = folder
    self.terminal = terminal
    self.clock = clock
    let read = Result { () throws(WorkshopStateError) in try WorkshopStateFile.read(in: folder.url)
    }
    let state = (try? read.get()) ?? WorkshopState.whileUnreadable(lastRead: nil)
    dashboard = Dashboard(folder: folder, workshop: state, options: options, now: clock())
    if case .failure(let error) = read { dashboard.workshopUnreadable(error) }
    _ = dashboard.update(.resize(terminal.size))
    if projector { dashboard.openProjector(standalone: true) }
    warnIfOthersCanRead()
  }

  /// Says so when other accounts can read some team's work (issue 23), once per change.
  private var privacyWarning: String?
  private mutating func warnIfOthersCanRead() {
    guard folder.privacyWarning != privacyWarning else { return }
    privacyWarning = folder.privacyWarning
    if let warning = privacyWarning { dashboard.showMessage(warning, isError: true) }
  }

  /// Runs until the facilitator quits, a signal arrives or the terminal goes away.
  public mutating func run() -> Int32 {
    ProgramLoop.run(&self, terminal: terminal, clock: clock)
  }

  public var screenSize: Size { dashboard.size }

  public func frame(size: Size) -> ScreenBuffer { render(dashboard, size: size) }

  /// The folder and the state file are looked at once a second.
  public mutating func idle(now: Date) {
    if now.timeIntervalSince(lastPoll) >= DashboardProgram.pollInterval {
      poll()
      sendDue()
    }
  }

  /// Re-reads what changed in the folder and the state file.
  public mutating func poll() {
    lastPoll = clock()
    if folder.refresh() {
      dashboard.folderChanged(folder)
      warnIfOthersCanRead()
    }
    do throws(WorkshopStateError) {
      let state = try WorkshopStateFile.read(in: folder.url)
      if state != dashboard.workshop || dashboard.workshopProblem != nil {
        dashboard.workshopChanged(state)
      }
    } catch {
      dashboard.workshopUnreadable(error)
    }
  }

  public mutating func dispatch(_ event: Event) {
    switch event {
    case .signal(let signal):
      exitStatus = 128 + signal
      return
    case .hangUp:
      exitStatus = 129
      return
    default: break
    }
    for command in dashboard.update(event) { perform(command) }
  }

  private mutating func perform(_ command: DashboardCommand) {
    let now = clock()
    switch command {
    case .quit:
      exitStatus = 0
    case .announce(let text):
      if let problem = WorkshopState.problem(withAnnouncement: text) {
        dashboard.showMessage(problem, isError: true)
      } else {
        change("Announced to every team.") { $0.announce(text, at: now) }
      }
    case .release(let phaseID):
      let title = folder.caseStudy.phase(id: phaseID)?.title ?? phaseID
      change("Released \(title); pacing is on.") {
        $0.pacing = true
        $0.release(phaseID, at: now)
      }
    case .reveal(let id):
      change("Revealed \(id): every team sees its consequence.") { $0.reveal(id, at: now) }
    case .clock(let action): changeClock(action)
    case .sendInject(let id): sendInject(id)
    }
  }

  mutating func change(_ done: String, _ body: (inout WorkshopState) -> Void) {
    do {
      let state = try WorkshopStateFile.update(in: folder.url, body)
      dashboard.workshopChanged(state)
      dashboard.showMessage(done, isError: false)
    } catch {
      dashboard.showMessage(error.description, isError: true)
    }
  }
}
