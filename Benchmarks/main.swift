import CaseBenchLoading
import CaseBenchModel
import CaseBenchReports
import CaseBenchStore
import CaseBenchTUI
import Foundation

// Timing harness for the quality bars in product.md. Run it in release:
//   swift run -c release casebench-bench
// Each figure is the median of several runs, in milliseconds.
//
// Two modes serve scripts/measure-startup, which times whole processes:
//   casebench-bench synthetic ITEMS FILE   write a generated case study of ITEMS items
//   casebench-bench bare-parse FILE        libyaml's event parse of FILE, and nothing else
// and one runs a single benchmark:
//   casebench-bench workshop [RUNS]        the workshop dashboard: 200 sessions, then refreshes

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

/// A figure with no bar of its own.
func figure(_ name: String, _ ms: Double) {
  print(name.padding(toLength: 42, withPad: " ", startingAt: 0) + String(format: "%9.3f ms", ms))
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

if arguments.count >= 2, arguments[1] == "--help" || arguments[1] == "-h" {
  print(
    """
    USAGE: casebench-bench                      every benchmark, each against its bar
           casebench-bench workshop [RUNS]      only the workshop dashboard (RUNS repeats, default 1)
           casebench-bench synthetic ITEMS FILE write a generated case study of ITEMS items
           casebench-bench bare-parse FILE      libyaml's event parse of FILE
    """)
  exit(0)
}
if arguments.count >= 2, arguments[1] == "workshop" {
  guard let bike = CaseStudyCatalog.builtIn().first else {
    print("the built-in case study did not load")
    exit(1)
  }
  let runs = arguments.count >= 3 ? max(1, Int(arguments[2]) ?? 1) : 1
  for _ in 0..<runs { WorkshopBenchmark.run(bike) }
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

// The work between exec and the first frame: load the built-in Bike Shop, build the start
// screen and render it. (Process start-up itself is measured by timing `casebench --version`.)
let firstFrameStart = DispatchTime.now().uptimeNanoseconds
let firstStudy = CaseStudyCatalog.builtIn().first
let first = AppState(
  caseStudies: firstStudy.map { [$0] } ?? [], sessions: [],
  options: RenderOptions(unicode: true, facilitator: false), now: Date())
_ = render(first, size: Size(width: 80, height: 24))
report(
  "first frame work (load Bike Shop + render)",
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

// The built-in Bike Shop as every command that needs it loads it: parse and validate its YAML.
let bikeYAML = BuiltInCaseStudies.bikeShopYAML
let yamlMS = median(11) {
  _ = try? CaseStudyLoader.parse(bikeYAML, file: CaseStudyCatalog.builtInFileName)
}
figure("load the built-in Bike Shop (parse its YAML)", yamlMS)

let exportMS = median(7) {
  _ = Reports.export(caseStudy: big, session: notes, format: .html)
}
report("HTML export, 10,000 items (scaling check)", exportMS, bar: 400)

// MARK: Sizes: no keystroke (update + render) over 100 ms with a huge note, case study or
// session open. Each scenario plays its keys once to warm up, then again on a fresh copy of
// the state; the figure is the slowest single keystroke of the second pass.

/// The slowest update + render among `events`, in ms, and the event that took it.
func slowestKeystroke(_ start: AppState, _ events: [Event], size: Size) -> (
  ms: Double, event: String
) {
  var warm = start
  for event in events {
    _ = update(&warm, event)
    _ = render(warm, size: size)
  }
  var state = start
  var worst = (ms: 0.0, event: "")
  for event in events {
    let begin = DispatchTime.now().uptimeNanoseconds
    _ = update(&state, event)
    _ = render(state, size: size)
    let ms = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1_000_000
    if ms > worst.ms { worst = (ms, "\(event)") }
  }
  return worst
}

func opened(_ study: CaseStudy, _ session: Session) -> AppState {
  var state = AppState(
    caseStudies: [study], sessions: [], options: RenderOptions(unicode: true, facilitator: false),
    now: Date())
  _ = update(&state, .resize(size))
  _ = update(
    &state,
    .sessionOpened(
      SessionFile(url: URL(fileURLWithPath: "bench.json"), caseStudy: study, session: session),
      created: false))
  return state
}

let typing: [Event] = "checked".map { .key(.char($0)) }
/// Moving about the workbench: items, pages, ends, phases, panes, the briefing, a status.
let browsing: [Event] =
  Array(repeating: .key(.down), count: 5) + Array(repeating: .key(.up), count: 3)
  + [
    .key(.pageDown), .key(.pageUp), .key(.char("G")), .key(.char("g")), .key(.char("2")),
    .key(.char("1")), .key(.tab), .key(.backTab), .key(.char("b")), .key(.char("b")),
    .key(.char(" ")), .key(.char(" ")), .key(.char("h")),
  ]
/// Writing in the note editor: open, type, move, delete, new lines, page, close.
let writing: [Event] =
  [.key(.char("n"))] + typing
  + [
    .key(.left), .key(.left), .key(.backspace), .key(.enter), .key(.up), .key(.up),
    .key(.down), .key(.home), .key(.end), .key(.pageDown), .key(.pageUp),
  ] + typing
  + [.key(.escape)]
/// Searching: open the search, type a word, step through the matches, clear it.
let searching: [Event] =
  [.key(.char("/"))] + "note".map { .key(.char($0)) }
  + [.key(.enter), .key(.char("n")), .key(.char("n")), .key(.char("N")), .key(.escape)]

// A 1 MB note on the Bike Shop's first item: prose in lines of about 90 characters.
var megaNote = ""
let noteLine = "Asked Nadia about the 2023 export: three weeks missing, two stores renamed. "
while megaNote.utf8.count < 1 << 20 { megaNote += noteLine + "Checked again.\n" }
var bigNoteSession = Session(participant: "Bench", caseStudy: bike)
if let firstItem = bike.allItems.first { bigNoteSession.setNote(megaNote, of: firstItem.id) }
let noteState = opened(bike, bigNoteSession)
for (name, events) in [("browse", browsing), ("write", writing), ("search", searching)] {
  let worst = slowestKeystroke(noteState, events, size: size)
  report("slowest key, 1 MB note, \(name)", worst.ms, bar: 100)
  if worst.ms > 100 { print("  (\(worst.event))") }
}

// A 10,000-item case study, fresh, and with a note on every item.
for (label, session) in [
  ("10,000 items", Session(participant: "Bench", caseStudy: big)), ("10,000 notes", notes),
] {
  let bigState = opened(big, session)
  for (name, events) in [("browse", browsing), ("write", writing), ("search", searching)] {
    let worst = slowestKeystroke(bigState, events, size: size)
    report("slowest key, \(label), \(name)", worst.ms, bar: 100)
    if worst.ms > 100 { print("  (\(worst.event))") }
  }
}

// A workshop of 200 teams (issue 9); `casebench-bench workshop` runs it alone.
WorkshopBenchmark.run(bike)
