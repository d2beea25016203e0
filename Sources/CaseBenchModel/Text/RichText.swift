/// Text that people write (an author's background, briefing or guidance, a user's note or
/// rationale), parsed once into blocks so that the workbench, the Markdown report and the HTML
/// report show the same paragraphs, lists, line breaks and links.
///
/// The rules, applied to text as the loader leaves it (see `Prose.reflow`) or as a user typed it:
/// - a blank line ends a paragraph;
/// - inside a paragraph, a line break is kept: a two-line rationale stays two lines;
/// - a line starting with `- `, `* `, `• `, `1. ` or `1) ` is a list item; its indentation (in
///   spaces, a tab counting four) nests it under the item above that is less indented;
/// - a line after a list item that is not one continues that item on a new line;
/// - `http://` and `https://` up to the next space are links, without the punctuation that ends
///   a sentence.
public struct RichText: Sendable, Equatable {
  public enum Block: Sendable, Equatable {
    /// The lines of one paragraph; a line break between them is kept.
    case paragraph([String])
    case list(List)
  }

  public struct List: Sendable, Equatable {
    public var ordered: Bool
    public var items: [Item]
  }

  public struct Item: Sendable, Equatable {
    /// The marker as the author wrote it: "-", "*", "•", "3." or "3)".
    public var marker: String
    /// The number of an ordered item.
    public var number: Int?
    /// The item's text, one entry per written line.
    public var lines: [String]
    /// Lists nested under this item.
    public var sublists: [List]
  }

  /// One block, and whether a blank line came before it in the text (screens keep that spacing;
  /// Markdown and HTML always separate blocks).
  public struct Piece: Sendable, Equatable {
    public var block: Block
    public var gapBefore: Bool
  }

  public var pieces: [Piece]

  public var blocks: [Block] { pieces.map(\.block) }

  /// The whole text is one paragraph (or nothing): it can sit inline after a label.
  public var isSimple: Bool {
    guard pieces.count <= 1 else { return false }
    if case .list = pieces.first?.block { return false }
    return true
  }

  /// A piece of one line of text: plain text or a link.
  public enum Span: Sendable, Equatable {
    case text(String)
    case url(String)
  }

  public init(_ text: String) {
    pieces = RichText.parse(text)
  }

  // MARK: Parsing

  private struct FlatItem {
    var indent: Int
    var marker: String
    var number: Int?
    var lines: [String]
  }

  private static func parse(_ text: String) -> [Piece] {
    var pieces: [Piece] = []
    var paragraph: [String] = []
    var paragraphGap = false
    var listItems: [FlatItem] = []
    var listGap = false
    var sawBlank = false

    func flushParagraph() {
      guard !paragraph.isEmpty else { return }
      pieces.append(Piece(block: .paragraph(paragraph), gapBefore: paragraphGap))
      paragraph = []
    }
    func flushList() {
      guard !listItems.isEmpty else { return }
      var index = 0
      let lists = nest(listItems, &index, indent: 0)
      for (k, list) in lists.enumerated() {
        pieces.append(Piece(block: .list(list), gapBefore: k == 0 ? listGap : false))
      }
      listItems = []
    }

    var text = text
    text.withUTF8 { bytes in
      UTF8Scan.forEachLine(bytes) { raw in
        let trimmed = UTF8Scan.trimmed(bytes, raw, .whitespaces)
        if trimmed.isEmpty {
          flushParagraph()
          sawBlank = true
          return
        }
        let content = String(decoding: UnsafeBufferPointer(rebasing: bytes[trimmed]), as: UTF8.self)
        if let marker = listMarker(content) {
          flushParagraph()
          let ordered = marker.last == "." || marker.last == ")"
          let indent = indentWidth(bytes, raw)
          // After a blank line, a numbered list after a bulleted one (or the other way round)
          // is a list of its own, with the blank line kept before it.
          if sawBlank, let first = listItems.first, let last = listItems.last,
            (last.number != nil) != ordered, indent <= first.indent
          {
            flushList()
          }
          if listItems.isEmpty { listGap = sawBlank && !pieces.isEmpty }
          let rest = (trimmed.lowerBound + marker.utf8.count)..<trimmed.upperBound
          let body = String(
            decoding: UnsafeBufferPointer(
              rebasing: bytes[UTF8Scan.trimmed(bytes, rest, .whitespaces)]),
            as: UTF8.self)
          let number = Int(marker.dropLast())
          listItems.append(FlatItem(indent: indent, marker: marker, number: number, lines: [body]))
        } else if !listItems.isEmpty && !sawBlank {
          listItems[listItems.count - 1].lines.append(content)
        } else {
          flushList()
          if paragraph.isEmpty { paragraphGap = sawBlank && !pieces.isEmpty }
          paragraph.append(content)
        }
        sawBlank = false
      }
    }
    flushParagraph()
    flushList()
    return pieces
  }

  /// Items from `index` on that are at least as indented as `indent`, as lists; an item more
  /// indented than the one before it starts a list nested under that one.
  private static func nest(_ flat: [FlatItem], _ index: inout Int, indent: Int) -> [List] {
    var lists: [List] = []
    while index < flat.count, flat[index].indent >= indent {
      let f = flat[index]
      index += 1
      var item = Item(marker: f.marker, number: f.number, lines: f.lines, sublists: [])
      if index < flat.count, flat[index].indent > f.indent {
        item.sublists = nest(flat, &index, indent: flat[index].indent)
      }
      let ordered = f.number != nil
      if let last = lists.last, last.ordered == ordered {
        lists[lists.count - 1].items.append(item)
      } else {
        lists.append(List(ordered: ordered, items: [item]))
      }
    }
    return lists
  }

  /// The indentation of a line in spaces, a tab counting four: the spaces and tabs that are
  /// Characters of their own at its start.
  private static func indentWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int {
    var width = 0
    for index in line {
      let byte = bytes[index]
      guard byte == UTF8Scan.space || byte == UTF8Scan.tab, UTF8Scan.isLoneASCII(bytes, at: index)
      else { break }
      width += byte == UTF8Scan.space ? 1 : 4
    }
    return width
  }

  /// The list marker a trimmed line starts with ("-", "*", "•", "12." or "3)"), or nil. Read
  /// on the line's UTF-8 bytes: it runs for every line of authored text on every frame.
  static func listMarker(_ line: String) -> String? {
    listMarkerLength(line.utf8).map { String(decoding: line.utf8.prefix($0), as: UTF8.self) }
  }

  /// The length in bytes of the list marker (see `listMarker`) that the UTF-8 `line` starts
  /// with, or nil.
  static func listMarkerLength(_ line: some Sequence<UInt8>) -> Int? {
    var bytes = line.makeIterator()
    guard let first = bytes.next() else { return nil }
    let space = UInt8(ascii: " ")
    switch first {
    case UInt8(ascii: "-"), UInt8(ascii: "*"):
      return bytes.next() == space ? 1 : nil
    case 0xE2:  // "•" is E2 80 A2 in UTF-8.
      guard bytes.next() == 0x80, bytes.next() == 0xA2, bytes.next() == space else { return nil }
      return 3
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      var digits = 1
      while let b = bytes.next() {
        if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
          digits += 1
          if digits > 3 { return nil }
          continue
        }
        guard b == UInt8(ascii: ".") || b == UInt8(ascii: ")"), bytes.next() == space else {
          return nil
        }
        return digits + 1
      }
      return nil
    default:
      return nil
    }
  }

  // MARK: Links

  /// One line split into plain text and links.
  public static func spans(_ line: String) -> [Span] {
    var bytes = line
    guard bytes.withUTF8({ UTF8Scan.contains("http", in: $0) }) else {
      return line.isEmpty ? [] : [.text(line)]
    }
    var spans: [Span] = []
    var text = ""
    var i = line.startIndex
    while i < line.endIndex {
      let atWordStart =
        i == line.startIndex || line[line.index(before: i)].isWhitespace
        || "(<[\"'".contains(line[line.index(before: i)])
      if atWordStart, let end = urlEnd(line, from: i) {
        if !text.isEmpty { spans.append(.text(text)) }
        text = ""
        spans.append(.url(String(line[i..<end])))
        i = end
      } else {
        text.append(line[i])
        i = line.index(after: i)
      }
    }
    if !text.isEmpty { spans.append(.text(text)) }
    return spans
  }

  /// Where a link starting at `start` ends, or nil when none starts there.
  private static func urlEnd(_ line: String, from start: String.Index) -> String.Index? {
    let rest = line[start...]
    let scheme: Int
    if rest.hasPrefix("https://") {
      scheme = 8
    } else if rest.hasPrefix("http://") {
      scheme = 7
    } else {
      return nil
    }
    var end = start
    while end < line.endIndex, !line[end].isWhitespace, !"<>\"`".contains(line[end]) {
      end = line.index(after: end)
    }
    // Punctuation that ends a sentence, and a closing bracket opened outside, are not the link's.
    while end > start {
      let last = line[line.index(before: end)]
      let body = line[start..<line.index(before: end)]
      if ".,;:!?'*_".contains(last) {
        end = line.index(before: end)
      } else if last == ")", body.filter({ $0 == "(" }).count <= body.filter({ $0 == ")" }).count {
        end = line.index(before: end)
      } else if last == "]", body.filter({ $0 == "[" }).count <= body.filter({ $0 == "]" }).count {
        end = line.index(before: end)
      } else {
        break
      }
    }
    guard line.distance(from: start, to: end) > scheme else { return nil }
    return end
  }
}
