import CCaseBenchSignals
import CNcursesw
import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Edits text in the user's editor, the way git and calcurse do: `$VISUAL`, then `$EDITOR`, then
/// `vi`, started directly (never through a shell) with a private temporary file.
///
/// The caller gives the terminal away around the edit:
/// `terminal.suspend(); defer { terminal.resume() }; try ExternalEditor.edit(...)`.
public enum ExternalEditor {
  /// The editor's argv: `$VISUAL`, else `$EDITOR`, else `["vi"]`, split on whitespace. Single
  /// quotes keep text literally; double quotes keep spaces and honour `\"` and `\\`; a backslash
  /// outside quotes escapes the next character. Empty or blank variables are skipped.
  public static func command(environment: [String: String]) -> [String] {
    for name in ["VISUAL", "EDITOR"] {
      if let value = environment[name] {
        let argv = split(value)
        if !argv.isEmpty { return argv }
      }
    }
    return ["vi"]
  }

  static func split(_ text: String) -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for ch in text {
      if escaped {
        word.append(ch)
        escaped = false
        continue
      }
      switch quote {
      case "'":
        if ch == "'" { quote = nil } else { word.append(ch) }
      case "\"":
        if ch == "\"" {
          quote = nil
        } else if ch == "\\" {
          escaped = true
        } else {
          word.append(ch)
        }
      default:
        if ch == "'" || ch == "\"" {
          quote = ch
          inWord = true
        } else if ch == "\\" {
          escaped = true
          inWord = true
        } else if ch.isWhitespace {
          if inWord { words.append(word) }
          word = ""
          inWord = false
        } else {
          word.append(ch)
          inWord = true
        }
      }
    }
    if inWord { words.append(word) }
    return words
  }

  /// Writes `text` to a new temporary file (mode 0600, name ending in `suffix`, e.g. ".md"), runs
  /// the editor on it in the foreground, waits, reads the file back and deletes it.
  ///
  /// If `text` did not end with a newline, the one newline an editor adds at the end is removed.
  /// While the editor runs, SIGINT and SIGQUIT are ignored by casebench (Ctrl-C belongs to the
  /// editor); SIGTERM and SIGHUP still become `TerminalSignals.pending`.
  ///
  /// - Throws: the editor cannot be found or started, exits with a non-zero status, or is killed
  ///   by a signal; the temporary file cannot be written or read.
  public static func edit(text: String, suffix: String, environment: [String: String])
    throws(TerminalError) -> String
  {
    let argv = command(environment: environment)
    let directory = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    let safeSuffix = String(suffix.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" })
    var template = Array("\(directory)/casebench-note-XXXXXX\(safeSuffix)".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemps(base, Int32(safeSuffix.utf8.count))
    }
    guard fd >= 0 else {
      throw TerminalError(
        "could not create a temporary file in \(directory): \(String(cString: strerror(errno)))")
    }
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(path) }

    let writeError = Array(text.utf8).withUnsafeBytes { FileWrite.all(fd, $0) }
    close(fd)
    if let writeError {
      throw TerminalError(
        "could not write the temporary file \(path): \(String(cString: strerror(writeError))); "
          + "note unchanged")
    }

    let status = try run(argv + [path], environment: environment)
    if cb_wifsignaled(status) != 0 {
      throw TerminalError(
        "editor \(argv[0]) was killed by signal \(cb_wtermsig(status)); note unchanged")
    }
    if cb_wifexited(status) == 0 || cb_wexitstatus(status) != 0 {
      throw TerminalError(
        "editor exited with status \(cb_wexitstatus(status)); note unchanged")
    }

    guard let data = FileManager.default.contents(atPath: path) else {
      throw TerminalError("could not read back \(path) after editing; note unchanged")
    }
    var result = String(decoding: data, as: UTF8.self)
    if !text.hasSuffix("\n") && result.hasSuffix("\n") {
      result.removeLast()
      if result.hasSuffix("\r") { result.removeLast() }
    }
    return result
  }

  /// Spawns `argv` (PATH lookup, no shell) and returns its wait status.
  private static func run(_ argv: [String], environment: [String: String]) throws(TerminalError)
    -> Int32
  {
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
    cArgs.append(nil)
    var cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") }
    cEnv.append(nil)
    defer {
      for p in cArgs { free(p) }
      for p in cEnv { free(p) }
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGQUIT)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

    cb_editor_signals_begin()
    defer { cb_editor_signals_end() }

    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, argv[0], nil, &attributes, cArgs, cEnv)
    if spawned != 0 {
      if spawned == ENOENT {
        throw TerminalError(
          "editor '\(argv[0])' not found; set VISUAL or EDITOR to an editor on your PATH")
      }
      throw TerminalError(
        "could not start editor '\(argv[0])': \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR {
        throw TerminalError(
          "lost track of editor '\(argv[0])': \(String(cString: strerror(errno)))")
      }
    }
    return status
  }
}
