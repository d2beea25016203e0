#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Where a session's case study came from: the file's absolute path and a hash of its bytes.
/// A session keeps it so that it can find the file again, and tell whether it changed.
public struct CaseStudySource: Sendable, Equatable, Codable {
  /// The absolute path of the YAML file the session was started from.
  public var path: String
  /// `fnv1a64:` and 16 hex digits: FNV-1a over the file's bytes. It detects edits; it is not a
  /// defence against someone forging a file.
  public var hash: String

  public init(path: String, hash: String) {
    self.path = path
    self.hash = hash
  }

  /// FNV-1a, 64 bits, as `fnv1a64:` and 16 lowercase hex digits.
  public static func hash(of data: Data) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      h ^= UInt64(byte)
      h = h &* 0x0000_0100_0000_01b3
    }
    let hex = String(h, radix: 16)
    return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
  }
}
