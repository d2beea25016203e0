import CaseBenchLoading

/// A status message that does not fit beside the session details. It takes the bottom row, and
/// when it is longer than that row it wraps upwards over the rows above, so that its end (the
/// part that says what to do) is never cut off at 80 columns. Messages are transient: the next
/// key or a few seconds clear them, and the rows under them show again.
extension StatusBar {
  /// The most rows a message may take: a third of the screen, at least one.
  static func messageRows(_ size: Size) -> Int { max(1, size.height / 3) }

  /// Whether `text` fits on the bar beside the session's name and its save indicator.
  static func messageFitsBeside(_ bar: Content, text: String, width: Int) -> Bool {
    var used = bar.options.facilitator ? DisplayWidth.of(" FACILITATOR ") : 0
    if let open = bar.session {
      // A failed save keeps its place on the bar (a message shares the row with it).
      let indicator =
        switch open.save {
        case .readOnly: "READ-ONLY"
        case .failed: "save failed"
        default: saveIndicator(open.save, options: bar.options).0
        }
      used += DisplayWidth.of(" \(open.name)") + 2 + DisplayWidth.of(indicator) + 2
    } else {
      used += DisplayWidth.of(" casebench") + 2
    }
    return DisplayWidth.of(text) + used + 1 <= width
  }

  /// Draws `m` across the whole bar, wrapped upwards when it is longer than the row.
  static func drawWholeMessage(
    _ m: StatusMessage, _ options: RenderOptions, size: Size, into buf: inout ScreenBuffer
  ) {
    let g = Glyphs.of(options)
    let y = size.height - 1
    let marker = options.facilitator ? DisplayWidth.of(" FACILITATOR ") : 0
    let width = max(1, size.width - marker - 2)
    var lines = Wrap.lines(m.text, width: width)
    let most = messageRows(size)
    if lines.count > most {
      let rest = lines[(most - 1)...].joined(separator: " ")
      lines = Array(lines.prefix(most - 1)) + [g.truncate(rest, to: width)]
    }
    let top = y - (lines.count - 1)
    buf.fill(
      x: 0, y: top, width: size.width, height: lines.count, with: Cell(" ", role: .statusBar))
    let x = facilitatorMarker(options, into: &buf, y: y)
    let role: Role = m.isError ? .danger : .statusBar
    for (i, line) in lines.enumerated() {
      buf.put(" " + line, x: x, y: top + i, role: role, bold: m.isError)
    }
  }
}
