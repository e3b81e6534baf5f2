import Foundation
import HarmoniModel

/// The seeded generator of every randomised test: HarmoniModel's ``SeededGenerator`` (SplitMix64,
/// the one `harmoni-fuzz` draws from too), named here for the test files that do not import it.
typealias SplitMix64 = HarmoniModel.SeededGenerator

extension SplitMix64 {
    /// The seed to use: `HARMONI_SEED` if set (to replay a failure), else a fixed default.
    static func seed(default value: UInt64) -> UInt64 {
        if let text = ProcessInfo.processInfo.environment["HARMONI_SEED"], let seed = UInt64(text) { return seed }
        return value
    }
}

extension Array {
    /// A random element (the array must not be empty).
    func pick(_ random: inout SplitMix64) -> Element {
        self[Int(random.next() % UInt64(count))]
    }
}
