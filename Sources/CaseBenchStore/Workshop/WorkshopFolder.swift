import CaseBenchLoading
import CaseBenchModel
import Dispatch
import Synchronization

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

/// Why a file in a workshop folder is not counted as a team's session.
public enum WorkshopSkip: Sendable, Equatable {
  /// The JSON stops short: a copy still being written or synced.
  case halfWritten
  /// The file could not be opened or read (permissions, a folder, too large).
  case unreadable
  /// A session, but for another case study than the workshop's.
  case otherCaseStudy(String)
  /// A sync tool's copy of a file two machines changed at once.
  case conflictedCopy
  /// Not a casebench session at all (another file, or JSON of another kind).
  case notASession
  /// A symbolic link: never followed in a workshop folder, so nobody can redirect a team.
  case link
  /// A pipe, socket or device: never opened, so nothing can block a reader.
  case notAFile

  /// A few words for the dashboard's marked row.
  public var label: String {
    switch self {
    case .halfWritten: "half-written"
    case .unreadable: "unreadable"
    case .otherCaseStudy(let id): "another case study (\(id))"
    case .conflictedCopy: "conflicted copy"
    case .notASession: "not a session"
    case .link: "a link, not followed"
    case .notAFile: "not a regular file"
    }
  }
}

/// One file in a workshop folder: a team's session, or a marked row saying why it is not one.
public struct WorkshopRow: Sendable, Equatable {
  public var fileName: String
  public var url: URL
  public var team: TeamSummary?
  public var skip: WorkshopSkip?
  /// The full reason for a skipped file, in the one diagnostic line format.
  public var reason: String?
  /// A team's file that accounts other than the team's and the facilitator's can read.
  public var readableByOthers = false

  /// The name to show: the team's, or the file's for a skipped file.
  public var title: String { team?.team ?? fileName }
}

/// A workshop folder read for the dashboard and the report: one row per file. Reading never
/// writes anything, and a bad file is a marked row, never a failure. `refresh()` re-reads only
/// the files whose size or modification time changed since the last read.
public struct WorkshopFolder: Sendable {
  /// The facilitator's state file in the folder.
  public static let stateFileName = ".casebench-workshop.json"
  /// A team's file larger than this is a marked row, not read: a session of a day's work is a
  /// few hundred kilobytes.
  public static let maximumTeamFileSize = 16 << 20
  /// However still the folder looks, it is listed again at least this often (seconds).
  static let fullRescanInterval: Int64 = 30

  public let url: URL
  public let caseStudy: CaseStudy
  public private(set) var rows: [WorkshopRow] = []
  /// How many files the last refresh read (the rest were unchanged).
  public private(set) var lastReadCount = 0
  /// Set when the folder itself could not be listed.
  public private(set) var folderError: String?
  private var stamps: [String: FileStamp] = [:]
  /// The folder's own stamp at the last listing, and when that listing was (nanoseconds).
  private var folderStamp: FileStamp?
  private var listedAt: Int64 = 0
  private let phases: PhaseIndex

  public init(url: URL, caseStudy: CaseStudy) {
    self.url = url
    self.caseStudy = caseStudy
    self.phases = PhaseIndex(caseStudy)
  }

  /// Reads a folder at once.
  public static func read(_ url: URL, caseStudy: CaseStudy) -> WorkshopFolder {
    var folder = WorkshopFolder(url: url, caseStudy: caseStudy)
    folder.refresh()
    return folder
  }

  /// The teams' sessions, in file-name order.
  public var teams: [TeamSummary] { rows.compactMap(\.team) }

  /// The rows for files that are not counted.
  public var skipped: [WorkshopRow] { rows.filter { $0.team == nil } }

  /// Said when other accounts can read some team's work (the folder was not set up with
  /// `casebench workshop DIR --init`, or a team joined before it was); nil when none can.
  public var privacyWarning: String? {
    let exposed = rows.filter(\.readableByOthers)
    guard let first = exposed.first else { return nil }
    return DiagnosticLine.format(
      file: first.url.path, severity: .warning,
      message: "\(counted(exposed.count, "team file")) can be read by other "
        + "accounts in the folder's group",
      fix: "run `casebench workshop DIR --init` as the folder's owner before teams join")
  }

  /// Lists the folder again and re-reads new and changed files. Returns whether any row
  /// changed (a file appeared, went away or changed).
  @discardableResult
  public mutating func refresh() -> Bool {
    refresh(now: Date())
  }

  /// Saves replace a file by renaming, which changes the folder; so while the folder is
  /// unchanged it is not listed again (20,000 stray files cost nothing when idle), and only the
  /// teams' own files are checked. A folder changed in the last two seconds (a change in the
  /// same clock tick as the last listing keeps its stamp) is listed again, and every folder
  /// at least every 30 seconds.
  @discardableResult
  mutating func refresh(now: Date) -> Bool {
    lastReadCount = 0
    let nowNanos = Int64(now.timeIntervalSince1970 * 1e9)
    let dirStamp = FileStamp(url.path)
    if let dirStamp, dirStamp == folderStamp, folderError == nil,
      nowNanos - dirStamp.modified > 2_000_000_000,
      nowNanos - listedAt < Self.fullRescanInterval * 1_000_000_000
    {
      return refreshKnown()
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: url.path)
      folderError = nil
      folderStamp = dirStamp
      listedAt = nowNanos
    } catch {
      let had = !rows.isEmpty || folderError == nil
      folderError = DiagnosticLine.format(
        file: url.path, message: "cannot list the workshop folder",
        fix: "check that it exists and that you may read it")
      rows = []
      stamps = [:]
      folderStamp = nil
      return had
    }
    return merge(names.sorted()) { _ in true }
  }

  /// The folder is as it was: re-reads the teams' files (and half-written ones) that changed.
  private mutating func refreshKnown() -> Bool {
    merge(rows.map(\.fileName)) { row in row.team != nil || row.skip == .halfWritten }
  }

  /// Builds the rows for `names`, re-reading new files and those `recheck` picks whose stamp
  /// changed; the rest keep their rows.
  private mutating func merge(_ names: [String], recheck: (WorkshopRow) -> Bool) -> Bool {
    var byName: [String: WorkshopRow] = [:]
    for row in rows { byName[row.fileName] = row }
    var next: [WorkshopRow?] = []
    var toRead: [(index: Int, name: String, url: URL)] = []
    var nextStamps: [String: FileStamp] = [:]
    for name in names where WorkshopFolder.isCandidate(name) {
      let fileURL = url.appendingPathComponent(name, isDirectory: false)
      if let old = byName[name], !recheck(old) {
        if let stamp = stamps[name] { nextStamps[name] = stamp }
        next.append(old)
        continue
      }
      let stamp = FileStamp(fileURL.path)
      if let stamp { nextStamps[name] = stamp }
      if let old = byName[name], let stamp, stamps[name] == stamp {
        next.append(old)
        continue
      }
      toRead.append((next.count, name, fileURL))
      next.append(nil)
    }
    lastReadCount = toRead.count
    let read = WorkshopFolder.readRows(toRead.map { ($0.name, $0.url) }, caseStudy, phases)
    for (slot, row) in zip(toRead, read) { next[slot.index] = row }
    let changed = !toRead.isEmpty || next.count != rows.count
    rows = next.compactMap { $0 }
    stamps = nextStamps
    return changed
  }

  /// The files a workshop folder shows: everything but hidden files (the facilitator's state
  /// file among them) and the store's own side files (locks, backups, temporary copies).
  static func isCandidate(_ name: String) -> Bool {
    if name.hasPrefix(".") { return false }
    if name.hasSuffix(".lock") || name.hasSuffix(".bak") { return false }
    if name.contains(".tmp-") { return false }
    return true
  }

  /// The names sync tools give a copy of a file changed in two places at once: Dropbox and
  /// Nextcloud ("conflicted copy"), Syncthing (".sync-conflict-"), ownCloud ("_conflict-").
  public static func isConflictedCopy(_ name: String) -> Bool {
    let lower = name.lowercased()
    return lower.contains("conflicted copy") || lower.contains(".sync-conflict-")
      || lower.contains("_conflict-") || lower.contains("(conflict")
  }

  /// Reads files into rows, in order; many at once on every core (each file is parsed on its
  /// own, so a folder of 200 teams loads in the time of 200 / cores).
  static func readRows(
    _ files: [(name: String, url: URL)], _ caseStudy: CaseStudy, _ phases: PhaseIndex
  )
    -> [WorkshopRow]
  {
    guard files.count >= 8 else {
      return files.map { readRow(name: $0.name, url: $0.url, caseStudy: caseStudy, phases: phases) }
    }
    let results = RowSlots(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      results.set(
        i, readRow(name: files[i].name, url: files[i].url, caseStudy: caseStudy, phases: phases))
    }
    return results.rows
  }

  static func readRow(
    name: String, url: URL, caseStudy: CaseStudy, phases: PhaseIndex? = nil
  ) -> WorkshopRow {
    var row = WorkshopRow(fileName: name, url: url)
    func skip(_ why: WorkshopSkip, _ reason: String) -> WorkshopRow {
      row.skip = why
      row.reason = reason
      return row
    }
    if isConflictedCopy(name) {
      return skip(
        .conflictedCopy,
        DiagnosticLine.format(
          file: url.path, message: "a sync tool's conflicted copy; it is not counted",
          fix: "compare it with the team's own file, keep what matters there, then delete it"))
    }
    let entry = POSIX.entry(url.path)
    if entry?.isLink == true {
      return skip(
        .link,
        DiagnosticLine.format(
          file: url.path, message: "a symbolic link; links are not followed in a workshop folder",
          fix: "remove it; each team's file is the team's own"))
    }
    if let entry, !entry.isRegular, !entry.isDirectory {
      return skip(
        .notAFile,
        DiagnosticLine.format(
          file: url.path, message: "not a regular file (a pipe, socket or device); it is not read",
          fix: "remove it; only the teams' session files belong in the workshop folder"))
    }
    if POSIX.isDirectory(url.path) == true {
      return skip(
        .notASession,
        DiagnosticLine.format(
          file: url.path, message: "a folder, not a session",
          fix: "keep only the teams' session files in the workshop folder"))
    }
    if !name.hasSuffix(".json") {
      return skip(
        .notASession,
        DiagnosticLine.format(
          file: url.path, message: "not a session file (sessions end in .json)",
          fix: "move it out of the workshop folder"))
    }
    let session: Session
    do {
      session = try SessionStore.load(from: url, inWorkshop: true)
    } catch {
      switch error.kind {
      case .truncated: return skip(.halfWritten, error.description)
      case .unreadable: return skip(.unreadable, error.description)
      default: return skip(.notASession, error.description)
      }
    }
    guard session.caseStudyID == caseStudy.id else {
      return skip(
        .otherCaseStudy(session.caseStudyID),
        DiagnosticLine.format(
          file: url.path,
          message:
            "a session for case study '\(session.caseStudyID)', not '\(caseStudy.id)'",
          fix: "run a separate workshop folder for each case study"))
    }
    row.team = TeamSummary(
      session: session, caseStudy: caseStudy, phases: phases ?? PhaseIndex(caseStudy))
    row.readableByOthers = WorkshopJoin.exposed(url, url.deletingLastPathComponent())
    return row
  }
}

/// The rows read at once, each into its own slot, under a lock.
private final class RowSlots: Sendable {
  private let slots: Mutex<[WorkshopRow?]>

  init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

  func set(_ index: Int, _ row: sending WorkshopRow) {
    slots.withLock { $0[index] = row }
  }

  var rows: [WorkshopRow] {
    slots.withLock { $0.compactMap { $0 } }
  }
}
