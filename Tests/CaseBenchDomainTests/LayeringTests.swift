import Foundation
import Testing

/// The modules' directions, checked on the sources: each module may import only the modules
/// below it and the system's. SwiftPM alone does not enforce this: a module built earlier in
/// the same package can be imported without being declared (the fuzz target did so through
/// the old umbrella module), so this reads every `import` line instead.
@Suite("Layering: which module may import which")
struct LayeringTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// What any module may import: the standard library's neighbours and the C library.
  static let system: Set<String> = [
    "Foundation", "FoundationEssentials", "Glibc", "Musl", "Darwin", "Dispatch",
    "Synchronization",
  ]

  /// Each module, in order from the bottom, with the modules of its own it may import besides
  /// those below it.
  static let layers: [(module: String, own: Set<String>)] = [
    ("CaseBenchModel", []),
    ("CaseBenchLoading", ["CYAML"]),
    ("CaseBenchStore", ["CXattr"]),
    ("CaseBenchReports", []),
    ("CaseBenchTUI", []),
    ("CaseBenchTerminal", ["CNcursesw", "CCaseBenchSignals"]),
    ("casebench", ["ArgumentParser"]),
  ]

  /// The modules `module` may import.
  static func allowed(_ module: String) -> Set<String> {
    var out = system
    for layer in layers {
      if layer.module == module { return out.union(layer.own) }
      out.insert(layer.module)
    }
    return []
  }

  /// The modules a Swift file imports, from its `import` lines (with any attribute or access
  /// level before `import`, and `import struct X.Y` forms).
  static func imports(in text: String) -> [String] {
    text.split(separator: "\n").compactMap { line in
      let words = line.split(separator: " ").map(String.init)
      guard let at = words.firstIndex(of: "import"), at + 1 < words.count,
        words[..<at].allSatisfy({ $0.hasPrefix("@") || $0 == "internal" || $0 == "public" })
      else { return nil }
      let kinds: Set<String> = ["struct", "enum", "class", "func", "var", "protocol", "typealias"]
      let name =
        kinds.contains(words[at + 1]) && at + 2 < words.count ? words[at + 2] : words[at + 1]
      return String(name.split(separator: ".")[0])
    }
  }

  /// Every import of `files` (module, file name, text) that its module may not make.
  static func violations(_ files: [(module: String, file: String, text: String)]) -> [String] {
    files.flatMap { file in
      imports(in: file.text).filter { !allowed(file.module).contains($0) }.map {
        "\(file.module)/\(file.file) imports \($0)"
      }
    }
  }

  static func sources(of module: String) throws -> [(module: String, file: String, text: String)] {
    let folder = root.appendingPathComponent("Sources/\(module)")
    guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    else { return [] }
    var out: [(module: String, file: String, text: String)] = []
    for case let url as URL in walk where url.pathExtension == "swift" {
      out.append((module, url.lastPathComponent, try String(contentsOf: url, encoding: .utf8)))
    }
    return out
  }

  @Test("every module imports only the modules below it", arguments: layers.map(\.module))
  func importsGoDownward(_ module: String) throws {
    let files = try Self.sources(of: module)
    #expect(files.count >= 5, "found only \(files.count) Swift files in Sources/\(module)")
    #expect(Self.violations(files) == [])
  }

  @Test func theModelReadsAndWritesNoFile() throws {
    let files = try Self.sources(of: "CaseBenchModel")
    let io = ["FileManager", "POSIX.", "contentsOfFile", "fopen(", "open(", "flock("]
    let found = files.flatMap { file in
      io.filter { file.text.contains($0) }.map { "\(file.file) uses \($0)" }
    }
    #expect(found == [])
  }

  @Test func aWrongImportIsFound() {
    let files: [(module: String, file: String, text: String)] = [
      ("CaseBenchModel", "A.swift", "import CaseBenchStore\nimport Foundation\n"),
      ("CaseBenchLoading", "B.swift", "internal import CYAML\n@testable import CaseBenchTUI\n"),
      ("CaseBenchReports", "C.swift", "import struct CNcursesw.WINDOW\n"),
      ("CaseBenchStore", "D.swift", "import CaseBenchLoading\n// import CaseBenchReports\n"),
    ]
    #expect(
      Self.violations(files) == [
        "CaseBenchModel/A.swift imports CaseBenchStore",
        "CaseBenchLoading/B.swift imports CaseBenchTUI",
        "CaseBenchReports/C.swift imports CNcursesw",
      ])
  }
}
