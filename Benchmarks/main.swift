import CaseBenchCore
import CaseBenchTUI
import Foundation

// Timing harness for the quality bars in product.md. Run it in release:
//   swift run -c release casebench-bench
// Each figure is the median of several runs, in milliseconds.
//
// Two modes serve scripts/measure-startup, which times whole processes:
//   casebench-bench synthetic ITEMS FILE   write a generated case study of ITEMS items
//   casebench-bench bare-parse FILE        libyaml's event parse of FILE, and nothing else

func median(_ runs: Int, _ body: () -> Void) -> Double {
  var times: [Double] = []
  for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
  }
  times.sort()
  return times[times.count / 2]
}

func report(_ name: String, _ ms: Double, bar: Double) {
  let verdict = ms <= bar ? "ok" : "OVER"
  let label = name.padding(toLength: 42, withPad: " ", startingAt: 0)
  print(label + String(format: "%9.3f ms   (bar %g ms, ", ms, bar) + verdict + ")")
}

/// A synthetic case study with `items` checklist items spread over six phases.
func syntheticYAML(items: Int) -> String {
  var y = """
    format_version: 1
    id: synthetic
    version: "1.0.0"
    title: Synthetic
    summary: A large generated case study for timing.
    background: Generated.
    cast:
      - id: owner
        name: Owner
        role: Owner
        wants: Results.
        hot_buttons: [cost]
        power: high
        interest: high
    phases:

    """
  let perPhase = items / 6
  for p in 0..<6 {
    y += """
        - id: p\(p)
          title: Phase \(p)
          goal: Goal \(p).
          briefing: Briefing for phase \(p).
          timebox_minutes: 30
          decisions: []
          risk_prompts: []
          facilitator_notes: Notes.
          items:

      """
    let count = p == 5 ? items - perPhase * 5 : perPhase
    for i in 0..<count {
      y += """
              - id: P\(p).\(i)
                title: Item \(i) of phase \(p)
                guidance: Do the thing properly and write down what you found.
                case: At the company this means looking at the exports.
                why: Because skipping it hides risk.
                hint: Start small.
                tags: [data]
                required: \(i % 3 == 0 ? "true" : "false")

        """
    }
  }
  return y
}

let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "synthetic", let items = Int(arguments[2]) {
  do {
    try Data(syntheticYAML(items: items).utf8).write(to: URL(fileURLWithPath: arguments[3]))
    exit(0)
  } catch {
    print("cannot write \(arguments[3]): \(error)")
    exit(1)
  }
}
if arguments.count == 3, arguments[1] == "bare-parse" {
  guard let data = FileManager.default.contents(atPath: arguments[2]),
    let events = BareParse.events(in: [UInt8](data))
  else {
    print("cannot parse \(arguments[2])")
    exit(1)
  }
  print("\(events) events")
  exit(0)
}

let caseYAML = syntheticYAML(items: 10_000)
var loaded: CaseStudy?
let loadMS = median(5) {
  loaded = try? CaseStudyLoader.parse(caseYAML, file: "synthetic.yaml")
}
guard let big = loaded else {
  print("the synthetic case study did not load")
  exit(1)
}
report("load a 10,000-item case study", loadMS, bar: 200)

// lint of the same case study from its file, against libyaml's bare event parse of that file
// (both read the file); the bar is a ratio, 2.5x.
let bigFile = FileManager.default.temporaryDirectory.appendingPathComponent(
  "casebench-bench-\(getpid()).yaml")
try? Data(caseYAML.utf8).write(to: bigFile)
let lintMS = median(5) { _ = CaseStudyLoader.lint(contentsOf: bigFile) }
let bareMS = median(5) {
  _ = FileManager.default.contents(atPath: bigFile.path).map { BareParse.events(in: [UInt8]($0)) }
}
try? FileManager.default.removeItem(at: bigFile)
report("lint a 10,000-item case study", lintMS, bar: 200)
report("  libyaml bare event parse of the same file", bareMS, bar: lintMS)
print(String(format: "  lint / bare parse: %.2fx (bar 2.5x)", lintMS / bareMS))

var notes = Session(participant: "Bench", caseStudy: big)
for (n, item) in big.allItems.enumerated() {
  notes.setNote("Note \(n): checked the exports for \(item.id); two stores missing.", of: item.id)
}
let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
  "casebench-bench-\(getpid())")
try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
let file = dir.appendingPathComponent("bench.json")
let saveMS = median(7) {
  do { try SessionStore.save(notes, to: file) } catch { print("save failed: \(error)") }
}
report("save a session with 10,000 notes", saveMS, bar: 50)
try? FileManager.default.removeItem(at: dir)

// The work between exec and the first frame: parse the built-in Bike Shop, build the start
// screen and render it. (Process start-up itself is measured by timing `casebench --version`.)
let firstFrameStart = DispatchTime.now().uptimeNanoseconds
let firstStudy = CaseStudyCatalog.builtIn().first
let first = AppState(
  caseStudies: firstStudy.map { [$0] } ?? [], sessions: [],
  options: RenderOptions(unicode: true, facilitator: false), now: Date())
_ = render(first, size: Size(width: 80, height: 24))
report(
  "first frame work (parse Bike Shop + render)",
  Double(DispatchTime.now().uptimeNanoseconds - firstFrameStart) / 1_000_000, bar: 30)

// One keystroke's update + render at 200x60 on the Bike Shop.
guard let bike = CaseStudyCatalog.builtIn().first else {
  print("the built-in Bike Shop did not load")
  exit(1)
}
var state = AppState(
  caseStudies: [bike], sessions: [], options: RenderOptions(unicode: true, facilitator: false),
  now: Date())
_ = update(
  &state,
  .sessionOpened(
    SessionFile(
      url: URL(fileURLWithPath: "bench.json"), caseStudy: bike,
      session: Session(participant: "Bench", caseStudy: bike)), created: false))
let size = Size(width: 200, height: 60)
var keys: [Event] = []
for _ in 0..<50 { keys.append(.key(.down)) }
for _ in 0..<50 { keys.append(.key(.up)) }
let keyMS =
  median(5) {
    for k in keys {
      _ = update(&state, k)
      _ = render(state, size: size)
    }
  } / Double(keys.count)
report("keystroke update+render at 200x60", keyMS, bar: 1)

// deon prints its 21-item checklist as Markdown in about 0.33 s; the bar is 20x faster.
var bikeNotes = Session(participant: "Bench", caseStudy: bike)
for item in bike.allItems { bikeNotes.setNote("Checked with Nadia.", of: item.id) }
let bikeExportMS = median(9) {
  _ = Reports.export(caseStudy: bike, session: bikeNotes, format: .markdown)
}
report("Markdown export, Bike Shop with notes", bikeExportMS, bar: 16)

let exportMS = median(7) {
  _ = Reports.export(caseStudy: big, session: notes, format: .html)
}
report("HTML export, 10,000 items (scaling check)", exportMS, bar: 400)
