#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The bounds of the facilitator's file, so that what the facilitator writes every team can
/// always read back (the README's "Running a workshop" lists them).
extension WorkshopState {
  /// The longest announcement, in characters.
  public static let maximumAnnouncementLength = 2_000
  /// The longest announcement in UTF-8 bytes (a line of emoji is short in characters).
  public static let maximumAnnouncementBytes = 8_000
  /// How many announcements the file keeps: the latest; older ones drop off.
  public static let maximumAnnouncements = 100
  /// The largest announcement id the file may hold.
  public static let maximumID = 1_000_000_000
  /// The largest facilitator's file read. With the bounds above it is never reached: 100
  /// announcements of 8,000 bytes, each byte escaped as `\u001b` at worst, are under 5 MiB.
  public static let maximumFileSize = 16 << 20

  /// Why a text cannot be announced, or nil when it can.
  public static func problem(withAnnouncement text: String) -> String? {
    if text.trimming(.whitespacesAndNewlines).isEmpty { return "an announcement needs some text" }
    let count = text.count
    if count > maximumAnnouncementLength || text.utf8.count > maximumAnnouncementBytes {
      return "an announcement is at most \(maximumAnnouncementLength) characters "
        + "(\(maximumAnnouncementBytes) bytes); this one has \(count) (\(text.utf8.count) bytes)"
    }
    return nil
  }
}
