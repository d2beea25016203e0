import CaseBenchModel

/// What a new version of a case study drops that sessions of the old one may hold work on:
/// for `casebench lint --against OLD.yaml`.
public enum CaseStudyChanges {
  public struct Dropped: Sendable, Equatable {
    /// "phase", "item" or "decision".
    public var kind: String
    public var id: String
    public var title: String
    /// The id in the new version with the same title and kind, when there is exactly one.
    public var renamedTo: String?
  }

  /// Phases, items and decisions of `old` whose ids `new` does not have, in `old`'s order.
  public static func dropped(from old: CaseStudy, in new: CaseStudy) -> [Dropped] {
    func entries(_ study: CaseStudy) -> [(kind: String, id: String, title: String)] {
      var result: [(String, String, String)] = []
      for phase in study.phases {
        result.append(("phase", phase.id, phase.title))
        for item in phase.items { result.append(("item", item.id, item.title)) }
        for decision in phase.decisions { result.append(("decision", decision.id, decision.title)) }
      }
      return result
    }
    let newEntries = entries(new)
    let newIDs = Set(newEntries.map { "\($0.kind) \($0.id)" })
    let oldIDs = Set(entries(old).map { "\($0.kind) \($0.id)" })
    return entries(old).filter { !newIDs.contains("\($0.kind) \($0.id)") }.map { entry in
      let sameTitle = newEntries.filter {
        $0.kind == entry.kind && $0.title == entry.title && !oldIDs.contains("\($0.kind) \($0.id)")
      }
      return Dropped(
        kind: entry.kind, id: entry.id, title: entry.title,
        renamedTo: sameTitle.count == 1 ? sameTitle[0].id : nil)
    }
  }

  /// For `lint --against`: one warning per phase, item or decision of `old` that `new` no
  /// longer has.
  public static func warnings(file: String, old: CaseStudy, oldFile: String, new: CaseStudy)
    -> [Diagnostic]
  {
    CaseStudyChanges.dropped(from: old, in: new).map { entry in
      let what = "\(entry.kind) '\(entry.id)' (\(entry.title))"
      if let renamed = entry.renamedTo {
        return Diagnostic(
          file: file, line: 0, column: 0, severity: .warning,
          message: "\(what) of \(oldFile) is renamed to '\(renamed)': sessions with work on it "
            + "would lose it", fix: "keep the id '\(entry.id)'; change only the title")
      }
      return Diagnostic(
        file: file, line: 0, column: 0, severity: .warning,
        message: "\(what) of \(oldFile) is removed: sessions with work on it would lose it",
        fix: "keep it, or say in the release notes that its work is dropped")
    }
  }
}
