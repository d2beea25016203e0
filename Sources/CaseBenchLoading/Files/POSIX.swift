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

/// Thin wrappers over the POSIX calls the store needs, with errno turned into text.
/// An errno value carried as an error.
package struct Errno: Error, Equatable {
  package var code: Int32
  package init(_ code: Int32) { self.code = code }
}

package enum POSIX {
  /// The folder and the name of a path, as NSString's `deletingLastPathComponent` and
  /// `lastPathComponent` split it: "/a/b" gives "/a" and "b", "/b" gives "/" and "b", "b" gives
  /// "" and "b". Trailing slashes are ignored.
  package static func split(_ path: String) -> (directory: String, name: String) {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return ("", String(trimmed)) }
    let name = String(trimmed[trimmed.index(after: slash)...])
    var directory = trimmed[..<slash]
    while directory.count > 1, directory.hasSuffix("/") { directory = directory.dropLast() }
    return (directory.isEmpty ? "/" : String(directory), name)
  }

  package static func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
  }

  /// Opens a file, retrying on EINTR. Returns the descriptor or errno.
  package static func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Result<
    Int32, Errno
  > {
    while true {
      let fd = path.withCString { systemOpen($0, flags | O_CLOEXEC, mode) }
      if fd >= 0 { return .success(fd) }
      if errno != EINTR { return .failure(Errno(errno)) }
    }
  }

  /// Writes every byte, retrying short writes and EINTR. Returns errno on failure.
  package struct FileStamp: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64
  }

  /// Identity and version of a file, to notice whether it changed since we wrote it.
  package static func stamp(_ path: String) -> FileStamp? {
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
  package static func isDirectory(_ path: String) -> Bool? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// A file's read and write permission bits, if it exists.
  package static func permissions(_ path: String) -> mode_t? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return st.st_mode & 0o666
  }

  package static func exists(_ path: String) -> Bool {
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
  package static func readAll(_ path: String, limit: Int, followLinks: Bool = true) -> Result<
    Data, Errno
  > {
    readRegular(path, limit: limit, followLinks: followLinks).map(\.data)
  }

  /// `readAll`, with the owner of the file that was read (from the open descriptor, so it is
  /// the owner of exactly these bytes).
  package static func readRegular(_ path: String, limit: Int, followLinks: Bool = true)
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

}
