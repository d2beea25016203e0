import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The lens scores (`S`): each of the session's lenses with its own score. The ML Test Score
/// shows its four section sums, the final score (the smallest sum), its band and the band's
/// meaning, always with its workings; Core's `MLTestScore` computes them. A checklist lens
/// shows how many of its items are settled, per section.
struct LensScorePage: WorkbenchPage {
  static let id = "lens-scores"
  static let bindings: [KeyBinding] = [
    KeyBinding(
      "S", [(.char("S"), .openScreen(id))],
      "lens scores: each lens's own score, the ML Test Score with its workings", group: .lenses,
      in: [.workbench, .tool, .page])
  ]

  var scroll = 0

  init(_ context: PageContext) {}

  mutating func update(_ event: Event, _ context: PageContext) -> PageOutcome {
    let step: Int
    switch event {
    case .key(let key):
      switch KeyTable.command(for: key, in: .page) {
      case .move(let delta): step = delta
      case .page(let delta): step = delta * max(1, context.body.h - 3)
      case .top: step = Int.min / 4
      case .bottom: step = Int.max / 4
      default: return .stay
      }
    case .scrollUp: step = -1
    case .scrollDown: step = 1
    default: return .stay
    }
    let area = Self.textArea(context.body)
    let count = Self.lines(context.workbench, width: area.w, g: Glyphs.of(context.options)).count
    scroll = min(max(0, scroll + step), max(0, count - area.h))
    return .stay
  }

  func draw(_ context: PageContext, in rect: Rect, into buf: inout ScreenBuffer) {
    let g = Glyphs.of(context.options)
    buf.box(rect, title: "Lens scores", focused: true, glyphs: g)
    let area = Self.textArea(rect)
    let lines = Self.lines(context.workbench, width: area.w, g: g)
    buf.lines(lines, in: area, scroll: min(scroll, max(0, lines.count - area.h)))
  }

  func hints(_ context: PageContext) -> [String] {
    [
      KeyTable.back.hint("back"), KeyTable.move.hint("scroll", keys: [.char("j"), .char("k")]),
      KeyTable.page.hint("page"),
    ]
  }

  static func textArea(_ rect: Rect) -> Rect {
    let inner = rect.inner
    return Rect(x: inner.x + 1, y: inner.y, w: max(1, inner.w - 2), h: inner.h)
  }

  /// What the page says, for a width.
  static func lines(_ wb: Workbench, width: Int, g: Glyphs) -> [StyledLine] {
    var out: [StyledLine] = []
    guard !wb.lenses.isEmpty else {
      out.wrap(
        "No lenses yet. \(KeyTable.addLens.hint("adds one")) in the workbench: ml-test-score, "
          + "a lens file, or a deon checklist.", width: width, role: .dim)
      return out
    }
    out.wrap(
      "Each lens counts only towards its own score: the case study's gates, phase bars and "
        + "readiness leave its items out.", width: width, role: .dim)
    for lens in wb.lenses {
      out.append(.blank)
      out.wrap("\(lens.title)  [\(LensTag.short(lens))]", width: width, role: .title, bold: true)
      if let source = lens.checklist.lens?.source, !source.isEmpty {
        out.wrap(source, width: width, role: .dim)
      }
      if lens.scoring == .mlTestScore {
        scoreLines(lens.mlTestScore(in: wb.session), width: width, g: g, into: &out)
      } else {
        checklistLines(lens, wb: wb, width: width, into: &out)
      }
      let unplaced = lens.unplacedPhases(in: wb.caseStudy)
      if !unplaced.isEmpty {
        out.wrap(
          "In no phase of this case study (only here, the ethics lens and the reports): "
            + unplaced.map(\.title).joined(separator: ", "), width: width, role: .warning)
      }
    }
    return out
  }

  /// The rubric's section sums, the final score with its band and meaning, and the workings.
  static func scoreLines(
    _ score: MLTestScore, width: Int, g: Glyphs, into out: inout [StyledLine]
  ) {
    let titleW = min(20, score.sections.map { DisplayWidth.of($0.title) }.max() ?? 0)
    for section in score.sections {
      let by = { (points: TestPoints) in section.points.count { $0 == points } }
      let row =
        DisplayWidth.pad(g.truncate(section.title, to: titleW), to: titleW) + "  "
        + DisplayWidth.pad(MLTestScore.format(section.sum), to: 4) + "of \(section.points.count)"
        + "  (\(by(.automated)) automated, \(by(.byHand)) by hand, \(by(.none)) not done)"
      let weakest = score.weakest.contains(section) && score.sections.count > 1
      out.wrap(row, width: width, role: weakest ? .warning : .normal)
    }
    out.wrap("Workings: " + score.workings(), width: width, role: .normal)
    out.wrap(score.verdict + ".", width: width, role: .accent, bold: true)
    out.wrap("The bands:", width: width, role: .dim)
    for band in MLTestScore.Band.allCases {
      let mark = band == score.band ? "\(g.pointer) " : "  "
      out.bullet(
        "\(band.range): \(band.meaning)", marker: mark, width: width,
        role: band == score.band ? .normal : .dim)
    }
  }

  /// A checklist lens: settled items per section of the lens, and in all.
  static func checklistLines(
    _ lens: Lens, wb: Workbench, width: Int, into out: inout [StyledLine]
  ) {
    var settled = 0
    var total = 0
    for phase in lens.checklist.phases {
      let done = phase.items.count { wb.session.status(of: lens.key($0.id)).isSettled }
      settled += done
      total += phase.items.count
      let host = wb.caseStudy.phase(id: Lens.hostPhase(of: phase))?.title
      out.wrap(
        "\(phase.title): \(done) of \(phase.items.count) settled"
          + (host.map { " (shows in \($0))" } ?? ""), width: width, role: .normal)
    }
    let fraction = total == 0 ? 0 : Double(settled) / Double(total)
    out.wrap(
      "In all: \(settled) of \(total) settled (\(CaseBenchModel.Progress.percent(fraction))).",
      width: width, role: .accent, bold: true)
  }
}
