import HarmoniModel

/// The arithmetic of a range rule (``RangeRule/Method``) on one value: exact in `Int128`, the
/// bounds rounded outward (low down, high up) to the value's own decimals — money to at most øre,
/// other numbers below 100 to at least one decimal — so a range never shrinks by rounding.
public enum EstimateBounds {
    /// The bounds of `value` under `rule`, or `nil` when the rule gives an empty range (the value
    /// is 0, or a deflator error for a value that is not money). `others` are the same line's
    /// values in the other municipalities (for spread).
    public static func bounds(
        _ value: DecimalNumber, rule: RangeRule, provenance: Provenance, money: Bool, others: [DecimalNumber] = []
    ) -> (low: DecimalNumber, high: DecimalNumber)? {
        let scale = boundScale(value, money: money)
        var below = rule.below
        var above = rule.above
        if rule.method == .deflatorError {
            guard money else { return nil }
            let years = Int64(max(1, carriedYears(provenance)))
            below = Rate(ppm: min(Rate.ppmPerUnit, rule.perYear.ppm * years))
            above = Rate(ppm: rule.perYear.ppm * years)
        }
        let a = scaled(value, by: Rate.ppmPerUnit - below.ppm, scale: scale)
        let b = scaled(value, by: Rate.ppmPerUnit + above.ppm, scale: scale)
        // a and b are exact fractions over 10^6 at `scale`; round outward.
        var low = min(a, b).floor
        var high = max(a, b).ceiling
        if rule.method == .spread {
            for other in others {
                let o = scaled(other, by: Rate.ppmPerUnit, scale: scale)
                low = min(low, o.floor)
                high = max(high, o.ceiling)
            }
        }
        guard low < high, let lowValue = Int64(exactly: low), let highValue = Int64(exactly: high) else { return nil }
        return (DecimalNumber(significand: lowValue, scale: scale), DecimalNumber(significand: highValue, scale: scale))
    }

    /// Years carried forward: the baseline year of the value (its validity's first year, 2019 if
    /// open) minus the `base YYYY` its method names; 1 when the method names none.
    public static func carriedYears(_ provenance: Provenance) -> Int {
        let year = provenance.validity.from?.year ?? 2019
        let method = provenance.method
        let characters = Array(method)
        let marker = Array("base ")
        guard let start = characters.indices.first(where: { Array(characters[$0...].prefix(marker.count)) == marker })
        else { return 1 }
        let digits = String(characters[(start + marker.count)...].prefix(4))
        guard digits.count == 4, let base = Int(digits), base < year else { return 1 }
        return year - base
    }

    /// The decimals bounds are written with.
    static func boundScale(_ value: DecimalNumber, money: Bool) -> Int {
        let own = value.normalized.scale
        if money { return min(2, own) }
        return value.normalized.significand.magnitude < 100 * pow10(own) ? max(own, 1) : own
    }

    private static func pow10(_ n: Int) -> UInt64 {
        var r: UInt64 = 1
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// `value × factor / 10^6` as a fraction whose numerator is in units of 10^-scale.
    private static func scaled(_ value: DecimalNumber, by factorPPM: Int64, scale: Int) -> Fraction {
        // value = s × 10^-vs; in units of 10^-scale: s × 10^(scale − vs) (scale ≥ vs or divide).
        var numerator = Int128(value.significand) * Int128(factorPPM)
        var denominator = Int128(Rate.ppmPerUnit)
        let shift = scale - value.scale
        if shift >= 0 {
            for _ in 0..<shift { numerator *= 10 }
        } else {
            for _ in 0..<(-shift) { denominator *= 10 }
        }
        return Fraction(numerator: numerator, denominator: denominator)
    }

    /// A non-reduced fraction with a positive denominator, for rounding only.
    struct Fraction: Comparable {
        var numerator: Int128
        var denominator: Int128
        var floor: Int128 {
            let q = numerator / denominator
            return (numerator % denominator != 0 && numerator < 0) ? q - 1 : q
        }
        var ceiling: Int128 {
            let q = numerator / denominator
            return (numerator % denominator != 0 && numerator > 0) ? q + 1 : q
        }
        static func < (a: Fraction, b: Fraction) -> Bool {
            a.numerator * b.denominator < b.numerator * a.denominator
        }
        static func == (a: Fraction, b: Fraction) -> Bool {
            a.numerator * b.denominator == b.numerator * a.denominator
        }
    }
}
