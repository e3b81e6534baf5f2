import Foundation
import Harmoni

/// Case 4: the flagship scenario (every service group × 3 municipalities × 4 years) evaluated
/// in-process on a prepared baseline: simulate and build the ledger, no dataset load.
@MainActor
enum FlagshipCase {
    /// The file of the rådmann's principles, timed through a `Session` when present.
    static let flagshipFile = "scenarios/hp2020-radmannens-prinsipper.harmoni"

    static func run(baseline: SimulationBaseline, loaded: LoadedDataset, datasetFolder: String) {
        let scenario = scenario(baseline)
        var ledger = Simulator.run(baseline: baseline, scenario: scenario)
        let shape =
            "\(scenario.decisions.count) decisions, \(ledger.lines.count) ledger lines, "
            + "\(ledger.ruleChanges.count) rule changes"
        Report.add(
            Measure.time("4a flagship (in code): Simulator.run, prepared baseline", runs: 2_000, warmup: 20) {
                ledger = Simulator.run(baseline: baseline, scenario: scenario)
            }, target: .medianAtMost(100_000), note: shape)
        if !ledger.problems.isEmpty || !ledger.checkInvariants().isEmpty {
            Report.note("4a: the ledger has problems or broken invariants: \(ledger.problems) \(ledger.checkInvariants())")
        }
        Report.add(
            Measure.time("4b flagship (in code): prepare baseline + run", runs: 200, warmup: 5) {
                _ = Simulator.run(baseline: baseline.dataset, scenario: scenario)
            })
        runFile(loaded: loaded, datasetFolder: datasetFolder)
    }

    /// Parses and runs the flagship scenario file through a fresh `Session` each time.
    private static func runFile(loaded: LoadedDataset, datasetFolder: String) {
        let root = URL(fileURLWithPath: datasetFolder).deletingLastPathComponent()
        let path = root.appendingPathComponent(flagshipFile).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            Report.note("4c skipped: \(flagshipFile) is not in this checkout")
            return
        }
        let file = SourceFile(name: flagshipFile, text: text)
        let probe = Session(state: SessionState(dataset: loaded.dataset, datasetPaths: [datasetFolder]), workingDirectory: root.path)
        let result = probe.run(file)
        Report.add(
            Measure.time("4c flagship file: parse + run through a Session", runs: 200, minimum: 5, budget: 5_000_000_000) {
                let session = Session(
                    state: SessionState(dataset: loaded.dataset, datasetPaths: [datasetFolder]), workingDirectory: root.path)
                _ = session.run(file)
            }, note: "\(probe.state.scenario.decisions.count) decisions, \(result.diagnostics.count) diagnostics")
        let scenario = probe.state.scenario
        Report.add(
            Measure.time("4d flagship file: Simulator.run, prepared baseline", runs: 2_000, warmup: 20) {
                _ = Simulator.run(baseline: SimulationBaseline(loaded.dataset), scenario: scenario)
            })
    }

    /// The in-code equivalent of the rådmann's principles: every fee group and subsidy scheme
    /// harmonised (to the lowest, the volume-weighted mean or Asker's level in turn; vann and
    /// avløp weighted and phased over 2020...2023), and the SFO discount rule adopted from Asker.
    /// A group the three municipalities share no common line of is harmonised line by line.
    static func scenario(_ baseline: SimulationBaseline) -> ScenarioState {
        var scenario = ScenarioState()
        var groups: [String] = []
        for item in baseline.catalog.items where !groups.contains(item.key.group) { groups.append(item.key.group) }
        let rules: [LevelRule] = [.lowest, .weighted, .municipality("asker")]
        for (i, group) in groups.enumerated() {
            let va = group == "vann" || group == "avlop"
            let phasing: Phasing = va ? .linear(from: 2020, to: 2023) : .atOnce(from: nil)
            let preferred: LevelRule = va ? .weighted : rules[i % rules.count]
            let candidates: [(LevelRule, GroupMode)] = [
                (preferred, .structure), (preferred, .each), (.lowest, .each), (.municipality("asker"), .each),
            ]
            for (rule, mode) in candidates {
                let decision = Decision(
                    .level(LevelDecision(verb: .harmonise, target: .group(group), rule: rule, phasing: phasing, mode: mode)))
                if (try? Simulator.validate(decision, baseline: baseline, scenario: scenario)) != nil {
                    scenario.decisions.append(decision)
                    break
                }
            }
        }
        scenario.decisions.append(
            Decision(.rules(RuleDecision(service: "sfo", rule: "moderasjon", source: "asker", fromYear: nil))))
        return scenario
    }
}
