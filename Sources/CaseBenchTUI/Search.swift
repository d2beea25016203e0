import CaseBenchCore
import Foundation

/// Case- and accent-insensitive search over phase briefings, item text and notes.
enum Search {
  static func matches(_ query: String, in wb: Workbench) -> [SearchMatch] {
    let q = query.trimmingCharacters(in: .whitespaces)
    guard !q.isEmpty else { return [] }
    func has(_ text: String) -> Bool {
      text.range(of: q, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
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
    return out
  }
}
