import CaseBenchLoading
import CaseBenchStore

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

extension Reports {
  /// Writes a report to `path` atomically (`POSIX.replace`, the store's one atomic write): a
  /// reader never sees half a report, and a failed write leaves any older report as it was. A
  /// file already at `path` is replaced only when it is a regular file that can be read:
  /// anything else (a folder, a device, a file we may not read) may be someone's work, and
  /// stays.
  public static func write(_ text: String, to path: String) throws(SessionStoreError) {
    // With a limit of 0 bytes a regular, readable file answers at once (EFBIG when not empty)
    // without being read.
    if POSIX.exists(path), case .failure(let error) = POSIX.readAll(path, limit: 0),
      error.code != EFBIG
    {
      throw SessionStoreError(
        kind: .unreadable, file: path,
        message: "a file is there that cannot be read (\(POSIX.errorText(error.code))); "
          + "it was left as it is, not overwritten",
        fix: "move it aside, or write the report somewhere else")
    }
    func failed(_ code: Int32) -> SessionStoreError {
      SessionStoreError(
        kind: .writeFailed, file: path,
        message: "cannot write the report: \(POSIX.errorText(code))",
        fix: "check that the folder exists and that you may write to it")
    }
    if let failure = POSIX.replace(path, with: Data(text.utf8), mode: 0o644) {
      throw failed(failure.code)
    }
  }
}
