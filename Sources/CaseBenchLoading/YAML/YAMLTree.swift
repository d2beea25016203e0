/// One node of a `YAMLTree`: an index into the tree's storage, so copying it costs nothing.
struct YAMLNode: Equatable {
  var index: Int32
}

/// A composed YAML document, kept flat: every node in one array, the children of every list and
/// mapping side by side in another, and the text of the scalars in a third. Building it costs a
/// few array appends per libyaml event, and walking it copies no reference-counted nodes.
///
/// An alias is not a node of its own: it is the node its anchor names, shared, as in Yams. So a
/// short file can describe a huge tree; whoever walks it must bound the walk.
struct YAMLTree {
  package enum Kind: UInt8 {
    case scalar, sequence, mapping
  }

  package struct Entry {
    var kind: Kind
    /// Scalars only: the author quoted it, used a block scalar, or tagged it as text (`!!str`,
    /// `!`), so it is text whatever it looks like.
    var isText: Bool
    /// Scalars only: an explicit tag other than text (e.g. `!!int`), kept in `tags`.
    var hasOtherTag: Bool
    var line: Int32
    var column: Int32
    /// Scalars: index in `strings`. Lists and mappings: index of the first child in `children`.
    var first: Int32
    /// Lists: number of entries. Mappings: twice the number of pairs (key, value, key, ...).
    var count: Int32
  }

  private(set) var entries: [Entry] = []
  private(set) var strings: [String] = []
  private(set) var children: [Int32] = []
  /// Explicit tags of the scalars with `hasOtherTag`, by node index. Rare; only duplicate-key
  /// checks use them (`!!int 1` and `1` are different keys, as in Yams).
  private(set) var tags: [Int32: String] = [:]
  /// `nil` for an empty document.
  var root: YAMLNode?

  init(expectedNodes: Int = 0) {
    entries.reserveCapacity(expectedNodes)
    strings.reserveCapacity(expectedNodes)
    children.reserveCapacity(expectedNodes)
  }

  // MARK: Reading

  var nodeCount: Int { entries.count }

  func kind(_ node: YAMLNode) -> Kind { entries[Int(node.index)].kind }

  func location(_ node: YAMLNode) -> Location {
    let entry = entries[Int(node.index)]
    return Location(line: Int(entry.line), column: Int(entry.column))
  }

  /// The text of a scalar; empty for lists and mappings.
  func string(_ node: YAMLNode) -> String {
    let entry = entries[Int(node.index)]
    return entry.kind == .scalar ? strings[Int(entry.first)] : ""
  }

  /// Whether a scalar is text whatever it looks like (quoted, block or tagged as text).
  func isText(_ node: YAMLNode) -> Bool { entries[Int(node.index)].isText }

  /// Whether the node is YAML's null (`~`, `null` or nothing), without classifying it fully.
  func isNull(_ node: YAMLNode) -> Bool {
    let entry = entries[Int(node.index)]
    guard entry.kind == .scalar, !entry.isText else { return false }
    switch strings[Int(entry.first)] {
    case "", "~", "null", "Null", "NULL": return true
    default: return false
    }
  }

  /// The entries of a list, or the keys and values of a mapping in turn (key, value, key, ...).
  /// Empty for a scalar.
  func children(_ node: YAMLNode) -> YAMLNodeList {
    let entry = entries[Int(node.index)]
    guard entry.kind != .scalar else { return YAMLNodeList(base: children[0..<0]) }
    let start = Int(entry.first)
    return YAMLNodeList(base: children[start..<start + Int(entry.count)])
  }

  /// The value of the first pair of a mapping whose key is the plain or quoted text `key`.
  func value(forKey key: String, in mapping: YAMLNode) -> YAMLNode? {
    guard kind(mapping) == .mapping else { return nil }
    let pairs = children(mapping)
    var index = pairs.startIndex
    while index + 1 < pairs.endIndex {
      let candidate = pairs[index]
      let entry = entries[Int(candidate.index)]
      if entry.kind == .scalar, !entry.hasOtherTag, strings[Int(entry.first)] == key {
        return pairs[index + 1]
      }
      index += 2
    }
    return nil
  }

  // MARK: Building

  mutating func addScalar(
    _ text: String, isText: Bool, tag: String?, line: Int, column: Int
  ) -> YAMLNode {
    let node = YAMLNode(index: Int32(truncatingIfNeeded: entries.count))
    entries.append(
      Entry(
        kind: .scalar, isText: isText, hasOtherTag: tag != nil,
        line: Int32(clamping: line), column: Int32(clamping: column),
        first: Int32(truncatingIfNeeded: strings.count), count: 0))
    strings.append(text)
    if let tag { tags[node.index] = tag }
    return node
  }

  /// A list or mapping whose children are not known yet (see `close`).
  mutating func openCollection(_ kind: Kind, line: Int, column: Int) -> YAMLNode {
    let node = YAMLNode(index: Int32(truncatingIfNeeded: entries.count))
    entries.append(
      Entry(
        kind: kind, isText: false, hasOtherTag: false, line: Int32(clamping: line),
        column: Int32(clamping: column), first: 0, count: 0))
    return node
  }

  /// Gives an open list or mapping its children, which are stored side by side from here on.
  mutating func close(_ node: YAMLNode, children newChildren: ArraySlice<Int32>) {
    let index = Int(node.index)
    entries[index].first = Int32(truncatingIfNeeded: children.count)
    entries[index].count = Int32(truncatingIfNeeded: newChildren.count)
    children.append(contentsOf: newChildren)
  }

  /// The identity of a scalar key for duplicate checks: its text, and its tag when it has an
  /// explicit one other than text.
  func keyIdentity(_ node: YAMLNode) -> (text: String, tag: String?)? {
    let entry = entries[Int(node.index)]
    guard entry.kind == .scalar else { return nil }
    return (strings[Int(entry.first)], entry.hasOtherTag ? tags[node.index] : nil)
  }

  /// Whether two nodes are scalar keys with the same `keyIdentity`, compared in place.
  func sameKey(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
    let left = entries[Int(a.index)]
    let right = entries[Int(b.index)]
    guard left.kind == .scalar, right.kind == .scalar, left.hasOtherTag == right.hasOtherTag,
      strings[Int(left.first)] == strings[Int(right.first)]
    else { return false }
    return !left.hasOtherTag || tags[a.index] == tags[b.index]
  }
}

/// The children of a list or mapping, without copying them.
struct YAMLNodeList: RandomAccessCollection {
  let base: ArraySlice<Int32>

  var startIndex: Int { base.startIndex }
  var endIndex: Int { base.endIndex }
  subscript(position: Int) -> YAMLNode { YAMLNode(index: base[position]) }
}
