/// Team names in the order people read them: runs of digits by their value ("Team 2" before
/// "Team 10"), letters without regard to case, as Foundation's `localizedStandardCompare`
/// orders plain names, without the collation data that needs.
public enum NaturalOrder {
  /// Below zero when `a` comes first, zero only for equal texts, above zero otherwise.
  public static func compare(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased().unicodeScalars)
    let y = Array(b.lowercased().unicodeScalars)
    func digit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    var i = 0
    var j = 0
    while i < x.count, j < y.count {
      guard digit(x[i]), digit(y[j]) else {
        if x[i] != y[j] { return x[i].value < y[j].value ? -1 : 1 }
        i += 1
        j += 1
        continue
      }
      var iEnd = i
      while iEnd < x.count, digit(x[iEnd]) { iEnd += 1 }
      var jEnd = j
      while jEnd < y.count, digit(y[jEnd]) { jEnd += 1 }
      // Compared as numbers of any length: without leading zeros, the longer is larger.
      let p = x[i..<iEnd].drop { $0 == "0" }
      let q = y[j..<jEnd].drop { $0 == "0" }
      if p.count != q.count { return p.count < q.count ? -1 : 1 }
      for (u, v) in zip(p, q) where u != v { return u.value < v.value ? -1 : 1 }
      i = iEnd
      j = jEnd
    }
    if x.count - i != y.count - j { return x.count - i < y.count - j ? -1 : 1 }
    return a == b ? 0 : (a < b ? -1 : 1)
  }

  public static func ascending(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }
}
