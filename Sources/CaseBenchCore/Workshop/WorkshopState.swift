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

/// A message from the facilitator to every team in the folder.
public struct Announcement: Sendable, Equatable, Codable {
  /// 1, 2, 3…: a participant shows each id once.
  public var id: Int
  public var at: Date
  public var text: String

  public init(id: Int, at: Date, text: String) {
    self.id = id
    self.at = at
    self.text = text
  }
}

/// A phase the facilitator opened, and when.
public struct PhaseRelease: Sendable, Equatable, Codable {
  public var phase: String
  public var at: Date

  public init(phase: String, at: Date) {
    self.phase = phase
    self.at = at
  }
}

/// The facilitator's state for a workshop folder, kept in `DIR/.casebench-workshop.json`:
/// announcements, pacing and the phases released so far. Participants only read it.
public struct WorkshopState: Sendable, Equatable, Codable {
  public static let currentFormatVersion = 1

  public var formatVersion: Int
  /// With pacing on, only released phases are open for work.
  public var pacing: Bool
  public var released: [PhaseRelease]
  public var announcements: [Announcement]
  /// The decisions the facilitator has revealed, and when (see `DecisionReveal`).
  public var reveals: [DecisionReveal]
  /// The room's clock for the phase being run, once the facilitator starts it.
  public var clock: RoomClock?

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case pacing, released, announcements, reveals, clock
  }

  public init(
    pacing: Bool = false, released: [PhaseRelease] = [], announcements: [Announcement] = [],
    reveals: [DecisionReveal] = []
  ) {
    self.formatVersion = WorkshopState.currentFormatVersion
    self.pacing = pacing
    self.released = released
    self.announcements = announcements
    self.reveals = reveals
  }

  /// Files written before reveals existed have none.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    formatVersion = try c.decode(Int.self, forKey: .formatVersion)
    pacing = try c.decode(Bool.self, forKey: .pacing)
    released = try c.decode([PhaseRelease].self, forKey: .released)
    announcements = try c.decode([Announcement].self, forKey: .announcements)
    reveals = try c.decodeIfPresent([DecisionReveal].self, forKey: .reveals) ?? []
    clock = try c.decodeIfPresent(RoomClock.self, forKey: .clock)
  }

  /// Adds an announcement with the next id and returns it.
  @discardableResult
  public mutating func announce(_ text: String, at now: Date) -> Announcement {
    let a = Announcement(id: (announcements.map(\.id).max() ?? 0) + 1, at: now, text: text)
    announcements.append(a)
    return a
  }

  /// Releases a phase (once; releasing it again keeps the first time).
  public mutating func release(_ phaseID: String, at now: Date) {
    guard !released.contains(where: { $0.phase == phaseID }) else { return }
    released.append(PhaseRelease(phase: phaseID, at: now))
  }

  /// When a phase was released, if it was.
  public func releaseTime(of phaseID: String) -> Date? {
    released.first { $0.phase == phaseID }?.at
  }

  /// Whether a phase is open for work: always without pacing; with pacing, when it or a later
  /// phase was released (releasing phase 3 opens 1 and 2 too).
  public func isOpen(phaseIndex: Int, in caseStudy: CaseStudy) -> Bool {
    guard pacing else { return true }
    let ids = Set(released.map(\.phase))
    return caseStudy.phases.indices.contains {
      $0 >= phaseIndex && ids.contains(caseStudy.phases[$0].id)
    }
  }

  /// When the timebox of a phase starts for a team: with pacing, at the phase's release; else
  /// when the team entered it.
  public func timeboxStart(phaseID: String, entered: Date?) -> Date? {
    if pacing, let released = releaseTime(of: phaseID) { return released }
    return entered
  }
}

/// Why the facilitator's state file could not be read or written.
public struct WorkshopStateError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var message: String
  public var fix: String

  public var description: String {
    DiagnosticLine.format(file: file, message: message, fix: fix)
  }
}

/// Reading and writing `DIR/.casebench-workshop.json`. Writes go through the store's helpers
/// (a temporary file, fsync, rename, then the folder synced), under a lock, so a dashboard and
/// a script changing it at once never lose each other's change, and a reader never sees half.
public enum WorkshopStateFile {
  public static func url(in folder: URL) -> URL {
    folder.appendingPathComponent(WorkshopFolder.stateFileName, isDirectory: false)
  }

  /// Reads the state; a missing file is the empty state.
  public static func read(in folder: URL) throws(WorkshopStateError) -> WorkshopState {
    let path = url(in: folder).path
    let data: Data
    switch POSIX.readAll(path, limit: 16 << 20) {
    case .success(let bytes): data = bytes
    case .failure(let error):
      if error.code == ENOENT { return WorkshopState() }
      throw WorkshopStateError(
        file: path, message: "cannot read the facilitator's file: \(POSIX.errorText(error.code))",
        fix: "check the folder's permissions")
    }
    let state: WorkshopState
    do {
      state = try SessionStore.makeDecoder().decode(WorkshopState.self, from: data)
    } catch {
      throw WorkshopStateError(
        file: path, message: "the facilitator's file is not valid",
        fix: "move it aside; `casebench workshop DIR --announce` starts a new one")
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

  /// Reads the state, applies `change` and writes it back, holding the file's lock throughout.
  /// Waits up to two seconds for another writer to finish.
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
    var state = try read(in: folder)
    change(&state)
    try write(state, in: folder)
    return state
  }

  /// Writes the state atomically; readable by everyone who may read the folder.
  static func write(_ state: WorkshopState, in folder: URL) throws(WorkshopStateError) {
    let target = url(in: folder).path
    func failed(_ code: Int32) -> WorkshopStateError {
      WorkshopStateError(
        file: target, message: "cannot write the facilitator's file: \(POSIX.errorText(code))",
        fix: "check that you may write to the folder")
    }
    guard var data = try? SessionStore.makeEncoder().encode(state) else {
      throw WorkshopStateError(
        file: target, message: "cannot encode the facilitator's state", fix: "report this bug")
    }
    data.append(UInt8(ascii: "\n"))
    let temporary = target + ".tmp-\(POSIX.processID)"
    if let code = POSIX.writeNewFile(temporary, data, mode: 0o644) { throw failed(code) }
    if let code = POSIX.renameFile(temporary, target) {
      POSIX.remove(temporary)
      throw failed(code)
    }
    _ = POSIX.syncDirectory(POSIX.split(target).directory)
  }
}
