/// The order of a session's keys (item ids, decision ids) in its file, and in every report that
/// lists them as the file does: by UTF-8 bytes, as `JSONEncoder.OutputFormatting.sortedKeys`
/// sorts them.
package enum KeyOrder {
  package static func sorted<V>(_ dictionary: [String: V]) -> [String] {
    dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
