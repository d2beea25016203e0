/// Authored prose from YAML block scalars, reflowed the way Markdown reads it: line breaks
/// inside a paragraph are spaces, a blank line starts a new paragraph, and a line that starts
/// with a list marker (`- `, `* `, `• `, `1. `, `1) `) starts a new line. Screens and reports
/// then wrap the text to whatever width they have.
public enum Prose {
  public static func reflow(_ text: String) -> String {
    guard text.contains(where: \.isNewline) else { return text }
    var out = ""
    var inParagraph = false
    for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      let line = raw.trimming(.whitespaces)
      if line.isEmpty {
        if inParagraph { out += "\n\n" }
        inParagraph = false
        continue
      }
      if inParagraph {
        out += isListLine(line) ? "\n" : " "
      }
      out += line
      inParagraph = true
    }
    while out.last?.isNewline == true { out.removeLast() }
    return out
  }

  static func isListLine(_ line: String) -> Bool {
    if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ") { return true }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 3 else { return false }
    let rest = line.dropFirst(digits.count)
    return rest.hasPrefix(". ") || rest.hasPrefix(") ")
  }
}
