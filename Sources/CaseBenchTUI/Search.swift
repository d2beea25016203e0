import CaseBenchLoading
import CaseBenchModel
import CaseBenchStore

/// Case- and accent-insensitive search over phase briefings, item text, notes and the cast.
enum Search {
  static func matches(_ query: String, in wb: Workbench) -> [SearchMatch] {
    let q = Folded(query.trimming(.whitespaces))
    guard !q.isEmpty else { return [] }
    func has(_ text: String) -> Bool { q.occurs(in: text) }
    var out: [SearchMatch] = []
    for (p, phase) in wb.caseStudy.phases.enumerated() {
      if has(phase.title) || has(phase.goal) || (wb.showsCase && has(phase.briefing)) {
        out.append(SearchMatch(phase: p, item: nil))
      }
      for (i, item) in phase.items.enumerated() {
        let state = wb.session.state(of: item.id)
        if has(item.title) || has(item.guidance) || has(item.why) || has(state.note)
          || (wb.showsCase && has(item.caseContext)) || has(state.naReason ?? "")
        {
          out.append(SearchMatch(phase: p, item: i))
        }
      }
    }
    // The cast belongs to the story, so own-project mode leaves it out, as it does briefings.
    if wb.showsCase {
      for (n, person) in wb.caseStudy.cast.enumerated()
      where has(person.name) || has(person.role) || has(person.wants)
        || person.hotButtons.contains(where: has)
      {
        out.append(SearchMatch(phase: wb.phase, item: nil, person: n))
      }
    }
    return out
  }
}

/// A search query for matching that ignores case and accents, as `Folding` compares ("cafe"
/// finds "Café"). Text of plain ASCII is searched on its bytes when the folded query is ASCII
/// too, which keeps a search of a large case study or a long note to one pass over its bytes.
struct Folded {
  let query: String
  /// The query as `Folding` compares it, as bytes, when that is plain ASCII.
  let ascii: [UInt8]?
  let isEmpty: Bool

  init(_ query: String) {
    self.query = query
    let key = Folding.key(of: query)
    isEmpty = key.isEmpty
    ascii = key.utf8.allSatisfy { $0 < 0x80 } ? Array(key.utf8) : nil
  }

  func occurs(in text: String) -> Bool { !ranges(in: text, first: true).isEmpty }

  /// Where the query occurs in `text`, without overlaps, in order (only the first if `first`).
  func ranges(in text: String, first: Bool = false) -> [Range<String.Index>] {
    guard !isEmpty else { return [] }
    if let ascii,
      let found = text.utf8.withContiguousStorageIfAvailable({
        Folded.asciiRanges(of: ascii, in: $0, first: first)
      }), let offsets = found
    {
      let utf8 = text.utf8
      return offsets.map { r in
        let lower = utf8.index(utf8.startIndex, offsetBy: r.lowerBound)
        return lower..<utf8.index(lower, offsetBy: r.count)
      }
    }
    var out: [Range<String.Index>] = []
    var from = text.startIndex
    while from < text.endIndex, let found = Folding.range(of: query, in: text, from: from) {
      out.append(found)
      if first { break }
      from = found.upperBound > from ? found.upperBound : text.index(after: from)
    }
    return out
  }

  /// Byte ranges of `query` (folded ASCII) in `bytes`, ignoring ASCII case; nil unless every
  /// byte is ASCII and none is a carriage return (so that each byte is one character).
  private static func asciiRanges(
    of query: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, first: Bool
  ) -> [Range<Int>]? {
    for b in bytes where b >= 0x80 || b == 0x0D { return nil }
    func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    var out: [Range<Int>] = []
    let m = query.count
    var k = 0
    while k + m <= bytes.count {
      var j = 0
      while j < m, lower(bytes[k + j]) == query[j] { j += 1 }
      if j == m {
        out.append(k..<(k + m))
        if first { break }
        k += m
      } else {
        k += 1
      }
    }
    return out
  }
}
