import CaseBenchLoading
import CaseBenchModel

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

/// An exclusive claim on a session file, so one file is never written by two processes.
///
/// It is a `flock` on a sidecar `FILE.lock` (saving replaces the session file's inode, so the
/// session file itself cannot carry the lock). The kernel drops it when the process dies, so a
/// crash never leaves a session locked. The holder's pid is written into the lock file, for the
/// message the next opener sees.
public final class SessionLock: @unchecked Sendable {
  /// The sidecar file that carries the lock: `FILE.lock`.
  public static func lockURL(for url: URL) -> URL {
    URL(fileURLWithPath: lockPath(for: url.path))
  }

  /// `lockURL` as a path: the one place the `.lock` name is made.
  public static func lockPath(for path: String) -> String { path + ".lock" }

  public let url: URL
  private let mutex = POSIXLock()
  private var descriptor: Int32

  private init(url: URL, descriptor: Int32) {
    self.url = url
    self.descriptor = descriptor
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Whether this object still holds the lock.
  public var isHeld: Bool {
    mutex.lock()
    defer { mutex.unlock() }
    return descriptor >= 0
  }

  /// Takes the lock for a session file, or throws `.locked` at once if another process (or
  /// another `SessionLock` in this one) holds it. Creates the folder (0700) if needed.
  public static func acquire(for url: URL) throws(SessionStoreError) -> SessionLock {
    let sessionPath = url.resolvingSymlinksInPath().path
    var lockPath = Self.lockPath(for: sessionPath)
    let directory = POSIX.split(sessionPath).directory
    if !FileManager.default.fileExists(atPath: directory) {
      try? FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    }
    let fd: Int32
    switch openTrusted(lockPath, for: sessionPath) {
    case .success(let opened): fd = opened
    case .failure(let error):
      // Someone else's file (or a link) sits at FILE.lock: it is never used, and it cannot be
      // removed from a shared folder, so the lock is taken in this account's own folder.
      guard error.code == EPERM || error.code == EACCES || error.code == ELOOP,
        let privatePath = privateLockPath(for: sessionPath),
        case .success(let opened) = openTrusted(privatePath, for: sessionPath)
      else {
        throw SessionStoreError(
          kind: .unreadable, file: lockPath,
          message: "cannot create the lock file: \(POSIX.errorText(error.code))",
          fix: "check the folder's permissions")
      }
      lockPath = privatePath
      fd = opened
    }
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      if code == EINTR { continue }
      close(fd)
      if code == EWOULDBLOCK || code == EAGAIN {
        let holder = holderPID(lockPath)
        let who = holder.map { "another casebench (pid \($0))" } ?? "another casebench"
        throw SessionStoreError(
          kind: .locked, file: sessionPath, message: "open in \(who)",
          fix: "open it read-only, or close the other casebench first")
      }
      throw SessionStoreError(
        kind: .unreadable, file: lockPath,
        message: "cannot lock the session: \(POSIX.errorText(code))",
        fix: "check that the folder is on a local disk that supports file locks")
    }
    let pid = Data("\(POSIX.processID)\n".utf8)
    if ftruncate(fd, 0) == 0 { _ = pwriteAll(fd, pid) }
    return SessionLock(url: URL(fileURLWithPath: sessionPath), descriptor: fd)
  }

  /// Gives the lock up. Safe to call more than once.
  public func release() {
    mutex.lock()
    defer { mutex.unlock() }
    guard descriptor >= 0 else { return }
    // Only the holder's own pid is cleared; the file stays, so no opener races its deletion.
    _ = ftruncate(descriptor, 0)
    _ = flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  /// Opens (or creates) a lock file without following a link or blocking, and only if it is a
  /// regular file of this account or of the session file's owner; EPERM for anyone else's.
  private static func openTrusted(_ path: String, for sessionPath: String) -> Result<Int32, Errno> {
    let flags = O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK
    switch POSIX.openFile(path, flags, 0o600) {
    case .failure(let e): return .failure(e)
    case .success(let fd):
      var st = stat()
      let owner = POSIX.entry(sessionPath)?.owner ?? POSIX.currentUser
      guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG,
        st.st_uid == POSIX.currentUser || st.st_uid == owner
      else {
        close(fd)
        return .failure(Errno(EPERM))
      }
      return .success(fd)
    }
  }

  /// Where this account locks a session whose `FILE.lock` belongs to someone else:
  /// `$XDG_RUNTIME_DIR/casebench-locks/` (else `~/.cache/casebench/locks/`), under a hash of the
  /// session's path, so every casebench of this account picks the same file.
  static func privateLockPath(for sessionPath: String) -> String? {
    let environment = ProcessInfo.processInfo.environment
    let folder: String
    if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
      folder = runtime + "/casebench-locks"
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      folder = home + "/.cache/casebench/locks"
    } else {
      return nil
    }
    try? FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let hash = CaseStudySource.hash(of: Data(sessionPath.utf8)).dropFirst("fnv1a64:".count)
    return folder + "/" + hash + ".lock"
  }

  private static func holderPID(_ lockPath: String) -> Int32? {
    guard case .success(let data) = POSIX.readAll(lockPath, limit: 64, followLinks: false) else {
      return nil
    }
    let text = String(decoding: data, as: UTF8.self).trimming(.whitespacesAndNewlines)
    return Int32(text)
  }

  private static func pwriteAll(_ fd: Int32, _ data: Data) -> Bool {
    data.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return true }
      return pwrite(fd, base, raw.count, 0) == raw.count
    }
  }
}
