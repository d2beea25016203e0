#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How screens are drawn.
public struct RenderOptions: Sendable, Equatable {
  /// False draws ASCII borders (`+-|`) and ASCII glyphs, for terminals whose locale is not UTF-8.
  public var unicode: Bool
  /// Shows each decision option's verdict ("Facilitator's view") after a choice.
  public var facilitator: Bool
  /// The time zone for clock times in the status bar and on the start screen; nil for the
  /// machine's local time (as the C library reports it, so that no ICU data is loaded).
  public var timeZone: TimeZone?

  public init(unicode: Bool = true, facilitator: Bool = false, timeZone: TimeZone? = nil) {
    self.unicode = unicode
    self.facilitator = facilitator
    self.timeZone = timeZone
  }
}

/// The smallest terminal the workbench draws in; below it a notice says so.
public enum MinimumSize {
  public static let width = 60
  public static let height = 16
}
