import HarmoniModel

/// The few exact integer operations of the diff engine that `Money` and `Rate` do not offer, each
/// with its rounding rule in its name. Everything is computed in `Int128` and converted back with
/// `Int64(exactly:)`; `nil` means the result does not fit (amounts far beyond any budget).
enum Exact {
    /// `numerator / denominator` rounded half-up (ties away from zero), `denominator` positive:
    /// Harmoni's one rounding division, ``RoundingRule/divide(_:by:mode:)``.
    static func divideHalfUp(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        RoundingRule.divide(numerator, by: denominator, mode: .halfUp)
    }

    /// An amount times a quantity (150 m³, 4,5 hours), rounded half-up to øre.
    static func money(_ amount: Money, times quantity: DecimalNumber) -> Money? {
        guard let ratio = quantity.asRatio else { return nil }
        return amount.multiplied(by: ratio, rounding: .ore)
    }

    /// The weighted mean `Σ amountᵢ × weightᵢ / Σ weightᵢ`, rounded half-up to øre. Weights are
    /// counts with up to six decimals; `nil` if the weights sum to zero or less.
    static func weightedMean(_ pairs: [(amount: Money, weight: DecimalNumber)]) -> Money? {
        var sum: Int128 = 0
        var weights: Int128 = 0
        for pair in pairs {
            guard let weight = pair.weight.scaled(to: 6) else { return nil }
            sum += Int128(pair.amount.ore) * Int128(weight)
            weights += Int128(weight)
        }
        guard weights > 0 else { return nil }
        return Int64(exactly: divideHalfUp(sum, weights)).map { Money(ore: $0) }
    }

    /// `part / whole` as a rate rounded half-up to 0,1 % (1 000 ppm): the spread in percent.
    /// `nil` when `whole` is zero or negative (a percentage of a deduction means nothing).
    static func rateToTenthPercent(_ part: Money, of whole: Money) -> Rate? {
        guard whole.ore > 0 else { return nil }
        let tenths = divideHalfUp(Int128(part.ore) * 1000, Int128(whole.ore))
        return Int64(exactly: tenths * 1000).map { Rate(ppm: $0) }
    }

    /// An amount divided by a whole count (12 months), rounded half-up to øre.
    static func divide(_ amount: Money, by count: Int64) -> Money? {
        guard count > 0 else { return nil }
        return amount.multiplied(byFraction: 1, over: count, rounding: .ore)
    }

    /// `income < multiple × g`, exactly (no rounding of the threshold).
    static func isBelow(_ income: Money, multiple: Rate, of g: Money) -> Bool {
        Int128(income.ore) * Int128(Rate.ppmPerUnit) < Int128(multiple.ppm) * Int128(g.ore)
    }

    /// The least income (øre) that is not below `multiple × g`: `income < multiple × g` exactly
    /// when `income.ore < threshold` (the product rounded up to øre; clamped to `Int64`).
    static func threshold(multiple: Rate, of g: Money) -> Int64 {
        let product = Int128(multiple.ppm) * Int128(g.ore)
        let unit = Int128(Rate.ppmPerUnit)
        let quotient = product >= 0 ? (product + unit - 1) / unit : product / unit
        return Int64(clamping: quotient)
    }
}
