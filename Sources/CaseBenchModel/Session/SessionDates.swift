#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// ISO 8601 dates for session files, exact to the bit: `2026-11-29T01:52:15Z`, or with the fewest
/// fractional digits that give back the same `Date` (`2026-11-29T01:52:15.2345678Z`).
/// Written by hand (no formatter) because a big session holds tens of thousands of dates.
public enum SessionDates {
  private static let referenceToUnix = 978_307_200
  private static let powersOfTen: [Double] = (0...15).map { pow(10, Double($0)) }

  public static func format(_ date: Date) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(32)
    append(date, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the UTF-8 text of `format(date)` to a buffer, for writers that build bytes.
  package static func append(_ date: Date, to out: inout [UInt8]) {
    var t = date.timeIntervalSinceReferenceDate
    if !t.isFinite { t = 0 }
    t = min(max(t, -62_135_596_800 - 978_307_200), 253_402_300_799 - 978_307_200)
    let whole = t.rounded(.down)
    let fraction = t - whole  // exact: both share an exponent range
    let seconds = Int(whole) + referenceToUnix
    var days = seconds / 86_400
    var secondOfDay = seconds % 86_400
    if secondOfDay < 0 {
      secondOfDay += 86_400
      days -= 1
    }
    let (year, month, day) = civil(fromDays: days)
    appendDigits(year, width: 4, to: &out)
    out.append(UInt8(ascii: "-"))
    appendDigits(month, width: 2, to: &out)
    out.append(UInt8(ascii: "-"))
    appendDigits(day, width: 2, to: &out)
    out.append(UInt8(ascii: "T"))
    appendDigits(secondOfDay / 3600, width: 2, to: &out)
    out.append(UInt8(ascii: ":"))
    appendDigits(secondOfDay / 60 % 60, width: 2, to: &out)
    out.append(UInt8(ascii: ":"))
    appendDigits(secondOfDay % 60, width: 2, to: &out)
    if fraction > 0 {
      out.append(UInt8(ascii: "."))
      appendFractionDigits(fraction, whole: whole, exact: t, to: &out)
    }
    out.append(UInt8(ascii: "Z"))
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)`; nil if the text is not such a date.
  public static func parse(_ text: String) -> Date? {
    let u = Array(text.utf8)
    var p = 0
    func number(_ width: Int) -> Int? {
      guard p + width <= u.count else { return nil }
      var v = 0
      for k in p..<(p + width) {
        let c = u[k]
        guard c >= 0x30 && c <= 0x39 else { return nil }
        v = v * 10 + Int(c - 0x30)
      }
      p += width
      return v
    }
    func expect(_ options: String) -> Bool {
      guard p < u.count, options.utf8.contains(u[p]) else { return false }
      p += 1
      return true
    }
    guard let year = number(4), expect("-"), let month = number(2), expect("-"),
      let day = number(2), expect("Tt "), let hour = number(2), expect(":"),
      let minute = number(2), expect(":"), let second = number(2)
    else { return nil }
    guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
      hour < 24, minute < 60, second < 61
    else { return nil }
    var fraction = 0.0
    if p < u.count && (u[p] == UInt8(ascii: ".") || u[p] == UInt8(ascii: ",")) {
      p += 1
      let start = p
      while p < u.count && u[p] >= 0x30 && u[p] <= 0x39 { p += 1 }
      guard p > start else { return nil }
      fraction = fractionValue(digits: u[start..<p])
    }
    var offset = 0
    guard p < u.count else { return nil }
    if u[p] == UInt8(ascii: "Z") || u[p] == UInt8(ascii: "z") {
      p += 1
    } else if u[p] == UInt8(ascii: "+") || u[p] == UInt8(ascii: "-") {
      let sign = u[p] == UInt8(ascii: "-") ? -1 : 1
      p += 1
      guard let oh = number(2) else { return nil }
      _ = expect(":")
      guard let om = number(2), oh < 24, om < 60 else { return nil }
      offset = sign * (oh * 3600 + om * 60)
    } else {
      return nil
    }
    guard p == u.count else { return nil }
    let unix =
      days(fromYear: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
      - offset
    return Date(timeIntervalSinceReferenceDate: Double(unix - referenceToUnix) + fraction)
  }

  // MARK: Helpers

  /// The fewest decimal digits `d` such that whole + 0.d gives back `exact`. The decimal is
  /// evaluated the same way `parse` evaluates it, so the round trip is exact.
  private static func appendFractionDigits(
    _ fraction: Double, whole: Double, exact: Double, to out: inout [UInt8]
  ) {
    for places in 1...15 {
      let scale = powersOfTen[places]
      let scaled = (fraction * scale).rounded()
      if scaled < scale && whole + scaled / scale == exact {
        let start = out.count
        appendDigits(Int(scaled), width: places, to: &out)
        while out.count > start + 1 && out.last == UInt8(ascii: "0") { out.removeLast() }
        return
      }
    }
    // Only dates within a tiny fraction of a second of 2001-01-01 get here.
    out.append(contentsOf: plainDecimalDigits(fraction).utf8)
  }

  private static func fractionValue(digits: ArraySlice<UInt8>) -> Double {
    if digits.count <= 15 {
      var v = 0
      for c in digits { v = v * 10 + Int(c - 0x30) }
      return Double(v) / powersOfTen[digits.count]
    }
    return Double("0." + String(decoding: digits, as: UTF8.self)) ?? 0
  }

  /// The digits after "0." of Swift's shortest round-trip text for a value in (0, 1).
  private static func plainDecimalDigits(_ value: Double) -> String {
    let text = value.description
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
      return String(text.drop { $0 != "." }.dropFirst())
    }
    let mantissa = text[..<e].filter { $0 != "." }
    let exponent = Int(text[text.index(after: e)...]) ?? 0
    return String(repeating: "0", count: max(0, -exponent - 1)) + mantissa
  }

  private static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
    if value < 0 { out.append(UInt8(ascii: "-")) }
    var v = value.magnitude
    var count = 1
    var probe = v
    while probe >= 10 {
      probe /= 10
      count += 1
    }
    for _ in count..<max(count, width) { out.append(0x30) }
    let start = out.count
    for _ in 0..<count { out.append(0) }
    var k = out.count - 1
    while k >= start {
      out[k] = UInt8(v % 10) + 0x30
      v /= 10
      k -= 1
    }
  }

  private static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func days(fromYear year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
  public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
