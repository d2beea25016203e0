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

/// Thin wrappers over the POSIX calls the store needs, with errno turned into text.
/// An errno value carried as an error.
struct Errno: Error, Equatable {
  var code: Int32
  init(_ code: Int32) { self.code = code }
}

enum POSIX {
  /// The folder and the name of a path, as NSString's `deletingLastPathComponent` and
  /// `lastPathComponent` split it: "/a/b" gives "/a" and "b", "/b" gives "/" and "b", "b" gives
  /// "" and "b". Trailing slashes are ignored.
  static func split(_ path: String) -> (directory: String, name: String) {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return ("", String(trimmed)) }
    let name = String(trimmed[trimmed.index(after: slash)...])
    var directory = trimmed[..<slash]
    while directory.count > 1, directory.hasSuffix("/") { directory = directory.dropLast() }
    return (directory.isEmpty ? "/" : String(directory), name)
  }

  static func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
  }

  /// Opens a file, retrying on EINTR. Returns the descriptor or errno.
  static func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Result<Int32, Errno> {
    while true {
      let fd = path.withCString { systemOpen($0, flags | O_CLOEXEC, mode) }
      if fd >= 0 { return .success(fd) }
      if errno != EINTR { return .failure(Errno(errno)) }
    }
  }

  /// Writes every byte, retrying short writes and EINTR. Returns errno on failure.
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
  static func syncDirectory(_ path: String) -> Int32? {
    switch openFile(path, O_RDONLY | O_DIRECTORY) {
    case .failure(let e): return e.code
    case .success(let fd):
      defer { close(fd) }
      // Some file systems refuse fsync on a directory; the rename is still done.
      if let code = sync(fd), code != EINVAL, code != ENOTSUP { return code }
      return nil
    }
  }

  struct FileStamp: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64
  }

  /// Identity and version of a file, to notice whether it changed since we wrote it.
  static func stamp(_ path: String) -> FileStamp? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    #if canImport(Darwin)
      let modified = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
      let changed = Int64(st.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(st.st_ctimespec.tv_nsec)
    #else
      let modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
      let changed = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
    #endif
    return FileStamp(
      device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
      modified: modified, changed: changed)
  }

  /// Whether a path names a folder, following symbolic links as `FileManager.fileExists` does;
  /// `nil` when nothing is there.
  static func isDirectory(_ path: String) -> Bool? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// A file's read and write permission bits, if it exists.
  static func permissions(_ path: String) -> mode_t? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return st.st_mode & 0o666
  }

  static func exists(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0
  }
}

private func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 {
  #if canImport(Glibc)
    Glibc.open(path, flags, mode)
  #elseif canImport(Musl)
    Musl.open(path, flags, mode)
  #else
    Darwin.open(path, flags, mode)
  #endif
}

extension POSIX {
  /// Reads a whole regular file. Returns errno on failure (EISDIR for a directory, EFBIG when
  /// larger than `limit`, ENODEV for a pipe, socket or device). Opening never blocks (a FIFO
  /// is refused, not waited on); with `followLinks` false a symbolic link is refused (ELOOP).
  static func readAll(_ path: String, limit: Int, followLinks: Bool = true) -> Result<Data, Errno> {
    readRegular(path, limit: limit, followLinks: followLinks).map(\.data)
  }

  /// `readAll`, with the owner of the file that was read (from the open descriptor, so it is
  /// the owner of exactly these bytes).
  static func readRegular(_ path: String, limit: Int, followLinks: Bool = true)
    -> Result<(data: Data, owner: uid_t), Errno>
  {
    let fd: Int32
    let flags = O_RDONLY | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW)
    switch openFile(path, flags) {
    case .failure(let e): return .failure(e)
    case .success(let opened): fd = opened
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return .failure(Errno(errno)) }
    if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(Errno(EISDIR)) }
    if (st.st_mode & S_IFMT) != S_IFREG { return .failure(Errno(ENODEV)) }
    if Int(st.st_size) > limit { return .failure(Errno(EFBIG)) }
    var data = Data()
    data.reserveCapacity(Int(st.st_size))
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return .failure(Errno(errno))
      }
      if n == 0 { break }
      data.append(contentsOf: buffer[0..<n])
      if data.count > limit { return .failure(Errno(EFBIG)) }
    }
    return .success((data, st.st_uid))
  }

  /// Creates a new private file with exactly these bytes, flushed to disk. Never replaces
  /// anything: the name must be free (give it `temporaryName(for:)`).
  static func writeNewFile(_ path: String, _ data: Data, mode: mode_t = 0o600) -> Int32? {
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

  static func renameFile(_ from: String, _ to: String) -> Int32? {
    rename(from, to) == 0 ? nil : errno
  }

  static func hardLink(_ from: String, _ to: String) -> Int32? {
    link(from, to) == 0 ? nil : errno
  }

  static func remove(_ path: String) {
    _ = unlink(path)
  }

  static var processID: Int32 { getpid() }
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
