import Testing

@testable import HarmoniModel
@testable import HarmoniSimulate

/// ``BigInt`` and the `BigInt` form of ``ExactFraction``, checked against `Int128` where the
/// values fit and against the identities of arithmetic (a = q·b + r, gcd divides both) where they
/// do not, on seeded random cases.
@Suite("Big integers and exact fractions")
struct BigIntTests {
    static func randomInt128(_ g: inout SplitMix64, bits: Int) -> Int128 {
        let high = Int128(Int64.random(in: Int64.min...Int64.max, using: &g))
        let low = Int128(UInt64.random(in: 0...UInt64.max, using: &g))
        let value = high << 64 | low
        return bits >= 127 ? value : value >> Int128(127 - bits)
    }

    @Test("Sums, products and quotients equal Int128's where they fit (5 000 seeded cases)")
    func againstInt128() throws {
        var g = SplitMix64(seed: 15)
        for _ in 0..<5_000 {
            let a = Self.randomInt128(&g, bits: Int.random(in: 1...62, using: &g))
            let b = Self.randomInt128(&g, bits: Int.random(in: 1...62, using: &g))
            #expect((BigInt(a) + BigInt(b)).int128 == a + b)
            #expect((BigInt(a) - BigInt(b)).int128 == a - b)
            #expect((BigInt(a) * BigInt(b)).int128 == a * b)
            guard b != 0 else { continue }
            let division = try #require(BigInt(a).quotientAndRemainder(dividingBy: BigInt(b)))
            #expect(division.quotient.int128 == a / b)
            #expect(division.remainder.int128 == a % b)
            #expect((BigInt(a) < BigInt(b)) == (a < b))
        }
    }

    @Test("Division of large numbers: a = q·b + r with |r| < |b| and the dividend's sign (2 000 cases)")
    func divisionIdentity() throws {
        var g = SplitMix64(seed: 1215)
        for _ in 0..<2_000 {
            var a = BigInt(Self.randomInt128(&g, bits: 120))
            var b = BigInt(Self.randomInt128(&g, bits: Int.random(in: 1...120, using: &g)))
            for _ in 0..<Int.random(in: 0...3, using: &g) { a = a * BigInt(Self.randomInt128(&g, bits: 100)) }
            for _ in 0..<Int.random(in: 0...2, using: &g) { b = b * BigInt(Self.randomInt128(&g, bits: 90)) }
            guard !b.isZero else { continue }
            let (q, r) = try #require(a.quotientAndRemainder(dividingBy: b))
            #expect(q * b + r == a)
            #expect(r.magnitude < b.magnitude)
            #expect(r.isZero || r.isNegative == a.isNegative)
            let d = BigInt.gcd(a, b)
            #expect(try #require(a.quotientAndRemainder(dividingBy: d)).remainder.isZero)
            #expect(try #require(b.quotientAndRemainder(dividingBy: d)).remainder.isZero)
        }
    }

    @Test("Decimal text of big numbers", arguments: [
        (Int128(0), "0"), (Int128(-7), "-7"), (Int128.max, "170141183460469231731687303715884105727"),
        (Int128.min, "-170141183460469231731687303715884105728"),
    ])
    func description(value: Int128, text: String) {
        #expect(BigInt(value).description == text)
        #expect(BigInt(value).int128 == value)
    }

    /// A fraction kept unreduced in BigInt: the reference for ``ExactFraction``.
    struct Reference {
        var numerator: BigInt
        var denominator: BigInt
        func equals(_ f: ExactFraction) -> Bool {
            guard let (n, d) = Self.parse(f) else { return false }
            return n * denominator == numerator * d
        }
        static func parse(_ f: ExactFraction) -> (BigInt, BigInt)? {
            let parts = f.description.split(separator: "/").map(String.init)
            guard parts.count == 2, let n = big(parts[0]), let d = big(parts[1]) else { return nil }
            return (n, d)
        }
        static func big(_ text: String) -> BigInt? {
            var value = BigInt.zero
            let negative = text.hasPrefix("-")
            for c in text.drop(while: { $0 == "-" }) {
                guard let digit = c.wholeNumberValue else { return nil }
                value = value * BigInt(Int64(10)) + BigInt(Int64(digit))
            }
            return negative ? -value : value
        }
    }

    @Test("Chains of yearly factors, sums and quotients equal an unreduced BigInt reference (2 000 chains)")
    func fractionsAgainstReference() throws {
        var g = SplitMix64(seed: 2029)
        for _ in 0..<2_000 {
            var f = ExactFraction.one
            var r = Reference(numerator: BigInt(Int64(1)), denominator: BigInt(Int64(1)))
            for _ in 0..<Int.random(in: 1...24, using: &g) {
                let ppm = Int64.random(in: -999_999...5_000_000, using: &g)
                let step = ExactFraction(growth: Rate(ppm: ppm))
                let top = BigInt(Int64(1_000_000 + ppm))
                let bottom = BigInt(Int64(1_000_000))
                switch Int.random(in: 0..<4, using: &g) {
                case 0, 1:
                    f = f * step
                    r = Reference(numerator: r.numerator * top, denominator: r.denominator * bottom)
                case 2:
                    f = f + step
                    r = Reference(
                        numerator: r.numerator * bottom + top * r.denominator, denominator: r.denominator * bottom)
                default:
                    guard let q = f / step else { continue }
                    f = q
                    r = Reference(numerator: r.numerator * bottom, denominator: r.denominator * top)
                }
                if r.denominator.isNegative { r = Reference(numerator: -r.numerator, denominator: -r.denominator) }
            }
            #expect(r.equals(f), "\(f) vs \(r.numerator)/\(r.denominator)")
            // Rounding agrees with the reference: round(f × 10 000) half-up.
            let scaled = r.numerator * BigInt(Int64(10_000))
            let (q, rem) = try #require(scaled.quotientAndRemainder(dividingBy: r.denominator))
            let twice = rem.magnitude + rem.magnitude
            var expected = q
            if twice >= r.denominator.magnitude { expected = q + BigInt(Int64(scaled.isNegative ? -1 : 1)) }
            let rounded = f.rounded(times: 10_000, by: 1, mode: .halfUp)
            #expect(rounded.map { BigInt($0) } == (expected.int128.flatMap { Int64(exactly: $0) }.map { BigInt($0) }))
        }
    }

    @Test("Ten years of 3,1 % stay exact: 2 843 kr × 1,031¹⁰ rounds as the exact value")
    func tenYearsExact() throws {
        var factor = ExactFraction.one
        for _ in 0..<10 { factor = factor * ExactFraction(growth: Rate(ppm: 31_000)) }
        let lifted = try #require(LevelRounding(step: Money(kroner: 1)).round(ore: factor, times: 284_300))
        // 2 843 × 1,031¹⁰ = 3 858,011… → 3 858 kr.
        #expect(lifted == Money(kroner: 3_858))
        var wide = factor
        for _ in 0..<10 { wide = wide * ExactFraction(growth: Rate(ppm: 13_700)) }
        #expect(wide.description.count > 60)
        #expect((wide / wide) == .one)
    }
}
