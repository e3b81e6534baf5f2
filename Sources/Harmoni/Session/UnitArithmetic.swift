import HarmoniModel

/// Money times a quantity whose unit cancels the money's period, so that `print` keeps units:
/// `2 990 kr/mnd × 10 mnd` is `29 900 kr`, `15 kr/m3 × 150 m3/år` is `2 250 kr/år`,
/// `400 kr/time × 4 timer/mnd` is `1 600 kr/mnd`. Rounded half-up to whole øre, once, as every
/// money × number is (docs/LANGUAGE.md).
enum UnitArithmetic {
    /// The period of the product of a price per `period` and a quantity in `unit`: `.once` when
    /// the unit cancels the period; `nil` when the two do not combine.
    static func product(_ period: PricePeriod, _ unit: Unit) -> PricePeriod? {
        switch (period, unit) {
        case (.month, .months), (.year, .years), (.cubicMetre, .cubicMetres), (.squareMetre, .squareMetres): return .once
        case (.hour, .hoursPerMonth): return .month
        case (.cubicMetre, .cubicMetresPerYear): return .year
        default: return nil
        }
    }

    /// `money × quantity` (either order) when the units combine; `nil` for every other operation,
    /// which ``Arithmetic`` then handles.
    static func apply(_ op: BinaryOperator, _ a: RuntimeValue, _ b: RuntimeValue, _ context: StatementContext, _ range: SourceRange)
        throws(Diagnostic) -> RuntimeValue?
    {
        guard op == .multiply else { return nil }
        let pair: (Money, PricePeriod, Quantity)
        switch (a, b) {
        case (.money(let m, let p?), .quantity(let q)), (.quantity(let q), .money(let m, let p?)): pair = (m, p, q)
        default: return nil
        }
        let (money, period, quantity) = pair
        guard let unit = quantity.unit, let result = product(period, unit) else { return nil }
        guard let ratio = quantity.number.asRatio, let value = money.multiplied(by: ratio, rounding: .ore) else {
            throw context.error("beløpet er for stort", "the amount is too large", range, code: "overflow")
        }
        return .money(value, period: result == .once ? nil : result)
    }
}
