#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension Session {
  /// Every lens record, removed ones included.
  public var lensRecords: [LensRecord] { lenses?.records ?? [] }

  /// Adds a lens, given a case-study-format file's text and the checklist parsed from it, or
  /// replaces the content of a lens with the same id (a removed one shows again, with the
  /// answers it had). Keeps everything else in the session.
  @discardableResult
  public mutating func addLens(
    content: String, checklist: CaseStudy, caseStudy: CaseStudy, at now: Date = Date()
  ) throws(ToolkitError) -> Lens {
    guard checklist.id != caseStudy.id else {
      throw ToolkitError(
        field: checklist.id,
        message: "the lens has the id '\(checklist.id)' of the session's own case study",
        fix: "give the lens an id of its own")
    }
    let record = LensRecord(
      id: checklist.id, title: checklist.title, content: content, added: now)
    var all = lenses ?? SessionLenses()
    let detail: String
    if let index = all.records.firstIndex(where: { $0.id == record.id }) {
      detail = all.records[index].isActive ? "replaced lens" : "added lens again"
      all.records[index] = record
    } else {
      detail = "added lens"
      all.records.append(record)
    }
    lenses = all
    log(
      SessionEvent(at: now, kind: .lens, target: record.id, detail: "\(detail) \(record.title)"),
      at: now)
    return Lens(record: record, checklist: checklist)
  }

  /// Takes a lens off the screens and reports. Its record, answers and points stay in the
  /// file, so adding it again brings them back.
  public mutating func removeLens(id: String, at now: Date = Date()) throws(ToolkitError) {
    guard var all = lenses,
      let index = all.records.firstIndex(where: { $0.id == id && $0.isActive })
    else {
      throw .unknown("lens", id, known: lensRecords.filter(\.isActive).map(\.id))
    }
    all.records[index].removed = now
    lenses = all
    log(
      SessionEvent(
        at: now, kind: .lens, target: id, detail: "removed lens (its answers are kept)"),
      at: now)
  }

  /// A scored test's points; `.none` when not given.
  public func points(of key: String) -> TestPoints { lenses?.points[key] ?? .none }

  /// Gives a scored test its points.
  @discardableResult
  public mutating func setPoints(_ points: TestPoints, of key: String, at now: Date = Date())
    -> Bool
  {
    var all = lenses ?? SessionLenses()
    let old = all.points[key] ?? .none
    guard old != points else { return false }
    all.points[key] = points == .none ? nil : points
    lenses = all
    log(
      SessionEvent(
        at: now, kind: .lens, target: key, detail: "points \(old.label) → \(points.label)"),
      at: now)
    return true
  }

  /// Whether an item key of `items` belongs to a lens this session has or had.
  package func isLensKey(_ key: String) -> Bool {
    guard let colon = key.firstIndex(of: ":") else { return false }
    let lensID = key[..<colon]
    return lensRecords.contains { $0.id == lensID }
  }
}
