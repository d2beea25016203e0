/// Writes a deon checklist as a lens in the case-study format. Every text is written as a
/// double-quoted YAML scalar, so no wording of deon's can change how the file reads.
extension DeonChecklist {
  /// The lens file's text. `source` says where the checklist came from, e.g. "deon checklist
  /// checklist.yml"; it goes into the `lens:` mapping, not into any item.
  public func lensYAML(source: String) -> String {
    var out =
      "# A deon checklist imported by `casebench import deon`; ids and wording are deon's.\n"
    out += "format_version: 1\n"
    out += "id: \(lensID)\n"
    out += "version: \"1\"\n"
    out += "title: \(Self.quoted(title))\n"
    out += "lens:\n  scoring: checklist\n  source: \(Self.quoted(source))\n"
    out += "phases:\n"
    for section in sections {
      out += "  - id: \(Self.quoted(section.id))\n"
      out += "    title: \(Self.quoted(section.title))\n"
      if let phase = Self.phase(forSection: section) { out += "    shows_in: \(phase)\n" }
      out += "    items:\n"
      for line in section.lines {
        out += "      - id: \(Self.quoted(line.id))\n"
        out += "        title: \(Self.quoted(line.summary))\n"
        out += "        guidance: \(Self.quoted(line.text))\n"
        out += "        tags: [ethics, deon]\n"
        out += "        required: true\n"
        let links = examples[line.id] ?? []
        if !links.isEmpty {
          out += "        references:\n"
          for link in links { out += "          - \(Self.quoted(link.reference))\n" }
        }
      }
    }
    return out
  }

  /// A YAML double-quoted scalar: backslash, quote and control characters escaped.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
          || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
        {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
