import CaseBenchModel
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `open --restore-backup FILE`: go back to the last good copy that a failed `open` offered
/// (`SessionStore.backupOffer`). The damaged file is never replaced without that flag.
enum BackupRestore {
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
}
