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

/// Reading and writing session files: pretty-printed JSON with sorted keys, validated on load,
/// written atomically with the previous good copy kept as `FILE.bak`.
public enum SessionStore {
  /// Session files larger than this are refused rather than read into memory.
  public static let maximumFileSize = 256 << 20

  /// The last good copy of a session file: `FILE.bak`.
  public static func backupURL(for url: URL) -> URL {
    URL(fileURLWithPath: backupPath(for: url.path))
  }

  /// `backupURL` as a path: the one place the `.bak` name is made.
  public static func backupPath(for path: String) -> String { path + ".bak" }

  // MARK: Encoding

  /// Pretty-printed JSON with sorted keys, exact ISO 8601 dates and a trailing newline.
  /// (Declared `throws` so a future field that can fail to encode needs no API change.)
  public static func encode(_ s: Session) throws(SessionStoreError) -> Data {
    SessionJSONWriter.encode(s)
  }

  /// `JSONEncoder` set to write what `SessionJSONWriter` writes (`StoreTests` compares them),
  /// for the workshop's state file: pretty, sorted keys, exact ISO 8601 dates.
  static func makeEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(SessionDates.format(date))
    }
    return encoder
  }

  static func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = SessionDates.parse(text) else {
        throw DecodingError.dataCorruptedError(
          in: container,
          debugDescription: "'\(shortened(text))' is not a date; write it like 2026-11-29T01:52:15Z"
        )
      }
      return date
    }
    return decoder
  }

  /// A value quoted back in a message: never more than `limit` characters of it.
  package static func shortened(_ text: String, limit: Int = 40) -> String {
    text.count > limit ? String(text.prefix(limit)) + "…" : text
  }

  // MARK: Decoding

  public static func decode(_ data: Data, file: String) throws(SessionStoreError) -> Session {
    try decode(data, file: file, backupExists: true)
  }

  /// Advice for a damaged file: fix it where it is, or go back to the last good copy if there
  /// is one (never suggest restoring a backup that does not exist).
  static func repairAdvice(_ fixHere: String?, file: String, backupExists: Bool) -> String {
    let backup = backupPath(for: file)
    guard backupExists else {
      return (fixHere.map { $0 + "; " } ?? "") + "there is no last good copy (\(backup))"
    }
    return (fixHere.map { $0 + ", or " } ?? "") + "restore \(backup) (the last good copy)"
  }

  static func decode(_ data: Data, file: String, backupExists: Bool) throws(SessionStoreError)
    -> Session
  {
    let outcome: JSONScanner.Outcome
    switch JSONScanner.scan(data) {
    case .success(let o): outcome = o
    case .failure(let f):
      let (line, column) = JSONScanner.lineAndColumn(of: f.offset, in: data)
      if f.atEnd {
        throw SessionStoreError(
          kind: .truncated, file: file, line: line, column: column,
          message: "the session file is cut short: \(f.message)",
          fix: repairAdvice(
            backupExists ? nil : "complete the JSON by hand", file: file,
            backupExists: backupExists))
      }
      throw SessionStoreError(
        kind: .notJSON, file: file, line: line, column: column,
        message: "not valid JSON: \(f.message)",
        fix: repairAdvice(
          "correct the JSON at this point", file: file, backupExists: backupExists))
    }

    guard outcome.rootKind == .object else {
      throw SessionStoreError(
        kind: .foreign, file: file, line: 1, column: 1,
        message: "not a casebench session: the file holds \(outcome.rootKind.noun), not an object",
        fix: "open a session file made by `casebench new`")
    }
    guard let version = outcome.members["schema_version"],
      outcome.members["case_study_id"] != nil
    else {
      throw SessionStoreError(
        kind: .foreign, file: file, line: 1, column: 1,
        message: "not a casebench session: it has no "
          + (outcome.members["schema_version"] == nil ? "schema_version" : "case_study_id"),
        fix: "open a session file made by `casebench new`")
    }
    let (vLine, vColumn) = JSONScanner.lineAndColumn(of: version.offset, in: data)
    guard let number = version.number, let schema = Int(number), schema >= 1 else {
      throw SessionStoreError(
        kind: .invalid, file: file, line: vLine, column: vColumn,
        message: "schema_version should be a whole number from 1 up",
        fix: "set \"schema_version\" to \(Session.currentSchemaVersion)")
    }
    guard schema <= Session.currentSchemaVersion else {
      throw SessionStoreError(
        kind: .wrongSchema, file: file, line: vLine, column: vColumn,
        message: "the session has schema_version \(schema), but this casebench reads only up to "
          + "\(Session.currentSchemaVersion)",
        fix: "open it with a newer casebench")
    }

    let session: Session
    do {
      session = try makeDecoder().decode(Session.self, from: data)
    } catch let error as DecodingError {
      throw invalid(error, data: data, file: file, backupExists: backupExists)
    } catch {
      throw SessionStoreError(
        kind: .invalid, file: file, message: "could not read the session: \(error)",
        fix: repairAdvice(nil, file: file, backupExists: backupExists))
    }

    if session.caseStudyID.trimming(.whitespacesAndNewlines).isEmpty {
      let at = outcome.members["case_study_id"].map {
        JSONScanner.lineAndColumn(of: $0.offset, in: data)
      }
      throw SessionStoreError(
        kind: .invalid, file: file, line: at?.line ?? 0, column: at?.column ?? 0,
        message: "case_study_id is empty", fix: "set it to the id of the case study, e.g. bike-shop"
      )
    }
    return session
  }

  // MARK: Files

  public static func load(from url: URL) throws(SessionStoreError) -> Session {
    try load(from: url, inWorkshop: false)
  }

  /// `inWorkshop`: the file is in a folder other accounts may write to, so a link is refused
  /// rather than followed, and nothing over `WorkshopFolder.maximumTeamFileSize` is read.
  public static func load(from url: URL, inWorkshop: Bool) throws(SessionStoreError) -> Session {
    let path = url.path
    let before = POSIX.stamp(path)
    let data =
      inWorkshop
      ? try read(path, limit: WorkshopFolder.maximumTeamFileSize, followLinks: false)
      : try read(path)
    let session = try decode(
      data, file: path, backupExists: POSIX.isTrustedSideFile(backupPath(for: path), of: path))
    // Known good: the first save after loading need not read and check the file again.
    if let before, POSIX.stamp(path) == before {
      WrittenFiles.shared.record(before, at: url.resolvingSymlinksInPath().path)
    }
    return session
  }

  static func read(_ path: String, limit: Int = maximumFileSize, followLinks: Bool = true)
    throws(SessionStoreError) -> Data
  {
    switch POSIX.readAll(path, limit: limit, followLinks: followLinks) {
    case .success(let data): return data
    case .failure(let error):
      let code = error.code
      let message: String
      let fix: String
      switch code {
      case ENOENT:
        message = "no such session file"
        fix = "check the path; `casebench list` shows saved sessions"
      case EACCES, EPERM:
        message = "permission denied"
        fix = "check the file's owner and permissions with ls -l"
      case EISDIR:
        message = "this is a folder, not a session file"
        fix = "name a .json session file inside it"
      case EFBIG:
        message = "the file is larger than \(limit >> 20) MiB; it is not read"
        fix = "open a session file made by `casebench new`"
      case ELOOP:
        message = "a symbolic link; links are not followed here"
        fix = "remove the link; a team's file must be the team's own"
      case ENODEV:
        message = "not a regular file (a pipe, socket or device); it is not read"
        fix = "remove it; only session files belong here"
      default:
        message = "cannot read the file: \(POSIX.errorText(code))"
        fix = "check the disk and the file's permissions"
      }
      throw SessionStoreError(kind: .unreadable, file: path, message: message, fix: fix)
    }
  }

  public static func save(_ s: Session, to url: URL) throws(SessionStoreError) {
    let target = url.resolvingSymlinksInPath().path
    let (directory, name) = POSIX.split(target)
    func failed(_ what: String, _ code: Int32) -> SessionStoreError {
      SessionStoreError(
        kind: .writeFailed, file: target, message: "\(what): \(POSIX.errorText(code))",
        fix: code == ENOSPC || code == EDQUOT
          ? "free some disk space and save again" : "check the folder's permissions and the disk")
    }

    try ensureDirectory(directory)
    let data = try encode(s)

    // The file we replace must be a session we can read: anything else is the user's evidence.
    var previous: Data?
    var previousIsGood = false
    if POSIX.exists(target) {
      if let stamp = POSIX.stamp(target), WrittenFiles.shared.wrote(stamp, at: target) {
        previousIsGood = true
      } else {
        do {
          let bytes = try read(target)
          _ = try decode(bytes, file: target)
          previous = bytes
          previousIsGood = true
        } catch {
          var refusal = error
          refusal.message += "; the file was left as it is, not overwritten"
          if refusal.kind != .unreadable {
            refusal.fix =
              "move it aside (it may hold work) or restore \(target).bak, then save again"
          }
          throw refusal
        }
      }
    }

    // FILE.tmp-RANDOM, created exclusively: nobody can guess it and plant a file there, and
    // two threads saving at once never share one.
    let temporary = POSIX.temporaryName(for: target)
    // A save keeps the file's permission bits (a workshop folder shares files with a group).
    if let code = POSIX.writeNewFile(temporary, data, mode: POSIX.permissions(target) ?? 0o600) {
      throw failed("could not write a temporary copy (\(POSIX.split(temporary).name))", code)
    }

    // Keep the copy being replaced as FILE.bak: a hard link where the file system allows one.
    if previousIsGood {
      let backup = backupPath(for: target)
      let backupTemporary = POSIX.temporaryName(for: backup)
      var staged = POSIX.hardLink(target, backupTemporary) == nil
      if !staged {
        if previous == nil, case .success(let bytes) = POSIX.readAll(target, limit: maximumFileSize)
        {
          previous = bytes
        }
        if let previous { staged = POSIX.writeNewFile(backupTemporary, previous) == nil }
      }
      // A backup that cannot be made does not stop the save: the older FILE.bak stays.
      if staged { _ = POSIX.renameFile(backupTemporary, backup) }
      // rename() does nothing when both names are links to one file (FILE.bak already is this
      // copy), so the staged name may remain: remove it either way.
      POSIX.remove(backupTemporary)
    }

    if let code = POSIX.renameFile(temporary, target) {
      POSIX.remove(temporary)
      throw failed("could not replace \(name)", code)
    }
    _ = POSIX.syncDirectory(directory)
    if let stamp = POSIX.stamp(target) { WrittenFiles.shared.record(stamp, at: target) }
  }

  private static func ensureDirectory(_ path: String) throws(SessionStoreError) {
    if let isDirectory = POSIX.isDirectory(path) {
      guard isDirectory else {
        throw SessionStoreError(
          kind: .writeFailed, file: path, message: "this is a file, not a folder",
          fix: "choose a session path inside a folder")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw SessionStoreError(
        kind: .writeFailed, file: path, message: "could not create the folder",
        fix: "check the permissions of the folder above it")
    }
  }
}

/// The files this process wrote, by path and stamp, so a save need not re-read and re-validate
/// the file it wrote itself a moment ago. Any change by anyone else changes the stamp.
private final class WrittenFiles: @unchecked Sendable {
  static let shared = WrittenFiles()
  private let lock = POSIXLock()
  private var stamps: [String: POSIX.FileStamp] = [:]
  func wrote(_ stamp: POSIX.FileStamp, at path: String) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return stamps[path] == stamp
  }

  func record(_ stamp: POSIX.FileStamp, at path: String) {
    lock.lock()
    defer { lock.unlock() }
    stamps[path] = stamp
  }
}
