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

  /// The style of `role`. Without colour every role that must stand out uses an attribute a
  /// vt100 has (bold, underline, reverse); selection is reverse video in both modes.
  public static func style(for role: Role, colour: Bool) -> RoleStyle {
    colour ? colourStyle(role) : monochromeStyle(role)
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
}
