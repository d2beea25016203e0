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

extension ParticipantWorkshop {
  /// The messages page's keys: opening it over the workbench, and everything while it is open
  /// (it takes every key but the interrupt). Returns whether the key was used.
  mutating func updateMessages(_ key: Key, _ env: WorkshopEnvironment) -> Bool {
    guard env.workbenchOpen else { return false }
    if var page = messages {
      if KeyTable.interrupt.command(for: key) != nil { return false }
      messages = page.update(key, self, env.measures) ? nil : page
    } else {
      guard !env.overlayOpen, KeyTable.messages.command(for: key) != nil else { return false }
      let page = MessagesPage.opened(&self, env.measures)
      messages = page
    }
    return true
  }

  /// New banners join the queue behind the one showing: each is shown in turn, oldest first,
  /// however many arrive at once.
  mutating func enqueueBanners(_ fresh: [Banner]) {
    guard !fresh.isEmpty else { return }
    var pending = (banner.map { [$0] } ?? []) + queue + fresh
    banner = pending.removeFirst()
    queue = pending
  }
}

extension MessagesPage {
  /// The page opened from the workbench, or from the banner on the banner's announcement (the
  /// banner then moves on to the next one waiting).
  static func opened(_ w: inout ParticipantWorkshop, _ m: Metrics) -> MessagesPage {
    var page = MessagesPage()
    if let banner = w.banner {
      // A reveal or a release is not on the page: it opens at the top.
      page.scroll = banner.announcement.map { m.firstLine(of: $0.id, in: w) } ?? 0
      w.banner = w.queue.isEmpty ? nil : w.queue.removeFirst()
    } else {
      page.scroll = Int.max
    }
    page.scroll = m.clamped(page.scroll, w)
    return page
  }

  /// The page's update: scrolls, and answers whether the key closes the page.
  mutating func update(_ key: Key, _ w: ParticipantWorkshop, _ m: Metrics) -> Bool {
    switch KeyTable.command(for: key, in: .messages) {
    case .move(let d): scroll += d
    case .page(let d): scroll += d * max(1, m.textHeight - 1)
    case .top: scroll = 0
    case .bottom: scroll = Int.max
    case .close: return true
    default: return false
    }
    scroll = m.clamped(scroll, w)
    return false
  }

  /// The page's measures at a size, and its lines: the view draws with them and the update
  /// scrolls with them.
  struct Metrics {
    var size: Size
    /// The clock the headings' times are read against.
    var now: Date
    var timeZone: TimeZone?

    init(_ size: Size, now: Date, timeZone: TimeZone?) {
      self.size = size
      self.now = now
      self.timeZone = timeZone
    }

    var frame: Rect { Rect(x: 1, y: 1, w: max(20, size.width - 2), h: max(5, size.height - 3)) }
    var textHeight: Int { max(1, frame.h - 2) }
    var textWidth: Int { max(10, frame.w - 4) }

    /// Every line of the page: a heading per announcement, its text, a blank line.
    func lines(_ w: ParticipantWorkshop) -> [(String, Bool)] {
      var out: [(String, Bool)] = []
      for a in w.state.announcements {
        let when = clockText(a.at, now: now, timeZone: timeZone)
        out.append(("\(when)  " + (a.from.map { "from \($0)" } ?? "(\(a.id))"), true))
        for line in Wrap.lines(a.text, width: textWidth) { out.append((line, false)) }
        out.append(("", false))
      }
      return out.isEmpty ? [("No messages from the facilitator yet.", false)] : out
    }

    func firstLine(of id: Int, in w: ParticipantWorkshop) -> Int {
      var line = 0
      for a in w.state.announcements {
        if a.id == id { return line }
        line += 2 + Wrap.lines(a.text, width: textWidth).count
      }
      return 0
    }

    func clamped(_ scroll: Int, _ w: ParticipantWorkshop) -> Int {
      max(0, min(scroll, lines(w).count - textHeight))
    }
  }
}

extension KeyScope {
  /// A workshop's messages page.
  static let messages = KeyScope("messages")
}
