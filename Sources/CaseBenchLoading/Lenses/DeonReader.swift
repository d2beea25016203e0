import CaseBenchModel

/// Walks a composed deon file, collecting every problem with its line and column.
struct DeonReader {
  let file: String
  let tree: YAMLTree
  private(set) var problems: [Diagnostic] = []
  /// Lines read so far: aliases can make a short file describe a huge checklist.
  private var linesRead = 0
  static let maxLines = 10_000

  init(file: String, tree: YAMLTree) {
    self.file = file
    self.tree = tree
  }

  private mutating func problem(_ node: YAMLNode?, _ message: String, fix: String) {
    guard problems.count < 200 else { return }
    let location = node.map { tree.location($0) } ?? Location(line: 1, column: 1)
    problems.append(
      Diagnostic(
        file: file, line: location.line, column: location.column, message: message, fix: fix))
  }

  /// The keys of a mapping as text → value node; reports a node that is not a mapping, unknown
  /// keys and missing ones.
  private mutating func mapping(
    _ node: YAMLNode, what: String, required: [String], optional: [String] = []
  ) -> [String: YAMLNode]? {
    guard tree.kind(node) == .mapping else {
      problem(
        node, "\(what) must be a mapping, found \(describe(node))",
        fix: "write it as 'key: value' lines with \(list(required))")
      return nil
    }
    var out: [String: YAMLNode] = [:]
    let pairs = tree.children(node)
    var index = pairs.startIndex
    while index + 1 < pairs.endIndex {
      let key = pairs[index]
      let name = tree.string(key)
      if tree.kind(key) != .scalar || !(required + optional).contains(name) {
        problem(
          key, "unknown key '\(YAMLSyntax.truncated(name))' in \(what)",
          fix: Suggestion.closest(to: name, among: required + optional).map {
            "did you mean '\($0)'?"
          } ?? "deon reads only \(list(required + optional))")
      } else if out[name] != nil {
        problem(key, "'\(name)' appears twice in \(what)", fix: "keep one of them")
      } else {
        out[name] = pairs[index + 1]
      }
      index += 2
    }
    for name in required where out[name] == nil {
      problem(node, "missing key '\(name)' in \(what)", fix: "add '\(name):'")
    }
    return out
  }

  private func describe(_ node: YAMLNode) -> String {
    switch tree.kind(node) {
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .scalar: tree.isNull(node) ? "nothing" : "'\(YAMLSyntax.truncated(tree.string(node)))'"
    }
  }

  private func list(_ names: [String]) -> String {
    names.map { "'\($0)'" }.joined(separator: ", ")
  }

  /// A non-empty piece of text.
  private mutating func text(_ node: YAMLNode?, key: String, in what: String) -> String? {
    guard let node else { return nil }
    guard tree.kind(node) == .scalar, !tree.isNull(node) else {
      problem(node, "'\(key)' in \(what) must be text, found \(describe(node))", fix: "write it")
      return nil
    }
    let value = tree.string(node).trimming(.whitespacesAndNewlines)
    guard !value.isEmpty else {
      problem(node, "'\(key)' in \(what) is empty", fix: "write it")
      return nil
    }
    return value
  }

  /// The entries of a non-empty list.
  private mutating func entries(_ node: YAMLNode?, key: String, in what: String) -> YAMLNodeList? {
    guard let node else { return nil }
    guard tree.kind(node) == .sequence else {
      problem(
        node, "'\(key)' in \(what) must be a list, found \(describe(node))",
        fix: "write one '- ' entry per line")
      return nil
    }
    let list = tree.children(node)
    if list.isEmpty {
      problem(node, "'\(key)' in \(what) is empty", fix: "add at least one entry, or remove it")
    }
    return list
  }

  /// An id as casebench keeps it: letters, digits, '.', '-' and '_'.
  private mutating func id(_ node: YAMLNode?, key: String, in what: String) -> String? {
    guard let value = text(node, key: key, in: what) else { return nil }
    let ok = value.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        || $0 == "-" || $0 == "." || $0 == "_"
    }
    if !ok {
      problem(
        node, "'\(key)' '\(YAMLSyntax.truncated(value))' in \(what) is not an id",
        fix: "use letters, digits, '.', '-' and '_' only, e.g. 'A.1'")
      return nil
    }
    return value
  }

  // MARK: The checklist

  mutating func checklist() -> DeonChecklist? {
    guard let root = tree.root, !tree.isNull(root) else {
      problem(nil, "the file is empty", fix: "start with 'title:' and 'sections:'")
      return nil
    }
    guard
      let top = mapping(root, what: "the deon checklist", required: ["title", "sections"])
    else { return nil }
    let title = text(top["title"], key: "title", in: "the deon checklist")
    var sections: [DeonChecklist.Section] = []
    var seenSections: [String: YAMLNode] = [:]
    var seenLines: [String: YAMLNode] = [:]
    for (index, node)
      in (entries(top["sections"], key: "sections", in: "the checklist")
      ?? .init(
        base: [])).enumerated()
    {
      let what = "section \(index + 1)"
      guard
        let fields = mapping(node, what: what, required: ["title", "section_id", "lines"])
      else { continue }
      let sectionID = id(fields["section_id"], key: "section_id", in: what)
      let sectionTitle = text(fields["title"], key: "title", in: what)
      if let sectionID, let node = fields["section_id"] {
        if let first = seenSections[sectionID] {
          let at = tree.location(first)
          problem(
            node, "section_id '\(sectionID)' is used twice (first at line \(at.line))",
            fix: "give each section its own id")
        } else {
          seenSections[sectionID] = node
        }
      }
      var lines: [DeonChecklist.Line] = []
      for (lineIndex, lineNode)
        in (entries(fields["lines"], key: "lines", in: what)
        ?? .init(
          base: [])).enumerated()
      {
        linesRead += 1
        guard linesRead <= Self.maxLines else {
          problem(lineNode, "more than \(Self.maxLines) lines", fix: "split the checklist")
          return nil
        }
        let lineWhat = "line \(lineIndex + 1) of \(what)"
        guard
          let l = mapping(
            lineNode, what: lineWhat, required: ["line_id", "line_summary", "line"])
        else { continue }
        let lineID = id(l["line_id"], key: "line_id", in: lineWhat)
        let summary = text(l["line_summary"], key: "line_summary", in: lineWhat)
        let body = text(l["line"], key: "line", in: lineWhat)
        if let lineID, let node = l["line_id"] {
          if let first = seenLines[lineID] {
            let at = tree.location(first)
            problem(
              node, "line_id '\(lineID)' is used twice (first at line \(at.line))",
              fix: "give each line its own id")
            continue
          }
          seenLines[lineID] = node
        }
        if let lineID, let summary, let body {
          lines.append(.init(id: lineID, summary: summary, text: body))
        }
      }
      if let sectionID, let sectionTitle {
        sections.append(.init(id: sectionID, title: sectionTitle, lines: lines))
      }
    }
    guard let title else { return nil }
    return DeonChecklist(title: title, sections: sections)
  }

  // MARK: The examples

  mutating func examples() -> [String: [DeonChecklist.Link]] {
    var out: [String: [DeonChecklist.Link]] = [:]
    guard let root = tree.root, !tree.isNull(root) else { return out }
    guard tree.kind(root) == .sequence else {
      problem(
        root,
        "the examples must be a list of entries with 'line_id' and 'links', found "
          + describe(root), fix: "start each entry with '- line_id:'")
      return out
    }
    for (index, node) in tree.children(root).enumerated() {
      let what = "example entry \(index + 1)"
      guard let fields = mapping(node, what: what, required: ["line_id", "links"]) else {
        continue
      }
      guard let lineID = id(fields["line_id"], key: "line_id", in: what) else { continue }
      for (linkIndex, linkNode)
        in (entries(fields["links"], key: "links", in: what)
        ?? .init(
          base: [])).enumerated()
      {
        let linkWhat = "link \(linkIndex + 1) of \(what)"
        guard let link = mapping(linkNode, what: linkWhat, required: ["text", "url"]) else {
          continue
        }
        if let words = text(link["text"], key: "text", in: linkWhat),
          let url = text(link["url"], key: "url", in: linkWhat)
        {
          out[lineID, default: []].append(.init(text: words, url: url))
        }
      }
    }
    return out
  }
}
