import CaseBenchStore
import Foundation
import Testing

@testable import CaseBenchTerminal

#if canImport(Glibc)
  import Glibc
#endif

// Glibc's module leaves out the pseudo-terminal functions (they need _XOPEN_SOURCE); they take
// and return only integers and pointers, so they can be declared here by symbol name.
@_silgen_name("posix_openpt") private func openMainPTY(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantPTY(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockPTY(_ fd: Int32) -> Int32
@_silgen_name("ptsname") private func secondaryPTYName(_ fd: Int32) -> UnsafeMutablePointer<CChar>?

/// A pseudo-terminal pair: `main` is the terminal emulator's end, `secondary` the program's.
private struct PseudoTerminal {
  var main: Int32
  var secondary: Int32

  init?() {
    main = openMainPTY(O_RDWR | O_NOCTTY)
    guard main >= 0, grantPTY(main) == 0, unlockPTY(main) == 0,
      let name = secondaryPTYName(main)
    else {
      return nil
    }
    secondary = open(name, O_RDWR | O_NOCTTY)
    guard secondary >= 0 else { return nil }
  }
}

@Suite("Hang-up detection and the write loop")
struct HangUpTests {
  @Test func aLiveTerminalIsNotHungUpWithOrWithoutInput() throws {
    let pty = try #require(PseudoTerminal())
    defer {
      close(pty.secondary)
      close(pty.main)
    }
    #expect(!Terminal.isHungUp(fd: pty.secondary))
    #expect(Array("j".utf8).withUnsafeBytes { FileWrite.all(pty.main, $0) } == nil)
    usleep(20_000)
    #expect(!Terminal.isHungUp(fd: pty.secondary))
  }

  @Test func closingTheOtherEndIsAHangUp() throws {
    let pty = try #require(PseudoTerminal())
    defer { close(pty.secondary) }
    close(pty.main)
    #expect(Terminal.isHungUp(fd: pty.secondary))
  }

  @Test func writeAllWritesEveryByteThroughAPipe() throws {
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    defer { close(fds[0]) }
    let bytes = Array(repeating: UInt8(ascii: "x"), count: 10_000)
    #expect(bytes.withUnsafeBytes { FileWrite.all(fds[1], $0) } == nil)
    close(fds[1])
    var received = 0
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = read(fds[0], &buffer, buffer.count)
      if n <= 0 { break }
      received += n
    }
    #expect(received == bytes.count)
  }

  @Test func writeAllReportsTheErrorInsteadOfLooping() throws {
    let readOnly = open("/dev/null", O_RDONLY)
    try #require(readOnly >= 0)
    defer { close(readOnly) }
    #expect(Array("lost".utf8).withUnsafeBytes { FileWrite.all(readOnly, $0) } == EBADF)
  }
}
