/// Text a terminal would obey instead of show: control characters (an escape sequence from a
/// `"\e[31m"` in a title) and invisible format characters such as bidi overrides, which make a
/// line read differently from what it holds. casebench shows them as `^[` and `<U+202E>`, but
/// an author almost never means them, so `lint` flags each value that holds one.
extension CaseStudyValidator {
  mutating func flagHiddenCharacters() {
    for index in 0..<tree.nodeCount {
      let node = YAMLNode(index: Int32(index))
      guard tree.kind(node) == .scalar else { continue }
      let text = tree.string(node)
      guard
        let hidden = text.unicodeScalars.first(where: {
          $0 != "\n" && $0 != "\t" && DiagnosticLine.needsEscape($0)
        })
      else { continue }
      let code = String(hidden.value, radix: 16, uppercase: true)
      let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
      let kind =
        hidden.properties.generalCategory == .control
        ? "a control character" : "an invisible format character (such as a bidi override)"
      warning(
        tree.location(node), "this text holds \(kind), U+\(padded), which a terminal may obey",
        fix: "remove it; write the text as it should read")
    }
  }
}
