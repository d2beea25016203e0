internal import CYAML
import CaseBenchModel

/// Drives libyaml's event parser over one UTF-8 buffer and builds a `YAMLTree`.
///
/// Lists and mappings are built without recursion: the children of the ones still open wait in
/// `pending`, and are stored side by side when their list or mapping ends. Nesting stops at
/// `maxNesting` levels (Debian's libyaml 0.2.5 has no limit of its own), so `open` stays small.
/// Anchors are registered when their node ends, so an alias inside its own anchor is undefined,
/// and the tree has no cycles. A mapping's keys are scalars: a list, a mapping or an alias of one
/// where a key goes is refused where it starts.
struct YAMLComposer {
  private let yaml: String
  private let file: String
  private let bytes: UnsafeBufferPointer<UInt8>
  private let maxNodes: Int
  private var tree: YAMLTree
  /// The children of the lists and mappings still open, innermost last.
  private var pending: [Int32] = []
  private var open: [OpenCollection] = []
  private var anchors: [String: YAMLNode] = [:]
  /// Repeated keys found so far; composing goes on, so that every one is reported.
  private var problems: [Diagnostic] = []
  private var droppedProblems = 0
  private var documents = 0

  private struct OpenCollection {
    var node: YAMLNode
    var kind: YAMLTree.Kind
    var childStart: Int
    var anchor: String?
  }

  /// How many lists and mappings may be open inside one another (libyaml's later releases stop
  /// at the same depth).
  static let maxNesting = 1000

  /// Mappings with more keys than this are checked for repeats by hashing; smaller ones (all of
  /// a case study's) by comparing each key with the ones before it.
  private static let linearKeyLimit = 24

  /// The text of the YAML tags that make a scalar text whatever it looks like.
  private static let stringTag = "tag:yaml.org,2002:str"
  private static let nonSpecificTag = "!"

  /// `bytes` is the UTF-8 of `yaml`, and must stay valid while `run` runs. Composing stops with
  /// a diagnostic past `maxNodes` nodes (a 10,000-item case study has about 200,000).
  init(yaml: String, file: String, bytes: UnsafeBufferPointer<UInt8>, maxNodes: Int) {
    self.yaml = yaml
    self.file = file
    self.bytes = bytes
    self.maxNodes = min(maxNodes, Int(Int32.max) - 1)
    // About one node per 16 bytes in a typical case study.
    tree = YAMLTree(expectedNodes: min(bytes.count / 16, self.maxNodes))
  }

  mutating func run() -> Result<YAMLTree, CaseStudyLoadError> {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return .success(tree) }
    // libyaml keeps a pointer to the parser in the parser, so it needs a fixed address.
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    parser.initialize(to: yaml_parser_t())
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) == 1 else {
      return .failure(CaseStudyLoadError(diagnostics: [outOfMemory()]))
    }
    defer { yaml_parser_delete(parser) }
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(parser, base, bytes.count)

    let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    event.initialize(to: yaml_event_t())
    defer { event.deallocate() }

    while true {
      guard yaml_parser_parse(parser, event) == 1 else {
        // libyaml clears the event before it fails; deleting a cleared event is harmless.
        yaml_event_delete(event)
        return .failure(finalProblems(adding: parserProblem(parser)))
      }
      defer { yaml_event_delete(event) }
      let mark = event.pointee.start_mark
      let line = mark.line + 1
      let column = mark.column + 1
      let type = event.pointee.type
      // Node indices are 32-bit; the limit also keeps a runaway file from exhausting memory.
      if tree.nodeCount >= maxNodes,
        type == YAML_SCALAR_EVENT || type == YAML_SEQUENCE_START_EVENT
          || type == YAML_MAPPING_START_EVENT
      {
        let problem = Diagnostic(
          file: file, line: line, column: column,
          message: "the file has more than \(maxNodes) values; stopped reading here",
          fix: "split the case study into smaller ones")
        return .failure(finalProblems(adding: problem))
      }
      if let problem = complexKeyProblem(event, line: line, column: column) {
        return .failure(finalProblems(adding: problem))
      }
      switch type {
      case YAML_STREAM_END_EVENT:
        return problems.isEmpty ? .success(tree) : .failure(finalProblems(adding: nil))
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          let problem = syntaxError(
            problem: "but found another document", line: line, column: column,
            context: "expected a single document in the stream", contextLine: 1)
          return .failure(finalProblems(adding: problem))
        }
      case YAML_SCALAR_EVENT:
        addScalar(event, line: line, column: column)
      case YAML_SEQUENCE_START_EVENT where open.count >= Self.maxNesting,
        YAML_MAPPING_START_EVENT where open.count >= Self.maxNesting:
        let problem = syntaxError(
          problem: "Maximum nesting level reached: more than \(Self.maxNesting) lists and "
            + "mappings inside one another",
          line: line, column: column, context: nil, contextLine: 0)
        return .failure(finalProblems(adding: problem))
      case YAML_SEQUENCE_START_EVENT:
        openCollection(
          .sequence, anchor: event.pointee.data.sequence_start.anchor, line: line, column: column)
      case YAML_MAPPING_START_EVENT:
        openCollection(
          .mapping, anchor: event.pointee.data.mapping_start.anchor, line: line, column: column)
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        closeCollection()
      case YAML_ALIAS_EVENT:
        guard let name = event.pointee.data.alias.anchor.map({ String(cString: $0) }),
          let node = anchors[name]
        else {
          let problem = syntaxError(
            problem: "found undefined alias", line: line, column: column, context: nil,
            contextLine: 0)
          return .failure(finalProblems(adding: problem))
        }
        attach(node)
      default:
        break
      }
    }
  }

  // MARK: Nodes

  private mutating func addScalar(
    _ event: UnsafeMutablePointer<yaml_event_t>, line: Int, column: Int
  ) {
    let scalar = event.pointee.data.scalar
    var text = ""
    if let value = scalar.value, scalar.length > 0 {
      text = String(
        decoding: UnsafeBufferPointer(start: value, count: scalar.length), as: UTF8.self)
    }
    var tag: String?
    if let pointer = scalar.tag { tag = String(cString: pointer) }
    let textTag = tag == Self.stringTag || tag == Self.nonSpecificTag
    let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
    let node = tree.addScalar(
      text, isText: !plain || textTag, tag: textTag ? nil : tag, line: line, column: column)
    if let anchor = scalar.anchor { anchors[String(cString: anchor)] = node }
    attach(node)
  }

  private mutating func openCollection(
    _ kind: YAMLTree.Kind, anchor: UnsafeMutablePointer<yaml_char_t>?, line: Int, column: Int
  ) {
    let node = tree.openCollection(kind, line: line, column: column)
    open.append(
      OpenCollection(
        node: node, kind: kind, childStart: pending.count,
        anchor: anchor.map { String(cString: $0) }))
  }

  private mutating func closeCollection() {
    guard let collection = open.popLast() else { return }
    if collection.kind == .mapping { checkRepeatedKeys(pending[collection.childStart...]) }
    tree.close(collection.node, children: pending[collection.childStart...])
    pending.removeSubrange(collection.childStart...)
    if let anchor = collection.anchor { anchors[anchor] = collection.node }
    attach(collection.node)
  }

  private mutating func attach(_ node: YAMLNode) {
    if open.isEmpty {
      tree.root = node
    } else {
      pending.append(node.index)
    }
  }

  // MARK: Keys

  /// A list, a mapping, or an alias of one, where a mapping's key goes. Case studies never need
  /// such a key, and one that is an alias of lists of aliases would expand exponentially if it
  /// were compared or hashed (Yams hashed keys, so a file of a few hundred bytes kept it busy for
  /// hours), so the composer refuses it before it becomes a key.
  private func complexKeyProblem(
    _ event: UnsafeMutablePointer<yaml_event_t>, line: Int, column: Int
  ) -> Diagnostic? {
    let what: String
    switch event.pointee.type {
    case YAML_SEQUENCE_START_EVENT: what = "a list"
    case YAML_MAPPING_START_EVENT: what = "a mapping"
    case YAML_ALIAS_EVENT:
      guard let name = event.pointee.data.alias.anchor.map({ String(cString: $0) }),
        let node = anchors[name], tree.kind(node) != .scalar
      else { return nil }
      what = tree.kind(node) == .sequence ? "an alias of a list" : "an alias of a mapping"
    default:
      return nil
    }
    // The next node goes in as a key when the innermost open collection is a mapping that has
    // as many keys as values so far.
    guard let innermost = open.last, innermost.kind == .mapping,
      (pending.count - innermost.childStart) % 2 == 0
    else { return nil }
    return Diagnostic(
      file: file, line: line, column: column, message: "a mapping key here is \(what), not a name",
      fix: "use plain names as keys; case studies do not need complex keys")
  }

  // MARK: Repeated keys

  private struct KeyIdentity: Hashable {
    var text: String
    var tag: String?
  }

  /// Reports every key of a mapping that repeats an earlier one (keys are scalars:
  /// `complexKeyProblem`). `pairs` may end with a key whose value was never read (composing
  /// stopped there).
  private mutating func checkRepeatedKeys(_ pairs: ArraySlice<Int32>) {
    let keyCount = (pairs.count + 1) / 2
    guard keyCount > 1 else { return }
    let start = pairs.startIndex
    if keyCount <= Self.linearKeyLimit {
      for later in 1..<keyCount {
        let key = YAMLNode(index: pairs[start + 2 * later])
        for earlier in 0..<later {
          let other = YAMLNode(index: pairs[start + 2 * earlier])
          if sameKey(key, other) {
            reportRepeat(of: key, first: other)
            break
          }
        }
      }
      return
    }
    var firsts: [KeyIdentity: YAMLNode] = [:]
    firsts.reserveCapacity(keyCount)
    for position in 0..<keyCount {
      let key = YAMLNode(index: pairs[start + 2 * position])
      guard let identity = tree.keyIdentity(key) else { continue }
      let id = KeyIdentity(text: identity.text, tag: identity.tag)
      if let first = firsts[id] {
        reportRepeat(of: key, first: first)
      } else {
        firsts[id] = key
      }
    }
  }

  private func sameKey(_ a: YAMLNode, _ b: YAMLNode) -> Bool { tree.sameKey(a, b) }

  private mutating func reportRepeat(of key: YAMLNode, first: YAMLNode) {
    let location = tree.location(key)
    let text = YAMLSyntax.truncated(tree.string(key))
    add(
      Diagnostic(
        file: file, line: location.line, column: location.column,
        message: "duplicate key '\(text)' (first defined at line \(tree.location(first).line))",
        fix: "remove one of them or rename it; a mapping may name each key once"))
  }

  // MARK: Problems

  private mutating func add(_ diagnostic: Diagnostic) {
    if problems.count < CaseStudyValidator.maxDiagnostics {
      problems.append(diagnostic)
    } else {
      droppedProblems += 1
    }
  }

  /// The repeated keys, the problem that stopped composing (if any), and a note when some
  /// repeats were left out.
  private mutating func finalProblems(adding last: Diagnostic?) -> CaseStudyLoadError {
    // Mappings still open when composing stops: their keys so far may repeat too.
    for (depth, collection) in open.enumerated() where collection.kind == .mapping {
      let end = depth + 1 < open.count ? open[depth + 1].childStart : pending.count
      checkRepeatedKeys(pending[collection.childStart..<end])
    }
    var result = problems
    if let last { result.append(last) }
    if droppedProblems > 0 {
      result.append(
        Diagnostic(
          file: file, line: 0, column: 0, message: "\(droppedProblems) more problems not shown",
          fix: "fix the problems shown and run the check again"))
    }
    return CaseStudyLoadError(diagnostics: result)
  }

  private func outOfMemory() -> Diagnostic {
    Diagnostic(
      file: file, line: 0, column: 0, message: "out of memory while parsing YAML",
      fix: "check the file for a runaway alias or a huge value")
  }

  /// The problem libyaml stopped at, located by its problem mark.
  private func parserProblem(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> Diagnostic {
    let state = parser.pointee
    let problem = state.problem.map { String(cString: $0) } ?? "the text cannot be parsed"
    switch state.error {
    case YAML_MEMORY_ERROR:
      return outOfMemory()
    case YAML_READER_ERROR:
      let place = YAMLSyntax.position(ofByteOffset: state.problem_offset, in: bytes)
      return Diagnostic(
        file: file, line: place.line, column: place.column,
        message: "cannot read the text: \(problem)",
        fix: "save the file as UTF-8 text without control characters")
    case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
      return syntaxError(
        problem: problem, line: state.problem_mark.line + 1,
        column: state.problem_mark.column + 1, context: state.context.map { String(cString: $0) },
        contextLine: state.context_mark.line + 1)
    default:
      return Diagnostic(
        file: file, line: 0, column: 0, message: "cannot parse YAML: \(problem)",
        fix: "check that the file is a YAML document")
    }
  }

  private func syntaxError(
    problem: String, line: Int, column: Int, context: String?, contextLine: Int
  ) -> Diagnostic {
    if let unindented = YAMLSyntax.unindentedBlockText(before: line, in: yaml) {
      return Diagnostic(
        file: file, line: unindented.line, column: unindented.column,
        message: "the text of '\(unindented.key): \(unindented.indicator)' at line "
          + "\(unindented.headerLine) is not indented under it",
        fix:
          "indent the text by \(unindented.indent + 2) spaces, two more than '\(unindented.key):'")
    }
    var message = "YAML syntax error: \(problem)"
    if let context, !context.isEmpty, contextLine != line {
      message += " (\(context) at line \(contextLine))"
    } else if let context, !context.isEmpty {
      message += " (\(context))"
    }
    return Diagnostic(
      file: file, line: line, column: column, message: message,
      fix: YAMLSyntax.syntaxFix(problem: problem, line: YAMLSyntax.line(line, of: yaml)))
  }
}
