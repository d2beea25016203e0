import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The new-session prompt over the start screen: its state, keys, update and drawing. The
/// start screen opens it on a case study and carries out what its update answers.
struct NewSessionPrompt: Sendable, Equatable {
  var caseStudy: Int
  var name = TextEditor(multiline: false)
  var mode = SessionMode.caseStudy
}

extension NewSessionPrompt {
  /// The prompt's keys: "Enter start", "Tab mode", "Esc cancel".
  static var keys: [String] {
    [
      KeyTable.newLine.hint("start"), KeyTable.mode.hint("mode", keys: [.tab]),
      KeyTable.leave.hint("cancel"),
    ]
  }

  /// What the parent does after a key in the prompt.
  enum Outcome: Equatable {
    case editing, cancel
    case start(name: String)
    /// Enter with no name yet.
    case needsName
  }

  mutating func update(_ event: Event) -> Outcome {
    switch event {
    case .key(let key):
      switch KeyTable.command(for: key, in: .newSession) {
      case .leave: return .cancel
      case .toggleMode: mode = mode == .caseStudy ? .ownProject : .caseStudy
      case .newLine:
        let trimmed = name.text.trimming(.whitespaces)
        return trimmed.isEmpty ? .needsName : .start(name: trimmed)
      default: name.handle(key, in: .newSession, width: 40)
      }
    case .paste(let text):
      name.insert(text)
    default:
      break
    }
    return .editing
  }

  // MARK: Drawing

  /// The prompt's box, centred on the screen.
  static func box(_ size: Size) -> Rect {
    let w = min(64, size.width - 4)
    let h = 10
    return Rect(x: (size.width - w) / 2, y: max(1, (size.height - h) / 2), w: w, h: h)
  }

  /// Draws the prompt over the start screen: the name field, the mode and what it means.
  /// `caseStudies`: the start screen's, for the title of the one being started.
  func draw(
    _ caseStudies: [CaseStudy], options: RenderOptions, size: Size, into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    let r = Self.box(size)
    DecisionView.clear(r, into: &buf)
    let title =
      caseStudies.indices.contains(caseStudy) ? caseStudies[caseStudy].title : ""
    buf.box(
      r, title: "New session \(g.dot) \(title)", focused: true, glyphs: g,
      footer: NewSessionPrompt.keys.joined(separator: " \(g.dot) "))
    let inner = r.inner
    let x0 = inner.x + 2
    let labelEnd = buf.put("Participant or team:", x: x0, y: inner.y + 1, role: .title, bold: true)
    let fieldX = labelEnd + 1
    let fieldW = max(1, inner.x + inner.w - 2 - fieldX)
    buf.fill(
      x: fieldX, y: inner.y + 1, width: fieldW, height: 1, with: Cell(" ", role: .selectedInactive))
    let mode = self.mode
    var x = buf.put("Mode:", x: x0, y: inner.y + 3, role: .title, bold: true) + 1
    x = buf.put(
      (mode == .caseStudy ? g.radioOn : g.radioOff) + " Case study", x: x, y: inner.y + 3,
      role: mode == .caseStudy ? .accent : .normal, bold: mode == .caseStudy)
    buf.put(
      (mode == .ownProject ? g.radioOn : g.radioOff) + " Own project", x: x + 3, y: inner.y + 3,
      role: mode == .ownProject ? .accent : .normal, bold: mode == .ownProject)
    let explain =
      mode == .caseStudy
      ? "Work through the story: every item shows what it means in the case."
      : "Use the phases and guidance on your own project; the story is hidden."
    buf.lines(
      Wrap.lines(explain, width: max(1, inner.w - 4)).map { StyledLine(text: $0, role: .dim) },
      in: Rect(x: x0, y: inner.y + 5, w: max(0, inner.w - 4), h: 2))
    var field = name
    field.top = 0
    buf.paint(x: fieldX, y: inner.y + 1, width: fieldW, role: .selectedInactive)
    drawField(field, x: fieldX, y: inner.y + 1, width: fieldW, into: &buf)
  }
}
