import Foundation
import Testing

/// Compares `actual` with `Golden/NAME.txt`. A missing file is written (and fails under CI);
/// `UPDATE_GOLDEN=1` rewrites it.
func assertGolden(
  _ actual: String, _ name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")
  let url = dir.appendingPathComponent("\(name).txt")
  let env = ProcessInfo.processInfo.environment
  let existing = try? String(contentsOf: url, encoding: .utf8)
  if existing == nil || env["UPDATE_GOLDEN"] == "1" {
    do {
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("could not write golden \(url.path): \(error)", sourceLocation: sourceLocation)
    }
    if existing == nil, env["CI"] == "true" {
      Issue.record(
        "golden file \(name).txt was missing; run the tests locally to create it and commit it",
        sourceLocation: sourceLocation)
    } else {
      print("note: wrote golden file \(url.path); check it and commit it")
    }
    return
  }
  guard let expected = existing, expected != actual else { return }
  Issue.record(
    "golden \(name).txt differs (UPDATE_GOLDEN=1 rewrites it):\n\(diff(expected, actual))",
    sourceLocation: sourceLocation)
}

/// A line-by-line diff: `-` expected, `+` actual.
func diff(_ expected: String, _ actual: String) -> String {
  let e = expected.components(separatedBy: "\n")
  let a = actual.components(separatedBy: "\n")
  var out: [String] = []
  for i in 0..<max(e.count, a.count) {
    let l = i < e.count ? e[i] : nil
    let r = i < a.count ? a[i] : nil
    if l != r {
      if let l { out.append(String(format: "%3d - %@", i + 1, l)) }
      if let r { out.append(String(format: "%3d + %@", i + 1, r)) }
    }
  }
  return out.joined(separator: "\n")
}
