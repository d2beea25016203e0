import CaseBenchLoading

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What casebench trusts in a folder others may write to (a workshop folder): files are never
/// followed through links, side files (a backup, a lock) count only when they belong to the
/// account that owns the file they serve, and temporary names cannot be guessed.
extension POSIX {
  /// A file as `lstat` sees it: never through a link.
  package struct Entry: Equatable {
    var owner: uid_t
    var mode: mode_t
    var isLink: Bool
    var isRegular: Bool
    var isDirectory: Bool
    var modified: Int64
  }

  package static func entry(_ path: String) -> Entry? {
    var st = stat()
    guard lstat(path, &st) == 0 else { return nil }
    let type = st.st_mode & S_IFMT
    #if canImport(Darwin)
      let modified = Int64(st.st_mtimespec.tv_sec)
    #else
      let modified = Int64(st.st_mtim.tv_sec)
    #endif
    return Entry(
      owner: st.st_uid, mode: st.st_mode & 0o7777, isLink: type == S_IFLNK,
      isRegular: type == S_IFREG, isDirectory: type == S_IFDIR, modified: modified)
  }

  static var currentUser: uid_t { geteuid() }

  /// A name beside `path` that nobody can guess (64 random bits from the system's generator),
  /// for a file created with O_EXCL: `FILE.tmp-1f3a…`. Nobody can plant a file under it first.
  static func temporaryName(for path: String) -> String {
    let bits = UInt64.random(in: .min ... .max)
    let hex = String(bits, radix: 16)
    return path + ".tmp-" + String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// Whether a side file of `file` (its `.bak`) may be used: a regular file, not a link, owned
  /// by whoever owns `file` (or by us, when `file` is not there yet).
  static func isTrustedSideFile(_ side: String, of file: String) -> Bool {
    guard let entry = entry(side), entry.isRegular else { return false }
    let owner = POSIX.entry(file)?.owner ?? currentUser
    return entry.owner == owner
  }
}

extension WorkshopFolder {
  /// How old a temporary copy must be before it counts as left behind by a killed process.
  static let staleTemporaryAge: Int64 = 10 * 60

  /// Removes the temporary copies (`*.tmp-*`) this account left in the folder more than ten
  /// minutes ago (a save takes milliseconds; a killed process leaves its copy behind). Other
  /// accounts' files are never touched. Returns how many were removed.
  @discardableResult
  public static func sweepTemporaryFiles(in folder: URL, now: Date = Date()) -> Int {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      return 0
    }
    let cutoff = Int64(now.timeIntervalSince1970) - staleTemporaryAge
    var removed = 0
    for name in names where name.contains(".tmp-") {
      let path = folder.appendingPathComponent(name, isDirectory: false).path
      guard let e = POSIX.entry(path), e.isRegular, e.owner == POSIX.currentUser,
        e.modified < cutoff
      else { continue }
      if unlink(path) == 0 { removed += 1 }
    }
    return removed
  }
}
