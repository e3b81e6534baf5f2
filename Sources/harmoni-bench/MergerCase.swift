import Harmoni

/// Case 6: a generated merger of 50 municipalities × 200 fee lines × 10 years: a comparison of
/// every service across all 50, the prepared baseline, and a simulation with a decision on every
/// service. (6a, a diff between two dataset versions, measured `ChangeSet`, which issue 12 removed:
/// nothing in Harmoni used it.)
@MainActor
enum MergerCase {
    static func run() {
        let merger = SyntheticMerger()
        var old = Dataset()
        Report.add(
            Measure.time("6- generate the synthetic dataset (not in the target)", runs: 5, warmup: 1) {
                old = merger.dataset()
            }, note: "\(old.fees.count) fee rows, \(old.volumes.count) volumes")
        let new = merger.revised(old)
        let municipalities = merger.municipalityIDs
        let scenario = merger.scenario()

        var rows = 0
        let compare = Measure.time("6b compare every service across 50 municipalities", runs: 20, minimum: 3, budget: 10_000_000_000) {
            rows = 0
            for service in new.services {
                rows += new.compare(.service(service.id), year: 2019, municipalities: municipalities).rows.count
            }
        }
        Report.add(compare, note: "\(rows) rows × \(municipalities.count) values")

        var baseline = SimulationBaseline(new, municipalities: municipalities)
        let prepare = Measure.time("6c prepare the simulation baseline", runs: 20, minimum: 3, budget: 10_000_000_000) {
            baseline = SimulationBaseline(new, municipalities: municipalities)
        }
        Report.add(prepare, note: "\(baseline.catalog.items.count) items")

        var ledger = Simulator.run(baseline: baseline, scenario: scenario)
        let simulate = Measure.time("6d simulate: 20 decisions × 10 years", runs: 20, minimum: 3, budget: 10_000_000_000) {
            ledger = Simulator.run(baseline: baseline, scenario: scenario)
        }
        let problems = ledger.problems.map(\.en).joined(separator: "; ")
        Report.add(simulate, note: "\(ledger.lines.count) ledger lines")
        if !problems.isEmpty { Report.note("6d: decisions that could not be applied: \(problems)") }

        let total = Measurement(
            name: "6  compare + prepare + simulate (sum of medians)", runs: 1,
            nanoseconds: [compare.median + prepare.median + simulate.median],
            peakKilobytes: Measure.peakMemoryKilobytes())
        Report.add(total, target: .medianAtMost(200_000_000))
    }
}

