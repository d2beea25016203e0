#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The toolkit half of the session writer (schema 2): the same layout `JSONEncoder` gives the
/// `Toolkit` types, keys sorted by UTF-8 bytes, optionals left out when nil.
extension SessionJSONWriter {
  mutating func toolkit(_ t: Toolkit) {
    open(UInt8(ascii: "{"))
    key("adoptions")
    list(t.adoptions) { w, a in
      w.open(UInt8(ascii: "{"))
      w.key("candidates")
      w.strings(a.candidates)
      w.key("chosen")
      w.string(a.chosen)
      w.key("decided_at")
      w.date(a.decidedAt)
      w.key("id")
      w.string(a.id)
      w.key("rationale")
      w.string(a.rationale)
      w.close(UInt8(ascii: "}"))
    }
    if let e = t.estimate {
      key("estimate")
      open(UInt8(ascii: "{"))
      key("factors")
      strings(e.factors.map(\.rawValue))
      key("tasks")
      list(e.tasks) { w, task in
        w.open(UInt8(ascii: "{"))
        w.key("days")
        w.number(task.days)
        w.key("title")
        w.string(task.title)
        w.close(UInt8(ascii: "}"))
      }
      key("updated")
      date(e.updated)
      close(UInt8(ascii: "}"))
    }
    key("log")
    list(t.log) { w, entry in
      w.open(UInt8(ascii: "{"))
      w.key("at")
      w.date(entry.at)
      w.key("id")
      w.string(entry.id)
      w.key("rationale")
      w.string(entry.rationale)
      w.key("title")
      w.string(entry.title)
      w.close(UInt8(ascii: "}"))
    }
    key("metrics")
    list(t.metrics) { w, m in
      w.open(UInt8(ascii: "{"))
      w.key("id")
      w.string(m.id)
      w.key("kpi")
      w.string(m.kpi.rawValue)
      w.key("mechanism")
      w.string(m.mechanism)
      w.key("name")
      w.string(m.name)
      w.key("target")
      w.string(m.target)
      w.close(UInt8(ascii: "}"))
    }
    key("models")
    list(t.models) { w, m in
      w.open(UInt8(ascii: "{"))
      w.key("data_version")
      w.string(m.dataVersion)
      w.key("id")
      w.string(m.id)
      w.key("metrics")
      w.string(m.metrics)
      w.key("name")
      w.string(m.name)
      w.key("notes")
      w.string(m.notes)
      w.key("parameters")
      w.string(m.parameters)
      w.key("phase")
      w.string(m.phase)
      w.key("rebuild_needs")
      w.string(m.rebuildNeeds)
      w.key("rebuildable")
      w.bool(m.rebuildable)
      w.key("recorded")
      w.date(m.recorded)
      w.close(UInt8(ascii: "}"))
    }
    key("people")
    list(t.people) { w, p in
      w.open(UInt8(ascii: "{"))
      w.key("hot_buttons")
      w.strings(p.hotButtons)
      w.key("id")
      w.string(p.id)
      w.key("interest")
      w.string(p.interest.rawValue)
      w.key("name")
      w.string(p.name)
      w.key("power")
      w.string(p.power.rawValue)
      w.key("role")
      w.string(p.role)
      w.key("wants")
      w.string(p.wants)
      w.close(UInt8(ascii: "}"))
    }
    key("person_notes")
    open(UInt8(ascii: "{"))
    for id in SessionJSONWriter.sortedKeys(t.personNotes) {
      guard let note = t.personNotes[id] else { continue }
      key(id)
      string(note)
    }
    close(UInt8(ascii: "}"))
    key("risks")
    list(t.risks) { w, r in
      w.open(UInt8(ascii: "{"))
      w.key("id")
      w.string(r.id)
      w.key("impact")
      w.int(r.impact)
      w.key("likelihood")
      w.int(r.likelihood)
      w.key("mitigation")
      w.string(r.mitigation)
      w.key("owner")
      w.string(r.owner)
      w.key("phase")
      w.string(r.phase)
      if let prompt = r.prompt {
        w.key("prompt")
        w.string(prompt)
      }
      w.key("raised")
      w.date(r.raised)
      if let day = r.reviewDate {
        w.key("review_date")
        w.string(day)
      }
      w.key("status")
      w.string(r.status.rawValue)
      w.key("title")
      w.string(r.title)
      w.close(UInt8(ascii: "}"))
    }
    close(UInt8(ascii: "}"))
  }

  private mutating func list<T>(_ values: [T], _ write: (inout SessionJSONWriter, T) -> Void) {
    open(UInt8(ascii: "["))
    for value in values {
      element()
      write(&self, value)
    }
    close(UInt8(ascii: "]"))
  }

  private mutating func strings(_ values: [String]) {
    list(values) { w, s in w.string(s) }
  }

  private mutating func int(_ value: Int) {
    out.append(contentsOf: String(value).utf8)
  }

  private mutating func bool(_ value: Bool) {
    out.append(contentsOf: (value ? "true" : "false").utf8)
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
