import CNcursesw
import CaseBenchTUI

/// Turns what `wget_wch` returns into a `Key`. Pure, so it is tested without a terminal.
public enum KeyDecoder {
  /// - Parameters:
  ///   - wideChar: the value `wget_wch` stored: a key code (`KEY_UP`, ...) when `isKeyCode`,
  ///     otherwise a Unicode scalar value.
  ///   - isKeyCode: `wget_wch` returned `KEY_CODE_YES`.
  /// - Returns: the key, or nil for things that are not keys (`KEY_RESIZE`, `KEY_MOUSE`, C1
  ///   controls, invalid scalars, key codes casebench does not use).
  public static func decode(wideChar: UInt32, isKeyCode: Bool) -> Key? {
    isKeyCode ? decodeKeyCode(wideChar) : decodeCharacter(wideChar)
  }

  private static func decodeKeyCode(_ raw: UInt32) -> Key? {
    guard raw <= UInt32(Int32.max) else { return nil }
    let code = Int32(raw)
    switch code {
    case KEY_UP, KEY_SR: return .up
    case KEY_DOWN, KEY_SF: return .down
    case KEY_LEFT, KEY_SLEFT: return .left
    case KEY_RIGHT, KEY_SRIGHT: return .right
    case KEY_HOME, KEY_SHOME, KEY_A1, KEY_FIND: return .home
    case KEY_END, KEY_SEND, KEY_C1, KEY_SELECT: return .end
    case KEY_PPAGE, KEY_A3: return .pageUp
    case KEY_NPAGE, KEY_C3: return .pageDown
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_IC: return .insert
    default:
      let f0 = cb_key_f(0)
      if code > f0, code <= f0 + 63 { return .function(Int(code - f0)) }
      return nil
    }
  }

  private static func decodeCharacter(_ value: UInt32) -> Key? {
    switch value {
    case 10, 13: return .enter
    case 9: return .tab
    case 27: return .escape
    case 8, 127: return .backspace
    case 0: return .ctrl("@")
    case 1...26:
      guard let letter = Unicode.Scalar(UInt32(("a" as Unicode.Scalar).value) + value - 1) else {
        return nil
      }
      return .ctrl(Character(letter))
    case 28: return .ctrl("\\")
    case 29: return .ctrl("]")
    case 30: return .ctrl("^")
    case 31: return .ctrl("_")
    case 0x80...0x9F: return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .char(Character(scalar))
    }
  }
}
