/// Authored prose from YAML block scalars, reflowed the way Markdown reads it: line breaks
/// inside a paragraph are spaces, a blank line starts a new paragraph, and a line that starts
/// with a list marker (`- `, `* `, `• `, `1. `, `1) `) starts a new line and keeps its
/// indentation, which nests it (see `RichText`). Screens and reports then wrap the text to
/// whatever width they have.
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
      let listLine = isListLine(line)
      if inParagraph {
        out += listLine ? "\n" : " "
      }
      if listLine { out += raw.prefix { $0 == " " || $0 == "\t" } }
      out += line
      inParagraph = true
    }
    while out.last?.isNewline == true { out.removeLast() }
    return out
  }

  static func isListLine(_ line: String) -> Bool { RichText.listMarker(line) != nil }
}
