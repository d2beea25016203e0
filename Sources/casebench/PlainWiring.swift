import ArgumentParser
import CaseBenchLoading
import CaseBenchStore
import CaseBenchTUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `--plain` (or `CASEBENCH_PLAIN=1`), shared by the root command, `open`, `new --open` and
/// `join`: the screen-reader and linear mode instead of the full-screen workbench.
struct ScreenOptions: ParsableArguments {
  @Flag(
    name: .customLong("plain"),
    help: ArgumentHelp(
      "Plain mode for screen readers and pipes: numbered menus, no full screen (also "
        + "CASEBENCH_PLAIN=1)."))
  var flag = false

  var plain: Bool { flag || ProcessInfo.processInfo.environment["CASEBENCH_PLAIN"] == "1" }
}

/// Wires `PlainMode` (CaseBenchTUI) to standard input and output and the sessions on disk.
enum PlainRun {
  static func run(
    path: String?, locations: LocationOptions, facilitator: Bool, workshop: URL?
  ) throws(CLIError) {
    let io = PlainLines(
      read: { Swift.readLine(strippingNewline: true) },
      write: { StandardStreams.output($0) })
    var storage = DiskStorage(
      folder: locations.sessionsURL, searchDirectories: locations.searchDirectories)
    let opened: SessionFile
    if let path {
      do throws(SessionStoreError) {
        opened = try storage.open(URL(fileURLWithPath: path))
      } catch {
        throw CLIError(error)
      }
    } else {
      guard
        let chosen = PlainStart.choose(
          storage: &storage,
          caseStudies: CaseStudyCatalog.all(searchDirectories: locations.searchDirectories),
          io: io)
      else { return }
      opened = chosen
    }
    let paced = workshop ?? WorkshopFolder.workshop(holding: opened.url)
    var mode = PlainMode(
      storage: storage, file: opened, io: io, facilitator: facilitator, workshop: paced)
    let status = mode.run()
    if status != 0 { exit(status) }
  }
}
