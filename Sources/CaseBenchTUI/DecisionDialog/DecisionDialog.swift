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

extension AppState {
  mutating func openDecisions() {
    guard let wb = workbench, let phase = wb.currentPhase else { return }
    switch phase.decisions.count {
    case 0 where wb.session.mode == .ownProject:
      showMessage(
        "Own-project mode has no decision points; record your own decisions in your notes.",
        isError: false)
    case 0:
      showMessage("No decision to take in \(phase.title).", isError: false)
    // One decision or several, the dialog opens on the phase's list: `d`, `Enter`, a letter
    // then means the same in every phase. (A phase with one decision used to open it directly,
    // so the habit picked an option with `Enter` and typed the letter into the rationale.)
    default:
      overlays.present(.decision(DecisionDialog(phase: wb.phase, stage: .pick(0))))
    }
  }

  func stageFor(decision: Int, in phase: Phase) -> DecisionStage {
    let d = phase.decisions[decision]
    if session?.decisions[d.id] != nil { return .outcome(decision: decision) }
    return .choose(decision: decision, option: 0)
  }

  mutating func handleDecision(_ event: Event) {
    guard case .decision(var dialog) = overlay, let wb = workbench,
      wb.caseStudy.phases.indices.contains(dialog.phase)
    else {
      overlays.dismiss()
      return
    }
    let phase = wb.caseStudy.phases[dialog.phase]
    if let d = dialog.stage.decision, !phase.decisions.indices.contains(d) {
      overlays.dismiss()
      return
    }
    // Every phase's dialog has its list (`openDecisions`): a decision steps back to it.
    let backStage = DecisionStage.pick(0)
    guard case .key(let key) = event else {
      if case .paste(let text) = event, case .rationale(let d, let o, var editor) = dialog.stage {
        editor.insert(text)
        dialog.stage = .rationale(decision: d, option: o, editor: editor)
        overlays.replaceTop(with: .decision(dialog))
      } else if case .scrollDown = event {
        dialog.scroll = min(
          dialog.scroll + 1,
          DecisionView.maxScroll(
            dialog, wb: wb, options: options, size: size, workshop: workshop?.state))
        overlays.replaceTop(with: .decision(dialog))
      } else if case .scrollUp = event {
        dialog.scroll = max(0, dialog.scroll - 1)
        overlays.replaceTop(with: .decision(dialog))
      }
      return
    }
    let command = KeyTable.command(for: key, in: dialog.stage.scope)
    switch dialog.stage {
    case .pick(let i):
      switch command {
      case .move(let delta): dialog.stage = .pick(min(max(0, i + delta), phase.decisions.count - 1))
      case .select: dialog.stage = stageFor(decision: i, in: phase)
      case .back, .close:
        overlays.dismiss()
        return
      default: break
      }
      dialog.scroll = 0
    case .choose(let d, let o):
      let count = phase.decisions[d].options.count
      let page = max(1, DecisionView.box(size).inner.h - 1)
      switch command {
      case .move(let delta):
        dialog.stage = .choose(decision: d, option: min(max(0, o + delta), max(0, count - 1)))
      case .select:
        guard let next = chooseOption(d, o, phase: phase) else { return }
        dialog.stage = next
      case .option(let letter) where letter < count:
        guard let next = chooseOption(d, letter, phase: phase) else { return }
        dialog.stage = next
      case .back:
        dialog.stage = backStage
      case .close:
        overlays.dismiss()
        return
      case .page(let delta): dialog.scroll = max(0, dialog.scroll + delta * page)
      default: break
      }
    case .rationale(let d, let o, var editor):
      switch command {
      case .leave:
        dialog.stage = .choose(decision: d, option: o)
      case .keep:
        let rationale = editor.text.trimming(.whitespacesAndNewlines)
        guard !rationale.isEmpty else {
          showMessage("Write a sentence on why before confirming.", isError: true)
          return
        }
        let decision = phase.decisions[d]
        guard decision.options.indices.contains(o) else { return }
        let optionID = decision.options[o].id
        if changeSession({
          $0.decide(decision.id, option: optionID, rationale: rationale, at: $1)
        }) {
          showMessage("Decision recorded.", isError: false)
        } else if wb.readOnly {
          overlays.dismiss()
          return
        }
        dialog.stage = .outcome(decision: d)
        dialog.scroll = 0
      default:
        let width = DecisionView.editorWidth(size)
        editor.handle(key, in: .decisionRationale, width: width)
        editor.scrollIntoView(width: width, height: DecisionView.editorHeight(size))
        dialog.stage = .rationale(decision: d, option: o, editor: editor)
      }
    case .outcome(let d):
      switch command {
      case .change:
        if wb.readOnly {
          refuseReadOnly()
          return
        }
        let chosen = session?.decisions[phase.decisions[d].id]?.option
        let idx = phase.decisions[d].options.firstIndex { $0.id == chosen } ?? 0
        dialog.stage = .choose(decision: d, option: idx)
        dialog.scroll = 0
      case .move(let delta): dialog.scroll = max(0, dialog.scroll + delta)
      // Enter after an outcome goes back to the phase's list, as Esc does, rather than closing
      // the dialog under a participant who meant to take the next decision.
      case .back, .select:
        dialog.stage = backStage
        dialog.scroll = 0
      case .close:
        overlays.dismiss()
        return
      default: break
      }
    }
    if let wb = workbench {
      let top = DecisionView.maxScroll(
        dialog, wb: wb, options: options, size: size, workshop: workshop?.state)
      dialog.scroll = min(max(0, dialog.scroll), top)
    }
    overlays.replaceTop(with: .decision(dialog))
  }

  /// Moves from choosing to writing the rationale (pre-filled with the earlier one).
  mutating func chooseOption(_ d: Int, _ o: Int, phase: Phase) -> DecisionStage? {
    if workbench?.readOnly ?? true {
      refuseReadOnly()
      return nil
    }
    guard phase.decisions[d].options.indices.contains(o) else { return nil }
    let previous = session?.decisions[phase.decisions[d].id]?.rationale ?? ""
    return .rationale(decision: d, option: o, editor: TextEditor(previous, multiline: true))
  }
}
