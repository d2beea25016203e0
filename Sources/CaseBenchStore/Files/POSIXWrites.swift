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

/// The POSIX calls that write: whole writes, fsync, new files, renames and links.
extension POSIX {
  static func writeAll(_ fd: Int32, _ data: Data) -> Int32? {
    data.withUnsafeBytes { FileWrite.all(fd, $0) }
  }

  /// fsync, retrying EINTR. Returns errno on failure.
  static func sync(_ fd: Int32) -> Int32? {
    while fsync(fd) != 0 {
      if errno != EINTR { return errno }
    }
    return nil
  }

  /// Makes a directory's entries (a rename, a new file) durable.
  package static func syncDirectory(_ path: String) -> Int32? {
    switch openFile(path, O_RDONLY | O_DIRECTORY) {
    case .failure(let e): return e.code
    case .success(let fd):
      defer { close(fd) }
      // Some file systems refuse fsync on a directory; the rename is still done.
      if let code = sync(fd), code != EINVAL, code != ENOTSUP { return code }
      return nil
    }
  }

  /// Creates a new private file with exactly these bytes, flushed to disk. Never replaces
  /// anything: the name must be free (give it `temporaryName(for:)`).
  package static func writeNewFile(_ path: String, _ data: Data, mode: mode_t = 0o600) -> Int32? {
    let fd: Int32
    switch openFile(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode) {
    case .failure(let e): return e.code
    case .success(let opened): fd = opened
    }
    var failure: Int32?
    if fchmod(fd, mode) != 0 { failure = errno }
    if failure == nil { failure = writeAll(fd, data) }
    if failure == nil { failure = sync(fd) }
    if close(fd) != 0 && failure == nil { failure = errno }
    if failure != nil { _ = unlink(path) }
    return failure
  }

  package static func renameFile(_ from: String, _ to: String) -> Int32? {
    rename(from, to) == 0 ? nil : errno
  }

  static func hardLink(_ from: String, _ to: String) -> Int32? {
    link(from, to) == 0 ? nil : errno
  }

  package static func remove(_ path: String) {
    _ = unlink(path)
  }

  package static var processID: Int32 { getpid() }
}

/// Where an atomic replace stopped.
package enum ReplaceStep: Sendable, Equatable {
  /// Writing the new bytes to the temporary file; `path` was not touched.
  case writing
  /// Renaming the temporary file over `path`; `path` was not touched either.
  case renaming
}

extension POSIX {
  /// Replaces `path` with `data` atomically, the one way casebench does it: a new file under a
  /// name nobody can guess (`temporaryName`), flushed, renamed over `path`, then the folder
  /// flushed. A reader sees the old bytes or the new, never half; on failure `path` is as it
  /// was and the temporary file is gone. Returns the step that failed and its errno, or nil.
  package static func replace(_ path: String, with data: Data, mode: mode_t)
    -> (step: ReplaceStep, code: Int32)?
  {
    let temporary = temporaryName(for: path)
    if let code = writeNewFile(temporary, data, mode: mode) { return (.writing, code) }
    if let code = renameFile(temporary, path) {
      remove(temporary)
      return (.renaming, code)
    }
    let directory = split(path).directory
    _ = syncDirectory(directory.isEmpty ? "." : directory)
    return nil
  }
}

/// A mutual-exclusion lock over a pthread mutex, used as NSLock would be (NSLock lives in
/// Foundation, which casebench does not load).
final class POSIXLock: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

  init() {
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  func lock() { pthread_mutex_lock(mutex) }

  func unlock() { pthread_mutex_unlock(mutex) }
}

/// The one write loop of casebench, for files, the terminal and the standard streams.
public enum FileWrite {
  /// Writes every byte of `bytes` to `fd`, retrying short writes and EINTR. Returns nil when
  /// all was written, else the errno that stopped it (EIO for a write that made no progress,
  /// so the loop can never spin).
  public static func all(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard var next = bytes.baseAddress else { return nil }
    var left = bytes.count
    while left > 0 {
      let n = write(fd, next, left)
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if n == 0 { return EIO }
      next += n
      left -= n
    }
    return nil
  }
}

/// Standard output and standard error for the command line, written with write(2): every
/// byte, retrying interrupted and short writes, unbuffered (so nothing is lost on exit).
public enum StandardStreams {
  public static func output(_ data: Data) { _ = POSIX.writeAll(STDOUT_FILENO, data) }

  /// A string's UTF-8, written from its own storage (no copy into Data first).
  public static func output(_ text: String) {
    var text = text
    _ = text.withUTF8 { FileWrite.all(STDOUT_FILENO, UnsafeRawBufferPointer($0)) }
  }

  public static func error(_ data: Data) { _ = POSIX.writeAll(STDERR_FILENO, data) }
}
