import Harmoni

/// Case 5: goal-seek (`solve <line> neutral`) for every fee line of the shipped datasets, each
/// timed on its own on a prepared baseline; the row's samples are the per-line medians.
@MainActor
enum GoalSeekCase {
    static func run(baseline: SimulationBaseline, runsPerLine: Int = 15) {
        var keys: [ItemKey] = []
        for item in baseline.catalog.items where item.key.kind == .fee && !keys.contains(item.key) {
            keys.append(item.key)
        }
        var medians: [UInt64] = []
        var unsolvable = 0
        var slowest = ("", UInt64(0))
        var evaluations = 0
        let scenario = ScenarioState()
        let start = Measure.now()
        for key in keys {
            let decision = LevelDecision(
                verb: .solve, target: .line(group: key.group, line: key.line), rule: .neutral(goal: nil, year: nil))
            guard let results = try? Simulator.solve(decision, baseline: baseline, scenario: scenario) else {
                unsolvable += 1  // no volume in any municipality: the revenue is unknown
                continue
            }
            evaluations += results.map(\.evaluations).reduce(0, +)
            let m = Measure.time(key.description, runs: runsPerLine, warmup: 1) {
                _ = try? Simulator.solve(decision, baseline: baseline, scenario: scenario)
            }
            medians.append(m.median)
            if m.median > slowest.1 { slowest = (key.description, m.median) }
        }
        let total = Measure.now() - start
        let solved = medians.count
        Report.add(
            Measurement(
                name: "5  goal-seek per fee line (median over lines)", runs: solved, nanoseconds: medians,
                peakKilobytes: Measure.peakMemoryKilobytes()),
            target: .allAtMost(1_000_000),
            note:
                "\(solved) lines solved, \(unsolvable) without volume; slowest \(slowest.0) \(Measure.format(slowest.1)); "
                + "\(solved == 0 ? 0 : evaluations / solved) revenue evaluations per line")
        Report.note("5: every line × \(runsPerLine + 1) runs took \(Measure.format(total)) in all")
    }
}
