import Foundation
import Harmoni

/// Case 8: uncertainty on the flagship scenario — sensitivity over every estimated input, and the
/// flagship file with ranges against the same file without (docs/UNCERTAINTY.md).
@MainActor
enum UncertaintyCase {
    static func run(loaded: LoadedDataset, datasetFolder: String) {
        let root = URL(fileURLWithPath: datasetFolder).deletingLastPathComponent()
        let path = root.appendingPathComponent(FlagshipCase.flagshipFile).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            Report.note("8 skipped: \(FlagshipCase.flagshipFile) is not in this checkout")
            return
        }
        func session() -> Session {
            Session(state: SessionState(dataset: loaded.dataset, datasetPaths: [datasetFolder]), workingDirectory: root.path)
        }
        let lines = text.components(separatedBy: "\n")
        let withRanges = lines.filter { !$0.hasPrefix("show sensitivity") }.joined(separator: "\n")
        let plain = lines.filter { !$0.hasPrefix("show sensitivity") && !$0.hasPrefix("ranges ") }.joined(separator: "\n")
        let probe = session()
        _ = probe.run(SourceFile(name: "flagship", text: plain))
        let scenario = probe.state.scenario
        let inputs = UncertainInputs.make(loaded.dataset)
        // Prepared once, as the session keeps it (`show sensitivity` reads the session's).
        let baseline = SimulationBaseline(loaded.dataset)
        var sensitivity = Sensitivity.rank(baseline: baseline, scenario: scenario, inputs: inputs)
        Report.add(
            Measure.time("8a sensitivity of the flagship over every estimated input", runs: 20, minimum: 3, budget: 3_000_000_000) {
                sensitivity = Sensitivity.rank(baseline: baseline, scenario: scenario, inputs: inputs)
            }, target: .medianAtMost(100_000_000),
            note:
                "\(inputs.count) inputs: \(sensitivity.rows.count) move the result, \(sensitivity.unmoved) run without effect, \(sensitivity.skipped) skipped (no line), \(sensitivity.evaluations) runs")
        var full = sensitivity
        Report.add(
            Measure.time("8a' the same, every input run (no skipping)", runs: 5, minimum: 2, budget: 3_000_000_000) {
                full = Sensitivity.rank(baseline: baseline, scenario: scenario, inputs: inputs, onlyRelevant: false)
            }, note: "\(full.evaluations) runs; same ranking: \(full.rows.map(\.input.id) == sensitivity.rows.map(\.input.id))")
        let plainRun = Measure.time("8b flagship file without ranges (no sensitivity)", runs: 50, minimum: 5, budget: 3_000_000_000) {
            _ = session().run(SourceFile(name: "flagship", text: plain))
        }
        Report.add(plainRun)
        let rangedRun = Measure.time("8c flagship file with ranges on (no sensitivity)", runs: 20, minimum: 3, budget: 5_000_000_000) {
            _ = session().run(SourceFile(name: "flagship", text: withRanges))
        }
        let ratio = Double(rangedRun.median) / Double(max(1, plainRun.median))
        Report.add(
            rangedRun, target: .ratioAtMost(10, actual: ratio),
            note: String(format: "%.1f × the run without ranges", ratio))
    }
}
