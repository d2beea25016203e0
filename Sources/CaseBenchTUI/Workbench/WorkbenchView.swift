import CaseBenchLoading
import CaseBenchModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The workbench: phases, the phase's checklist, and the detail of the selection.
enum WorkbenchView {
  static func draw(
    _ wb: Workbench, options: RenderOptions, size: Size, into buf: inout ScreenBuffer
  ) {
    let l = WorkbenchLayout(size: size, for: wb)
    let progress = CaseBenchModel.Progress(caseStudy: wb.caseStudy, session: wb.session)
    PhasesPane.draw(wb, progress: progress, options: options, rect: l.phases, into: &buf)
    ChecklistPane.draw(
      wb, progress: progress, options: options, rect: l.checklist, into: &buf)
    DetailView.draw(wb, options: options, layout: l, into: &buf)
  }

}

/// As many of `parts` as fit in `width` cells, in order, two spaces apart.
func fitting(_ parts: [String], width: Int) -> String {
  var out = ""
  for part in parts {
    let next = out.isEmpty ? part : out + "  " + part
    if DisplayWidth.of(next) > width { break }
    out = next
  }
  return out
}
