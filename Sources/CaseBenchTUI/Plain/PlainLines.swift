import CaseBenchModel
import CaseBenchReports
import CaseBenchStore

/// The plain mode's only contact with the outside: lines in, text out. The executable reads
/// standard input and writes standard output; tests pass a script and collect the text.
/// Nothing here moves a cursor, draws a box or sets a colour: what is written stays in the
/// scrollback, in order, for a screen reader to read.
public struct PlainLines {
  /// The next line typed, without its line ending; nil at the end of the input.
  public var read: () -> String?
  /// Writes text as it is (the caller ends its lines).
  public var write: (String) -> Void

  public init(read: @escaping () -> String?, write: @escaping (String) -> Void) {
    self.read = read
    self.write = write
  }

  /// Writes one line.
  func say(_ text: String) { write(text + "\n") }

  /// Writes a block of prose as its own lines, after a heading, skipping it when empty.
  func section(_ heading: String, _ text: String) {
    let body = text.trimming(.whitespacesAndNewlines)
    guard !body.isEmpty else { return }
    say(heading + ":")
    say(body)
  }

  /// Asks, then reads one line, trimmed; nil at the end of the input.
  func ask(_ prompt: String) -> String? {
    write(prompt + " ")
    return read()?.trimming(.whitespacesAndNewlines)
  }

  /// Reads lines up to one holding a single `.`, or to the end of the input. `ended` is false
  /// when the input ended first (what was typed is still returned).
  func paragraph() -> (text: String, ended: Bool) {
    var lines: [String] = []
    while let line = read() {
      if line.trimming(.whitespaces) == "." {
        return (lines.joined(separator: "\n"), true)
      }
      lines.append(line)
    }
    return (lines.joined(separator: "\n"), false)
  }
}

/// A script of lines and the text written, for tests and for piping a whole script in at once.
public final class PlainScript {
  private var lines: [String]
  private var next = 0
  public private(set) var output = ""

  public init(_ script: String) {
    var lines = script.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    self.lines = lines
  }

  public var io: PlainLines {
    PlainLines(
      read: { [self] in
        guard next < lines.count else { return nil }
        defer { next += 1 }
        return lines[next]
      }, write: { [self] in output += $0 })
  }
}
