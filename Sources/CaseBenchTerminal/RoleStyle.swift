import CaseBenchTUI

/// How a `Role` looks on screen: attributes always, colours only when the terminal has them and
/// `NO_COLOR` is not set. Pure, so the mapping is tested without a terminal.
public struct RoleStyle: Sendable, Equatable {
  /// A colour: `nil` is the terminal's own (default) colour.
  public enum Colour: Int16, Sendable, Equatable {
    case black = 0
    case red, green, yellow, blue, magenta, cyan, white
  }

  public var foreground: Colour?
  public var background: Colour?
  public var bold = false
  public var dim = false
  public var reverse = false
  public var underline = false

  public init(
    foreground: Colour? = nil, background: Colour? = nil, bold: Bool = false, dim: Bool = false,
    reverse: Bool = false, underline: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }

  /// The style of `role` in `theme`: the one role → colour map. Without colour (`NO_COLOR`, or
  /// a terminal without colours) the theme does not matter, and every role that must stand out
  /// uses an attribute a vt100 has (bold, underline, reverse). Selection is reverse video in
  /// every theme and without colour, so focus never rests on colour alone.
  public static func style(for role: Role, colour: Bool, theme: Theme = .default) -> RoleStyle {
    guard colour else { return monochromeStyle(role) }
    switch theme {
    case .default: return colourStyle(role)
    case .light: return lightStyle(role)
    case .ansi16: return ansiStyle(role)
    }
  }

  /// False when `NO_COLOR` is set to anything but the empty string (no-color.org): the roles are
  /// then drawn with `style(for:colour: false)` whatever the theme.
  public static func colourAllowed(environment: [String: String]) -> Bool {
    (environment["NO_COLOR"] ?? "").isEmpty
  }

  /// The whole map as text, one role a line ("title: cyan bold"), for the goldens.
  public static func roleMap(colour: Bool, theme: Theme = .default) -> String {
    Role.allCases.map { role in
      let s = style(for: role, colour: colour, theme: theme)
      var words: [String] = []
      if let fg = s.foreground { words.append("\(fg)") }
      if let bg = s.background { words.append("on \(bg)") }
      for (on, name) in [
        (s.bold, "bold"), (s.dim, "dim"), (s.reverse, "reverse"), (s.underline, "underline"),
      ] where on {
        words.append(name)
      }
      return "\(role): " + (words.isEmpty ? "plain" : words.joined(separator: " "))
    }.joined(separator: "\n") + "\n"
  }

  private static func monochromeStyle(_ role: Role) -> RoleStyle {
    switch role {
    case .normal, .border, .success: return RoleStyle()
    case .title, .borderFocused, .warning, .danger, .accent: return RoleStyle(bold: true)
    case .dim: return RoleStyle(dim: true)
    case .selected: return RoleStyle(reverse: true)
    case .selectedInactive: return RoleStyle(underline: true)
    case .statusBar: return RoleStyle(reverse: true)
    case .match: return RoleStyle(bold: true, underline: true)
    }
  }

  private static func colourStyle(_ role: Role) -> RoleStyle {
    switch role {
    case .normal: return RoleStyle()
    case .title: return RoleStyle(foreground: .cyan, bold: true)
    case .dim: return RoleStyle(dim: true)
    case .selected: return RoleStyle(bold: true, reverse: true)
    case .selectedInactive: return RoleStyle(underline: true)
    case .border: return RoleStyle(dim: true)
    case .borderFocused: return RoleStyle(foreground: .cyan, bold: true)
    case .success: return RoleStyle(foreground: .green)
    case .warning: return RoleStyle(foreground: .yellow, bold: true)
    case .danger: return RoleStyle(foreground: .red, bold: true)
    case .accent: return RoleStyle(foreground: .magenta)
    case .statusBar: return RoleStyle(reverse: true)
    case .match: return RoleStyle(foreground: .black, background: .yellow)
    }
  }

  /// For a light background: blue where the default has cyan, no yellow or white text.
  private static func lightStyle(_ role: Role) -> RoleStyle {
    switch role {
    case .title, .borderFocused: return RoleStyle(foreground: .blue, bold: true)
    case .warning: return RoleStyle(foreground: .magenta, bold: true)
    case .accent: return RoleStyle(foreground: .blue)
    case .match: return RoleStyle(foreground: .black, background: .cyan)
    default: return colourStyle(role)
    }
  }

  /// Foregrounds only, on the terminal's own background, and no dim (which some palettes make
  /// unreadable): the terminal's palette decides how each looks on light or dark.
  private static func ansiStyle(_ role: Role) -> RoleStyle {
    switch role {
    case .dim, .border: return RoleStyle()
    case .match: return RoleStyle(foreground: .magenta, bold: true, underline: true)
    default: return colourStyle(role)
    }
  }
}
