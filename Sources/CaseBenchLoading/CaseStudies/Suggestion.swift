/// "Did you mean" suggestions by edit distance.
enum Suggestion {
  /// The closest candidate within a small edit distance, or `nil`.
  /// Only a bounded number of candidates is compared, so a huge id list cannot make this slow.
  static func closest(to word: String, among candidates: [String], limit: Int = 2000) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    guard !target.isEmpty, target.count <= 64 else { return nil }
    let threshold = max(1, min(3, target.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates.prefix(limit) {
      let other = Array(candidate.lowercased().unicodeScalars)
      guard abs(other.count - target.count) <= threshold else { continue }
      let distance = editDistance(target, other)
      if distance <= threshold, distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  /// Levenshtein distance with adjacent transpositions counted as one edit.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, before[j - 2] + 1)
        }
        current[j] = value
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
