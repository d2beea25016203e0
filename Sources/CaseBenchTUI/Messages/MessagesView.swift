import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Drawing the banner's text and the messages page.
enum MessagesView {
  /// At most this many lines of an announcement show on the banner; a longer one says so.
  static let bannerLines = 4

  /// The banner's lines: the announcement, cut to `bannerLines` with a last line saying there
  /// is more and how to read it.
  static func bannerText(_ a: Banner, width: Int) -> [String] {
    let lines = Wrap.lines(a.text, width: width)
    guard lines.count > bannerLines else { return lines }
    return Array(lines.prefix(bannerLines - 1)) + [
      "… \(lines.count - bannerLines + 1) more lines: \(KeyTable.messages.hint("reads it in full"))"
    ]
  }

  /// The banner's footer: how to dismiss it, how many wait behind it, and the messages page.
  static func bannerFooter(_ w: ParticipantWorkshop) -> String {
    let next = w.queue.isEmpty ? "dismiss" : "next (\(w.queue.count) more waiting)"
    return KeyTable.dismissBanner.hint(next) + "  " + KeyTable.messages.hint("all messages")
  }

  static func draw(
    _ page: MessagesPage, _ w: ParticipantWorkshop, state: AppState, size: Size,
    into buf: inout ScreenBuffer
  ) {
    let m = MessagesPage.Metrics(size, now: state.now, timeZone: state.options.timeZone)
    let r = m.frame
    let all = m.lines(w)
    let height = m.textHeight
    buf.fill(x: r.x, y: r.y, width: r.w, height: r.h)
    let shown =
      "\(min(all.count, page.scroll + 1))-\(min(all.count, page.scroll + height)) of \(all.count)"
    buf.box(
      r, title: "Messages from the facilitator", focused: true, glyphs: Glyphs.of(state.options),
      topRight: shown,
      footer: KeyTable.messagesScroll.hint("scroll") + "  " + KeyTable.messagesClose.hint("close"))
    for (i, line) in all.dropFirst(page.scroll).prefix(height).enumerated() {
      buf.put(line.0, x: r.x + 2, y: r.y + 1 + i, role: line.1 ? .accent : .normal, bold: line.1)
    }
  }
}
