import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The toolkit half of the session writer (schema 2): the same layout `JSONEncoder` gives the
/// `Toolkit` types, keys sorted by UTF-8 bytes, optionals left out when nil. Each record is
/// described once as named values; `object` sorts and writes them.
extension SessionJSONWriter {
  /// A value in the toolkit's part of a session file.
  indirect enum Value {
    case string(String)
    case int(Int)
    case bool(Bool)
    case number(Double)
    case date(Date)
    case list([Value])
    /// Named values in any order; a nil value is left out, as `JSONEncoder` leaves out nil.
    case object([(String, Value?)])

    static func strings(_ values: [String]) -> Value { .list(values.map(Value.string)) }
  }

  mutating func toolkit(_ t: Toolkit) {
    write(
      .object([
        ("adoptions", .list(t.adoptions.map(Self.adoption))),
        ("estimate", t.estimate.map(Self.estimate)),
        ("log", .list(t.log.map(Self.logEntry))),
        ("metrics", .list(t.metrics.map(Self.metric))),
        ("models", .list(t.models.map(Self.model))),
        ("people", .list(t.people.map(Self.person))),
        ("person_notes", .object(t.personNotes.map { ($0.key, .string($0.value)) })),
        ("risks", .list(t.risks.map(Self.risk))),
      ]))
  }

  mutating func lenses(_ l: SessionLenses) {
    write(
      .object([
        ("points", .object(l.points.map { ($0.key, .number($0.value.rawValue)) })),
        (
          "records",
          .list(
            l.records.map {
              .object([
                ("added", .date($0.added)), ("content", .string($0.content)),
                ("hash", .string($0.hash)), ("id", .string($0.id)),
                ("removed", $0.removed.map(Value.date)), ("title", .string($0.title)),
              ])
            })
        ),
      ]))
  }

  private static func adoption(_ a: Adoption) -> Value {
    .object([
      ("candidates", .strings(a.candidates)), ("chosen", .string(a.chosen)),
      ("decided_at", .date(a.decidedAt)), ("id", .string(a.id)),
      ("rationale", .string(a.rationale)),
    ])
  }

  private static func estimate(_ e: Estimate) -> Value {
    .object([
      ("factors", .strings(e.factors.map(\.rawValue))),
      (
        "tasks",
        .list(e.tasks.map { .object([("days", .number($0.days)), ("title", .string($0.title))]) })
      ),
      ("updated", .date(e.updated)),
    ])
  }

  private static func logEntry(_ entry: LogEntry) -> Value {
    .object([
      ("at", .date(entry.at)), ("id", .string(entry.id)),
      ("rationale", .string(entry.rationale)), ("title", .string(entry.title)),
    ])
  }

  private static func metric(_ m: SuccessMetric) -> Value {
    .object([
      ("id", .string(m.id)), ("kpi", .string(m.kpi.rawValue)),
      ("mechanism", .string(m.mechanism)), ("name", .string(m.name)),
      ("target", .string(m.target)),
    ])
  }

  private static func model(_ m: ModelRecord) -> Value {
    .object([
      ("data_version", .string(m.dataVersion)), ("id", .string(m.id)),
      ("metrics", .string(m.metrics)), ("name", .string(m.name)), ("notes", .string(m.notes)),
      ("parameters", .string(m.parameters)), ("phase", .string(m.phase)),
      ("rebuild_needs", .string(m.rebuildNeeds)), ("rebuildable", .bool(m.rebuildable)),
      ("recorded", .date(m.recorded)),
    ])
  }

  private static func person(_ p: Stakeholder) -> Value {
    .object([
      ("hot_buttons", .strings(p.hotButtons)), ("id", .string(p.id)),
      ("interest", .string(p.interest.rawValue)), ("name", .string(p.name)),
      ("power", .string(p.power.rawValue)), ("role", .string(p.role)),
      ("wants", .string(p.wants)),
    ])
  }

  private static func risk(_ r: Risk) -> Value {
    .object([
      ("id", .string(r.id)), ("impact", .int(r.impact)), ("likelihood", .int(r.likelihood)),
      ("mitigation", .string(r.mitigation)), ("owner", .string(r.owner)),
      ("phase", .string(r.phase)), ("prompt", r.prompt.map(Value.string)),
      ("raised", .date(r.raised)), ("review_date", r.reviewDate.map(Value.string)),
      ("status", .string(r.status.rawValue)), ("title", .string(r.title)),
    ])
  }

  private mutating func write(_ value: Value) {
    switch value {
    case .string(let s): string(s)
    case .int(let n): out.append(contentsOf: String(n).utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .number(let x): number(x)
    case .date(let d): date(d)
    case .list(let values):
      open(UInt8(ascii: "["))
      for value in values {
        element()
        write(value)
      }
      close(UInt8(ascii: "]"))
    case .object(let fields):
      open(UInt8(ascii: "{"))
      let sorted = fields.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
      for case (let name, let value?) in sorted {
        key(name)
        write(value)
      }
      close(UInt8(ascii: "}"))
    }
  }

  /// A finite number as `JSONEncoder` writes it: Swift's shortest round-trip form, without a
  /// trailing ".0". (Person-days are checked to be finite before they reach a session.)
  private mutating func number(_ value: Double) {
    guard value.isFinite else {
      out.append(0x30)
      return
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    out.append(contentsOf: text.utf8)
  }
}
