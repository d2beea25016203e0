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

/// Reading and writing `DIR/.casebench-workshop.json`. Writes go through the store's helpers
/// (a temporary file, fsync, rename, then the folder synced), under a lock, so a dashboard and
/// a script changing it at once never lose each other's change, and a reader never sees half.
///
/// The file counts only when the folder's owner (the facilitator, who set the folder up with
/// `casebench workshop DIR --init`) wrote it: a participant cannot put words under "From the
/// facilitator" by writing it first. It is never followed through a link, never a pipe, and
/// never larger than `WorkshopState.maximumFileSize`.
public enum WorkshopStateFile {
  public static func url(in folder: URL) -> URL {
    folder.appendingPathComponent(WorkshopFolder.stateFileName, isDirectory: false)
  }

  /// The account that owns the folder (following a link to the folder itself).
  static func folderOwner(_ folder: URL) -> uid_t? {
    var st = stat()
    guard stat(folder.path, &st) == 0 else { return nil }
    return st.st_uid
  }

  /// Reads the state; a missing file is the empty state.
  public static func read(in folder: URL) throws(WorkshopStateError) -> WorkshopState {
    let path = url(in: folder).path
    let data: Data
    switch POSIX.readRegular(path, limit: WorkshopState.maximumFileSize, followLinks: false) {
    case .success(let read):
      guard read.owner == folderOwner(folder) else {
        throw WorkshopStateError(
          file: path,
          message: "the facilitator's file was not written by the folder's owner; it is ignored",
          fix: "the folder's owner runs `casebench workshop DIR --init`, which replaces it")
      }
      data = read.data
    case .failure(let error):
      if error.code == ENOENT { return WorkshopState() }
      let why =
        switch error.code {
        case ELOOP: "it is a link, not followed"
        case ENODEV: "it is not a regular file"
        case EFBIG: "it is larger than \(WorkshopState.maximumFileSize >> 20) MiB"
        default: POSIX.errorText(error.code)
        }
      throw WorkshopStateError(
        file: path, message: "cannot read the facilitator's file: \(why)",
        fix: "the folder's owner runs `casebench workshop DIR --init`, which replaces it")
    }
    let state: WorkshopState
    do {
      state = try SessionStore.makeDecoder().decode(WorkshopState.self, from: data)
    } catch {
      throw invalid(error, data: data, file: path)
    }
    guard state.formatVersion <= WorkshopState.currentFormatVersion else {
      throw WorkshopStateError(
        file: path,
        message: "the facilitator's file has format_version \(state.formatVersion); this "
          + "casebench reads up to \(WorkshopState.currentFormatVersion)",
        fix: "use the same casebench as the facilitator")
    }
    return state
  }

  /// The decoder's complaint, at the line and column of the value it names.
  static func invalid(_ error: any Error, data: Data, file: String) -> WorkshopStateError {
    // Broken JSON is located where the scanner stopped (the decoder names no place for it).
    if case .failure(let f) = JSONScanner.scan(data) {
      let (line, column) = JSONScanner.lineAndColumn(of: f.offset, in: data)
      return WorkshopStateError(
        file: file, line: line, column: column,
        message: "the facilitator's file is not valid JSON: \(f.message)",
        fix: "correct it, or move it aside; `casebench workshop DIR --init` starts a new one")
    }
    var message = "the facilitator's file is not valid"
    var line = 0
    var column = 0
    if let error = error as? DecodingError {
      let context: DecodingError.Context? =
        switch error {
        case .dataCorrupted(let c), .typeMismatch(_, let c), .valueNotFound(_, let c),
          .keyNotFound(_, let c):
          c
        @unknown default: nil
        }
      if let context, !context.codingPath.isEmpty {
        let path = context.codingPath.map { key -> JSONScanner.PathComponent in
          if let i = key.intValue, key.stringValue == "Index \(i)" { return .index(i) }
          return .key(key.stringValue)
        }
        if case .success(let o) = JSONScanner.scan(data, target: path), let at = o.targetOffset {
          (line, column) = JSONScanner.lineAndColumn(of: at, in: data)
        }
        message +=
          ": \(SessionStore.fieldName(context.codingPath)): "
          + SessionStore.shortened(context.debugDescription, limit: 200)
      }
    }
    return WorkshopStateError(
      file: file, line: line, column: column, message: message,
      fix: "correct it, or move it aside; `casebench workshop DIR --init` starts a new one")
  }

  /// Reads the state, applies `change` and writes it back, holding the file's lock throughout.
  /// Waits up to two seconds for another writer to finish. A file the folder's owner did not
  /// write is replaced when the folder's owner changes the state, never built upon.
  @discardableResult
  public static func update(
    in folder: URL, _ change: (inout WorkshopState) -> Void
  ) throws(WorkshopStateError) -> WorkshopState {
    let target = url(in: folder)
    var lock: SessionLock?
    for attempt in 0..<40 {
      do {
        lock = try SessionLock.acquire(for: target)
        break
      } catch {
        guard error.kind == .locked, attempt < 39 else {
          throw WorkshopStateError(
            file: target.path, message: error.message,
            fix: error.fix ?? "check the folder's permissions")
        }
        usleep(50_000)
      }
    }
    defer { lock?.release() }
    var state: WorkshopState
    if let entry = POSIX.entry(target.path), entry.owner != folderOwner(folder),
      POSIX.currentUser == folderOwner(folder)
    {
      state = WorkshopState()
    } else {
      state = try read(in: folder)
    }
    change(&state)
    try write(state, in: folder)
    return state
  }

  /// Writes the state atomically; readable by everyone who may read the folder. Never more
  /// than it can read back: the oldest announcements drop off first.
  static func write(_ state: WorkshopState, in folder: URL) throws(WorkshopStateError) {
    let target = url(in: folder).path
    func failed(_ code: Int32) -> WorkshopStateError {
      WorkshopStateError(
        file: target, message: "cannot write the facilitator's file: \(POSIX.errorText(code))",
        fix: "check that you may write to the folder")
    }
    var state = state
    var encoded: Data?
    while true {
      guard var data = try? SessionStore.makeEncoder().encode(state) else { break }
      data.append(UInt8(ascii: "\n"))
      if data.count <= WorkshopState.maximumFileSize || state.announcements.isEmpty {
        encoded = data
        break
      }
      state.announcements.removeFirst()
    }
    guard let data = encoded, data.count <= WorkshopState.maximumFileSize else {
      throw WorkshopStateError(
        file: target, message: "cannot encode the facilitator's state", fix: "report this bug")
    }
    if let failure = POSIX.replace(target, with: data, mode: 0o644) { throw failed(failure.code) }
  }
}

/// Why the facilitator's state file could not be read or written.
public struct WorkshopStateError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int = 0
  public var column: Int = 0
  public var message: String
  public var fix: String

  public var description: String {
    DiagnosticLine.format(file: file, line: line, column: column, message: message, fix: fix)
  }
}

extension WorkshopStateFile {
  /// The facilitator's state of the workshop folder a session file sits in; nil when the folder
  /// has no facilitator's file (the session is the learner's own). A file that cannot be read
  /// counts as nothing revealed yet.
  public static func forSession(at file: URL) -> WorkshopState? {
    let folder = file.deletingLastPathComponent()
    guard POSIX.exists(url(in: folder).path) else { return nil }
    return (try? read(in: folder)) ?? WorkshopState()
  }
}
