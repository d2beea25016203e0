#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A second window that opened a session read-only (another casebench held it) can take it
/// over once the other one has quit: `T` opens the file again, taking its lock if it is free;
/// if it is still held, the window stays read-only and says why. The status bar offers the key
/// while the workbench is read-only on a file of its own (not the dashboard's view of a team).
extension KeyTable {
  static let takeOver = KeyBinding(
    "T", [(.char("T"), .takeOver)],
    "read-only because another casebench had the session: take it over once that one quit",
    group: .anywhere, in: [.workbench])

  static let takeOverKeys: [KeyBinding] = [takeOver]
}

extension Workbench {
  /// `T` in a read-only workbench on a file: open that file again.
  func takeOver(_ event: Event, _ env: inout WorkbenchEnvironment) -> [Command]? {
    guard case .key(let key) = event, overlays.isEmpty, readOnly, let file,
      KeyTable.takeOver.command(for: key) == .takeOver
    else { return nil }
    env.showMessage("Taking over \(file.lastPathComponent)…", isError: false)
    return [.openSession(path: file.path)]
  }

  /// The status bar's offer while the workbench could take its file over.
  var takeOverHint: String? {
    guard readOnly, file != nil else { return nil }
    return KeyTable.takeOver.hint("take over")
  }
}

extension KeyRegistration {
  static let takeOver = KeyRegistration(scopes: [], bindings: KeyTable.takeOverKeys)
}
