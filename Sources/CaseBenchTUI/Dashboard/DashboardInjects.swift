import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The running phase's injects on the dashboard (`i`): each with when it fires and whether it
/// went out; Enter on one asks, and Enter again sends it to every team. One already sent is
/// never sent again.
extension Dashboard {
  /// The injects the list shows: those of the phase the room runs.
  var listedInjects: [Inject] { workshop.runningPhase(in: caseStudy)?.injects ?? [] }

  mutating func updateInjects(_ picked: Int, asking: Bool, _ event: Event) -> [DashboardCommand] {
    guard case .key(let key) = event else { return [] }
    let injects = listedInjects
    switch KeyTable.command(for: key, in: [.injectList, .releasePicker]) {
    case .move(let d) where !asking:
      overlays.replaceTop(
        with: .injects(picked: min(max(0, picked + d), max(0, injects.count - 1)), asking: false))
    case .select:
      guard injects.indices.contains(picked) else {
        overlays.dismiss()
        return []
      }
      let inject = injects[picked]
      if let sent = workshop.sentTime(ofInject: inject.id) {
        let when = clockText(sent, now: now, timeZone: options.timeZone)
        showMessage("\(inject.id) went out \(when); an inject goes out once.", isError: true)
        return []
      }
      guard asking else {
        overlays.replaceTop(with: .injects(picked: picked, asking: true))
        return []
      }
      overlays.dismiss()
      return [.sendInject(inject.id)]
    case .leave:
      if asking {
        overlays.replaceTop(with: .injects(picked: picked, asking: false))
      } else {
        overlays.dismiss()
      }
    default: break
    }
    return []
  }
}

enum DashboardInjects {
  /// "sent today 11:42" or "pending".
  static func state(of inject: Inject, _ d: Dashboard) -> (String, Role) {
    guard let sent = d.workshop.sentTime(ofInject: inject.id) else { return ("pending", .normal) }
    return ("sent " + shortClock(sent, timeZone: d.options.timeZone), .success)
  }

  static func draw(
    _ d: Dashboard, picked: Int, asking: Bool, size: Size, into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(d.options)
    let injects = d.listedInjects
    let phase = d.workshop.runningPhase(in: d.caseStudy)
    let w = min(size.width - 4, 76)
    let textWidth = max(10, w - 4)
    let chosen = injects.indices.contains(picked) ? injects[picked] : nil
    var preview: [String] = []
    if let chosen {
      if let from = chosen.from { preview.append("From \(from):") }
      preview += Wrap.lines(chosen.text, width: textWidth)
    }
    let listRows = min(injects.count, max(1, size.height - 10))
    let previewRows = min(preview.count, max(0, size.height - 6 - listRows))
    let h = min(size.height - 2, listRows + previewRows + 3)
    let r = Rect(x: (size.width - w) / 2, y: max(1, (size.height - h) / 2), w: w, h: h)
    buf.fill(x: r.x, y: r.y, width: r.w, height: r.h)
    let footer =
      asking
      ? KeyTable.sendInject.hint("sends it to every team now") + "  "
        + KeyTable.closeInjects.hint("back")
      : KeyTable.sendInject.hint("send") + "  " + KeyTable.closeInjects.hint("close")
    let title = asking ? "Send this to every team?" : "Injects of \(phase?.title ?? "the phase")"
    buf.box(r, title: g.truncate(title, to: r.w - 4), focused: true, glyphs: g, footer: footer)
    let first = max(0, min(picked - listRows + 1, injects.count - listRows))
    for row in 0..<listRows {
      let i = first + row
      guard injects.indices.contains(i) else { break }
      let inject = injects[i]
      let y = r.y + 1 + row
      let (state, role) = state(of: inject, d)
      buf.put(state, x: r.x + 3, y: y, role: role)
      let text = "\(inject.id) \(g.dot) \(inject.whenText)"
      buf.put(g.truncate(text, to: r.w - 19), x: r.x + 16, y: y, bold: i == picked)
      if i == picked {
        buf.put(g.pointer, x: r.x + 1, y: y, role: .selected, bold: true)
        buf.paint(x: r.x + 1, y: y, width: r.w - 2, role: .selected)
      }
    }
    for (i, line) in preview.prefix(previewRows).enumerated() {
      buf.put(
        line, x: r.x + 2, y: r.y + 2 + listRows + i,
        role: i == 0 && chosen?.from != nil ? .accent : .normal)
    }
  }
}
