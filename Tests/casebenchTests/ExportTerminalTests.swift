import Foundation
import Testing

/// `casebench export` to a terminal shows control and format characters from someone's note
/// as placeholders instead of letting them drive the terminal; a file or a pipe gets the text
/// as it is.
@Suite("export to a terminal")
struct ExportTerminalTests {
  /// A Bike Shop session whose notes hold escape sequences, BEL and bidi overrides.
  static let hostileSession = CLITests.repoRoot.appendingPathComponent(
    "Fuzz/Corpus/session/hostile-text.json")

  @Test func aTerminalSeesPlaceholders() throws {
    let cli = try CLITests()
    let file = cli.path("hostile.json")
    try FileManager.default.copyItem(atPath: Self.hostileSession.path, toPath: file)

    let piped = try cli.run(["export", file])
    #expect(piped.status == 0, "\(piped.err)")
    #expect(piped.out.contains("\u{1B}\\[2J"), "a pipe gets the note as it is")
    #expect(piped.out.contains("\u{202E}"))

    // script(1) runs the command with a pseudo-terminal as its standard output.
    let command = "'\(CLITests.binary.path)' export --log '\(file)'"
    let tty = try cli.runScript(command)
    #expect(tty.status == 0, "\(tty.err)")
    #expect(tty.out.contains("Event log"), "\(tty.out.prefix(500))")
    #expect(!tty.out.unicodeScalars.contains("\u{1B}"), "raw ESC reached the terminal")
    #expect(!tty.out.unicodeScalars.contains("\u{7}"), "raw BEL reached the terminal")
    for scalar in ["\u{202E}", "\u{202C}", "\u{2066}", "\u{2069}", "\u{200B}"] as [Unicode.Scalar] {
      #expect(!tty.out.unicodeScalars.contains(scalar), "U+\(String(scalar.value, radix: 16))")
    }
    #expect(tty.out.contains("^[\\[2J^[\\]0;pwned^G"))
    #expect(tty.out.contains("<U+202E>evil"))
  }
}

extension CLITests {
  /// Runs a shell command under script(1), so its standard output is a terminal.
  func runScript(_ command: String) throws -> Run {
    try run(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
  }
}
