import CaseBenchLoading
import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One saved session as the start screen and `casebench list` show it. A file that cannot be
/// read is still listed, with the reason in `error`.
public struct SessionSummary: Sendable, Equatable {
  public var url: URL
  public var participant: String
  public var caseStudyID: String
  public var updated: Date?
  public var error: String?
  /// Own-project sessions are marked where sessions are listed.
  public var mode: SessionMode

  public init(
    url: URL, participant: String, caseStudyID: String, updated: Date?, error: String? = nil,
    mode: SessionMode = .caseStudy
  ) {
    self.url = url
    self.participant = participant
    self.caseStudyID = caseStudyID
    self.updated = updated
    self.error = error
    self.mode = mode
  }
}

/// Where sessions live by default, what is there, and what to call a new one.
public enum SessionDirectory {
  /// `$XDG_DATA_HOME/casebench/sessions`, else `~/.local/share/casebench/sessions`.
  /// A relative `XDG_DATA_HOME` is ignored, as the XDG spec asks.
  public static func defaultURL(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      return URL(fileURLWithPath: data, isDirectory: true)
        .appendingPathComponent("casebench", isDirectory: true)
        .appendingPathComponent("sessions", isDirectory: true)
    }
    let home: URL
    if let value = environment["HOME"], !value.isEmpty {
      home = URL(fileURLWithPath: value, isDirectory: true)
    } else {
      home = FileManager.default.homeDirectoryForCurrentUser
    }
    return home.appendingPathComponent(".local/share/casebench/sessions", isDirectory: true)
  }

  /// The `*.json` files in a folder, newest `updated` first; unreadable ones come last, each
  /// with its error. A missing folder lists nothing.
  public static func list(in dir: URL) -> [SessionSummary] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    } catch {
      return []
    }
    var summaries: [SessionSummary] = []
    for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
      let url = dir.appendingPathComponent(name, isDirectory: false)
      do {
        let session = try SessionStore.load(from: url)
        summaries.append(
          SessionSummary(
            url: url, participant: session.participant, caseStudyID: session.caseStudyID,
            updated: session.updated, mode: session.mode))
      } catch {
        summaries.append(
          SessionSummary(
            url: url, participant: "", caseStudyID: "", updated: nil, error: error.description))
      }
    }
    return summaries.sorted { a, b in
      switch (a.updated, b.updated) {
      case (let x?, let y?) where x != y: return x > y
      case (.some, nil): return true
      case (nil, .some): return false
      default: return a.url.lastPathComponent < b.url.lastPathComponent
      }
    }
  }

  /// A file name from the participant and case study, e.g. `team-a-bike-shop.json`. Given a
  /// folder, a name already taken there gets a number: `team-a-bike-shop-2.json`.
  public static func suggestedFileName(
    participant: String, caseStudyID: String, in dir: URL? = nil
  ) -> String {
    var stem = [slug(participant), slug(caseStudyID)].filter { !$0.isEmpty }.joined(separator: "-")
    if stem.isEmpty { stem = "session" }
    guard let dir else { return stem + ".json" }
    var candidate = stem + ".json"
    var number = 2
    while isTaken(candidate, in: dir) {
      candidate = "\(stem)-\(number).json"
      number += 1
    }
    return candidate
  }

  /// `suggestedFileName` in a folder, as a URL.
  public static func suggestedURL(participant: String, caseStudyID: String, in dir: URL) -> URL {
    dir.appendingPathComponent(
      suggestedFileName(participant: participant, caseStudyID: caseStudyID, in: dir),
      isDirectory: false)
  }

  private static func isTaken(_ name: String, in dir: URL) -> Bool {
    let path = dir.appendingPathComponent(name).path
    return POSIX.exists(path) || POSIX.exists(SessionLock.lockPath(for: path))
      || POSIX.exists(SessionStore.backupPath(for: path))
  }

  /// Lowercase ASCII letters and digits, runs of anything else turned into one hyphen; accents
  /// are dropped first (Café → cafe). At most 40 characters.
  static func slug(_ text: String) -> String {
    var out = ""
    var pendingHyphen = false
    for original in text.unicodeScalars {
      // Combining accents (a decomposed "é") go without a trace.
      if original.properties.generalCategory == .nonspacingMark { continue }
      let scalars = original.isASCII ? String(original) : (Folding.baseLetters(of: original) ?? "")
      guard !scalars.isEmpty else {
        pendingHyphen = true
        continue
      }
      for scalar in scalars.unicodeScalars {
        let isWordCharacter =
          scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
        if isWordCharacter {
          if pendingHyphen && !out.isEmpty { out.append("-") }
          pendingHyphen = false
          out.unicodeScalars.append(scalar)
          if out.count >= 40 { return out.lowercased() }
        } else {
          pendingHyphen = true
        }
      }
    }
    return out.lowercased()
  }
}
