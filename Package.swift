// swift-tools-version: 6.0
import PackageDescription

// How the release binary is linked on Linux: the Swift runtime and FoundationEssentials go in
// statically (so the binary runs where Swift is not installed, and starts without loading a
// dozen shared libraries), by lld (GNU ld and gold warn about a mktemp call inside
// FoundationEssentials that casebench never makes), with its 44,000 start-up relocations packed
// into a few kilobytes (RELR; the binary stays position-independent, so its address is still
// randomised). Debug builds, and so `swift test`, link the ordinary way; the tests are not meant
// to be built for release (casebenchTests depends on the executable, and a test runner cannot
// take the Swift runtime statically).
let releaseLinking: [LinkerSetting] = [
  .unsafeFlags(
    ["-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
    .when(platforms: [.linux], configuration: .release)),
  .linkedLibrary("_FoundationCollections", .when(platforms: [.linux], configuration: .release)),
  .linkedLibrary("_FoundationCShims", .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
  name: "casebench",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "casebench", targets: ["casebench"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // A module map and a stateless shim header over ncursesw.
    .systemLibrary(
      name: "CNcursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    // Process-wide signal state in one C file, so the linker guarantees one copy of it.
    .target(
      name: "CCaseBenchSignals",
      linkerSettings: [.linkedLibrary("ncursesw")]
    ),
    // libyaml's event parser, for the YAML composer: a module map over Debian's libyaml-dev.
    .systemLibrary(
      name: "CYAML",
      providers: [.apt(["libyaml-dev"])]
    ),
    // The C library's extended-attribute calls (POSIX ACLs on a workshop folder).
    .systemLibrary(name: "CXattr"),
    // The layers under the screens, each depending only on those above it in this list (their
    // READMEs say what each holds). Never ncurses.
    // The case study, the session, progress, the toolkit, lenses and the workshop's state, as
    // values: no file I/O, no libyaml.
    .target(
      name: "CaseBenchModel",
      exclude: ["README.md"]
    ),
    // Reading case studies: libyaml, the validator and its located diagnostics, the built-in
    // case study and lens, reading files.
    .target(
      name: "CaseBenchLoading",
      dependencies: ["CaseBenchModel", "CYAML"],
      exclude: ["README.md"],
      // Resources/bike-shop.yaml is a link to CaseStudies/bike-shop.yaml: the one file.
      resources: [
        .embedInCode("Resources/bike-shop.yaml"), .embedInCode("Resources/ml-test-score.yaml"),
      ]
    ),
    // Session files (atomic saves, locks, backups, recovery), the sessions folder and workshop
    // folders.
    .target(
      name: "CaseBenchStore",
      dependencies: ["CaseBenchModel", "CaseBenchLoading", "CXattr"],
      exclude: ["README.md"]
    ),
    // status, export, the debrief and the hand-over documents, each with its encoding.
    .target(
      name: "CaseBenchReports",
      dependencies: ["CaseBenchModel", "CaseBenchLoading", "CaseBenchStore"],
      exclude: ["README.md"],
      resources: [.embedInCode("Resources/report.css")]
    ),
    // Screens as pure functions of state: update(state, event) and render(state, size).
    .target(
      name: "CaseBenchTUI",
      dependencies: ["CaseBenchModel", "CaseBenchLoading", "CaseBenchStore", "CaseBenchReports"]
    ),
    // The ncurses backend: the only importer of CNcursesw and CCaseBenchSignals.
    .target(
      name: "CaseBenchTerminal",
      dependencies: ["CNcursesw", "CCaseBenchSignals", "CaseBenchTUI"]
    ),
    .executableTarget(
      name: "casebench",
      dependencies: [
        "CaseBenchModel", "CaseBenchLoading", "CaseBenchStore", "CaseBenchReports",
        "CaseBenchTUI", "CaseBenchTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      linkerSettings: releaseLinking
    ),
    // Timing harness for the quality bars: swift run -c release casebench-bench
    .executableTarget(
      name: "casebench-bench",
      dependencies: [
        "CaseBenchModel", "CaseBenchLoading", "CaseBenchStore", "CaseBenchReports", "CaseBenchTUI",
        "CYAML",
      ],
      path: "Benchmarks"
    ),
    // libFuzzer targets for the two loaders: scripts/fuzz builds them with the sanitizers.
    // An ordinary build makes them replay tools (fuzz-case-study FILE..., fuzz-session FILE...).
    .executableTarget(
      name: "fuzz-case-study",
      dependencies: ["CaseBenchModel", "CaseBenchLoading", "CaseBenchReports"],
      path: "Fuzz/CaseStudyFuzzer"
    ),
    .executableTarget(
      name: "fuzz-session",
      dependencies: ["CaseBenchModel", "CaseBenchLoading", "CaseBenchStore", "CaseBenchTUI"],
      path: "Fuzz/SessionFuzzer"
    ),
    // The domain modules' tests: the model, loading, the store and the reports.
    .testTarget(
      name: "CaseBenchDomainTests",
      dependencies: ["CaseBenchModel", "CaseBenchLoading", "CaseBenchStore", "CaseBenchReports"],
      exclude: ["Fixtures", "Golden"]
    ),
    .testTarget(
      name: "CaseBenchTUITests",
      dependencies: [
        "CaseBenchTUI", "CaseBenchModel", "CaseBenchLoading", "CaseBenchStore", "CaseBenchReports",
      ],
      exclude: ["Golden"]
    ),
    // Runs the built casebench binary: exit codes, messages and files, as a script would see them.
    .testTarget(
      name: "casebenchTests",
      dependencies: ["casebench"]
    ),
    .testTarget(
      name: "CaseBenchTerminalTests",
      dependencies: ["CaseBenchTerminal", "CaseBenchTUI"],
      exclude: ["Golden"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
