import CaseBenchLoading
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension Reports {
  /// Writes a report to `path` atomically (`POSIX.replace`, the store's one atomic write): a
  /// reader never sees half a report, and a failed write leaves any older report as it was.
  public static func write(_ text: String, to path: String) throws(SessionStoreError) {
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
