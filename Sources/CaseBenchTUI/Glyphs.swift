import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The characters used for borders and glyphs: Unicode or plain ASCII.
struct Glyphs: Sendable {
  var horizontal: String
  var vertical: String
  var topLeft: String
  var topRight: String
  var bottomLeft: String
  var bottomRight: String
  var ellipsis: String
  var check: String
  var note: String
  var barFull: String
  var barEmpty: String
  var dot: String
  var pointer: String
  var radioOn: String
  var radioOff: String
  var times: String

  static let unicode = Glyphs(
    horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰",
    bottomRight: "╯", ellipsis: "…", check: "✓", note: "✎", barFull: "█", barEmpty: "░",
    dot: "·", pointer: "▸", radioOn: "(•)", radioOff: "( )", times: "×")

  static let ascii = Glyphs(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
    bottomRight: "+", ellipsis: "...", check: "ok", note: "+", barFull: "#", barEmpty: "-",
    dot: "-", pointer: ">", radioOn: "(*)", radioOff: "( )", times: "x")

  static func of(_ options: RenderOptions) -> Glyphs { options.unicode ? .unicode : .ascii }

  func status(_ s: ItemStatus) -> String {
    switch s {
    case .todo: "[ ]"
    case .doing: "[~]"
    case .done: "[x]"
    case .blocked: "[!]"
    case .notApplicable: "[-]"
    }
  }

  func truncate(_ text: String, to width: Int) -> String {
    DisplayWidth.truncate(text, to: width, ellipsis: ellipsis)
  }
}
