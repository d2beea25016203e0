import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What a failed `open` of a damaged session adds about its last good copy.
extension SessionStore {
  /// Lines to add to a failed `open`'s error when FILE is damaged and FILE.bak loads: what the
  /// good copy holds and the command that goes back to it. Empty otherwise.
  public static func backupOffer(for path: String) -> String {
    let url = URL(fileURLWithPath: path)
    guard let good = lastGoodCopy(of: url) else { return "" }
    let backup = backupPath(for: path)
    let done = good.items.values.filter { $0.status == .done }.count
    return """

      casebench: \(backup) is the last good copy of this session (\(printable(good.participant)), \
      saved \(SessionDates.format(good.updated)), \(counted(done, "item")) done). \
      \(path) was not changed. To go back to that copy, keeping the damaged file beside it as \
      \(path).damaged, run:
        casebench open --restore-backup \(shellQuoted(path))
      """
  }

  /// Control characters shown as `?`, so a name cannot move the terminal's cursor.
  static func printable(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
  }

  /// `path` as one shell word: unchanged when it is plain, else in single quotes.
  static func shellQuoted(_ path: String) -> String {
    let plain = path.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        || "/._-+:,@%".unicodeScalars.contains($0)
    }
    if plain && !path.isEmpty { return path }
    return "'" + path.replacing("'", with: "'\\''") + "'"
  }
}
