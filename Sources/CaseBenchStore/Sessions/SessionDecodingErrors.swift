import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The messages for a session file that is JSON but not a valid session: each names the field,
/// its line and column, and what it should be.
extension SessionStore {
  /// Turns a decoder error into a message that names the field and points at its line.
  static func invalid(
    _ error: DecodingError, data: Data, file: String, backupExists: Bool
  ) -> SessionStoreError {
    let fix = repairAdvice("correct it", file: file, backupExists: backupExists)
    func locate(_ path: [any CodingKey]) -> (line: Int, column: Int, found: UInt8?) {
      let components = path.map(component)
      guard case .success(let o) = JSONScanner.scan(data, target: components),
        let offset = o.targetOffset
      else { return (0, 0, nil) }
      let (line, column) = JSONScanner.lineAndColumn(of: offset, in: data)
      return (line, column, offset < data.count ? data[data.startIndex + offset] : nil)
    }
    switch error {
    case .keyNotFound(let key, let context):
      let at = locate(context.codingPath)
      let owner = context.codingPath.isEmpty ? "the session" : fieldName(context.codingPath)
      return SessionStoreError(
        kind: .invalid, file: file, line: at.line, column: at.column,
        message: "\(owner) is missing the field \(key.stringValue)", fix: fix)
    case .typeMismatch(let type, let context):
      let at = locate(context.codingPath)
      var message = "\(fieldName(context.codingPath)) should be \(noun(for: type))"
      if let found = at.found { message += ", not \(noun(forJSONStartingWith: found))" }
      return SessionStoreError(
        kind: .invalid, file: file, line: at.line, column: at.column, message: message, fix: fix)
    case .valueNotFound(let type, let context):
      let at = locate(context.codingPath)
      return SessionStoreError(
        kind: .invalid, file: file, line: at.line, column: at.column,
        message: "\(fieldName(context.codingPath)) is null; it should be \(noun(for: type))",
        fix: fix)
    case .dataCorrupted(let context):
      let at = locate(context.codingPath)
      let name = context.codingPath.last?.stringValue ?? ""
      let detail: String
      switch name {
      case "status" where context.codingPath.contains(where: { $0.stringValue == "risks" }):
        detail = shouldBe(RiskStatus.self)
      case "kpi": detail = shouldBe(KPI.self)
      case "power", "interest": detail = shouldBe(Level.self)
      case "status": detail = shouldBe(ItemStatus.self)
      case "mode": detail = shouldBe(SessionMode.self)
      case "kind": detail = shouldBe(SessionEvent.Kind.self)
      default: detail = context.debugDescription
      }
      if context.codingPath.isEmpty {
        return SessionStoreError(
          kind: .notJSON, file: file, message: "not valid JSON: \(context.debugDescription)",
          fix: fix)
      }
      return SessionStoreError(
        kind: .invalid, file: file, line: at.line, column: at.column,
        message: "\(fieldName(context.codingPath)) has an invalid value: \(detail)", fix: fix)
    @unknown default:
      return SessionStoreError(
        kind: .invalid, file: file, message: "could not read the session: \(error)", fix: fix)
    }
  }

  /// "it should be low, medium or high", or "it should be one of …" for more than three values.
  private static func shouldBe<Value: CaseIterable & RawRepresentable<String>>(
    _: Value.Type
  ) -> String {
    let values = Value.allCases.map(\.rawValue)
    let list = values.dropLast().joined(separator: ", ") + " or " + (values.last ?? "")
    return "it should be " + (values.count > 3 ? "one of " : "") + list
  }

  private static func component(_ key: any CodingKey) -> JSONScanner.PathComponent {
    if let index = key.intValue, key.stringValue == "Index \(index)" { return .index(index) }
    return .key(key.stringValue)
  }

  /// `items["S0.1"].status`, `events[3].kind`.
  static func fieldName(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
      switch component(key) {
      case .index(let i): text += "[\(i)]"
      case .key(let k):
        // Identifier-like keys read as `.key`; ids such as "S0.1" are quoted.
        let plain =
          !k.isEmpty
          && k.unicodeScalars.allSatisfy {
            $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
              || ("0"..."9").contains($0)
          }
        if text.isEmpty && plain {
          text = k
        } else if plain {
          text += ".\(k)"
        } else {
          text += "[\"\(k)\"]"
        }
      }
    }
    return text.isEmpty ? "the session" : text
  }

  private static func noun(for type: Any.Type) -> String {
    let name = String(describing: type)
    switch name {
    case "String": return "a string"
    case "Int", "Int64", "UInt", "Int32": return "a whole number"
    case "Double", "Float": return "a number"
    case "Bool": return "true or false"
    default:
      if name.hasPrefix("Dictionary") || name.hasPrefix("[String") { return "an object" }
      if name.hasPrefix("Array") || name.hasPrefix("[") { return "a list" }
      return "an object"
    }
  }

  private static func noun(forJSONStartingWith byte: UInt8) -> String {
    switch byte {
    case UInt8(ascii: "{"): "an object"
    case UInt8(ascii: "["): "a list"
    case UInt8(ascii: "\""): "a string"
    case UInt8(ascii: "t"), UInt8(ascii: "f"): "true or false"
    case UInt8(ascii: "n"): "null"
    default: "a number"
    }
  }
}
