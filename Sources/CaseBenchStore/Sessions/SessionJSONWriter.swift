import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Writes a session as pretty-printed JSON with sorted keys, byte for byte what `JSONEncoder`
/// writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, but several times
/// faster, so saving a 10,000-note session stays well inside its time budget.
///
/// It names every stored property of the session types. `StoreTests` fails if one is added
/// without being written here, and checks the output against `JSONEncoder`.
package struct SessionJSONWriter {
  var out: [UInt8] = []
  private var level = 0
  private var isFirst: [Bool] = []

  static func encode(_ s: Session) -> Data {
    var w = SessionJSONWriter()
    w.out.reserveCapacity(256 + s.items.count * 120 + s.events.count * 140)
    w.session(s)
    w.out.append(0x0A)
    return Data(w.out)
  }

  private mutating func session(_ s: Session) {
    open(UInt8(ascii: "{"))
    key("case_study_id")
    string(s.caseStudyID)
    if let source = s.caseStudySource {
      key("case_study_source")
      open(UInt8(ascii: "{"))
      key("hash")
      string(source.hash)
      key("path")
      string(source.path)
      close(UInt8(ascii: "}"))
    }
    key("case_study_version")
    string(s.caseStudyVersion)
    key("created")
    date(s.created)
    if let cursor = s.cursor {
      key("cursor")
      open(UInt8(ascii: "{"))
      if let item = cursor.item {
        key("item")
        string(item)
      }
      key("phase")
      string(cursor.phase)
      close(UInt8(ascii: "}"))
    }
    key("decisions")
    open(UInt8(ascii: "{"))
    for id in KeyOrder.sorted(s.decisions) {
      guard let d = s.decisions[id] else { continue }
      key(id)
      open(UInt8(ascii: "{"))
      key("decided_at")
      date(d.decidedAt)
      key("option")
      string(d.option)
      key("rationale")
      string(d.rationale)
      close(UInt8(ascii: "}"))
    }
    close(UInt8(ascii: "}"))
    key("events")
    open(UInt8(ascii: "["))
    for e in s.events {
      element()
      open(UInt8(ascii: "{"))
      key("at")
      date(e.at)
      key("detail")
      string(e.detail)
      key("kind")
      string(e.kind.rawValue)
      if let target = e.target {
        key("target")
        string(target)
      }
      close(UInt8(ascii: "}"))
    }
    close(UInt8(ascii: "]"))
    key("items")
    open(UInt8(ascii: "{"))
    for id in KeyOrder.sorted(s.items) {
      guard let item = s.items[id] else { continue }
      key(id)
      open(UInt8(ascii: "{"))
      if let reason = item.naReason {
        key("na_reason")
        string(reason)
      }
      key("note")
      string(item.note)
      key("status")
      string(item.status.rawValue)
      close(UInt8(ascii: "}"))
    }
    close(UInt8(ascii: "}"))
    if let lenses = s.lenses {
      key("lenses")
      self.lenses(lenses)
    }
    key("mode")
    string(s.mode.rawValue)
    key("participant")
    string(s.participant)
    if let reflections = s.reflections {
      key("reflections")
      open(UInt8(ascii: "{"))
      for id in KeyOrder.sorted(reflections) {
        key(id)
        string(reflections[id] ?? "")
      }
      close(UInt8(ascii: "}"))
    }
    key("schema_version")
    out.append(contentsOf: String(s.schemaVersion).utf8)
    key("toolkit")
    toolkit(s.toolkit)
    key("updated")
    date(s.updated)
    close(UInt8(ascii: "}"))
  }

  // MARK: Layout

  mutating func open(_ bracket: UInt8) {
    out.append(bracket)
    isFirst.append(true)
    level += 1
  }

  mutating func close(_ bracket: UInt8) {
    let wasEmpty = isFirst.removeLast()
    level -= 1
    out.append(0x0A)
    if wasEmpty { out.append(0x0A) }
    indent()
    out.append(bracket)
  }

  mutating func element() {
    if isFirst[isFirst.count - 1] {
      isFirst[isFirst.count - 1] = false
      out.append(0x0A)
    } else {
      out.append(UInt8(ascii: ","))
      out.append(0x0A)
    }
    indent()
  }

  mutating func key(_ name: String) {
    element()
    string(name)
    out.append(0x20)
    out.append(UInt8(ascii: ":"))
    out.append(0x20)
  }

  private mutating func indent() {
    for _ in 0..<(2 * level) { out.append(0x20) }
  }

  mutating func date(_ d: Date) {
    out.append(UInt8(ascii: "\""))
    SessionDates.append(d, to: &out)
    out.append(UInt8(ascii: "\""))
  }

  private mutating func escape(_ letter: UInt8) {
    out.append(0x5C)
    out.append(letter)
  }

  private func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : UInt8(ascii: "a") + value - 10
  }

  mutating func string(_ s: String) {
    out.append(UInt8(ascii: "\""))
    var text = s
    text.withUTF8 { bytes in
      var clean = true
      for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C {
        clean = false
        break
      }
      if clean {
        out.append(contentsOf: bytes)
        return
      }
      for b in bytes {
        switch b {
        case 0x22, 0x5C:
          out.append(0x5C)
          out.append(b)
        case 0x0A: escape(UInt8(ascii: "n"))
        case 0x0D: escape(UInt8(ascii: "r"))
        case 0x09: escape(UInt8(ascii: "t"))
        case 0x08: escape(UInt8(ascii: "b"))
        case 0x0C: escape(UInt8(ascii: "f"))
        case 0..<0x20:
          escape(UInt8(ascii: "u"))
          out.append(0x30)
          out.append(0x30)
          out.append(hexDigit(b >> 4))
          out.append(hexDigit(b & 0xF))
        default: out.append(b)
        }
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
