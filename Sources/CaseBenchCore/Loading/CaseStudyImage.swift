/// A validated case study in a compact binary form, for the ones compiled into the binary.
///
/// Parsing and validating the Bike Shop's 160 KB of YAML was most of what a one-shot command such
/// as `casebench export` spent on its own work; decoding its image is a small fraction of that
/// (the README's performance table has both figures). The image starts with the length and a
/// hash of the YAML it was made from, and `decode` returns nil unless that YAML is the one in
/// hand, so an image of other YAML is never used: the YAML is parsed instead. What the hash
/// cannot see, a change to the loader or to this codec that gives a different case study from
/// the same YAML, `CaseStudyImageTests` does: it compares a fresh image with the embedded one
/// and fails until `scripts/compile-builtin` is run.
///
/// Layout: the magic line, the source's length and hash (8 bytes each, little-endian), then the
/// case study's fields in declaration order. Integers are zigzag LEB128, strings a length and
/// their UTF-8, arrays a count and their elements, optionals a 0 or 1 byte first.
public enum CaseStudyImage {
  static let magic = Array("casebench case study image 2\n".utf8)

  /// The image of `study`, which was validated from `source`.
  public static func encode(_ study: CaseStudy, source: [UInt8]) -> [UInt8] {
    var writer = ImageWriter()
    writer.bytes = magic
    writer.fixed(UInt64(source.count))
    writer.fixed(sourceHash(source))
    study.write(to: &writer)
    return writer.bytes
  }

  /// The case study in `image`; nil when the image was made from other YAML than `source`, or is
  /// not an image of this version at all.
  public static func decode(_ image: [UInt8], source: [UInt8]) -> CaseStudy? {
    var reader = ImageReader(bytes: image)
    do throws(ImageReader.Malformed) {
      guard try reader.take(magic.count).elementsEqual(magic),
        try reader.fixed() == UInt64(source.count),
        try reader.fixed() == sourceHash(source)
      else { return nil }
      let study = try CaseStudy(from: &reader)
      return reader.atEnd ? study : nil
    } catch {
      return nil
    }
  }

  /// A 64-bit hash of the source, in four lanes of eight bytes so that the multiplications
  /// overlap: it tells an edited file from the one the image was made from (it is not meant to
  /// resist someone forging a collision). It runs at every start, so it is not
  /// `CaseStudySource.hash(of:)`, whose byte-at-a-time FNV-1a (fixed by the session format) would
  /// take several times as long over the Bike Shop's 160 KB.
  static func sourceHash(_ source: [UInt8]) -> UInt64 {
    source.withUnsafeBytes { raw in
      var lanes: (UInt64, UInt64, UInt64, UInt64) = (
        0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4, 0x9ce4_cbf2_2325_8422, 0x2325_8422_9ce4_cbf2
      )
      var offset = 0
      while offset + 32 <= raw.count {
        lanes.0 = mix(lanes.0, word(raw, offset))
        lanes.1 = mix(lanes.1, word(raw, offset + 8))
        lanes.2 = mix(lanes.2, word(raw, offset + 16))
        lanes.3 = mix(lanes.3, word(raw, offset + 24))
        offset += 32
      }
      var hash = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
      for byte in raw[offset...] { hash = mix(hash, UInt64(byte)) }
      return mix(hash, UInt64(raw.count))
    }
  }

  /// Mixes a word in: `word` is already in the machine's order, read little-endian by `lane`.
  /// The eight bytes at `offset` as a little-endian number, on any machine.
  private static func word(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
    var h = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 29
    return h
  }
}

/// Appends values to an image.
struct ImageWriter {
  var bytes: [UInt8] = []

  mutating func fixed(_ value: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }

  mutating func varint(_ value: Int) {
    let wide = Int64(value)
    var zigzag = UInt64(bitPattern: (wide << 1) ^ (wide >> 63))
    while zigzag >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
      zigzag >>= 7
    }
    bytes.append(UInt8(zigzag))
  }

  mutating func callAsFunction<Value: ImageCodable>(_ value: Value) { value.write(to: &self) }
}

/// Reads values back, refusing to read past the end.
struct ImageReader {
  struct Malformed: Error {}

  let bytes: [UInt8]
  var offset = 0

  var atEnd: Bool { offset == bytes.count }

  /// Bytes not read yet.
  var remaining: Int { bytes.count - offset }

  mutating func take(_ count: Int) throws(Malformed) -> ArraySlice<UInt8> {
    guard count >= 0, count <= remaining else { throw Malformed() }
    defer { offset += count }
    return bytes[offset..<offset + count]
  }

  mutating func fixed() throws(Malformed) -> UInt64 {
    var value: UInt64 = 0
    for (index, byte) in try take(8).enumerated() { value |= UInt64(byte) << (8 * index) }
    return value
  }

  mutating func varint() throws(Malformed) -> Int {
    var zigzag: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      // Ten bytes carry 64 bits; an eleventh, or bits beyond the 64th, is not an image's.
      guard shift < 64 else { throw Malformed() }
      let byte = try take(1).first ?? 0
      let bits = UInt64(byte & 0x7F)
      guard shift < 63 || bits <= 1 else { throw Malformed() }
      zigzag |= bits << shift
      if byte < 0x80 { break }
      shift += 7
    }
    return Int(truncatingIfNeeded: Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
  }

  mutating func callAsFunction<Value: ImageCodable>() throws(Malformed) -> Value {
    try Value(from: &self)
  }
}

/// A value with an image form. Each field is written and read in the same order, in one place per
/// type below; `CaseStudyImageTests` checks that what is read back equals what was written.
protocol ImageCodable {
  func write(to writer: inout ImageWriter)
  init(from reader: inout ImageReader) throws(ImageReader.Malformed)
}

extension Int: ImageCodable {
  func write(to writer: inout ImageWriter) { writer.varint(self) }
  init(from reader: inout ImageReader) throws(ImageReader.Malformed) { self = try reader.varint() }
}

extension Bool: ImageCodable {
  func write(to writer: inout ImageWriter) { writer.bytes.append(self ? 1 : 0) }
  init(from reader: inout ImageReader) throws(ImageReader.Malformed) {
    switch try reader.take(1).first {
    case 0: self = false
    case 1: self = true
    default: throw ImageReader.Malformed()
    }
  }
}

extension String: ImageCodable {
  func write(to writer: inout ImageWriter) {
    writer.varint(utf8.count)
    writer.bytes.append(contentsOf: utf8)
  }
  init(from reader: inout ImageReader) throws(ImageReader.Malformed) {
    // String(decoding:) is specialised here, where String(validating:) would run generic
    // code for every string. The image came from validated text and is checked against its
    // source's hash, so a repair (never expected) would only show a replacement character.
    self = String(decoding: try reader.take(try reader.varint()), as: UTF8.self)
  }
}

extension Array: ImageCodable where Element: ImageCodable {
  func write(to writer: inout ImageWriter) {
    writer.varint(count)
    for element in self { element.write(to: &writer) }
  }
  init(from reader: inout ImageReader) throws(ImageReader.Malformed) {
    let count = try reader.varint()
    // Every element takes at least a byte, so a count beyond the bytes left is malformed.
    guard count >= 0, count <= reader.remaining else {
      throw ImageReader.Malformed()
    }
    self = []
    reserveCapacity(count)
    for _ in 0..<count { append(try Element(from: &reader)) }
  }
}

extension Optional: ImageCodable where Wrapped: ImageCodable {
  func write(to writer: inout ImageWriter) {
    switch self {
    case .none: writer.bytes.append(0)
    case .some(let value):
      writer.bytes.append(1)
      value.write(to: &writer)
    }
  }
  init(from reader: inout ImageReader) throws(ImageReader.Malformed) {
    self = try Bool(from: &reader) ? .some(try Wrapped(from: &reader)) : .none
  }
}

/// The enums go by their YAML spelling, so reordering their cases cannot change a meaning.
protocol ImageCodableByName: ImageCodable, RawRepresentable<String> {}

extension ImageCodableByName {
  func write(to writer: inout ImageWriter) { rawValue.write(to: &writer) }
  init(from reader: inout ImageReader) throws(ImageReader.Malformed) {
    guard let value = Self(rawValue: try String(from: &reader)) else {
      throw ImageReader.Malformed()
    }
    self = value
  }
}

extension Level: ImageCodableByName {}
extension ItemLevel: ImageCodableByName {}
extension Verdict: ImageCodableByName {}

extension CaseStudy: ImageCodable {
  func write(to w: inout ImageWriter) {
    w(formatVersion)
    w(id)
    w(version)
    w(title)
    w(summary)
    w(background)
    w(cast)
    w(phases)
    w(retiredItems)
    w(lens)
  }
  init(from r: inout ImageReader) throws(ImageReader.Malformed) {
    self.init(
      formatVersion: try r(), id: try r(), version: try r(), title: try r(), summary: try r(),
      background: try r(), cast: try r(), phases: try r(), retiredItems: try r(), lens: try r())
  }
}

extension RetiredItem: ImageCodable {
  func write(to w: inout ImageWriter) {
    w(id)
    w(title)
    w(reason)
    w(replacedBy)
  }
  init(from r: inout ImageReader) throws(ImageReader.Malformed) {
    self.init(id: try r(), title: try r(), reason: try r(), replacedBy: try r())
  }
}

extension CastMember: ImageCodable {
  func write(to w: inout ImageWriter) {
    w(id)
    w(name)
    w(role)
    w(wants)
    w(hotButtons)
    w(power)
    w(interest)
  }
  init(from r: inout ImageReader) throws(ImageReader.Malformed) {
    self.init(
      id: try r(), name: try r(), role: try r(), wants: try r(), hotButtons: try r(),
      power: try r(), interest: try r())
  }
}

extension Phase: ImageCodable {
  func write(to w: inout ImageWriter) {
    w(id)
    w(title)
    w(goal)
    w(briefing)
    w(timeboxMinutes)
    w(items)
    w(decisions)
    w(riskPrompts)
    w(facilitatorNotes)
    w(gate)
    w(schedule)
    w(modelAnswers)
    w(showsIn)
  }
  init(from r: inout ImageReader) throws(ImageReader.Malformed) {
    self.init(
      id: try r(), title: try r(), goal: try r(), briefing: try r(), timeboxMinutes: try r(),
      items: try r(), decisions: try r(), riskPrompts: try r(), facilitatorNotes: try r(),
      gate: try r() as [String], schedule: try r(), modelAnswers: try r(), showsIn: try r())
  }
}

extension Schedule: ImageCodable {
  func write(to w: inout ImageWriter) {
    w(read)
    w(work)
    w(decide)
    w(debrief)
  }
  init(from r: inout ImageReader) throws(ImageReader.Malformed) {
    self.init(read: try r(), work: try r(), decide: try r(), debrief: try r())
  }
}

extension ModelAnswer: ImageCodable {
  func write(to w: inout ImageWriter) {
    w(topic)
    w(answer)
    w(item)
  }
  init(from r: inout ImageReader) throws(ImageReader.Malformed) {
    self.init(topic: try r(), answer: try r(), item: try r())
  }
}

extension Item: ImageCodable {
  func write(to w: inout ImageWriter) {
    w(id)
    w(title)
    w(guidance)
    w(caseContext)
    w(why)
    w(hint)
    w(tags)
    w(required)
    w(references)
    w(arisesIn)
    w(level)
  }
  init(from r: inout ImageReader) throws(ImageReader.Malformed) {
    self.init(
      id: try r(), title: try r(), guidance: try r(), caseContext: try r(), why: try r(),
      hint: try r(), tags: try r(), required: try r(), references: try r(), arisesIn: try r(),
      level: try r())
  }
}

extension Decision: ImageCodable {
  func write(to w: inout ImageWriter) {
    w(id)
    w(title)
    w(situation)
    w(options)
    w(facilitatorNotes)
  }
  init(from r: inout ImageReader) throws(ImageReader.Malformed) {
    self.init(
      id: try r(), title: try r(), situation: try r(), options: try r(),
      facilitatorNotes: try r())
  }
}

extension DecisionOption: ImageCodable {
  func write(to w: inout ImageWriter) {
    w(id)
    w(label)
    w(consequence)
    w(verdict)
    w(debrief)
  }
  init(from r: inout ImageReader) throws(ImageReader.Malformed) {
    self.init(
      id: try r(), label: try r(), consequence: try r(), verdict: try r(), debrief: try r())
  }
}

extension RiskPrompt: ImageCodable {
  func write(to w: inout ImageWriter) {
    w(id)
    w(text)
    w(likelihood)
    w(impact)
  }
  init(from r: inout ImageReader) throws(ImageReader.Malformed) {
    self.init(id: try r(), text: try r(), likelihood: try r(), impact: try r())
  }
}
