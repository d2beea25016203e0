import CaseBenchCore
import Foundation

/// Case- and accent-insensitive search over phase briefings, item text, notes and the cast.
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
