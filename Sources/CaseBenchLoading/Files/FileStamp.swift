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

/// Size, modification time (to the nanosecond) and identity: how casebench tells that a file
/// changed, for the workshop folder and the preview's file watcher alike. A file whose stamp is
/// unchanged is not read again.
public struct FileStamp: Sendable, Equatable {
  public var inode: UInt64
  public var size: Int64
  public var modified: Int64

  /// The file's stamp, nil when it is not there; for a link to nothing, the link's own, so it
  /// is not read every time.
  public init?(_ path: String) {
    var st = stat()
    guard stat(path, &st) == 0 || lstat(path, &st) == 0 else { return nil }
    #if canImport(Darwin)
      let modified = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
    #else
      let modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    #endif
    inode = UInt64(st.st_ino)
    size = Int64(st.st_size)
    self.modified = modified
  }
}
