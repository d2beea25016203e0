import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import Foundation

// libFuzzer target for the case-study loader, built by scripts/fuzz with -sanitize=fuzzer,address
// and -DFUZZING: the top-level code then hands control to libFuzzer's driver, which calls
// LLVMFuzzerTestOneInput. (SwiftPM names this file's code `main` at link time, so libFuzzer's
// own `main` is never linked.) In an ordinary build the top-level code replays the files named
// on the command line instead, so a finding can be rerun without the sanitizers.

/// What the loader must do with any bytes: as `casebench` reads a file, text that is not UTF-8
/// is refused before parsing; anything else loads, or gives errors that each have a line, a
/// column and a fix, on one line. A case study that loads must also survive being exported.
func check(_ bytes: UnsafeBufferPointer<UInt8>) {
  guard let text = String(validating: bytes, as: UTF8.self) else { return }
  let result = CaseStudyLoader.validate(text, file: "fuzz.yaml")
  for diagnostic in result.diagnostics {
    let summary = diagnostic.line == 0 && diagnostic.message.hasSuffix("more problems not shown")
    guard summary || (diagnostic.line >= 1 && diagnostic.column >= 1) else {
      fail("a diagnostic without a position: \(diagnostic)")
    }
    guard diagnostic.fix?.isEmpty == false else {
      fail("a diagnostic without a fix: \(diagnostic)")
    }
    let line = diagnostic.description
    guard !line.unicodeScalars.contains(where: drivesTheTerminal)
    else { fail("a control or format character in a diagnostic: \(line.debugDescription)") }
  }
  let errors = result.diagnostics.filter(\.isError)
  guard let study = result.caseStudy else {
    if errors.isEmpty { fail("refused without an error") }
    return
  }
  if !errors.isEmpty { fail("loaded despite errors: \(errors)") }
  var session = Session(participant: "Fuzz", caseStudy: study, now: Date(timeIntervalSince1970: 0))
  for item in study.allItems.prefix(50) {
    session.cycleStatus(of: item.id, at: Date(timeIntervalSince1970: 60))
    session.setNote(item.title, of: item.id, at: Date(timeIntervalSince1970: 60))
  }
  for format in ReportFormat.allCases {
    _ = Reports.export(caseStudy: study, session: session, format: format)
  }
  _ = Reports.statusText(caseStudy: study, session: session)
}

/// A control character, or an invisible format character other than the joiners and tags that
/// build emoji: what a message must never write to a terminal as it is.
func drivesTheTerminal(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.properties.generalCategory {
  case .control: true
  case .format: scalar != "\u{200D}" && !(0xE0020...0xE007F).contains(scalar.value)
  default: false
  }
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("fuzz-case-study: \(message)\n".utf8))
  abort()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  check(UnsafeBufferPointer(start: data, count: size))
  return 0
}

#if FUZZING
  /// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t))`
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  var arguments = CommandLine.argc
  var vector = CommandLine.unsafeArgv
  exit(runFuzzerDriver(&arguments, &vector, fuzzOneInput))
#else
  for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
      fail("cannot read \(path)")
    }
    data.withUnsafeBytes { check($0.bindMemory(to: UInt8.self)) }
    print("ok \(path)")
  }
#endif
