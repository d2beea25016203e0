import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The decision dialog's steps.
enum DecisionStage: Sendable, Equatable {
  /// The phase's decisions (one or several): pick one.
  case pick(Int)
  /// Read the situation and choose an option.
  case choose(decision: Int, option: Int)
  /// Say why.
  case rationale(decision: Int, option: Int, editor: TextEditor)
  /// See what happened.
  case outcome(decision: Int)
}

struct DecisionDialog: Sendable, Equatable {
  var phase: Int
  var stage: DecisionStage
  var scroll = 0
}

extension DecisionStage {
  /// The decision the stage shows; nil while picking one.
  var decision: Int? {
    switch self {
    case .pick: nil
    case .choose(let d, _), .rationale(let d, _, _), .outcome(let d): d
    }
  }

  /// Where the stage looks keys up.
  var scope: KeyScope {
    switch self {
    case .pick: .decisionList
    case .choose: .decisionOptions
    case .rationale: .decisionRationale
    case .outcome: .decisionOutcome
    }
  }
}

// MARK: Update

extension Workbench {
  mutating func openDecisions(_ env: inout WorkbenchEnvironment) {
    let wb = self
    guard let phase = wb.currentPhase else { return }
    switch phase.decisions.count {
    case 0 where wb.session.mode == .ownProject:
      env.showMessage(
        "Own-project mode has no decision points; record your own decisions in your notes.",
        isError: false)
    case 0:
      env.showMessage("No decision to take in \(phase.title).", isError: false)
    // One decision or several, the dialog opens on the phase's list: `d`, `Enter`, a letter
    // then means the same in every phase. (A phase with one decision used to open it directly,
    // so the habit picked an option with `Enter` and typed the letter into the rationale.)
    default:
      overlays.present(.decision(DecisionDialog(phase: wb.phase, stage: .pick(0))))
    }
  }

  func stageFor(decision: Int, in phase: Phase) -> DecisionStage {
    let d = phase.decisions[decision]
    if session.decisions[d.id] != nil { return .outcome(decision: decision) }
    return .choose(decision: decision, option: 0)
  }
}

extension DecisionDialog {
  /// The dialog's update. It reads the workbench (and records a decision in its session), and
  /// answers what becomes of it.
  mutating func update(
    _ event: Event, _ wb: inout Workbench, _ env: inout WorkbenchEnvironment
  ) -> OverlayStep {
    guard wb.caseStudy.phases.indices.contains(phase) else { return .close }
    let phase = wb.caseStudy.phases[self.phase]
    if let d = stage.decision, !phase.decisions.indices.contains(d) { return .close }
    // Every phase's dialog has its list (`openDecisions`): a decision steps back to it.
    let backStage = DecisionStage.pick(0)
    guard case .key(let key) = event else {
      if case .paste(let text) = event, case .rationale(let d, let o, var editor) = stage {
        editor.insert(text)
        stage = .rationale(decision: d, option: o, editor: editor)
      } else if case .scrollDown = event {
        scroll = min(
          scroll + 1,
          maxScroll(
            wb: wb, options: env.options, size: env.size, workshop: env.workshop?.state,
            now: env.now))
      } else if case .scrollUp = event {
        scroll = max(0, scroll - 1)
      }
      return .stay
    }
    let command = KeyTable.command(for: key, in: stage.scope)
    switch stage {
    case .pick(let i):
      switch command {
      case .move(let delta): stage = .pick(min(max(0, i + delta), phase.decisions.count - 1))
      case .select: stage = wb.stageFor(decision: i, in: phase)
      case .back, .close:
        return .close
      default: break
      }
      scroll = 0
    case .choose(let d, let o):
      let count = phase.decisions[d].options.count
      let page = max(1, Metrics(env.size).box.inner.h - 1)
      switch command {
      case .move(let delta):
        stage = .choose(decision: d, option: min(max(0, o + delta), max(0, count - 1)))
      case .select:
        guard let next = chooseOption(d, o, phase: phase, wb, &env) else { return .stay }
        stage = next
      case .option(let letter) where letter < count:
        guard let next = chooseOption(d, letter, phase: phase, wb, &env) else {
          return .stay
        }
        stage = next
      case .back:
        stage = backStage
      case .close:
        return .close
      case .page(let delta): scroll = max(0, scroll + delta * page)
      default: break
      }
    case .rationale(let d, let o, var editor):
      switch command {
      case .leave:
        stage = .choose(decision: d, option: o)
      case .keep:
        let rationale = editor.text.trimming(.whitespacesAndNewlines)
        guard !rationale.isEmpty else {
          env.showMessage("Write a sentence on why before confirming.", isError: true)
          return .stay
        }
        let decision = phase.decisions[d]
        guard decision.options.indices.contains(o) else { return .stay }
        let optionID = decision.options[o].id
        if wb.changeSession(
          &env,
          {
            $0.decide(decision.id, option: optionID, rationale: rationale, at: $1)
          })
        {
          env.showMessage("Decision recorded.", isError: false)
        } else if wb.readOnly {
          return .close
        }
        stage = .outcome(decision: d)
        scroll = 0
      default:
        let metrics = Metrics(env.size)
        let width = metrics.editorWidth
        editor.handle(key, in: .decisionRationale, width: width)
        editor.scrollIntoView(width: width, height: metrics.editorHeight)
        stage = .rationale(decision: d, option: o, editor: editor)
      }
    case .outcome(let d):
      switch command {
      case .change:
        if wb.readOnly {
          wb.refuseReadOnly(&env)
          return .stay
        }
        let chosen = wb.session.decisions[phase.decisions[d].id]?.option
        let idx = phase.decisions[d].options.firstIndex { $0.id == chosen } ?? 0
        stage = .choose(decision: d, option: idx)
        scroll = 0
      case .move(let delta): scroll = max(0, scroll + delta)
      // Enter after an outcome goes back to the phase's list, as Esc does, rather than closing
      // the dialog under a participant who meant to take the next decision.
      case .back, .select:
        stage = backStage
        scroll = 0
      case .close:
        return .close
      default: break
      }
    }
    let top = maxScroll(
      wb: wb, options: env.options, size: env.size, workshop: env.workshop?.state, now: env.now)
    scroll = min(max(0, scroll), top)
    return .stay
  }

  /// Moves from choosing to writing the rationale (pre-filled with the earlier one).
  func chooseOption(
    _ d: Int, _ o: Int, phase: Phase, _ wb: Workbench, _ env: inout WorkbenchEnvironment
  ) -> DecisionStage? {
    if wb.readOnly {
      wb.refuseReadOnly(&env)
      return nil
    }
    guard phase.decisions[d].options.indices.contains(o) else { return nil }
    if let closed = WorkshopState.votingClosed(
      on: phase.decisions[d], in: env.workshop?.state, caseStudy: wb.caseStudy, at: env.now)
    {
      env.showMessage(closed.text + ".", isError: false)
      return nil
    }
    let previous = wb.session.decisions[phase.decisions[d].id]?.rationale ?? ""
    return .rationale(decision: d, option: o, editor: TextEditor(previous, multiline: true))
  }
}
