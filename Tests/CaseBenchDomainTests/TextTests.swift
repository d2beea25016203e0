import Foundation
import Testing

@testable import CaseBenchLoading
@testable import CaseBenchModel
@testable import CaseBenchReports
@testable import CaseBenchStore

/// The Foundation-free text helpers give what Foundation gives.
@Suite("Text without Foundation")
struct TextWithoutFoundationTests {
  static let samples = [
    "", " ", "  a b  ", "\t x \t", "\n\ntext\n", "\r\n x \r\n", " \u{A0}nbsp\u{A0} ",
    "\u{2003}em\u{2028}", "\u{85}x\u{85}", "é ", " e\u{301} ", "日本 ", "\u{3000}wide\u{3000}",
  ]

  @Test func trimmingMatchesFoundation() {
    for text in Self.samples {
      #expect(text.trimming(.whitespaces) == text.trimmingCharacters(in: .whitespaces), "\(text)")
      #expect(text.trimming(.newlines) == text.trimmingCharacters(in: .newlines), "\(text)")
      #expect(
        text.trimming(.whitespacesAndNewlines)
          == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text)")
    }
  }

  @Test func foldingFindsTextWhateverItsCaseAndAccents() throws {
    let text = "Le CAFÉ de Zoë, cafe\u{301} crème"
    let first = try #require(Folding.range(of: "cafe", in: text))
    #expect(text[first] == "CAFÉ")
    let second = try #require(Folding.range(of: "cafe", in: text, from: first.upperBound))
    #expect(text[second] == "cafe\u{301}")
    #expect(Folding.range(of: "ZOE", in: text).map { String(text[$0]) } == "Zoë")
    #expect(Folding.range(of: "creme", in: text).map { String(text[$0]) } == "crème")
    #expect(Folding.range(of: "tea", in: text) == nil)
    #expect(Folding.range(of: "", in: text) == nil)
    #expect(Folding.range(of: "longer than the text", in: "short") == nil)
  }

  @Test func foldingAgreesWithFoundationOnLatinNames() {
    let names = ["Ångström", "Dvořák", "Łódź", "Straße", "Œuvre", "naïve", "São Paulo", "İzmir"]
    for name in names {
      for query in [name.lowercased(), name.uppercased(), String(name.prefix(3))] {
        let foundation = name.range(of: query, options: [.caseInsensitive, .diacriticInsensitive])
        #expect((Folding.range(of: query, in: name) != nil) == (foundation != nil), "\(query)")
      }
    }
  }

  @Test func pathsSplitIntoFolderAndName() {
    // NSString's path methods are the model; on Linux they trap on a bare name, so the cases
    // are written out.
    let cases: [(String, String, String)] = [
      ("/a/b", "/a", "b"), ("/b", "/", "b"), ("b", "", "b"), ("a/b/", "a", "b"),
      ("a//b", "a", "b"), ("/a/b.json", "/a", "b.json"), ("./x.json", ".", "x.json"),
    ]
    for (path, directory, name) in cases {
      let split = POSIX.split(path)
      #expect(split.directory == directory && split.name == name, "\(path)")
    }
  }

  @Test func sessionNamesDropAccents() {
    #expect(SessionDirectory.slug("Café Crème") == "cafe-creme")
    #expect(SessionDirectory.slug("Cafe\u{301} Team") == "cafe-team")
    #expect(SessionDirectory.slug("Dvořák & Łukasz") == "dvorak-ukasz")
    #expect(SessionDirectory.slug("Straße 5") == "strasse-5")
  }

  @Test func reportsAreWrittenWholeOrNotAtAll() throws {
    try withStoreTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("report.md").path
      try Reports.write("# One\n", to: path)
      try Reports.write("# Two\n", to: path)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "# Two\n")
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.md"])
      let missing = dir.appendingPathComponent("no/such/folder/r.md").path
      do throws(SessionStoreError) {
        try Reports.write("x", to: missing)
        Issue.record("wrote into a missing folder")
      } catch {
        #expect(error.kind == .writeFailed)
        #expect(error.description.hasPrefix("\(missing): error: cannot write the report"))
      }
    }
  }
}
