/// Why the terminal could not be used, or why an external edit failed. `message` is written for
/// the user: print it as it is.
public struct TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
