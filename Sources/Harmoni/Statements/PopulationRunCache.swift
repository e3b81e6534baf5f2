import Foundation
import HarmoniPopulation

/// The last population runs of a session, so `show impact`, `show budget`, `show distribution`
/// and `export population` after one another price the population once per scenario state.
///
/// Keyed by the population's generation (``SessionState/populationGeneration``, bumped whenever
/// a population is built or loaded), the dataset's generation, the scenario, the years and the price basis; holds four runs.
final class PopulationRunCache: @unchecked Sendable {
    struct Key: Hashable {
        var generation: Int
        /// ``SessionState/datasetGeneration``: a `baseline` correction prices the population again.
        var datasetGeneration: Int
        var households: Int
        var scenario: ScenarioState
        var years: [Int]?
        var prices: PriceBasis?
        var everyRulebook: Bool
    }

    private let lock = NSLock()
    private var entries: [(key: Key, run: PopulationRun)] = []

    /// The run for `key`, computing and remembering it when it is not known.
    func run(_ key: Key, _ make: () throws(Diagnostic) -> PopulationRun) throws(Diagnostic) -> PopulationRun {
        lock.lock()
        let known = entries.first { $0.key == key }?.run
        lock.unlock()
        if let known { return known }
        let made = try make()
        lock.lock()
        entries.append((key, made))
        if entries.count > 4 { entries.removeFirst() }
        lock.unlock()
        return made
    }
}
