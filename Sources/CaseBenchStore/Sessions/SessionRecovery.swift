import CaseBenchLoading
import CaseBenchModel

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

/// Going back to the last good copy (`FILE.bak`) of a session file that another tool left empty,
/// cut short or otherwise unreadable. The damaged file is never overwritten silently: it is only
/// replaced on request (`restoreBackup`), and then kept beside it as `FILE.damaged`.
extension SessionStore {
  /// Damage that the last good copy can undo: the bytes are not a session any more. (Not a
  /// session from a newer casebench, a file that cannot be read at all, or a missing one.)
  static func isDamage(_ kind: SessionStoreError.Kind) -> Bool {
    switch kind {
    case .truncated, .notJSON, .foreign, .invalid: true
    default: false
    }
  }

  /// The session in `FILE.bak` when the file at `url` is damaged (see `isDamage`) and its last
  /// good copy loads; nil otherwise. Reads only.
  public static func lastGoodCopy(of url: URL) -> Session? {
    let path = url.resolvingSymlinksInPath().path
    guard let damage = damage(of: path), isDamage(damage.kind) else { return nil }
    let backup = backupPath(for: path)
    guard POSIX.isTrustedSideFile(backup, of: path) else { return nil }
    guard let bytes = try? read(backup) else { return nil }
    return try? decode(bytes, file: backup, backupExists: false)
  }

  /// Why the file at `path` does not load as a session; nil when it does.
  static func damage(of path: String) -> SessionStoreError? {
    do {
      _ = try decode(try read(path), file: path)
      return nil
    } catch {
      return error
    }
  }

  /// Puts the last good copy back: keeps the damaged file as `FILE.damaged` (or
  /// `FILE.damaged-2`, … when that name is taken), then replaces `FILE` with the bytes of
  /// `FILE.bak` (atomically: temporary file, fsync, rename). `FILE.bak` stays as it is.
  ///
  /// The caller holds the session's lock. Returns the path the damaged file was kept at.
  ///
  /// - Throws: `FILE` loads as it is (nothing to restore), its damage is not of a kind a
  ///   backup undoes, `FILE.bak` is missing or damaged too, or a write fails. In every case
  ///   both files are left as they were.
  public static func restoreBackup(of url: URL) throws(SessionStoreError) -> String {
    let target = url.resolvingSymlinksInPath().path
    let backup = backupPath(for: target)
    guard let damage = damage(of: target) else {
      throw SessionStoreError(
        kind: .invalid, file: target,
        message: "the session loads as it is, so it was not replaced by \(backup)",
        fix: "open it without --restore-backup")
    }
    guard isDamage(damage.kind) else { throw damage }

    let bytes: Data
    do throws(SessionStoreError) {
      guard POSIX.exists(backup) == POSIX.isTrustedSideFile(backup, of: target) else {
        throw SessionStoreError(
          kind: .unreadable, file: backup,
          message: "it is not a file that the session's owner wrote (another account's, or a link)",
          fix: "remove it")
      }
      bytes = try read(backup, followLinks: false)
      _ = try decode(bytes, file: backup, backupExists: false)
    } catch {
      var refusal = error
      refusal.message = "there is no good copy to go back to: \(error.message)"
      refusal.fix = "repair \(target) by hand (it was not changed)"
      throw refusal
    }

    let kept = try keepDamaged(target)
    // The restored file keeps the damaged one's permission bits (a workshop folder's group).
    switch POSIX.replace(target, with: bytes, mode: POSIX.permissions(target) ?? 0o600) {
    case nil: break
    case (.writing, let code)?:
      throw SessionStoreError(
        kind: .writeFailed, file: target,
        message: "could not write the restored copy: \(POSIX.errorText(code))",
        fix: "check the disk; \(target) was not changed (a copy is kept as \(kept))")
    case (.renaming, let code)?:
      throw SessionStoreError(
        kind: .writeFailed, file: target,
        message: "could not put the restored copy in place: \(POSIX.errorText(code))",
        fix: "check the folder's permissions; \(target) was not changed")
    }
    return kept
  }

  /// Gives the damaged file a second name, `FILE.damaged` (or `-2`, `-3`, …), never replacing
  /// an existing file. A hard link where the file system allows one, else a copy.
  private static func keepDamaged(_ target: String) throws(SessionStoreError) -> String {
    for n in 1...100 {
      let name = target + ".damaged" + (n == 1 ? "" : "-\(n)")
      if POSIX.exists(name) { continue }
      guard let code = POSIX.hardLink(target, name) else {
        _ = POSIX.syncDirectory(POSIX.split(target).directory)
        return name
      }
      if code == EEXIST { continue }
      // No hard links here: copy the bytes instead.
      guard case .success(let damaged) = POSIX.readAll(target, limit: maximumFileSize),
        POSIX.writeNewFile(name, damaged) == nil
      else {
        throw SessionStoreError(
          kind: .writeFailed, file: name,
          message: "could not keep a copy of the damaged file: \(POSIX.errorText(code))",
          fix: "move \(target) aside yourself, then copy \(backupPath(for: target)) to it")
      }
      return name
    }
    throw SessionStoreError(
      kind: .writeFailed, file: target + ".damaged",
      message: "100 damaged copies are kept already", fix: "remove the old .damaged files")
  }
}
