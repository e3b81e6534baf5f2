import Foundation
import Harmoni
import HarmoniFuzzing

/// A fuzz target: makes case `index` of a run with `seed` and runs it in this process.
enum Target: String, CaseIterable {
    /// The front end: parse → format → parse gives the same tree, formatting is idempotent.
    case front
    /// The statement runner: generated scenarios through a session, every table rendered.
    case runner

    /// The input of one case.
    func input(seed: UInt64, index: Int) -> String {
        switch self {
        case .front:
            return frontCase(seed: seed, index: index)
        case .runner:
            var generator = ScenarioGenerator(random: Random.forCase(seed, index))
            return generator.scenario()
        }
    }

    /// Runs one input through its check (HarmoniFuzzing's ``FuzzChecks``, which the tests and
    /// the libFuzzer harnesses run too); returns a broken promise, or nil. A crash ends the
    /// process (the supervisor records it).
    func run(_ text: String, context: RunnerContext) -> String? {
        switch self {
        case .front: return FuzzChecks.frontEnd(text)
        case .runner: return FuzzChecks.runner(text, context: context)
        }
    }
}
