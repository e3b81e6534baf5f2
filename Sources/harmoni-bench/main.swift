import Foundation
import Harmoni

// harmoni-bench: speed and memory of Harmoni, measured (never asserted in a test).
// Run with `swift run -c release harmoni-bench`; figures go to docs/PERFORMANCE.md.

let executableFolder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let harmoniPath = executableFolder.appendingPathComponent("harmoni").path
let helloPath = executableFolder.appendingPathComponent("harmoni-hello").path
guard let datasetFolder = FileAccess.defaultDatasetFolder() else {
    FileHandle.standardError.write(Data("harmoni-bench: cannot find datasets/\n".utf8))
    exit(2)
}
var environment = ProcessInfo.processInfo.environment
environment["NO_COLOR"] = "1"
environment["HARMONI_DATASETS"] = datasetFolder

var results: [(Measurement, String)] = []
@MainActor func report(_ m: Measurement, target: String) {
    results.append((m, target))
    let line = "\(m.name.padding(toLength: 52, withPad: " ", startingAt: 0)) runs \(String(m.runs).padding(toLength: 5, withPad: " ", startingAt: 0)) median \(Measure.format(m.median).padding(toLength: 10, withPad: " ", startingAt: 0)) p95 \(Measure.format(m.p95).padding(toLength: 10, withPad: " ", startingAt: 0)) peak \(m.peakKilobytes / 1024) MB   target: \(target)\n"
    FileHandle.standardOutput.write(Data(line.utf8))
}

FileHandle.standardOutput.write(Data("harmoni-bench on \(ProcessInfo.processInfo.processorCount) cores; datasets: \(datasetFolder)\n".utf8))

// 1. Process start.
for (name, path, arguments) in [
    ("1a start: bare Foundation hello (floor)", helloPath, [String]()),
    ("1b start: harmoni --version", harmoniPath, ["--version"]),
    ("1c start: harmoni -e 'print 1 + 1' (loads datasets)", harmoniPath, ["-e", "print 1 + 1"]),
] {
    var samples: [UInt64] = []
    for _ in 0..<3 { _ = Measure.spawn(path, arguments, environment: environment) }
    for _ in 0..<40 { samples.append(Measure.spawn(path, arguments, environment: environment)) }
    report(
        Measurement(name: name, runs: 40, nanoseconds: samples.sorted(), peakKilobytes: Measure.childrenPeakKilobytes()),
        target: name.hasPrefix("1b") ? "≤ 2 × floor" : "-")
}
if results.count >= 2, results[0].0.median > 0 {
    let ratio = Double(results[1].0.median) / Double(results[0].0.median)
    FileHandle.standardOutput.write(Data("    ratio --version / floor: \(String(format: "%.2f", ratio))\n".utf8))
}

// 2. Loading and validating the shipped datasets.
report(Measure.time("2  load + validate shipped datasets", runs: 50) {
    _ = DatasetLoader.load(paths: [datasetFolder])
}, target: "≤ 5 ms")

// 3. Parsing and formatting a generated 10 000-line scenario file.
let generated = BenchInputs.scenario(lines: 10_000)
report(Measure.time("3a parse 10 000-line scenario", runs: 20) {
    _ = Parser.parse(SourceFile(name: "bench.harmoni", text: generated))
}, target: "-")
let parsed = Parser.parse(SourceFile(name: "bench.harmoni", text: generated)).unit
report(Measure.time("3b format 10 000-line scenario", runs: 20) {
    _ = Formatter.format(parsed)
}, target: "-")

BenchCases.runEngineCases(datasetFolder: datasetFolder) { report($0, target: $1) }
