import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `open` of a damaged session: offer the last good copy, and restore it when asked
/// (`open --restore-backup FILE`). The damaged file is never replaced without that flag.
enum BackupRestore {
  /// Lines to add to a failed `open`'s error when FILE is damaged and FILE.bak loads: what the
  /// good copy holds and the command that goes back to it. Empty otherwise.
  static func offer(for path: String) -> String {
    let url = URL(fileURLWithPath: path)
    guard let good = SessionStore.lastGoodCopy(of: url) else { return "" }
    let backup = SessionStore.backupPath(for: path)
    let done = good.items.values.filter { $0.status == .done }.count
    return """

      casebench: \(backup) is the last good copy of this session (\(printable(good.participant)), \
      saved \(SessionDates.format(good.updated)), \(counted(done, "item")) done). \
      \(path) was not changed. To go back to that copy, keeping the damaged file beside it as \
      \(path).damaged, run:
        casebench open --restore-backup \(shellQuoted(path))
      """
  }

  /// Restores FILE from FILE.bak under the session's lock and says so on stderr.
  static func restore(path: String) throws(CLIError) {
    let url = URL(fileURLWithPath: path)
    let lock: SessionLock
    do {
      lock = try SessionLock.acquire(for: url)
    } catch {
      throw CLIError(code: Exit.failure, description: error.description)
    }
    defer { lock.release() }
    do {
      let kept = try SessionStore.restoreBackup(of: url)
      Console.error(
        "casebench: restored \(path) from its last good copy "
          + "\(SessionStore.backupPath(for: path)); the damaged file is kept as \(kept)")
    } catch {
      throw CLIError(code: Exit.failure, description: error.description)
    }
  }

  /// Control characters shown as `?`, so a name cannot move the terminal's cursor.
  static func printable(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
  }

  /// `path` as one shell word: unchanged when it is plain, else in single quotes.
  static func shellQuoted(_ path: String) -> String {
    let plain = path.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        || "/._-+:,@%".unicodeScalars.contains($0)
    }
    if plain && !path.isEmpty { return path }
    return "'" + path.replacing("'", with: "'\\''") + "'"
  }
}
