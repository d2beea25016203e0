/// The part of TOML a casebench config file uses, read line by line so that every value keeps
/// its line and column: `[table]` headers, `name = value` with a bare or quoted name, and values
/// that are a string ("…" or '…'), `true`/`false`, or a one-line array of strings. `#` starts a
/// comment. Anything else is an error at the place it starts.
///
/// Why not TOMLKit (LebJe/TOMLKit 0.6.0, in the local package mirror), the library made for
/// TOML: its `TOMLParseError` does carry a line and column (`source.begin`), so a syntax error
/// would stay located, but the values it returns (`TOMLTable`, `TOMLValue`) carry no position:
/// toml++ knows each node's source region and TOMLKit's C layer does not pass it on. Most of
/// the errors a config meets come after parsing: an unknown command or key name, a value of the
/// wrong kind, two commands on one key (`config.toml:4:8: z is bound to both hint and quit`).
/// With TOMLKit those would lose their line and column, or need a second, hand-written pass to
/// find them again. It would also bring C++17 (toml++, built with exceptions) into a build that
/// is Swift and C. So the reader stays ours, for the small subset the config file allows.
struct ConfigReader {
  enum Value: Equatable {
    case string(String)
    case bool(Bool)
    case strings([String])
  }

  /// One `name = value` line, in the table it sits under ("" before any header).
  struct Assignment: Equatable {
    var table: String
    var name: String
    var value: Value
    var line: Int
    /// Columns count characters from 1: where the name and the value start.
    var nameColumn: Int
    var valueColumn: Int
  }

  struct Failure: Error, Equatable {
    var line: Int
    var column: Int
    var message: String
  }

  static func read(_ text: String) throws(Failure) -> [Assignment] {
    var result: [Assignment] = []
    var table = ""
    var seen: Set<String> = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = index + 1
      var cursor = Cursor(Array(raw.hasSuffix("\r") ? raw.dropLast() : raw), line: number)
      cursor.skipSpaces()
      guard let first = cursor.peek, first != "#" else { continue }
      if first == "[" {
        cursor.advance()
        cursor.skipSpaces()
        let start = cursor.column
        let name = try cursor.key()
        cursor.skipSpaces()
        guard cursor.peek == "]" else { throw cursor.failure("expected ] to close the table name") }
        cursor.advance()
        try cursor.end()
        guard seen.insert("[\(name)]").inserted else {
          throw Failure(line: number, column: start, message: "table [\(name)] appears twice")
        }
        table = name
        continue
      }
      let nameColumn = cursor.column
      let name = try cursor.key()
      cursor.skipSpaces()
      guard cursor.peek == "=" else { throw cursor.failure("expected = after \(name)") }
      cursor.advance()
      cursor.skipSpaces()
      let valueColumn = cursor.column
      let value = try cursor.value()
      try cursor.end()
      guard seen.insert(table + "." + name).inserted else {
        throw Failure(line: number, column: nameColumn, message: "\(name) is set twice")
      }
      result.append(
        Assignment(
          table: table, name: name, value: value, line: number, nameColumn: nameColumn,
          valueColumn: valueColumn))
    }
    return result
  }

  /// A position in one line.
  private struct Cursor {
    var characters: [Character]
    var index = 0
    let line: Int

    init(_ characters: [Character], line: Int) {
      self.characters = characters
      self.line = line
    }

    var peek: Character? { index < characters.count ? characters[index] : nil }
    var column: Int { index + 1 }
    mutating func advance() { index += 1 }

    mutating func skipSpaces() {
      while peek == " " || peek == "\t" { advance() }
    }

    func failure(_ message: String) -> Failure {
      Failure(line: line, column: column, message: message)
    }

    /// Nothing but spaces and a comment may follow.
    mutating func end() throws(Failure) {
      skipSpaces()
      if let c = peek, c != "#" { throw failure("unexpected \(c) after the value") }
    }

    mutating func key() throws(Failure) -> String {
      if peek == "\"" || peek == "'" { return try string() }
      var name = ""
      while let c = peek, c.isASCII, c.isLetter || c.isNumber || c == "-" || c == "_" {
        name.append(c)
        advance()
      }
      if name.isEmpty { throw failure("expected a name") }
      return name
    }

    mutating func value() throws(Failure) -> Value {
      switch peek {
      case "\"", "'": return .string(try string())
      case "[":
        advance()
        var items: [String] = []
        while true {
          skipSpaces()
          if peek == "]" { break }
          items.append(try string())
          skipSpaces()
          if peek == "," { advance() } else if peek != "]" { throw failure("expected , or ]") }
        }
        advance()
        return .strings(items)
      default:
        var word = ""
        while let c = peek, c.isLetter {
          word.append(c)
          advance()
        }
        if word == "true" { return .bool(true) }
        if word == "false" { return .bool(false) }
        index -= word.count
        throw failure("expected a string in quotes, true, false or [ … ]")
      }
    }

    /// A basic string ("…", with \" \\ \t \n \u escapes) or a literal one ('…').
    mutating func string() throws(Failure) -> String {
      guard let quote = peek, quote == "\"" || quote == "'" else {
        throw failure("expected a string in quotes")
      }
      let start = column
      advance()
      var text = ""
      while let c = peek {
        advance()
        if c == quote { return text }
        guard c == "\\", quote == "\"" else {
          text.append(c)
          continue
        }
        guard let escaped = peek else { break }
        advance()
        switch escaped {
        case "\"": text.append("\"")
        case "\\": text.append("\\")
        case "t": text.append("\t")
        case "n": text.append("\n")
        case "u":
          let hex = String(
            characters[min(index, characters.count)..<min(index + 4, characters.count)])
          guard hex.count == 4, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code)
          else { throw failure("expected four hex digits after \\u") }
          text.unicodeScalars.append(scalar)
          index += 4
        default: throw Failure(line: line, column: column - 1, message: "unknown escape")
        }
      }
      throw Failure(line: line, column: start, message: "string not closed on its line")
    }
  }
}
