import CNcursesw
import CaseBenchTUI
import CaseBenchTerminal
import Testing

@Suite("KeyDecoder")
struct KeyDecoderTests {
  private func code(_ value: Int32) -> Key? {
    KeyDecoder.decode(wideChar: UInt32(value), isKeyCode: true)
  }

  private func char(_ value: UInt32) -> Key? {
    KeyDecoder.decode(wideChar: value, isKeyCode: false)
  }

  @Test func arrowsAndPaging() {
    #expect(code(KEY_UP) == .up)
    #expect(code(KEY_DOWN) == .down)
    #expect(code(KEY_LEFT) == .left)
    #expect(code(KEY_RIGHT) == .right)
    #expect(code(KEY_PPAGE) == .pageUp)
    #expect(code(KEY_NPAGE) == .pageDown)
    #expect(code(KEY_HOME) == .home)
    #expect(code(KEY_END) == .end)
  }

  @Test func enterTabAndBackTab() {
    #expect(char(10) == .enter)
    #expect(char(13) == .enter)
    #expect(code(KEY_ENTER) == .enter)
    #expect(char(9) == .tab)
    #expect(code(KEY_BTAB) == .backTab)
  }

  @Test func escapeBackspaceDeleteInsert() {
    #expect(char(27) == .escape)
    #expect(code(KEY_BACKSPACE) == .backspace)
    #expect(char(127) == .backspace)
    #expect(char(8) == .backspace)
    #expect(code(KEY_DC) == .delete)
    #expect(code(KEY_IC) == .insert)
  }

  @Test func functionKeys() {
    #expect(code(KEY_F0 + 1) == .function(1))
    #expect(code(KEY_F0 + 5) == .function(5))
    #expect(code(KEY_F0 + 12) == .function(12))
    #expect(code(KEY_F0) == nil)
  }

  @Test func controlLetters() {
    #expect(char(1) == .ctrl("a"))
    #expect(char(3) == .ctrl("c"))
    #expect(char(19) == .ctrl("s"))
    #expect(char(26) == .ctrl("z"))
    #expect(char(0) == .ctrl("@"))
    #expect(char(28) == .ctrl("\\"))
    #expect(char(31) == .ctrl("_"))
  }

  @Test func printableCharacters() {
    #expect(char(0x61) == .char("a"))
    #expect(char(0x20) == .char(" "))
    #expect(char(0x7E) == .char("~"))
    #expect(char(0xE9) == .char("é"))
    #expect(char(0x65E5) == .char("日"))
    #expect(char(0x1F6B2) == .char("🚲"))
    #expect(char(0x1F600) == .char("😀"))
  }

  @Test func thingsThatAreNotKeys() {
    #expect(code(KEY_RESIZE) == nil)
    #expect(code(KEY_MOUSE) == nil)
    #expect(char(0x85) == nil)  // C1 control
    #expect(char(0xD800) == nil)  // a lone surrogate is not a scalar
    #expect(char(0x110000) == nil)
  }
}
