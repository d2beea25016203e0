import Foundation
import Testing

/// `casebench handout`: the team's printed pack, from the real binary.
@Suite("casebench handout")
struct HandoutCLITests {
  let cli: CLITests

  init() throws { cli = try CLITests() }

  @Test func theBikeShopByDefaultEveryPhaseOrOne() throws {
    let all = try cli.run(["handout"])
    #expect(all.status == 0, "\(all.err)")
    #expect(all.out.hasPrefix("# The Bike Shop"))
    #expect(all.out.split(separator: "\n").filter { $0.hasPrefix("## ") }.count == 6)
    let one = try cli.run(["handout", "bike-shop", "--phase", "2"])
    #expect(one.status == 0, "\(one.err)")
    #expect(one.out.split(separator: "\n").filter { $0.hasPrefix("## ") } == ["## 2. Data"])
    let unknown = try cli.run(["handout", "--phase", "nine"])
    #expect(unknown.status == 2)
    #expect(unknown.err.contains("no phase 'nine'"))
    let missing = try cli.run(["handout", "no-such-case.yaml"])
    #expect(missing.status == 65)
  }

  /// `-o` writes atomically, and never replaces what it could not read.
  @Test func writesAFileAndRefusesToReplaceOneItCannotRead() throws {
    let out = cli.path("handout.html")
    let written = try cli.run(["handout", "--format", "html", "-o", out])
    #expect(written.status == 0, "\(written.err)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("@media print"))
    // Again over the file it wrote: replaced.
    #expect(try cli.run(["handout", "-o", out]).status == 0)
    #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("# The Bike Shop"))
    // A pipe (not a regular file) is someone else's: left as it is.
    let fifo = cli.path("pipe")
    #expect(mkfifo(fifo, 0o600) == 0)
    let refused = try cli.run(["handout", "-o", fifo])
    #expect(refused.status == 1)
    #expect(refused.err.contains("not overwritten"), "\(refused.err)")
    var st = stat()
    #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
  }
}
