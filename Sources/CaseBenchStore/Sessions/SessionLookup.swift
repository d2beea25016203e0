import CaseBenchLoading
import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The session that `casebench open NAME` means: a path, a file in the sessions folder named
/// with or without its `.json`, or the session of the team with that name (case and accents
/// aside).
public enum SessionLookup {
  public static func find(_ name: String, in folder: URL) throws(SessionStoreError) -> URL {
    // A path, or a file in the working folder, is opened as it is, as before.
    if name.contains("/") || POSIX.exists(name) { return URL(fileURLWithPath: name) }
    let fileNames = name.hasSuffix(".json") ? [name] : [name, name + ".json"]
    for fileName in fileNames {
      let url = folder.appendingPathComponent(fileName, isDirectory: false)
      if POSIX.exists(url.path) { return url }
    }
    let sessions = SessionDirectory.list(in: folder).filter { $0.error == nil }
    let wanted = Folding.key(of: name)
    let teams = sessions.filter { Folding.key(of: $0.participant) == wanted }
    if teams.count == 1, let only = teams.first { return only.url }
    if teams.count > 1 {
      throw SessionStoreError(
        kind: .unreadable, file: folder.path,
        message: "\(teams.count) sessions in the folder are for '\(DiagnosticLine.oneLine(name))'",
        fix: "open one by its file name: "
          + teams.map(\.url.lastPathComponent).joined(separator: ", "))
    }
    // The first few, newest first: `casebench list` shows them all.
    var known = sessions.prefix(8).map { $0.url.deletingPathExtension().lastPathComponent }
    if sessions.count > known.count { known.append("…") }
    throw SessionStoreError(
      kind: .unreadable, file: folder.path,
      message: "no session file or team named '\(DiagnosticLine.oneLine(name))' in the folder",
      fix: known.isEmpty
        ? "give the session file's path, or start one with `casebench new`"
        : "give the session file's path, or one of: " + known.joined(separator: ", "))
  }
}
