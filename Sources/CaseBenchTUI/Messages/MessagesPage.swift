import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The messages page of a workshop: every announcement of the day that the facilitator's file
/// still holds, in full and in order, so nothing said is missed. `M` opens it from the
/// workbench or from the banner (on the banner's announcement). Other kinds of message from the
/// facilitator (injects) are meant to join this page.
struct MessagesPage: Sendable, Equatable {
  /// The first line shown.
  var scroll = 0
}

/// The messages page's keys; `KeyTable.all` lists them with the rest.
extension KeyTable {
  static let messages = KeyBinding(
    "M", [(.char("M"), .messages)], "in a workshop: the facilitator's messages today, in full",
    group: .anywhere, in: [.workbench, .banner])
  static let messagesScroll = KeyBinding(
    "Up Down PgUp PgDn",
    [
      (.up, .move(-1)), (.down, .move(1)), (.pageUp, .page(-1)),
      (.pageDown, .page(1)),
    ], "on the messages page: scroll", group: nil, in: [.messages])
  static let messagesClose = KeyBinding(
    "Esc q M", [(.escape, .close), (.char("q"), .close), (.char("M"), .close)],
    "close the messages page", group: nil, in: [.messages])
}

extension AppState {
  /// Keys for the messages page: opening it, and everything while it is open (it takes every
  /// key but the interrupt). Returns whether the key was used.
  mutating func handleMessagesKey(_ key: Key) -> Bool {
    guard var w = workshop, workbench != nil else { return false }
    guard var page = w.messages else {
      guard overlay == .none, KeyTable.messages.command(for: key) != nil else { return false }
      var opened = MessagesPage()
      if let a = w.banner {
        opened.scroll = MessagesView.firstLine(of: a.id, in: w, state: self, size: size)
        w.banner = w.queue.isEmpty ? nil : w.queue.removeFirst()
      } else {
        opened.scroll = Int.max
      }
      opened.scroll = MessagesView.clamped(opened.scroll, w, state: self, size: size)
      w.messages = opened
      workshop = w
      return true
    }
    if KeyTable.interrupt.command(for: key) != nil { return false }
    let height = MessagesView.textHeight(size)
    switch KeyTable.command(for: key, in: .messages) {
    case .move(let d): page.scroll += d
    case .page(let d): page.scroll += d * max(1, height - 1)
    case .top: page.scroll = 0
    case .bottom: page.scroll = Int.max
    case .close:
      w.messages = nil
      workshop = w
      return true
    default: return true
    }
    page.scroll = MessagesView.clamped(page.scroll, w, state: self, size: size)
    w.messages = page
    workshop = w
    return true
  }

  /// New announcements join the queue behind the one showing: each is shown in turn, oldest
  /// first, however many arrive at once.
  mutating func enqueueAnnouncements(_ fresh: [Announcement]) {
    guard var w = workshop, !fresh.isEmpty else { return }
    var pending = (w.banner.map { [$0] } ?? []) + w.queue + fresh
    w.banner = pending.removeFirst()
    w.queue = pending
    workshop = w
  }
}

/// Drawing the banner's text and the messages page.
enum MessagesView {
  /// At most this many lines of an announcement show on the banner; a longer one says so.
  static let bannerLines = 4

  /// The banner's lines: the announcement, cut to `bannerLines` with a last line saying there
  /// is more and how to read it.
  static func bannerText(_ a: Announcement, width: Int) -> [String] {
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

  static func frame(_ size: Size) -> Rect {
    Rect(x: 1, y: 1, w: max(20, size.width - 2), h: max(5, size.height - 3))
  }

  static func textHeight(_ size: Size) -> Int { max(1, frame(size).h - 2) }

  /// Every line of the page: a heading per announcement, its text, a blank line.
  static func lines(_ w: ParticipantWorkshop, state: AppState, size: Size) -> [(String, Bool)] {
    let width = max(10, frame(size).w - 4)
    var out: [(String, Bool)] = []
    for a in w.state.announcements {
      let when = clockText(a.at, now: state.now, timeZone: state.options.timeZone)
      out.append(("\(when)  " + (a.from.map { "from \($0)" } ?? "(\(a.id))"), true))
      for line in Wrap.lines(a.text, width: width) { out.append((line, false)) }
      out.append(("", false))
    }
    return out.isEmpty ? [("No messages from the facilitator yet.", false)] : out
  }

  static func firstLine(of id: Int, in w: ParticipantWorkshop, state: AppState, size: Size) -> Int {
    var line = 0
    let width = max(10, frame(size).w - 4)
    for a in w.state.announcements {
      if a.id == id { return line }
      line += 2 + Wrap.lines(a.text, width: width).count
    }
    return 0
  }

  static func clamped(_ scroll: Int, _ w: ParticipantWorkshop, state: AppState, size: Size) -> Int {
    let count = lines(w, state: state, size: size).count
    return max(0, min(scroll, count - textHeight(size)))
  }

  static func draw(
    _ page: MessagesPage, _ w: ParticipantWorkshop, state: AppState, size: Size,
    into buf: inout ScreenBuffer
  ) {
    let r = frame(size)
    let all = lines(w, state: state, size: size)
    let height = textHeight(size)
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
