import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A made-up class for tests, benchmarks and demonstrations: team `n`'s session, in a state
/// that depends only on `n`, so every figure can be worked out again by hand.
///
/// Team n (from 0) settles its first `n * 3 % (items + 1)` items in case-study order (every
/// fifth one as N/A, with a reason), takes the first `n % (decisions + 1)` decisions, choosing
/// option `(n + d) % options` for decision d, writes a note on every seventh item it settled,
/// and was last active `n` minutes before `now`.
public enum WorkshopSample {
  public static func teamName(_ n: Int) -> String { "Team \(n + 1)" }

  public static func settledCount(_ n: Int, in caseStudy: CaseStudy) -> Int {
    n * 3 % (caseStudy.allItems.count + 1)
  }

  public static func decisionCount(_ n: Int, in caseStudy: CaseStudy) -> Int {
    n % (caseStudy.phases.flatMap(\.decisions).count + 1)
  }

  public static func optionIndex(team n: Int, decision d: Int, options: Int) -> Int {
    (n + d) % max(1, options)
  }

  public static func session(_ n: Int, caseStudy: CaseStudy, now: Date) -> Session {
    let start = now.addingTimeInterval(-3600 - Double(n) * 60)
    var s = Session(participant: teamName(n), caseStudy: caseStudy, now: start)
    var at = start
    let items = caseStudy.allItems
    let settled = settledCount(n, in: caseStudy)
    for (i, item) in items.prefix(settled).enumerated() {
      at = at.addingTimeInterval(1)
      if i % 5 == 4 {
        s.setStatus(.notApplicable, of: item.id, reason: "Not for this shop", at: at)
      } else {
        s.setStatus(.done, of: item.id, at: at)
      }
      if i % 7 == 0 {
        s.setNote(
          "\(teamName(n)) checked \(item.id): " + String(repeating: "more ", count: i % 4),
          of: item.id, at: at)
      }
    }
    let decisions = caseStudy.phases.flatMap(\.decisions)
    for (d, decision) in decisions.prefix(decisionCount(n, in: caseStudy)).enumerated() {
      at = at.addingTimeInterval(1)
      let option = decision.options[
        optionIndex(team: n, decision: d, options: decision.options.count)]
      s.decide(decision.id, option: option.id, rationale: "Because team \(n + 1) said so.", at: at)
    }
    // Resume on the first phase whose items are not all settled.
    var seen = 0
    var resume = caseStudy.phases.last
    for phase in caseStudy.phases {
      seen += phase.items.count
      if seen > settled {
        resume = phase
        break
      }
    }
    if let resume { s.moveCursor(phase: resume.id, item: resume.items.first?.id) }
    s.updated = now.addingTimeInterval(-Double(n) * 60)
    return s
  }
}
