import CCaseBenchSignals
import CNcursesw
import CaseBenchModel
import CaseBenchStore
import CaseBenchTUI

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

/// The ncurses screen: start-up and shutdown, key decoding, colours, and copying a `ScreenBuffer`
/// to the terminal.
///
/// Not thread-safe, like ncurses itself: create it, read events, draw, suspend, resume and stop
/// on one thread only (the run loop's). Background work should post results to the loop instead.
///
/// The run loop is CaseBenchTUI's `Program`, over the `ProgramTerminal` protocol this type
/// conforms to (see the end of this file); the `casebench` executable wires them together:
/// ```swift
/// TerminalSignals.install()                     // before anything slow, before start
/// let terminal = try Terminal.start()           // TerminalError: print its message, exit 1
/// var program = Program(state: ..., terminal: terminal, storage: ..., editNote: ...)
/// let status = program.run()                    // 0, 128 + a signal, or 129 on a hang-up
/// terminal.stop()
/// ```
/// `nextEvent` reports a pending signal as `.signal` and a terminal that went away as
/// `.hangUp`; the program saves, frees the session's lock and returns the exit status.
///
/// Ctrl-C is not a key: the terminal keeps `ISIG`, so Ctrl-C raises SIGINT, which
/// `TerminalSignals` turns into a pending signal for the loop to save and exit (the same path as
/// SIGTERM and SIGHUP, so it works on every screen, even one that consumes all keys). Ctrl-S,
/// Ctrl-Q, Ctrl-V and Ctrl-O do arrive as keys (flow control and literal-next are switched off).
public final class Terminal {
  /// The locale's codeset is UTF-8: draw box characters and any text. Otherwise draw ASCII.
  public let unicode: Bool
  /// Colours are in use (the terminal has them and `NO_COLOR` is not set).
  public let hasColour: Bool
  /// The terminal reports mouse clicks and the wheel.
  public let hasMouse: Bool

  private let window: UnsafeMutablePointer<WINDOW>
  private var stopped = false
  /// The terminal went away; `nextEvent` answers `.hangUp` from then on.
  private var hungUp = false
  private var suspended = false
  /// What the terminal shows now, to send only changed cells; nil forces a full redraw.
  private var lastDrawn: ScreenBuffer?
  private var cursorShown: Bool?
  private var attributes: [attr_t]
  private var pairs: [Int16]
  private var scratch: [wchar_t] = []
  private let bracketedPaste: (enable: String, disable: String)?

  /// Key codes given to the bracketed-paste markers with `define_key`; far above the codes
  /// ncurses assigns to extended keys.
  static let pasteStartCode: Int32 = 0x7100
  static let pasteEndCode: Int32 = 0x7101

  private init(
    window: UnsafeMutablePointer<WINDOW>, unicode: Bool, hasColour: Bool, hasMouse: Bool,
    bracketedPaste: (enable: String, disable: String)?, theme: Theme
  ) {
    self.window = window
    self.unicode = unicode
    self.hasColour = hasColour
    self.hasMouse = hasMouse
    self.bracketedPaste = bracketedPaste
    attributes = []
    pairs = []
    for role in Role.allCases {
      let style = RoleStyle.style(for: role, colour: hasColour, theme: theme)
      attributes.append(Terminal.attributes(of: style))
      pairs.append(hasColour ? Int16(role.rawValue) + 1 : 0)
    }
  }

  deinit {
    stop()
  }

  // MARK: starting

  /// Takes over the terminal: checks that stdin and stdout are terminals and that `TERM` is
  /// known, sets up the locale, starts ncurses (alternate screen, no echo, keypad, hidden
  /// cursor), colours and the mouse. Installs `TerminalSignals` and the crash handlers first if
  /// the caller has not.
  ///
  /// Locale: `setlocale(LC_ALL, "")`. If that is not UTF-8 and no locale variable is set at all
  /// (`LC_ALL`, `LC_CTYPE` and `LANG` unset, as under cron, CI or `env -i`), falls back to
  /// `C.UTF-8` when it exists. A locale the user chose explicitly (`LANG=C`) is respected and
  /// gives ASCII drawing.
  /// `theme` and `mouse` come from the user's config file (`Config`).
  public static func start(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    theme: Theme = .default, mouse: Bool = true
  ) throws(TerminalError) -> Terminal {
    if isatty(STDIN_FILENO) == 0 {
      throw TerminalError(
        "casebench needs a terminal: standard input is not a tty. Run it in a terminal, or use "
          + "`casebench status FILE` / `casebench export FILE` for scripts.")
    }
    if isatty(STDOUT_FILENO) == 0 {
      throw TerminalError(
        "casebench needs a terminal: standard output is not a tty. Run it in a terminal, or use "
          + "`casebench status FILE` / `casebench export FILE` for scripts.")
    }
    guard let term = environment["TERM"], !term.isEmpty else {
      throw TerminalError(
        "casebench needs a terminal: TERM is not set. Set it to your terminal's type, "
          + "for example TERM=xterm-256color.")
    }

    TerminalSignals.install()
    TerminalSignals.installCrashHandlers()
    let unicode = setUpLocale(environment: environment)

    guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r") else {
      throw TerminalError(
        "casebench could not open the terminal: \(String(cString: strerror(errno)))")
    }
    use_tioctl(true)
    guard newterm(term, output, input) != nil, let window = cb_stdscr() else {
      throw TerminalError(
        "unknown terminal type '\(term)': no usable terminfo entry. "
          + "Set TERM to your terminal's type, for example TERM=xterm-256color.")
    }

    guard stringCapability("cup") != nil else {
      endwin()
      throw TerminalError(
        "terminal type '\(term)' cannot move the cursor, which casebench needs. "
          + "Set TERM to your terminal's type, for example TERM=xterm-256color.")
    }

    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    intrflush(window, false)
    set_escdelay(25)
    _ = cb_tty_pass_control_keys(STDIN_FILENO)
    def_prog_mode()
    curs_set(0)
    leaveok(window, true)

    var hasColour = false
    if has_colors() && RoleStyle.colourAllowed(environment: environment) && start_color() == OK {
      let defaults = use_default_colors() == OK
      for role in Role.allCases {
        let style = RoleStyle.style(for: role, colour: true, theme: theme)
        let fg = style.foreground.map(\.rawValue) ?? (defaults ? -1 : Int16(COLOR_WHITE))
        let bg = style.background.map(\.rawValue) ?? (defaults ? -1 : Int16(COLOR_BLACK))
        init_pair(Int16(role.rawValue) + 1, fg, bg)
      }
      hasColour = true
    }

    defineCommonKeys()
    let hasMouse = mouse && cb_mouse_enable() != 0
    let paste = enableBracketedPaste()

    let terminal = Terminal(
      window: window, unicode: unicode, hasColour: hasColour, hasMouse: hasMouse,
      bracketedPaste: paste, theme: theme)
    return terminal
  }

  // MARK: state

  /// The terminal's size in cells (updated by ncurses on SIGWINCH).
  public var size: Size {
    Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
  }

  // MARK: input

  /// Waits up to `timeoutMilliseconds` (negative: forever) for input. Returns `.signal` while a
  /// signal is pending (`TerminalSignals`), nil on timeout, when a signal interrupted the wait
  /// (the next call reports it), or for input that is not an event (an unknown key).
  ///
  /// Returns `.hangUp` when the terminal has gone away (end of file, `POLLHUP` or `EIO` on
  /// standard input: the SSH connection dropped, the window closed, the tmux server was killed),
  /// and again at once on every later call: the caller must save and leave. (ncurses reports
  /// that as `ERR` straight away, so a loop that took it for a timeout would spin.)
  public func nextEvent(timeoutMilliseconds: Int32) -> Event? {
    if let signal = TerminalSignals.pending { return .signal(signal) }
    if hungUp { return .hangUp }
    guard !stopped, !suspended else { return nil }
    wtimeout(window, timeoutMilliseconds)
    var wch: wint_t = 0
    errno = 0
    let result = wget_wch(window, &wch)
    if result == ERR {
      let readError = errno
      if readError == EIO || Terminal.isHungUp(fd: STDIN_FILENO) {
        hungUp = true
        return .hangUp
      }
      return nil
    }
    let isKeyCode = result == KEY_CODE_YES
    if isKeyCode {
      switch Int32(bitPattern: UInt32(wch)) {
      case KEY_RESIZE:
        lastDrawn = nil
        return .resize(size)
      case KEY_MOUSE:
        return readMouse()
      case Terminal.pasteStartCode:
        return .paste(readPaste())
      default:
        break
      }
    }
    return KeyDecoder.decode(wideChar: UInt32(wch), isKeyCode: isKeyCode).map { .key($0) }
  }

  /// The terminal on `fd` has gone away (see `cb_tty_hung_up`). Never blocks.
  static func isHungUp(fd: Int32) -> Bool {
    cb_tty_hung_up(fd) != 0
  }

  private func readMouse() -> Event? {
    var x: Int32 = 0
    var y: Int32 = 0
    switch cb_mouse_read(&x, &y) {
    case 1: return .click(x: Int(x), y: Int(y))
    case 2: return .scrollUp(x: Int(x), y: Int(y))
    case 3: return .scrollDown(x: Int(x), y: Int(y))
    default: return nil
    }
  }

  /// Collects the pasted text up to the end marker. Gives up after half a second of silence, so
  /// a lost end marker cannot swallow the keyboard.
  private func readPaste() -> String {
    var scalars = String.UnicodeScalarView()
    wtimeout(window, 500)
    while true {
      var wch: wint_t = 0
      let result = wget_wch(window, &wch)
      if result == ERR { break }
      if result == KEY_CODE_YES {
        let code = Int32(bitPattern: UInt32(wch))
        if code == Terminal.pasteEndCode { break }
        if code == KEY_ENTER { scalars.append("\n") }
        continue
      }
      if wch == 13 {
        scalars.append("\n")
      } else if let scalar = Unicode.Scalar(UInt32(wch)) {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  // MARK: output

  /// Copies `buffer` to the screen. Only cells that changed since the last frame are handed to
  /// ncurses (which in turn sends only what differs from the screen). A wide character's
  /// continuation cell is skipped. The hardware cursor is shown at `buffer.cursor`, or hidden.
  public func draw(_ buffer: ScreenBuffer) {
    guard !stopped, !suspended else { return }
    let rows = min(buffer.height, Int(getmaxy(window)))
    let cols = min(buffer.width, Int(getmaxx(window)))
    let previous = lastDrawn?.size == buffer.size ? lastDrawn : nil
    if previous == nil { werase(window) }
    let cells = buffer.cells
    let width = buffer.width
    let indices = FrameDiff.cellsToDraw(
      previous: previous, current: buffer, columns: cols, rows: rows)
    for i in indices {
      let cell = cells[i]
      let x = i % width
      let y = i / width
      if cell.isContinuation {
        put(Cell.blank.text, role: cell.role, bold: false, x: x, y: y, wide: false)
      } else {
        let wide = x + 1 < cols && cells[i + 1].isContinuation
        put(cell.text, role: cell.role, bold: cell.bold, x: x, y: y, wide: wide)
      }
    }

    if let cursor = buffer.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < cols, cursor.y < rows {
      leaveok(window, false)
      wmove(window, Int32(cursor.y), Int32(cursor.x))
      showCursor(true)
    } else {
      leaveok(window, true)
      showCursor(false)
    }
    wnoutrefresh(window)
    doupdate()
    lastDrawn = buffer
  }

  private func showCursor(_ shown: Bool) {
    guard cursorShown != shown else { return }
    curs_set(shown ? 1 : 0)
    cursorShown = shown
  }

  /// Writes one cell at (x, y). `wide`: the buffer gave it two columns.
  private func put(_ text: String, role: Role, bold: Bool, x: Int, y: Int, wide: Bool) {
    let index = Int(role.rawValue)
    var attrs = index < attributes.count ? attributes[index] : cb_attr_normal()
    if bold { attrs |= cb_attr_bold() }
    let pair = index < pairs.count ? pairs[index] : 0

    scratch.removeAll(keepingCapacity: true)
    var columns = 1
    var iterator = text.unicodeScalars.makeIterator()
    if let first = iterator.next(), first.value >= 0x20, first.value != 0x7F,
      unicode || first.value < 0x80
    {
      let w = cb_wcwidth(first.value)
      if w >= 1 && (w == 1 || wide) {
        scratch.append(wchar_t(bitPattern: first.value))
        columns = Int(w)
        // Combining marks and selectors that ride on the first character; ncurses holds up to 5.
        while let next = iterator.next(), scratch.count < 5, cb_wcwidth(next.value) == 0 {
          scratch.append(wchar_t(bitPattern: next.value))
        }
      }
    }
    if scratch.isEmpty {
      // Unprintable here (control character, non-ASCII in an ASCII locale, or a wide character
      // with only one column of room): a placeholder keeps the columns aligned.
      let ascii = !(text.unicodeScalars.first.map { $0.value < 0x20 || $0.value == 0x7F } ?? true)
      scratch.append(wchar_t(bitPattern: ascii ? 0x3F : 0x20))
    }
    scratch.append(0)

    var cc = cchar_t()
    scratch.withUnsafeBufferPointer { chars in
      _ = setcchar(&cc, chars.baseAddress, attrs, pair, nil)
    }
    mvwadd_wchnstr(window, Int32(y), Int32(x), &cc, 1)
    if wide && columns == 1 {
      // The buffer reserved two columns but the terminal draws one: blank the second.
      scratch.removeAll(keepingCapacity: true)
      scratch.append(0x20)
      scratch.append(0)
      scratch.withUnsafeBufferPointer { chars in
        _ = setcchar(&cc, chars.baseAddress, attrs, pair, nil)
      }
      mvwadd_wchnstr(window, Int32(y), Int32(x + 1), &cc, 1)
    }
  }

  // MARK: suspend, resume, stop

  /// Gives the terminal back (for `$EDITOR`): saves the program's modes and leaves the alternate
  /// screen. Call `resume()` afterwards.
  public func suspend() {
    guard !stopped, !suspended else { return }
    if let paste = bracketedPaste { Terminal.writeToTerminal(paste.disable) }
    def_prog_mode()
    endwin()
    suspended = true
  }

  /// Takes the terminal back after `suspend()`; the next `draw` repaints everything.
  public func resume() {
    guard !stopped, suspended else { return }
    suspended = false
    if let paste = bracketedPaste { Terminal.writeToTerminal(paste.enable) }
    reset_prog_mode()
    clearok(cb_curscr(), true)
    lastDrawn = nil
    cursorShown = nil
    doupdate()
  }

  /// Ends ncurses and restores the terminal (main screen, cursor visible, modes as before).
  /// Idempotent; also called on deinit.
  public func stop() {
    guard !stopped else { return }
    stopped = true
    if !suspended {
      if let paste = bracketedPaste { Terminal.writeToTerminal(paste.disable) }
      curs_set(1)
      endwin()
    }
    suspended = false
  }
}

/// The program's terminal: size, draw, next event, suspend and resume, as above.
extension Terminal: ProgramTerminal {}
