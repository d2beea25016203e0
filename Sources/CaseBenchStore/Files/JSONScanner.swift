#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A strict JSON (RFC 8259) syntax checker that says where text goes wrong and whether it
/// simply stops early. Foundation's decoders report syntax errors without a dependable position,
/// so sessions are checked here first; the decoder then only sees well-formed JSON.
///
/// It also notes the root object's members (for the schema check) and, on request, the offset
/// of the value at a coding path (to point an "invalid field" error at the right line).
struct JSONScanner {
  enum ValueKind: Equatable {
    case object, array, string, number, bool, null

    var noun: String {
      switch self {
      case .object: "an object"
      case .array: "an array"
      case .string: "a string"
      case .number: "a number"
      case .bool: "true or false"
      case .null: "null"
      }
    }
  }

  struct Member {
    var kind: ValueKind
    var offset: Int
    /// The literal text of a number, for reading `schema_version`.
    var number: String?
  }

  enum PathComponent: Equatable {
    case key(String)
    case index(Int)
  }

  struct Outcome {
    var rootKind: ValueKind
    /// The root object's members by key; empty unless the root is an object.
    var members: [String: Member]
    /// The offset of the value at the target path, if one was asked for and found.
    var targetOffset: Int?
  }

  struct Failure: Error {
    var offset: Int
    var message: String
    /// The text ends (or turns into NUL padding) before the JSON is complete.
    var atEnd: Bool
  }

  /// Nesting deeper than this is refused rather than risking the stack.
  static let maximumDepth = 512

  static func scan(_ data: Data, target: [PathComponent]? = nil) -> Result<Outcome, Failure> {
    data.withUnsafeBytes { raw in
      var scanner = JSONScanner(bytes: raw, target: target)
      return scanner.run()
    }
  }

  /// 1-based line and column (in Unicode scalars) of a byte offset.
  static func lineAndColumn(of offset: Int, in data: Data) -> (line: Int, column: Int) {
    data.withUnsafeBytes { raw in
      var line = 1
      var column = 1
      let end = min(offset, raw.count)
      var j = 0
      while j < end {
        let byte = raw[j]
        if byte == 0x0A {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
        j += 1
      }
      return (line, column)
    }
  }

  // MARK: The scanner

  let b: UnsafeRawBufferPointer
  let n: Int
  var i = 0
  private let target: [PathComponent]?
  private var path: [PathComponent] = []
  private var targetOffset: Int?
  private var members: [String: Member] = [:]

  private init(bytes: UnsafeRawBufferPointer, target: [PathComponent]?) {
    self.b = bytes
    self.n = bytes.count
    self.target = target
  }

  private mutating func run() -> Result<Outcome, Failure> {
    do throws(Failure) {
      // A UTF-8 byte order mark is tolerated, as editors on some systems add one.
      if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
      skipWhitespace()
      guard i < n else { throw failure("the file is empty", atEnd: true) }
      let kind = try value(depth: 0)
      skipWhitespace()
      if i < n {
        throw failure("unexpected \(describe(b[i])) after the end of the JSON value")
      }
      return .success(Outcome(rootKind: kind, members: members, targetOffset: targetOffset))
    } catch {
      var f = error
      // A crash during a write can leave a run of NUL bytes where the rest should be.
      if !f.atEnd && f.offset < n && (f.offset..<n).allSatisfy({ b[$0] == 0 }) {
        f.atEnd = true
        f.message = "the file ends in NUL bytes before the JSON is complete"
      }
      return .failure(f)
    }
  }

  func failure(_ message: String, atEnd: Bool = false) -> Failure {
    Failure(offset: i, message: message, atEnd: atEnd)
  }

  func endFailure(_ expected: String) -> Failure {
    Failure(offset: n, message: "the file ends where \(expected) was expected", atEnd: true)
  }

  func describe(_ byte: UInt8) -> String {
    switch byte {
    case 0x20...0x7E: "character '\(Character(Unicode.Scalar(byte)))'"
    case 0: "NUL byte"
    default: "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
  }

  private mutating func skipWhitespace() {
    while i < n {
      switch b[i] {
      case 0x20, 0x09, 0x0A, 0x0D: i += 1
      default: return
      }
    }
  }

  private mutating func value(depth: Int) throws(Failure) -> ValueKind {
    if target != nil && targetOffset == nil && path == target { targetOffset = i }
    guard i < n else { throw endFailure("a value") }
    switch b[i] {
    case UInt8(ascii: "{"):
      try object(depth: depth)
      return .object
    case UInt8(ascii: "["):
      try array(depth: depth)
      return .array
    case UInt8(ascii: "\""):
      _ = try string()
      return .string
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      try number()
      return .number
    default:
      throw failure("unexpected \(describe(b[i])); expected a value")
    }
  }

  private mutating func object(depth: Int) throws(Failure) {
    guard depth < JSONScanner.maximumDepth else { throw failure("the JSON is nested too deeply") }
    i += 1
    skipWhitespace()
    guard i < n else { throw endFailure("a key or '}'") }
    if b[i] == UInt8(ascii: "}") {
      i += 1
      return
    }
    while true {
      skipWhitespace()
      guard i < n else { throw endFailure("a key") }
      guard b[i] == UInt8(ascii: "\"") else {
        if b[i] == UInt8(ascii: "}") { throw failure("a comma before '}' is not allowed in JSON") }
        throw failure("unexpected \(describe(b[i])); expected a key in double quotes")
      }
      let keyRange = try string()
      let wantKey = depth == 0 || target != nil
      let key = wantKey ? decodeString(keyRange) : ""
      skipWhitespace()
      guard i < n else { throw endFailure("':'") }
      guard b[i] == UInt8(ascii: ":") else {
        throw failure("unexpected \(describe(b[i])); expected ':' after the key")
      }
      i += 1
      skipWhitespace()
      let start = i
      if target != nil { path.append(.key(key)) }
      let kind = try value(depth: depth + 1)
      if target != nil { path.removeLast() }
      if depth == 0 {
        let number = kind == .number ? String(decoding: b[start..<i], as: UTF8.self) : nil
        members[key] = Member(kind: kind, offset: start, number: number)
      }
      skipWhitespace()
      guard i < n else { throw endFailure("',' or '}'") }
      switch b[i] {
      case UInt8(ascii: ","):
        i += 1
      case UInt8(ascii: "}"):
        i += 1
        return
      default:
        throw failure("unexpected \(describe(b[i])); expected ',' or '}' after the value")
      }
    }
  }

  private mutating func array(depth: Int) throws(Failure) {
    guard depth < JSONScanner.maximumDepth else { throw failure("the JSON is nested too deeply") }
    i += 1
    skipWhitespace()
    guard i < n else { throw endFailure("a value or ']'") }
    if b[i] == UInt8(ascii: "]") {
      i += 1
      return
    }
    var index = 0
    while true {
      skipWhitespace()
      guard i < n else { throw endFailure("a value") }
      if b[i] == UInt8(ascii: "]") { throw failure("a comma before ']' is not allowed in JSON") }
      if target != nil { path.append(.index(index)) }
      _ = try value(depth: depth + 1)
      if target != nil { path.removeLast() }
      index += 1
      skipWhitespace()
      guard i < n else { throw endFailure("',' or ']'") }
      switch b[i] {
      case UInt8(ascii: ","):
        i += 1
      case UInt8(ascii: "]"):
        i += 1
        return
      default:
        throw failure("unexpected \(describe(b[i])); expected ',' or ']' after the value")
      }
    }
  }
}
