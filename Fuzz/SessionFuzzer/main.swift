import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import CaseBenchTUI
import Foundation

// libFuzzer target for the session loader, built by scripts/fuzz with -sanitize=fuzzer,address
// and -DFUZZING: the top-level code then hands control to libFuzzer's driver, which calls
// LLVMFuzzerTestOneInput. (SwiftPM names this file's code `main` at link time, so libFuzzer's
// own `main` is never linked.) In an ordinary build the top-level code replays the files named
// on the command line instead, so a finding can be rerun without the sanitizers.

let bikeShop = CaseStudyCatalog.builtIn().first
let epoch = Date(timeIntervalSince1970: 1_795_000_000)

/// What the session loader must do with any bytes: load, or give an error with a line, a
/// column and a fix, on one line. A session that loads must come back unchanged from a save,
/// and must open in the workbench over the Bike Shop, take a few keys and render, and export.
func check(_ data: Data) {
  let session: Session
  do {
    session = try SessionStore.decode(data, file: "fuzz.json")
  } catch {
    guard error.line >= 1, error.column >= 1 else { fail("an error without a position: \(error)") }
    guard error.fix?.isEmpty == false else { fail("an error without a fix: \(error)") }
    let line = error.description
    guard !line.unicodeScalars.contains(where: drivesTheTerminal)
    else { fail("a control character in an error: \(line.debugDescription)") }
    return
  }
  do {
    let again = try SessionStore.decode(SessionStore.encode(session), file: "again.json")
    guard again == session else { fail("a save and reload changed the session") }
  } catch {
    fail("a saved copy does not load: \(error)")
  }
  guard let bikeShop else { fail("the built-in Bike Shop does not load") }
  for format in ReportFormat.allCases {
    _ = Reports.export(caseStudy: bikeShop, session: session, format: format)
  }
  _ = Reports.statusText(caseStudy: bikeShop, session: session)
  var state = AppState(
    caseStudies: [bikeShop], sessions: [],
    options: RenderOptions(unicode: true, facilitator: false),
    now: epoch)
  let file = SessionFile(
    url: URL(fileURLWithPath: "/nonexistent/fuzz.json"), caseStudy: bikeShop, session: session,
    readOnlyReason: "fuzzing")
  _ = update(&state, .sessionOpened(file, created: false))
  let size = Size(width: 80, height: 24)
  _ = render(state, size: size)
  for key: Key in [.down, .tab, .enter, .char("?"), .escape, .right, .pageDown] {
    _ = update(&state, .key(key))
    _ = render(state, size: size)
  }
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
  FileHandle.standardError.write(Data("fuzz-session: \(message)\n".utf8))
  abort()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size > 0 else {
    check(Data())
    return 0
  }
  check(Data(bytes: data, count: size))
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
    check(data)
    print("ok \(path)")
  }
#endif
