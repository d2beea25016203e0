import CaseBenchTUI
import CaseBenchTerminal
import Testing

@Suite("RoleStyle")
struct RoleStyleTests {
  @Test func selectionIsReverseVideoWithAndWithoutColour() {
    #expect(RoleStyle.style(for: .selected, colour: false).reverse)
    #expect(RoleStyle.style(for: .selected, colour: true).reverse)
    #expect(RoleStyle.style(for: .statusBar, colour: false).reverse)
  }

  @Test func monochromeUsesNoColours() {
    for role in Role.allCases {
      let style = RoleStyle.style(for: role, colour: false)
      #expect(style.foreground == nil, "\(role)")
      #expect(style.background == nil, "\(role)")
    }
  }

  @Test func monochromeRolesThatMustStandOutUseVt100Attributes() {
    // A vt100 has bold, underline and reverse (no colour, no dim).
    let mustStandOut: [Role] = [
      .title, .selected, .selectedInactive, .borderFocused, .warning, .danger, .statusBar, .match,
    ]
    for role in mustStandOut {
      let style = RoleStyle.style(for: role, colour: false)
      #expect(style.bold || style.underline || style.reverse, "\(role)")
    }
    #expect(RoleStyle.style(for: .match, colour: false) == RoleStyle(bold: true, underline: true))
    #expect(RoleStyle.style(for: .normal, colour: false) == RoleStyle())
  }

  @Test func selectedAndInactiveSelectionDiffer() {
    for colour in [false, true] {
      #expect(
        RoleStyle.style(for: .selected, colour: colour)
          != RoleStyle.style(for: .selectedInactive, colour: colour))
    }
  }

  @Test func colourDistinguishesDangerWarningAndSuccess() {
    #expect(RoleStyle.style(for: .danger, colour: true).foreground == .red)
    #expect(RoleStyle.style(for: .warning, colour: true).foreground == .yellow)
    #expect(RoleStyle.style(for: .success, colour: true).foreground == .green)
  }
}
