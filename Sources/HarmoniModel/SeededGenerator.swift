/// SplitMix64 (Steele, Lea and Flood 2014): a small seeded generator whose output depends only on
/// the seed, the same on every machine (integer arithmetic, wrapping).
public struct SeededGenerator: Sendable, Hashable {
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

/// Fixed-point exponentials: integer arithmetic only, so results do not depend on a machine's libm.
public enum FixedExp {
    /// ln 2 × 2⁶⁰, rounded.
    static let ln2Q60: Int128 = 799_144_290_325_165_979

    /// e^x for `x` in Q32 fixed point (|x| ≤ 40), returned in Q32 (rounded down). Range reduction
    /// x = k·ln 2 + r with 0 ≤ r < ln 2, Taylor series of e^r to 24 terms in Q60, then × 2^k.
    public static func expQ32(_ x: Int64) -> Int128 {
        let x60 = Int128(x) << 28
        var k = x60 / ln2Q60
        var r = x60 - k * ln2Q60
        if r < 0 {
            k -= 1
            r += ln2Q60
        }
        let one: Int128 = 1 << 60
        var term = one
        var sum = one
        for i in 1...24 {
            term = term * r / one / Int128(i)
            if term == 0 { break }
            sum += term
        }
        // sum is e^r in Q60; the result in Q32 is sum × 2^k / 2^28.
        let shift = Int(k) - 28
        return shift >= 0 ? sum << shift : sum >> -shift
    }
}
