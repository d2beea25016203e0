#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The one way casebench words a problem: a single line in compiler style,
///
///     FILE:LINE:COLUMN: error: MESSAGE (fix: FIX)
///
/// or `FILE: error: MESSAGE (fix: FIX)` when there is no position (line 0), so no message ever
/// shows a made-up `FILE:0:0:`. Case-study diagnostics, session-file errors and the command
/// line's own messages all go through `format`.
public enum DiagnosticLine {
  public static func format(
    file: String, line: Int = 0, column: Int = 0, severity: Diagnostic.Severity = .error,
    message: String, fix: String? = nil
  ) -> String {
    let name = oneLine(file)
    let position = line > 0 ? "\(name):\(line):\(max(column, 1))" : name
    var text = "\(position): \(severity.rawValue): \(oneLine(message))"
    if let fix, !fix.isEmpty { text += " (fix: \(oneLine(fix)))" }
    return text
  }

  /// Control characters and invisible format characters such as bidirectional overrides
  /// (from a file name, an author's text or a quoted value) shown as escapes (`\u{1b}`,
  /// `\u{202e}`), so a message never spans lines, moves the terminal's cursor or reorders
  /// what it shows.
  package static func oneLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if needsEscape(scalar) {
          result += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// A control character, or a format character other than the joiners and tags that build
  /// emoji (U+200D, U+E0020 to U+E007F).
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    // ASCII without Unicode's tables: its controls are 0–31 and DEL, and it has no format
    // characters (lint scans every scalar of a case study through here).
    if scalar.value < 0x80 { return scalar.value < 0x20 || scalar.value == 0x7F }
    return switch scalar.properties.generalCategory {
    case .control: true
    case .format: scalar != "\u{200D}" && !(0xE0020...0xE007F).contains(scalar.value)
    default: false
    }
  }
}
