import HarmoniModel

/// An exact ratio of two whole numbers in `Int128`, kept reduced with a positive denominator.
///
/// The simulator multiplies money by deflator indexes (products of yearly growth factors), group
/// factors (target ÷ own price) and volumes (decimal counts) without rounding in between; the
/// single rounding happens in ``apply(to:rounding:)``, which names its rule.
public struct ExactFraction: Sendable, Hashable, CustomStringConvertible {
    /// The numerator (carries the sign).
    public let numerator: Int128
    /// The denominator, always positive.
    public let denominator: Int128

    /// `numerator / denominator`, reduced; `nil` when the denominator is zero.
    public init?(_ numerator: Int128, _ denominator: Int128) {
        guard denominator != 0 else { return nil }
        // The same reduction in 64-bit arithmetic when both fit (128-bit division is a library call).
        if let n = Int64(exactly: numerator), let d = Int64(exactly: denominator) {
            let divisor = ExactFraction.gcd64(n.magnitude, d.magnitude)
            let reduced = Int128(n.magnitude / divisor)
            self.numerator = (n < 0) != (d < 0) ? -reduced : reduced
            self.denominator = Int128(d.magnitude / divisor)
            return
        }
        let sign: Int128 = denominator < 0 ? -1 : 1
        let divisor = ExactFraction.gcd(numerator, denominator)
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    private init(reduced numerator: Int128, _ denominator: Int128) {
        self.numerator = numerator
        self.denominator = denominator
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
        self = ExactFraction(Int128(Rate.ppmPerUnit + rate.ppm), Int128(Rate.ppmPerUnit)) ?? .one
    }

    /// A decimal number as a fraction: 94,8 → 948 / 10.
    public init(decimal: DecimalNumber) {
        var denominator: Int128 = 1
        for _ in 0..<decimal.scale { denominator *= 10 }
        self = ExactFraction(Int128(decimal.significand), denominator) ?? .zero
    }

    /// The ratio of two amounts (`a / b`); `nil` when `b` is zero.
    public init?(_ a: Money, over b: Money) {
        self.init(Int128(a.ore), Int128(b.ore))
    }

    /// Exact product.
    public static func * (a: ExactFraction, b: ExactFraction) -> ExactFraction {
        // Cross-reduce first so products of a few yearly factors stay far from Int128's limits.
        if let an = Int64(exactly: a.numerator), let ad = Int64(exactly: a.denominator),
            let bn = Int64(exactly: b.numerator), let bd = Int64(exactly: b.denominator)
        {
            // The same in 64 bits: the gcds and quotients fit, the products are taken in 128.
            let g1 = gcd64(an.magnitude, bd.magnitude)
            let g2 = gcd64(bn.magnitude, ad.magnitude)
            let left = Int128(an.magnitude / g1) * Int128(bn.magnitude / g2)
            return ExactFraction(
                reduced: (an < 0) != (bn < 0) ? -left : left,
                Int128(ad.magnitude / g2) * Int128(bd.magnitude / g1))
        }
        let g1 = gcd(a.numerator, b.denominator)
        let g2 = gcd(b.numerator, a.denominator)
        return ExactFraction(
            reduced: (a.numerator / g1) * (b.numerator / g2), (a.denominator / g2) * (b.denominator / g1))
    }

    /// Exact quotient; `nil` when dividing by zero.
    public static func / (a: ExactFraction, b: ExactFraction) -> ExactFraction? {
        guard b.numerator != 0 else { return nil }
        let reciprocal =
            b.numerator < 0
            ? ExactFraction(reduced: -b.denominator, -b.numerator) : ExactFraction(reduced: b.denominator, b.numerator)
        return a * reciprocal
    }

    /// Exact sum.
    public static func + (a: ExactFraction, b: ExactFraction) -> ExactFraction {
        ExactFraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator) ?? .zero
    }

    /// Exact difference.
    public static func - (a: ExactFraction, b: ExactFraction) -> ExactFraction {
        ExactFraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator) ?? .zero
    }

    /// True when the fraction is exactly one.
    public var isOne: Bool { numerator == denominator }

    /// `money × self`, rounded once by `rounding` (its step and mode). `nil` if the result does not fit.
    public func apply(to money: Money, rounding: RoundingRule) -> Money? {
        let step = Int128(rounding.step.ore)
        let product = Int128(money.ore) * numerator
        let steps = ExactFraction.divide(product, by: denominator * step, mode: rounding.mode)
        return Int64(exactly: steps * step).map { Money(ore: $0) }
    }

    /// A decimal number `self` rounded half-up to `decimals` places (volumes after growth).
    public func decimal(places decimals: Int) -> DecimalNumber? {
        var scale: Int128 = 1
        for _ in 0..<decimals { scale *= 10 }
        let value = ExactFraction.divide(numerator * scale, by: denominator, mode: .halfUp)
        return Int64(exactly: value).map { DecimalNumber(significand: $0, scale: decimals).normalized }
    }

    /// The fraction as a rate in parts per million, rounded half-up.
    public var rate: Rate {
        Rate(
            ppm: Int64(
                exactly: ExactFraction.divide(numerator * Int128(Rate.ppmPerUnit), by: denominator, mode: .halfUp)) ?? 0
        )
    }

    /// `numerator/denominator`.
    public var description: String { "\(numerator)/\(denominator)" }

    /// Integer division of `numerator` by a positive `denominator`, settled by `mode`
    /// (the same rules as ``RoundingMode``: half-up goes away from zero on ties).
    public static func divide(_ numerator: Int128, by denominator: Int128, mode: RoundingMode) -> Int128 {
        precondition(denominator > 0, "denominators are positive by construction")
        // The same arithmetic in 64 bits when both fit (128-bit division is a slow library call).
        if let n = Int64(exactly: numerator), let d = Int64(exactly: denominator) {
            return Int128(divide64(n, by: d, mode: mode))
        }
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder == 0 { return quotient }
        let away: Int128 = numerator < 0 ? quotient - 1 : quotient + 1
        switch mode {
        case .down: return quotient
        case .up: return away
        case .halfUp, .halfEven:
            let twice = remainder.magnitude * 2
            if twice > denominator.magnitude { return away }
            if twice < denominator.magnitude { return quotient }
            if mode == .halfUp { return away }
            return quotient % 2 == 0 ? quotient : away
        }
    }

    /// ``divide(_:by:mode:)`` for a positive 64-bit denominator.
    private static func divide64(_ numerator: Int64, by denominator: Int64, mode: RoundingMode) -> Int64 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder == 0 { return quotient }
        let away: Int64 = numerator < 0 ? quotient - 1 : quotient + 1
        switch mode {
        case .down: return quotient
        case .up: return away
        case .halfUp, .halfEven:
            // remainder.magnitude < denominator ≤ Int64.max, so twice it fits in a UInt64.
            let twice = remainder.magnitude * 2
            if twice > denominator.magnitude { return away }
            if twice < denominator.magnitude { return quotient }
            if mode == .halfUp { return away }
            return quotient % 2 == 0 ? quotient : away
        }
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
        return x == 0 ? 1 : Int128(x)
    }
}
