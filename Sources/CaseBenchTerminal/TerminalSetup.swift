import CCaseBenchSignals
import CNcursesw
import CaseBenchStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `Terminal.start` asks of the C library and terminfo before the first frame: a UTF-8
/// locale, the Home and End encodings that multiplexers send, bracketed paste; and the
/// attributes each role's style draws with.
extension Terminal {
  static func setUpLocale(environment: [String: String]) -> Bool {
    setlocale(LC_ALL, "")
    if cb_codeset_is_utf8() != 0 { return true }
    let chosen = ["LC_ALL", "LC_CTYPE", "LANG"].contains { !(environment[$0] ?? "").isEmpty }
    if !chosen, setlocale(LC_CTYPE, "C.UTF-8") != nil {
      return cb_codeset_is_utf8() != 0
    }
    return false
  }

  /// Home and End have several encodings, and terminal multiplexers often send one the TERM
  /// entry does not list (tmux sends `ESC [1~` / `ESC [4~` even when TERM=xterm-256color).
  /// Teaches ncurses the common ones that are not already bound to something.
  static func defineCommonKeys() {
    let keys: [(String, Int32)] = [
      ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME),
      ("\u{1B}OH", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END),
      ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
    ]
    for (sequence, code) in keys where key_defined(sequence) == 0 {
      define_key(sequence, code)
    }
  }

  /// Uses the terminfo capabilities BE/BD/PS/PE (xterm, tmux): pasted text then arrives between
  /// two markers and becomes one `.paste` event instead of many keys.
  static func enableBracketedPaste() -> (enable: String, disable: String)? {
    guard let enable = stringCapability("BE"), let disable = stringCapability("BD"),
      let start = stringCapability("PS"), let end = stringCapability("PE")
    else { return nil }
    guard define_key(start, pasteStartCode) == OK, define_key(end, pasteEndCode) == OK else {
      return nil
    }
    writeToTerminal(enable)
    return (enable, disable)
  }

  /// Writes a control sequence straight to the terminal (ncurses' `putp` would go through C's
  /// `stdout` buffer and come out at exit). Used only for modes whose order does not matter.
  static func writeToTerminal(_ sequence: String) {
    _ = Array(sequence.utf8).withUnsafeBytes { FileWrite.all(STDOUT_FILENO, $0) }
  }

  static func stringCapability(_ name: String) -> String? {
    guard let value = tigetstr(name) else { return nil }
    if Int(bitPattern: value) == -1 { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
  }

  /// The ncurses attributes of a role's style (colour pairs are set up in `start`).
  static func attributes(of style: RoleStyle) -> attr_t {
    var attrs = cb_attr_normal()
    if style.bold { attrs |= cb_attr_bold() }
    if style.dim { attrs |= cb_attr_dim() }
    if style.reverse { attrs |= cb_attr_reverse() }
    if style.underline { attrs |= cb_attr_underline() }
    return attrs
  }
}
