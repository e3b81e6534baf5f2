import Foundation

/// A small seeded random generator (SplitMix64): the same seed gives the same sequence on every
/// machine, so a failing randomised test can be replayed from the seed it prints.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

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
