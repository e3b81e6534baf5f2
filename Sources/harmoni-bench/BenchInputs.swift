/// Generated, seeded inputs for the benchmarks.
enum BenchInputs {
    /// A scenario of `lines` statements mixing every statement shape, deterministic.
    static func scenario(lines: Int) -> String {
        var rng = SplitMix64(seed: 2020)
        let services = ["barnehage", "sfo", "kulturskole", "vann", "avlop", "renovasjon", "byggesak"]
        let municipalities = ["asker", "royken", "hurum"]
        var out = "# generated benchmark scenario\nperiod 2020...2023\n"
        for i in 0..<lines {
            let service = services[Int(rng.next() % UInt64(services.count))]
            switch rng.next() % 6 {
            case 0: out += "harmonise \(service).* to lowest over 2020...2023 round 1 kr\n"
            case 1: out += "let x\(i) = (2 990 kr + \(rng.next() % 1000) kr) * 3,1 %\n"
            case 2: out += "set \(municipalities[Int(rng.next() % 3)]).\(service).linje_\(i) = \(rng.next() % 90_000) kr/mnd from 2021\n"
            case 3: out += "# kommentar \(i)\n"
            case 4: out += "show diff \(service) per year\n"
            default: out += "deflator \(2020 + Int(rng.next() % 4)) = \(rng.next() % 5),\(rng.next() % 10) %\n"
            }
        }
        return out
    }
}

/// A small seeded generator (SplitMix64), so benchmark inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
