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
