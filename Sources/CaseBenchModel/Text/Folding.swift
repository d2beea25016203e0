/// Case- and accent-insensitive matching without Foundation's Unicode tables: "cafe" finds
/// "Café", "CAFÉ" and a decomposed "Cafe\u{301}". Used by the search and by session file names.
public enum Folding {
  /// The first range of `query` in `text` at or after `start`, ignoring case and accents; `nil`
  /// when there is none or the query is empty. A match starts and ends on whole characters of
  /// `text` ("STRASSE" matches all of "Straße").
  public static func range(
    of query: String, in text: String, from start: String.Index? = nil
  ) -> Range<String.Index>? {
    let needle = query.flatMap(key)
    guard !needle.isEmpty else { return nil }
    // The folded text, and for each of its characters the number of the character of `text`
    // it came from.
    var folded: [Character] = []
    var owner: [Int] = []
    var indices: [String.Index] = []
    var index = start ?? text.startIndex
    while index < text.endIndex {
      for character in key(text[index]) {
        folded.append(character)
        owner.append(indices.count)
      }
      indices.append(index)
      index = text.index(after: index)
    }
    indices.append(text.endIndex)
    guard folded.count >= needle.count else { return nil }
    for first in 0...(folded.count - needle.count) {
      let end = first + needle.count
      guard first == 0 || owner[first - 1] != owner[first],
        end == folded.count || owner[end] != owner[end - 1],
        folded[first..<end].elementsEqual(needle)
      else { continue }
      return indices[owner[first]]..<indices[owner[end - 1] + 1]
    }
    return nil
  }

  /// A text as compared: each character's `key`, in order.
  public static func key(of text: String) -> String {
    var out = ""
    for character in text { out += key(character) }
    return out
  }

  /// A character as compared: lower case, accents dropped (combining marks, and the Latin
  /// letters with accents as their base letters).
  static func key(_ character: Character) -> String {
    if character.isASCII { return character.lowercased() }
    var out = ""
    for scalar in character.unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      out += baseLetters(of: scalar) ?? String(scalar)
    }
    return out.lowercased()
  }

  /// The Latin-1 and Latin Extended-A letters with accents, U+00C0 to U+017F, as their base
  /// letters ("." where a letter has none), as Foundation's diacritic-insensitive folding makes
  /// them.
  private static let latinBases = Array(
    ("AAAAAA.CEEEEIIII" + ".NOOOOO..UUUUY.." + "aaaaaa.ceeeeiiii" + ".nooooo..uuuuy.y"
      + "AaAaAaCcCcCcCcDd" + "..EeEeEeEeEeGgGg" + "GgGgHh..IiIiIiIi" + "I...JjKk.LlLlLl."
      + "...NnNnNn...OoOo" + "Oo..RrRrRrSsSsSs" + "SsTtTt..UuUuUuUu" + "UuUuWwYyYZzZzZz.")
      .unicodeScalars)

  /// The base letters of an accented Latin letter ("é" → "e", "ß" → "ss"); `nil` for any other
  /// scalar.
  package static func baseLetters(of scalar: Unicode.Scalar) -> String? {
    if scalar == "ß" { return "ss" }
    guard (0xC0...0x17F).contains(scalar.value) else { return nil }
    let base = latinBases[Int(scalar.value) - 0xC0]
    return base == "." ? nil : String(base)
  }
}
