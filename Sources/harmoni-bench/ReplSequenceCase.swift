import Foundation
import Harmoni

/// Case 10: the REPL's rhythm (issue 12, "prepared once"): 20 decisions typed one at a time,
/// each followed by `show impact`, through one `Session` on the shipped dataset — 40 statements,
/// each parsed and run as a REPL line is. The session (and its prepared baseline) is made inside
/// the timing, so the figure is the whole sequence from a fresh session.
@MainActor
enum ReplSequenceCase {
    static func run(loaded: LoadedDataset, datasetFolder: String) {
        let lines = statements(loaded, datasetFolder)
        func sequence() -> Int {
            let session = Session(state: SessionState(dataset: loaded.dataset, datasetPaths: [datasetFolder]))
            var errors = 0
            for (n, line) in lines.enumerated() {
                let result = session.run(SourceFile(name: "<repl:\(n + 1)>", text: line))
                errors += result.diagnostics.filter { $0.severity == .error }.count
            }
            return errors
        }
        let errors = sequence()
        Report.add(
            Measure.time("10 REPL-like: 20 decisions, each followed by show impact", runs: 50, minimum: 5, budget: 5_000_000_000) {
                _ = sequence()
            }, target: .medianAtMost(20_000_000),
            note: "\(lines.count) statements, \(errors) errors")
    }

    /// 20 decisions over the shipped service groups (to lowest, highest, Asker's level, the
    /// weighted mean and the mean in turn), each followed by `show impact`; a decision the dataset
    /// cannot take (a group whose lines the rule cannot price) is left out for the next one, found
    /// on a probe session.
    static func statements(_ loaded: LoadedDataset, _ datasetFolder: String) -> [String] {
        let baseline = SimulationBaseline(loaded.dataset)
        var groups: [String] = []
        for item in baseline.catalog.items where item.key.kind == .fee && !groups.contains(item.key.group) {
            groups.append(item.key.group)
        }
        let rules = ["lowest", "highest", "asker", "weighted", "mean"]
        let probe = Session(state: SessionState(dataset: loaded.dataset, datasetPaths: [datasetFolder]))
        var lines: [String] = []
        var n = 0
        while lines.count < 40, n < groups.count * rules.count {
            let decision = "harmonise \(groups[n % groups.count]).* to \(rules[(n / groups.count + n) % rules.count])"
            n += 1
            let result = probe.run(SourceFile(name: "<probe>", text: decision))
            guard !result.diagnostics.contains(where: { $0.severity == .error }) else { continue }
            lines += [decision, "show impact"]
        }
        return lines
    }
}
