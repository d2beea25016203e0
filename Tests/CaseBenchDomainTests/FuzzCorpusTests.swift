import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// The fuzzers' seeds and findings, replayed as ordinary tests (see scripts/fuzz).
@Suite("Fuzz corpora and regressions")
struct FuzzCorpusTests {
  static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

  static func files(_ folder: String) throws -> [URL] {
    let url = fuzz.appendingPathComponent(folder)
    return try FileManager.default.contentsOfDirectory(
      at: url, includingPropertiesForKeys: nil
    ).filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
  }

  /// The committed session seeds are the sessions `HostileInput` builds in every state, as
  /// `SessionStore` writes them today. Run with CASEBENCH_WRITE_FUZZ_SEEDS=1 to rewrite them.
  @Test func sessionSeedsAreCurrent() throws {
    let folder = Self.fuzz.appendingPathComponent("Corpus/session")
    let rewrite = ProcessInfo.processInfo.environment["CASEBENCH_WRITE_FUZZ_SEEDS"] == "1"
    for (name, session) in try HostileInput.sessionsInEveryState() {
      let url = folder.appendingPathComponent(name + ".json")
      let expected = try SessionStore.encode(session)
      if rewrite { try expected.write(to: url) }
      #expect(
        FileManager.default.contents(atPath: url.path) == expected,
        "\(url.lastPathComponent) is missing or stale; rerun with CASEBENCH_WRITE_FUZZ_SEEDS=1")
    }
  }

  @Test func caseStudySeedsBehave() throws {
    let seeds = try Self.files("Corpus/case-study")
    #expect(seeds.count >= 5)
    for url in seeds { try Self.replayCaseStudy(url) }
  }

  @Test func sessionSeedsBehave() throws {
    let seeds = try Self.files("Corpus/session")
    #expect(seeds.count >= 6)
    for url in seeds {
      let data = try Data(contentsOf: url)
      #expect(HostileInput.checkSession(data, url.lastPathComponent) != nil)
    }
  }

  /// Every input a fuzzer ever failed on, and inputs that once broke a loader (an alias bomb as
  /// a key, nesting thousands deep, bytes that are not UTF-8, a file cut short). Each must be
  /// refused with located errors: a crash, a hang or a load fails the test. scripts/fuzz writes
  /// new ones here; an input that should load belongs in Fuzz/Corpus instead.
  @Test func caseStudyRegressionsAreRefused() throws {
    let inputs = try Self.files("Regressions/case-study")
    #expect(inputs.count >= 3)
    for url in inputs {
      #expect(try Self.replayCaseStudy(url) == nil, "\(url.lastPathComponent) loaded")
    }
  }

  @Test func sessionRegressionsAreRefused() throws {
    let inputs = try Self.files("Regressions/session")
    #expect(inputs.count >= 3)
    for url in inputs {
      let session = HostileInput.checkSession(try Data(contentsOf: url), url.lastPathComponent)
      #expect(session == nil, "\(url.lastPathComponent) loaded")
    }
  }

  /// As casebench reads a case-study file: bytes that are not UTF-8 are refused with one
  /// diagnostic; text loads or gives located errors. Returns the case study, if it loads.
  @discardableResult
  static func replayCaseStudy(_ url: URL) throws -> CaseStudy? {
    let data = try Data(contentsOf: url)
    guard let text = String(data: data, encoding: .utf8) else {
      let diagnostics = CaseStudyLoader.lint(contentsOf: url).diagnostics
      #expect(diagnostics.count == 1 && diagnostics[0].message.contains("not UTF-8"))
      return nil
    }
    return HostileInput.checkCaseStudy(text, url.lastPathComponent)
  }
}
