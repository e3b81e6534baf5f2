import HarmoniModel

/// An exact ratio of two whole numbers, kept reduced with a positive denominator. It never traps
/// and never loses precision.
///
/// The simulator multiplies money by deflator indexes (products of yearly growth factors), group
/// factors (target ÷ own price) and volumes (decimal counts) without rounding in between; the
/// single rounding happens in ``rounded(times:by:mode:)`` (and the functions built on it), which
/// name their rule and return `nil` only when the rounded result does not fit in `Int64`.
///
/// Terms are `Int128` while they fit (the common case, and fast); a product or sum whose terms
/// outgrow 128 bits (ten years of nominal prices, growth compounded over many years) continues in
/// ``BigInt``, with the same values: the result never depends on which form was used.
public struct ExactFraction: Sendable, Hashable, CustomStringConvertible {
    /// The numerator and denominator while both fit in `Int128` (`wide` is `nil`).
    private let n: Int128
    private let d: Int128
    /// The terms when they do not fit in `Int128`; then `n` and `d` are unused (0 and 1).
    private let wide: Wide?

    /// Terms beyond `Int128`, reduced, denominator positive.
    private final class Wide: Sendable {
        let numerator: BigInt
        let denominator: BigInt
        init(_ numerator: BigInt, _ denominator: BigInt) {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// `numerator / denominator`, reduced; `nil` when the denominator is zero.
    public init?(_ numerator: Int128, _ denominator: Int128) {
        guard denominator != 0 else { return nil }
        // Int128.min has no positive counterpart: such terms continue in BigInt.
        guard numerator != .min, denominator != .min else {
            self.init(big: BigInt(numerator), BigInt(denominator))
            return
        }
        // The same reduction in 64-bit arithmetic when both fit (128-bit division is a library call).
        if let n = Int64(exactly: numerator), let d = Int64(exactly: denominator) {
            let divisor = ExactFraction.gcd64(n.magnitude, d.magnitude)
            let reduced = Int128(n.magnitude / divisor)
            self.init(reduced: (n < 0) != (d < 0) ? -reduced : reduced, Int128(d.magnitude / divisor))
            return
        }
        let sign: Int128 = denominator < 0 ? -1 : 1
        let divisor = ExactFraction.gcd(numerator, denominator)
        self.init(reduced: sign * numerator / divisor, sign * denominator / divisor)
    }

    private init(reduced numerator: Int128, _ denominator: Int128) {
        self.init(n: numerator, d: denominator, wide: nil)
    }

    /// `numerator / denominator` of any size, reduced (the denominator is not zero); the `Int128`
    /// form when the reduced terms fit.
    private init(big numerator: BigInt, _ denominator: BigInt) {
        let divisor = BigInt.gcd(numerator, denominator)
        let sign = denominator.isNegative ? BigInt(Int64(-1)) : BigInt(Int64(1))
        var top = numerator * sign
        var bottom = denominator * sign
        if divisor != BigInt(Int64(1)), let q1 = top.quotientAndRemainder(dividingBy: divisor)?.quotient,
            let q2 = bottom.quotientAndRemainder(dividingBy: divisor)?.quotient
        {
            (top, bottom) = (q1, q2)
        }
        if let small = top.int128, let smallDenominator = bottom.int128, small != .min {
            self.init(reduced: small, smallDenominator)
        } else {
            self.init(n: 0, d: 1, wide: Wide(top, bottom))
        }
    }

    private init(n: Int128, d: Int128, wide: Wide?) {
        self.n = n
        self.d = d
        self.wide = wide
    }

    /// The whole number `value`.
    public init(_ value: Int64) { self.init(reduced: Int128(value), 1) }

    /// One.
    public static let one = ExactFraction(1)
    /// Zero.
    public static let zero = ExactFraction(0)

    /// A rate as a fraction: 3,1 % → 31 000 / 1 000 000.
    public init(rate: Rate) {
        self = ExactFraction(Int128(rate.ppm), Int128(Rate.ppmPerUnit)) ?? .zero
    }

    /// The growth factor of a rate: 3,1 % → 1,031.
    public init(growth rate: Rate) {
        self = ExactFraction(Int128(Rate.ppmPerUnit) + Int128(rate.ppm), Int128(Rate.ppmPerUnit)) ?? .one
    }

    /// A decimal number as a fraction: 94,8 → 948 / 10.
    public init(decimal: DecimalNumber) {
        let scale = max(0, decimal.scale)
        if scale <= 38, let denominator = ExactFraction.powerOfTen(scale) {
            self = ExactFraction(Int128(decimal.significand), denominator) ?? .zero
        } else {
            var denominator = BigInt(Int64(1))
            for _ in 0..<scale { denominator = denominator * BigInt(Int64(10)) }
            self.init(big: BigInt(decimal.significand), denominator)
        }
    }

    /// The ratio of two amounts (`a / b`); `nil` when `b` is zero.
    public init?(_ a: Money, over b: Money) {
        self.init(Int128(a.ore), Int128(b.ore))
    }

    /// The terms as whole numbers of any size.
    private var bigTerms: (numerator: BigInt, denominator: BigInt) {
        if let wide { return (wide.numerator, wide.denominator) }
        return (BigInt(n), BigInt(d))
    }

    /// Exact product.
    public static func * (a: ExactFraction, b: ExactFraction) -> ExactFraction {
        if a.wide == nil, b.wide == nil {
            // Cross-reduce first so products of a few yearly factors stay far from Int128's limits.
            if let an = Int64(exactly: a.n), let ad = Int64(exactly: a.d), let bn = Int64(exactly: b.n),
                let bd = Int64(exactly: b.d)
            {
                // The same in 64 bits: the gcds and quotients fit, the products (< 2¹²⁶) fit in 128.
                let g1 = gcd64(an.magnitude, bd.magnitude)
                let g2 = gcd64(bn.magnitude, ad.magnitude)
                let left = Int128(an.magnitude / g1) * Int128(bn.magnitude / g2)
                return ExactFraction(
                    reduced: (an < 0) != (bn < 0) ? -left : left,
                    Int128(ad.magnitude / g2) * Int128(bd.magnitude / g1))
            }
            let g1 = gcd(a.n, b.d)
            let g2 = gcd(b.n, a.d)
            let (top, o1) = (a.n / g1).multipliedReportingOverflow(by: b.n / g2)
            let (bottom, o2) = (a.d / g2).multipliedReportingOverflow(by: b.d / g1)
            if !o1, !o2, top != .min { return ExactFraction(reduced: top, bottom) }
        }
        let (x, y) = (a.bigTerms, b.bigTerms)
        return ExactFraction(big: x.numerator * y.numerator, x.denominator * y.denominator)
    }

    /// Exact quotient; `nil` when dividing by zero.
    public static func / (a: ExactFraction, b: ExactFraction) -> ExactFraction? {
        guard !b.isZero else { return nil }
        return a * b.reciprocal
    }

    /// `1 / self` (self is not zero).
    private var reciprocal: ExactFraction {
        if let wide { return ExactFraction(big: wide.denominator, wide.numerator) }
        return n < 0 ? ExactFraction(reduced: -d, -n) : ExactFraction(reduced: d, n)
    }

    /// Exact sum.
    public static func + (a: ExactFraction, b: ExactFraction) -> ExactFraction {
        if a.wide == nil, b.wide == nil {
            let (p, o1) = a.n.multipliedReportingOverflow(by: b.d)
            let (q, o2) = b.n.multipliedReportingOverflow(by: a.d)
            let (top, o3) = p.addingReportingOverflow(q)
            let (bottom, o4) = a.d.multipliedReportingOverflow(by: b.d)
            if !o1, !o2, !o3, !o4, let sum = ExactFraction(top, bottom) { return sum }
        }
        let (x, y) = (a.bigTerms, b.bigTerms)
        return ExactFraction(
            big: x.numerator * y.denominator + y.numerator * x.denominator, x.denominator * y.denominator)
    }

    /// Exact difference.
    public static func - (a: ExactFraction, b: ExactFraction) -> ExactFraction { a + b.negated }

    /// `-self`.
    public var negated: ExactFraction {
        if let wide { return ExactFraction(big: -wide.numerator, wide.denominator) }
        return n == .min ? ExactFraction(big: -BigInt(n), BigInt(d)) : ExactFraction(reduced: -n, d)
    }

    /// True when the fraction is exactly one.
    public var isOne: Bool { wide == nil && n == d }

    /// True when the fraction is zero.
    public var isZero: Bool { wide == nil && n == 0 }

    /// -1, 0 or 1.
    public var signum: Int {
        if let wide { return wide.numerator.signum }
        return n < 0 ? -1 : n == 0 ? 0 : 1
    }

    /// `multiplier × self ÷ divisor` rounded to a whole number by `mode` (the divisor positive), or
    /// `nil` when the result does not fit in `Int64`. Every rounding of the simulator is this one
    /// function: øre of an amount, a price step, two decimals of a volume.
    public func rounded(times multiplier: Int128, by divisor: Int128, mode: RoundingMode) -> Int64? {
        precondition(divisor > 0, "divisors are positive by construction")
        if wide == nil {
            let (top, o1) = multiplier.multipliedReportingOverflow(by: n)
            let (bottom, o2) = d.multipliedReportingOverflow(by: divisor)
            if !o1, !o2, top != .min { return Int64(exactly: RoundingRule.divide(top, by: bottom, mode: mode)) }
        }
        let terms = bigTerms
        return ExactFraction.roundedQuotient(
            BigInt(multiplier) * terms.numerator, terms.denominator * BigInt(divisor), mode: mode)
    }

    /// `money × self`, rounded once by `rounding` (its step and mode). `nil` if the result does not fit.
    public func apply(to money: Money, rounding: RoundingRule) -> Money? {
        let step = rounding.step.ore
        guard let steps = rounded(times: Int128(money.ore), by: Int128(step), mode: rounding.mode) else { return nil }
        let (ore, overflow) = steps.multipliedReportingOverflow(by: step)
        return overflow ? nil : Money(ore: ore)
    }

    /// A decimal number `self` rounded half-up to `decimals` places (volumes after growth).
    public func decimal(places decimals: Int) -> DecimalNumber? {
        guard (0...18).contains(decimals), let scale = ExactFraction.powerOfTen(decimals),
            let value = rounded(times: scale, by: 1, mode: .halfUp)
        else { return nil }
        return DecimalNumber(significand: value, scale: decimals).normalized
    }

    /// The fraction as a rate in parts per million, rounded half-up; `nil` if it does not fit.
    public var rate: Rate? {
        rounded(times: Int128(Rate.ppmPerUnit), by: 1, mode: .halfUp).map { Rate(ppm: $0) }
    }

    /// `numerator/denominator`.
    public var description: String {
        if let wide { return "\(wide.numerator)/\(wide.denominator)" }
        return "\(n)/\(d)"
    }

    public static func == (a: ExactFraction, b: ExactFraction) -> Bool {
        switch (a.wide, b.wide) {
        case (nil, nil): return a.n == b.n && a.d == b.d
        case (let x?, let y?): return x.numerator == y.numerator && x.denominator == y.denominator
        default: return false  // the form is canonical: a value that fits is never wide
        }
    }

    public func hash(into hasher: inout Hasher) {
        if let wide {
            hasher.combine(wide.numerator)
            hasher.combine(wide.denominator)
        } else {
            hasher.combine(n)
            hasher.combine(d)
        }
    }

    /// `numerator / denominator` (positive) settled by `mode`, if it fits in `Int64`.
    private static func roundedQuotient(_ numerator: BigInt, _ denominator: BigInt, mode: RoundingMode) -> Int64? {
        guard let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator) else { return nil }
        // A quotient beyond Int128 is far beyond Int64: no rounding brings it back.
        guard let q = quotient.int128 else { return nil }
        if remainder.isZero { return Int64(exactly: q) }
        let away = numerator.isNegative ? q - 1 : q + 1
        let twice = remainder.magnitude + remainder.magnitude
        return Int64(exactly: RoundingRule.settle(q, away: away, twice: twice, denominator: denominator, mode: mode))
    }

    /// 10ⁿ for 0 ≤ n ≤ 38.
    private static func powerOfTen(_ exponent: Int) -> Int128? {
        guard (0...38).contains(exponent) else { return nil }
        var value: Int128 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The greatest common divisor of two magnitudes; 1 when both are zero (as ``gcd(_:_:)``).
    private static func gcd64(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }

    private static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var x = a.magnitude
        var y = b.magnitude
        while y != 0 {
            // Once both fit in 64 bits, finish in 64-bit arithmetic (the same remainders).
            if let x64 = UInt64(exactly: x), let y64 = UInt64(exactly: y) { return Int128(gcd64(x64, y64)) }
            (x, y) = (y, x % y)
        }
        // Terms are never Int128.min here, so the gcd fits.
        return x == 0 ? 1 : Int128(x)
    }
}
