extension KeyTable {
  /// The keys in force as Markdown tables, one per help group, in help's order: what
  /// `casebench keys` prints, so a user's config file shows in the same table the README has.
  /// `phases`: how many phases the digits reach (help says `1-6` for the Bike Shop).
  static func markdown(phases: Int?) -> String {
    var out: [String] = []
    for group in HelpGroup.allCases {
      let rows = all.filter { $0.group == group }
      guard !rows.isEmpty else { continue }
      out.append("| keys | \(group.rawValue) |")
      out.append("|---|---|")
      for binding in rows {
        let label = binding.label(phases: phases)
        let keys =
          binding.keys.isEmpty
          ? label : label.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
        out.append("| \(keys) | \(binding.help) |")
      }
      out.append("")
    }
    return out.joined(separator: "\n")
  }
}

extension KeyMap {
  /// The key table with this map in force, as `KeyTable.markdown` writes it.
  public func keyTable(phases: Int?) -> String {
    KeyMap.$current.withValue(self) { KeyTable.markdown(phases: phases) }
  }
}
