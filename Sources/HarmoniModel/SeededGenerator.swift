/// SplitMix64 (Steele, Lea and Flood 2014): a small seeded generator whose output depends only on
/// the seed, the same on every machine (integer arithmetic, wrapping). The one seeded generator
/// of the libraries: the population's synthesis and the uncertainty engine's draws both use it.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (`bound > 0`), without modulo bias (Lemire's method with rejection).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "below(_:) needs a positive bound")
        let n = UInt64(bound)
        while true {
            let product = next().multipliedFullWidth(by: n)
            if product.low >= (0 &- n) % n { return Int(product.high) }
        }
    }

    /// True with probability `ppm` / 1 000 000.
    public mutating func chance(ppm: Int64) -> Bool { Int64(below(1_000_000)) < ppm }

    /// Picks `count` distinct positions of `0..<total` (a partial Fisher–Yates shuffle), in draw order.
    public mutating func choose(_ count: Int, of total: Int) -> [Int] {
        var pool = Array(0..<total)
        let wanted = min(count, total)
        for index in 0..<wanted {
            let other = index + below(total - index)
            pool.swapAt(index, other)
        }
        return Array(pool.prefix(wanted))
    }

    /// Shuffles an array in place (Fisher–Yates).
    public mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for index in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(index, below(index + 1))
        }
    }

    /// An approximately standard normal number in Q32 fixed point (value × 2³²): the sum of twelve
    /// uniform 32-bit numbers minus six (Irwin–Hall), so it lies in −6…6. Exact integer arithmetic.
    public mutating func normalQ32() -> Int64 {
        var sum: Int64 = 0
        for _ in 0..<6 {
            let bits = next()
            sum += Int64(bits & 0xFFFF_FFFF) + Int64(bits >> 32)
        }
        return sum - 6 << 32
    }
}
