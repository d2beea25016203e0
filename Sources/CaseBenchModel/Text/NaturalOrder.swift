/// Names in the order people read them, the one order for teams on the dashboard and in the
/// debrief: case and accents aside ("Éclair" beside "eclair"), runs of digits by their value
/// ("Team 2" before "Team 10"), as Foundation's `localizedStandardCompare` orders plain names,
/// without the collation data that needs.
public enum NaturalOrder {
  /// What a name sorts by: its `Folding` key, with each run of ASCII digits written as a
  /// 20-digit number, so that keys compare as texts.
  public static func key(_ name: String) -> String {
    var key = ""
    var digits = ""
    func flush() {
      guard !digits.isEmpty else { return }
      let trimmed = String(digits.drop { $0 == "0" })
      key += String(repeating: "0", count: max(0, 20 - trimmed.count)) + trimmed
      digits = ""
    }
    for c in Folding.key(of: name).unicodeScalars {
      if c.properties.numericType == .decimal, c.isASCII {
        digits.unicodeScalars.append(c)
      } else {
        flush()
        key.unicodeScalars.append(c)
      }
    }
    flush()
    return key
  }

  /// Below zero when `a` comes first, zero only for equal texts, above zero otherwise. Names
  /// with the same key ("Team 2", "team 02") are ordered by their text.
  public static func compare(_ a: String, _ b: String) -> Int {
    let x = key(a)
    let y = key(b)
    if x != y { return x < y ? -1 : 1 }
    return a == b ? 0 : (a < b ? -1 : 1)
  }

  public static func ascending(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }
}
