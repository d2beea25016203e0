import CaseBenchLoading
import CaseBenchStore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension Reports {
  /// Writes a report to `path` atomically (a temporary file beside it, fsync, rename): a reader
  /// never sees half a report, and a failed write leaves any older report as it was.
  public static func write(_ text: String, to path: String) throws(SessionStoreError) {
    let (directory, name) = POSIX.split(path)
    let folder = directory.isEmpty ? "." : directory
    let temporary = folder + "/." + name + ".tmp-\(POSIX.processID)"
    func failed(_ code: Int32) -> SessionStoreError {
      SessionStoreError(
        kind: .writeFailed, file: path,
        message: "cannot write the report: \(POSIX.errorText(code))",
        fix: "check that the folder exists and that you may write to it")
    }
    if let code = POSIX.writeNewFile(temporary, Data(text.utf8), mode: 0o644) {
      throw failed(code)
    }
    if let code = POSIX.renameFile(temporary, path) {
      POSIX.remove(temporary)
      throw failed(code)
    }
    _ = POSIX.syncDirectory(folder)
  }
}
