import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension Reports {
  /// The reports' JSON (`status --json`, `export --format json`, the toolkit's `--json`):
  /// pretty-printed with sorted keys, dates as the session files write them, and a final
  /// newline.
  static func encodeJSON<T: Encodable>(_ value: T) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(SessionDates.format(date))
    }
    // These documents hold only strings, whole numbers, finite fractions and dates, which
    // always encode; the fallback keeps the signature total.
    guard var data = try? encoder.encode(value) else { return Data("{}\n".utf8) }
    data.append(0x0A)
    return data
  }
}
