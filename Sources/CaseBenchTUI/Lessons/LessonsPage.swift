import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

/// Lessons learned: a phase's reflection prompts (What? So what? Now what?) and the team's
/// answers. `R` opens it on the phase in front; `←` `→` step through the phases. The prompts
/// open once the phase's decisions are revealed (`Phase.reflectionAvailability`, the one
/// rule); before that each shows as "after the decisions are revealed". `Enter` answers the
/// selected prompt in the note editor's box; `Esc` or `Ctrl-S` keeps the answer.
struct LessonsPage: WorkbenchPage {
  static let id = "lessons"

  static let bindings: [KeyBinding] = [
    KeyBinding(
      "R", [(.char("R"), .openScreen(id))],
      "lessons learned: answer the phase's What? So what? Now what? once its decisions are "
        + "revealed", group: .story, in: [.workbench, .tool, .page]),
    KeyBinding(
      "Left Right", [(.left, .stepPane(-1)), (.right, .stepPane(1))],
      "on the lessons-learned page: previous / next phase", group: nil, in: [.page]),
  ]

  /// The phase shown (an index into the workbench's case study).
  var phase: Int
  /// The selected prompt.
  var selected = 0
  /// The answer being written, when the editor is open.
  var editor: TextEditor?

  init(_ context: PageContext) {
    phase = context.workbench.phase
  }

  var isEditing: Bool { editor != nil }

  var pendingEdit: PageEdit? {
    guard let editor, let id = editingPromptID else { return nil }
    return .reflection(promptID: id, answer: editor.text)
  }

  /// The prompt being answered; set while the editor is open.
  private(set) var editingPromptID: String?

  static func prompts(_ context: PageContext, phase: Int) -> [ReflectionPrompt] {
    let phases = context.workbench.caseStudy.phases
    return phases.indices.contains(phase) ? phases[phase].reflection : []
  }

  static func availability(_ context: PageContext, phase: Int) -> ReflectionAvailability {
    let phases = context.workbench.caseStudy.phases
    guard phases.indices.contains(phase) else { return .open }
    return phases[phase].reflectionAvailability(
      session: context.workbench.session, workshop: context.workshop)
  }

  mutating func update(_ event: Event, _ context: PageContext) -> PageOutcome {
    if editor != nil { return updateEditor(event, context) }
    guard case .key(let key) = event else { return .stay }
    let count = Self.prompts(context, phase: phase).count
    switch KeyTable.command(for: key, in: .page) {
    case .move(let delta): selected = max(0, min(count - 1, selected + delta))
    case .top: selected = 0
    case .bottom: selected = max(0, count - 1)
    case .stepPane(let delta):
      let last = context.workbench.caseStudy.phases.count - 1
      phase = max(0, min(last, phase + delta))
      selected = 0
    case .open: return startEditing(context)
    default: break
    }
    return .stay
  }

  private mutating func startEditing(_ context: PageContext) -> PageOutcome {
    let prompts = Self.prompts(context, phase: phase)
    guard prompts.indices.contains(selected) else {
      return .message("This phase has no lessons-learned questions.")
    }
    guard !context.workbench.readOnly else {
      return .message("Read-only: answers cannot be written here.")
    }
    let availability = Self.availability(context, phase: phase)
    guard availability.isOpen else {
      return .message(Self.waitingLine(availability, context, phase: phase))
    }
    let id = prompts[selected].id
    var opened = TextEditor(context.workbench.session.reflection(id), multiline: true)
    let text = NoteMetrics(box: Self.editorRect(context)).text
    opened.scrollIntoView(width: text.w, height: text.h)
    editor = opened
    editingPromptID = id
    return .stay
  }

  private mutating func updateEditor(_ event: Event, _ context: PageContext) -> PageOutcome {
    guard var open = editor, let id = editingPromptID else { return .stay }
    let text = NoteMetrics(box: Self.editorRect(context)).text
    switch event {
    case .key(let key):
      switch KeyTable.command(for: key, in: .note) {
      case .leave, .keep:
        editor = nil
        editingPromptID = nil
        return .edit(.reflection(promptID: id, answer: open.text))
      case .continueInEditor:
        break  // $EDITOR edits item notes only; the answer stays in the box.
      case .page(let delta):
        open.moveVertically(delta * max(1, text.h - 1), width: text.w)
      default:
        open.handle(key, in: .note, width: text.w)
      }
    case .paste(let pasted):
      open.insert(pasted)
    default:
      break
    }
    open.scrollIntoView(width: text.w, height: text.h)
    editor = open
    return .stay
  }

  func draw(_ context: PageContext, in rect: Rect, into buf: inout ScreenBuffer) {
    LessonsView.draw(self, context, in: rect, into: &buf)
  }

  func hints(_ context: PageContext) -> [String] {
    if editor != nil {
      return [
        [KeyTable.leave, KeyTable.keep].map { $0.keys[0].key.name }.joined(separator: "/")
          + " keep the answer"
      ]
    }
    var hints: [String] = []
    if Self.availability(context, phase: phase).isOpen,
      !Self.prompts(context, phase: phase).isEmpty
    {
      hints.append(KeyTable.open.hint("answer"))
    }
    hints.append(KeyTable.move.hint("question", keys: [.up, .down]))
    hints.append(Self.bindings[1].hint("phase"))
    hints.append(KeyTable.back.hint("back"))
    return hints
  }
}

// MARK: Measures and messages, shared by the page's update and its view

extension LessonsPage {
  /// Where the editor's box goes: inside the page's border, the lower two thirds, under the
  /// prompt.
  static func editorRect(_ context: PageContext) -> Rect {
    let inner = context.body.inner
    let top = min(max(4, inner.h / 3), max(0, inner.h - 5))
    return Rect(x: inner.x, y: inner.y + top, w: inner.w, h: max(1, inner.h - top))
  }

  /// "Waiting for the facilitator to reveal: Pathfinder or full build?" and the like.
  static func waitingLine(_ a: ReflectionAvailability, _ context: PageContext, phase: Int)
    -> String
  {
    let phases = context.workbench.caseStudy.phases
    func titles(_ ids: [String]) -> String {
      let decisions = phases.indices.contains(phase) ? phases[phase].decisions : []
      return ids.map { id in decisions.first { $0.id == id }?.title ?? id }
        .joined(separator: "; ")
    }
    switch a {
    case .open: return ""
    case .awaitingReveal(let ids):
      return "Opens after the decisions are revealed. Waiting for the facilitator to reveal: "
        + titles(ids) + "."
    case .awaitingDecisions(let ids):
      return "Opens after the decisions are revealed: decide " + titles(ids) + " first (d)."
    }
  }
}
