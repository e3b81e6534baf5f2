import Foundation
import Harmoni

// harmoni-bench: speed and memory of Harmoni, measured (never asserted in a test).
// Run with `swift run -c release harmoni-bench [case numbers] [--quick]`; figures go to
// docs/PERFORMANCE.md. `--quick` takes a few runs per case, for profiling under callgrind;
// `--reference` adds case 7b" (the plain population pricing, minutes).
// Cases on the shipped data run first, so the peak memory reported for them is theirs alone.

let executableFolder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent()
guard let datasetFolder = FileAccess.defaultDatasetFolder() else {
    FileHandle.standardError.write(Data("harmoni-bench: cannot find datasets/\n".utf8))
    exit(2)
}
let selected = Set(CommandLine.arguments.dropFirst().compactMap { Int($0) })
for argument in CommandLine.arguments where argument.hasPrefix("--quick") {
    Measure.quick = true
    if let runs = Int(argument.dropFirst("--quick=".count)), argument.hasPrefix("--quick=") { Measure.quickRuns = runs }
}
func wanted(_ number: Int) -> Bool { selected.isEmpty || selected.contains(number) }

Report.write(Machine.description(datasetFolder: datasetFolder) + "\n\n")
Report.header()

if wanted(1) { ProcessStartCase.run(executableFolder: executableFolder, datasetFolder: datasetFolder) }

// 2. Loading and validating the shipped datasets (read, parse, validate every file).
var loaded = DatasetLoader.load(paths: [datasetFolder])
if wanted(2) {
    Report.add(
        Measure.time("2  load + validate shipped datasets", runs: 200, warmup: 5) {
            loaded = DatasetLoader.load(paths: [datasetFolder])
        }, target: .medianAtMost(5_000_000),
        note: "\(loaded.dataset.fees.count) fees, \(loaded.diagnostics.count) diagnostics")
    LoadPhases.run(datasetFolder: datasetFolder)
}

if wanted(4) || wanted(5) {
    let baseline = SimulationBaseline(loaded.dataset)
    if wanted(4) { FlagshipCase.run(baseline: baseline, loaded: loaded, datasetFolder: datasetFolder) }
    if wanted(5) { GoalSeekCase.run(baseline: baseline) }
}
if wanted(2) || wanted(4) || wanted(5) {
    let peak = Measure.peakMemoryKilobytes()
    Report.add(
        Measurement(name: "   peak memory of this process, shipped data", runs: 1, nanoseconds: [], peakKilobytes: peak),
        target: .memoryAtMost(50 * 1024, actualKilobytes: peak))
}

// 3. Parsing and formatting a generated 10 000-line scenario file.
if wanted(3) {
    let generated = BenchInputs.scenario(lines: 10_000)
    let file = SourceFile(name: "bench.harmoni", text: generated)
    Report.add(
        Measure.time("3a parse 10 000-line scenario", runs: 50) {
            _ = Parser.parse(file)
        }, note: "\(generated.utf8.count / 1024) KB")
    let parsed = Parser.parse(file).unit
    Report.add(
        Measure.time("3b format 10 000-line scenario", runs: 50) {
            _ = Formatter.format(parsed)
        })
}

if wanted(10) { ReplSequenceCase.run(loaded: loaded, datasetFolder: datasetFolder) }

if wanted(7) { PopulationCase.run(dataset: loaded.dataset, datasetFolder: datasetFolder) }
if wanted(8) { UncertaintyCase.run(loaded: loaded, datasetFolder: datasetFolder) }

if wanted(6) { MergerCase.run() }
if wanted(9) { MergerScaffoldCase.run(datasetFolder: datasetFolder, template: loaded.dataset) }

Report.markdown()
Report.write("\n" + Machine.load() + "\n")
