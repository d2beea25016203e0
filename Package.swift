// swift-tools-version: 6.0
import PackageDescription

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
    // Pure domain: case studies, validation, sessions, progress, reports. Never ncurses.
    .target(
      name: "CaseBenchCore",
      dependencies: ["CYAML"],
      resources: [
        .embedInCode("Resources/bike-shop.yaml"), .embedInCode("Resources/report.css"),
      ]
    ),
    // Screens as pure functions of state: update(state, event) and render(state, size).
    .target(
      name: "CaseBenchTUI",
      dependencies: ["CaseBenchCore"]
    ),
    // The ncurses backend: the only importer of CNcursesw and CCaseBenchSignals.
    .target(
      name: "CaseBenchTerminal",
      dependencies: ["CNcursesw", "CCaseBenchSignals", "CaseBenchTUI"]
    ),
    .executableTarget(
      name: "casebench",
      dependencies: [
        "CaseBenchCore", "CaseBenchTUI", "CaseBenchTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Timing harness for the quality bars: swift run -c release casebench-bench
    .executableTarget(
      name: "casebench-bench",
      dependencies: ["CaseBenchCore", "CaseBenchTUI", "CYAML"],
      path: "Benchmarks"
    ),
    // libFuzzer targets for the two loaders: scripts/fuzz builds them with the sanitizers.
    // An ordinary build makes them replay tools (fuzz-case-study FILE..., fuzz-session FILE...).
    .executableTarget(
      name: "fuzz-case-study",
      dependencies: ["CaseBenchCore"],
      path: "Fuzz/CaseStudyFuzzer"
    ),
    .executableTarget(
      name: "fuzz-session",
      dependencies: ["CaseBenchCore", "CaseBenchTUI"],
      path: "Fuzz/SessionFuzzer"
    ),
    .testTarget(
      name: "CaseBenchCoreTests",
      dependencies: ["CaseBenchCore"],
      exclude: ["Fixtures", "Golden"]
    ),
    .testTarget(
      name: "CaseBenchTUITests",
      dependencies: ["CaseBenchTUI", "CaseBenchCore"],
      exclude: ["Golden"]
    ),
    // Runs the built casebench binary: exit codes, messages and files, as a script would see them.
    .testTarget(
      name: "casebenchTests",
      dependencies: ["casebench"]
    ),
    .testTarget(
      name: "CaseBenchTerminalTests",
      dependencies: ["CaseBenchTerminal", "CaseBenchTUI"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
