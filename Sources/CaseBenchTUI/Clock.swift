import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Clock times for the status bar, the start screen and the dashboard.

/// "today 14:03", "yesterday 14:03", or "2026-11-28 14:03" (older), in the given time zone
/// (nil: the machine's local time).
func clockText(_ date: Date, now: Date, timeZone: TimeZone?) -> String {
  let when = LocalTime(date, timeZone: timeZone)
  let today = LocalTime(now, timeZone: timeZone).day
  let time = when.hourMinute
  if when.day == today { return "today " + time }
  if when.day == today - 1 { return "yesterday " + time }
  return zeroPadded(when.year, 4) + "-" + zeroPadded(when.month, 2) + "-"
    + zeroPadded(when.dayOfMonth, 2) + " " + time
}

func shortClock(_ date: Date, timeZone: TimeZone?) -> String {
  LocalTime(date, timeZone: timeZone).hourMinute
}

/// A moment as a wall clock shows it, worked out from the offset from UTC (the time zone's,
/// or the C library's local time), without Foundation's calendars (which would bring ICU).
struct LocalTime {
  /// Days since 1970-01-01 in local time.
  var day: Int
  var year: Int
  var month: Int
  var dayOfMonth: Int
  var hour: Int
  var minute: Int

  init(_ date: Date, timeZone: TimeZone?) {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let offset: Int
    if let timeZone {
      offset = timeZone.secondsFromGMT(for: date)
    } else {
      var t = time_t(seconds)
      var fields = tm()
      offset = localtime_r(&t, &fields) == nil ? 0 : Int(fields.tm_gmtoff)
    }
    let local = seconds + offset
    day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    let inDay = local - day * 86_400
    hour = inDay / 3_600
    minute = inDay % 3_600 / 60
    (year, month, dayOfMonth) = SessionDates.civil(fromDays: day)
  }

  var hourMinute: String {
    zeroPadded(hour, 2) + ":" + zeroPadded(minute, 2)
  }
}

/// `n` in decimal with zeros in front, to at least `width` digits (7 to "07").
private func zeroPadded(_ n: Int, _ width: Int) -> String {
  let digits = String(n)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
