import CaseBenchModel
import CaseBenchStore

/// RichText as GitHub-flavoured Markdown: every piece of text escaped, links as autolinks
/// (`<https://…>`, taken literally, so an `&` in a link stays an `&`), lists with their nesting.
extension RichText {
  /// Markdown lines; blocks are separated by one empty line, and none ends the output.
  public var markdown: [String] {
    var out: [String] = []
    for block in blocks {
      if !out.isEmpty { out.append("") }
      switch block {
      case .paragraph(let lines): out += RichText.markdownLines(lines, indent: "")
      case .list(let list): out += RichText.markdown(list, indent: "")
      }
    }
    return out
  }

  /// The text after a label on one line ("- **Rationale:** …" or "*Goal:* …"): the first line
  /// joins the label, the rest follow indented by `indent` (the content column of a list item).
  public func markdown(after label: String, indent: String) -> [String] {
    var lines = markdown
    guard let first = lines.first else { return [label.trimming(.whitespaces)] }
    let startsWithList: Bool
    if case .list = blocks.first { startsWithList = true } else { startsWithList = false }
    lines = lines.map { $0.isEmpty ? "" : indent + $0 }
    if startsWithList {
      return [label.trimming(.whitespaces)] + lines
    }
    lines[0] = label + first
    return lines
  }

  /// The paragraph's lines, escaped; a trailing backslash keeps each line break.
  private static func markdownLines(_ lines: [String], indent: String) -> [String] {
    lines.enumerated().map { index, line in
      let body = MarkdownReport.escapeBlockStart(MarkdownReport.inline(line))
      return (index == 0 ? "" : indent) + body + (index + 1 < lines.count ? "\\" : "")
    }
  }

  private static func markdown(_ list: List, indent: String) -> [String] {
    var out: [String] = []
    for item in list.items {
      let marker = list.ordered ? item.marker : "-"
      let inner = indent + String(repeating: " ", count: marker.count + 1)
      var text = markdownLines(item.lines, indent: inner)
      if !text.isEmpty { text[0] = indent + marker + " " + text[0] }
      out += text
      for sublist in item.sublists { out += markdown(sublist, indent: inner) }
    }
    return out
  }
}
