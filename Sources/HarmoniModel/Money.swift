/// An exact amount of Norwegian money, stored as whole øre (1 krone = 100 øre) in an `Int64`.
///
/// Money never passes through floating point. Arithmetic traps on overflow (which would need
/// amounts above 92 billion billion øre); multiplication by a ``Rate`` happens in exactly one
/// function, ``multiplied(by:rounding:)``, which names its rounding rule.
public struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The amount in whole øre.
    public var ore: Int64

    /// Creates an amount from whole øre.
    public init(ore: Int64) { self.ore = ore }

    /// Creates an amount from whole kroner.
    public init(kroner: Int64) { self.ore = kroner * 100 }

    /// Zero kroner.
    public static let zero = Money(ore: 0)

    /// The whole-kroner part, truncated toward zero.
    public var wholeKroner: Int64 { ore / 100 }

    /// True when the amount is a whole number of kroner.
    public var isWholeKroner: Bool { ore % 100 == 0 }

    public static func < (a: Money, b: Money) -> Bool { a.ore < b.ore }
    public static func + (a: Money, b: Money) -> Money { Money(ore: a.ore + b.ore) }
    public static func - (a: Money, b: Money) -> Money { Money(ore: a.ore - b.ore) }
    public static prefix func - (a: Money) -> Money { Money(ore: -a.ore) }
    public static func += (a: inout Money, b: Money) { a.ore += b.ore }
    public static func -= (a: inout Money, b: Money) { a.ore -= b.ore }

    /// The amount times a whole count (months, users, children). Exact.
    public static func * (a: Money, count: Int64) -> Money { Money(ore: a.ore * count) }

    /// Norwegian form with øre only when needed: `2 990 kr`, `1 408,43 kr`, `-12,50 kr`.
    public var description: String { NorwegianFormat.money(self) }

    /// The amount times `rate`, rounded once by `rounding`.
    ///
    /// The product is formed exactly in `Int128` (øre × parts per million) and divided with the
    /// rule's mode to the rule's step. Returns `nil` only if the result does not fit in `Int64`.
    public func multiplied(by rate: Rate, rounding: RoundingRule) -> Money? {
        let numerator = Int128(ore) * Int128(rate.ppm)
        let stepOre = Int128(rounding.step.ore)
        let rounded = RoundingRule.divide(numerator, by: Int128(Rate.ppmPerUnit) * stepOre, mode: rounding.mode) * stepOre
        guard let value = Int64(exactly: rounded) else { return nil }
        return Money(ore: value)
    }

    /// Whole øre from an exact amount of `micro` ÷ `denominator` millionths of a krone (µkr;
    /// 1 øre = 10 000 µkr), settled once by `mode`; `nil` outside the range of `Int64` øre or for a
    /// denominator that is not positive.
    public static func fromMicroKroner(_ micro: Int128, over denominator: Int128 = 1, rounding mode: RoundingMode) -> Money? {
        guard denominator > 0 else { return nil }
        let (scaled, overflow) = denominator.multipliedReportingOverflow(by: 10_000)
        guard !overflow else { return nil }
        return Int64(exactly: RoundingRule.divide(micro, by: scaled, mode: mode)).map { Money(ore: $0) }
    }

    /// The amount times the exact fraction `numerator / denominator`, rounded once by `rounding`.
    ///
    /// Used where a ratio is not a rate, e.g. a share of 11 billed months out of 12, or a
    /// volume-weighted mean (sum of amount × volume, divided by the total volume).
    public func multiplied(byFraction numerator: Int64, over denominator: Int64, rounding: RoundingRule) -> Money? {
        guard denominator != 0 else { return nil }
        // A negative denominator is folded into the numerator so the divisor is positive.
        let sign: Int128 = denominator < 0 ? -1 : 1
        let product = Int128(ore) * Int128(numerator) * sign
        let stepOre = Int128(rounding.step.ore)
        let rounded = RoundingRule.divide(product, by: Int128(denominator) * sign * stepOre, mode: rounding.mode) * stepOre
        guard let value = Int64(exactly: rounded) else { return nil }
        return Money(ore: value)
    }

    /// The amount rounded by `rule` (for example to whole kroner, or to 1 000 kr for a budget table).
    ///
    /// Near the limits of `Int64` (about ±92 billion billion øre) a rounding that would leave the
    /// range goes toward zero by one step instead, so the result is always a multiple of the step.
    public func rounded(_ rule: RoundingRule) -> Money {
        let stepOre = Int128(rule.step.ore)
        let rounded = RoundingRule.divide(Int128(ore), by: stepOre, mode: rule.mode) * stepOre
        if let value = Int64(exactly: rounded) { return Money(ore: value) }
        let towardZero = RoundingRule.divide(Int128(ore), by: stepOre, mode: .down) * stepOre
        return Money(ore: Int64(exactly: towardZero) ?? 0)
    }
}

/// How a division that does not come out even is settled.
public enum RoundingMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ties go away from zero (2,5 → 3; -2,5 → -3): "avrunding etter vanlige regler".
    case halfUp = "half_up"
    /// Ties go to the even neighbour (2,5 → 2; 3,5 → 4): banker's rounding.
    case halfEven = "half_even"
    /// Always toward zero (truncation): 2,9 → 2; -2,9 → -2.
    case down
    /// Always away from zero: 2,1 → 3; -2,1 → -3.
    case up
}

/// A rounding rule: a step (1 øre, 1 krone, 10 kr, 1 000 kr …) and a mode.
public struct RoundingRule: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The step results are rounded to; positive.
    public var step: Money
    /// How ties and remainders are settled.
    public var mode: RoundingMode

    /// Creates a rule; a step of zero or less is treated as one øre.
    public init(step: Money, mode: RoundingMode = .halfUp) {
        self.step = step.ore > 0 ? step : Money(ore: 1)
        self.mode = mode
    }

    /// Half-up to whole øre.
    public static let ore = RoundingRule(step: Money(ore: 1))
    /// Half-up to whole kroner.
    public static let kroner = RoundingRule(step: Money(kroner: 1))
    /// Half-up to the nearest 10 kr.
    public static let tenKroner = RoundingRule(step: Money(kroner: 10))
    /// Half-up to the nearest 1 000 kr (budget tables in 1 000 kr).
    public static let thousandKroner = RoundingRule(step: Money(kroner: 1000))

    /// `half_up to 1 kr`, `half_even to 0,01 kr`.
    public var description: String { "\(mode.rawValue) to \(step)" }

    /// Integer division of `numerator` by a positive `denominator`, settled by `mode`.
    static func divide(_ numerator: Int128, by denominator: Int128, mode: RoundingMode) -> Int128 {
        precondition(denominator > 0, "rounding denominators are positive by construction")
        let quotient = numerator / denominator  // truncates toward zero
        let remainder = numerator % denominator  // same sign as numerator
        if remainder == 0 { return quotient }
        let awayFromZero: Int128 = numerator < 0 ? quotient - 1 : quotient + 1
        switch mode {
        case .down: return quotient
        case .up: return awayFromZero
        case .halfUp, .halfEven:
            let twice = remainder.magnitude * 2
            if twice > denominator.magnitude { return awayFromZero }
            if twice < denominator.magnitude { return quotient }
            if mode == .halfUp { return awayFromZero }
            return quotient % 2 == 0 ? quotient : awayFromZero
        }
    }
}
