// swift-tools-version: 6.0
// Harmoni: compare and harmonise the fees, coverage rates and subsidies of
// Asker, Røyken and Hurum (nye Asker, 2020). Foundation only, plus GNU readline.
import PackageDescription

let package = Package(
    name: "Harmoni",
    products: [
        .library(name: "Harmoni", targets: ["Harmoni"]),
        .executable(name: "harmoni", targets: ["harmoni"]),
        // The fuzz checks and generators, for the libFuzzer harnesses (Tests/libfuzzer).
        .library(name: "HarmoniFuzzing", targets: ["HarmoniFuzzing"]),
    ],
    targets: [
        // Exact money, rates, identifiers, provenance and the typed model. Depends on nothing.
        .target(name: "HarmoniModel"),
        // Source files, lexer, parser, diagnostics, formatter. Turns text into syntax trees.
        .target(name: "HarmoniLanguage", dependencies: ["HarmoniModel"]),
        // Result tables (what every comparison and budget becomes) and their terminal rendering.
        .target(name: "HarmoniReport", dependencies: ["HarmoniModel"]),
        // The diff engine: normalised comparisons, structural findings, typical households, change sets.
        .target(name: "HarmoniCompare", dependencies: ["HarmoniModel", "HarmoniReport"]),
        // The budget-impact simulator: decisions, phasing, ledger, goal-seek, skyggebudsjett.
        .target(name: "HarmoniSimulate", dependencies: ["HarmoniModel", "HarmoniCompare", "HarmoniReport"]),
        // Population microsimulation: households and persons of nye Asker (synthetic or loaded),
        // priced by the household engine on the simulator's scenario prices.
        .target(name: "HarmoniPopulation", dependencies: ["HarmoniModel", "HarmoniCompare", "HarmoniSimulate", "HarmoniReport"]),
        // Ranges on estimates, carried through results; sensitivity and sweeps. Reruns the
        // simulator and the diff engine on datasets with estimates moved within their ranges.
        .target(name: "HarmoniUncertainty", dependencies: ["HarmoniModel", "HarmoniReport", "HarmoniSimulate"]),
        // Exporters: CSV for Excel, Markdown, JSON, HTML with inline SVG. Pure functions of tables.
        .target(name: "HarmoniExport", dependencies: ["HarmoniModel", "HarmoniReport"]),
        // Loading datasets, the interpreter and REPL session, the CLI commands' logic.
        // Re-exports the parts above.
        .target(
            name: "Harmoni",
            dependencies: [
                "HarmoniModel", "HarmoniLanguage", "HarmoniReport", "HarmoniCompare", "HarmoniSimulate", "HarmoniExport",
                "HarmoniPopulation",
                "HarmoniUncertainty",
            ]),
        // GNU readline (GPL-3.0-or-later), used only by the executable's line reader.
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        .executableTarget(name: "harmoni", dependencies: ["Harmoni", "CReadline"]),
        // Benchmarks: `swift run -c release harmoni-bench` prints timings and peak memory. It
        // depends on the two executables so they are built beside it for the process-start case.
        .executableTarget(name: "harmoni-bench", dependencies: ["Harmoni", "harmoni", "harmoni-hello"]),
        // The reliability harness (docs/RELIABILITY.md): seeded fuzzing of the front end and the
        // statement runner with crash and hang detection, kill -9 during writes, a REPL soak.
        // Depends on `harmoni` so the executable it kills and soaks is built beside it.
        .executableTarget(name: "harmoni-fuzz", dependencies: ["Harmoni", "HarmoniFuzzing", "harmoni"]),
        // The fuzz checks (front end, statement runner) and the front end's program generator,
        // shared by harmoni-fuzz, the tests and the libFuzzer harnesses (Tests/libfuzzer).
        .target(name: "HarmoniFuzzing", dependencies: ["Harmoni"]),
        // The floor for process-start timings: a bare Foundation "hello".
        .executableTarget(name: "harmoni-hello"),
        .testTarget(name: "HarmoniTests", dependencies: ["Harmoni", "HarmoniFuzzing"], exclude: ["__Snapshots__"]),
    ],
    swiftLanguageModes: [.v6]
)
