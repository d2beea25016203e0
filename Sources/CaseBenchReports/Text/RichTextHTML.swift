import CaseBenchModel
import CaseBenchStore

/// RichText as HTML: paragraphs, lists with their nesting, `<br>` for a kept line break and
/// `<a>` for links; every piece of text escaped.
extension RichText {
  /// Block-level HTML, one element a line.
  public var html: String {
    var out: [String] = []
    for block in blocks {
      switch block {
      case .paragraph(let lines): out.append("<p>" + RichText.htmlLines(lines) + "</p>")
      case .list(let list): out += RichText.html(list)
      }
    }
    return out.joined(separator: "\n")
  }

  /// HTML for a place that holds text inline (a table cell, a definition): one paragraph
  /// stays inline, anything more becomes blocks.
  public var htmlFlow: String {
    if isSimple, case .paragraph(let lines) = blocks.first { return RichText.htmlLines(lines) }
    return html
  }

  /// One line with its links.
  public static func htmlInline(_ line: String) -> String {
    var out = ""
    for span in spans(line) {
      switch span {
      case .text(let text): out += HTMLReport.escape(text)
      case .url(let url):
        let link = HTMLReport.escape(url)
        out += "<a href=\"\(link)\">\(link)</a>"
      }
    }
    return out
  }

  private static func htmlLines(_ lines: [String]) -> String {
    lines.map(htmlInline).joined(separator: "<br>")
  }

  private static func html(_ list: List) -> [String] {
    var out: [String] = []
    if list.ordered {
      let start = list.items.first?.number ?? 1
      out.append(start == 1 ? "<ol>" : "<ol start=\"\(start)\">")
    } else {
      out.append("<ul>")
    }
    for item in list.items {
      let text = "<li>" + htmlLines(item.lines)
      if item.sublists.isEmpty {
        out.append(text + "</li>")
      } else {
        out.append(text)
        for sublist in item.sublists { out += html(sublist) }
        out.append("</li>")
      }
    }
    out.append(list.ordered ? "</ol>" : "</ul>")
    return out
  }
}
