import HarmoniModel

/// Which way a level is rounded to its step.
public enum RoundingDirection: String, Sendable, Hashable, Codable {
    /// To the nearest step; ties away from zero (half-up).
    case nearest
    /// To the step at or below the value (toward minus infinity): used by `to lowest`, so that
    /// rounding never lifts a price above the lowest municipality's.
    case floor
    /// To the step at or above the value: used by `to highest`.
    case ceiling
}

/// A rounding of prices: a step (1 øre, 1 kr, 10 kr, …) and a direction.
///
/// A decision's `round 10 kr` gives the step; the rule gives the direction (``RoundingDirection``).
/// Without `round`, prices are rounded to whole kroner when the line's 2019 price is whole
/// kroner, else to øre ("standard rounding", the convention of the carried-forward values in the
/// datasets).
public struct LevelRounding: Sendable, Hashable, Codable {
    /// The step; positive.
    public var step: Money
    /// The direction.
    public var direction: RoundingDirection

    /// Creates a rounding; a step of zero or less becomes one øre.
    public init(step: Money, direction: RoundingDirection = .nearest) {
        self.step = step.ore > 0 ? step : Money(ore: 1)
        self.direction = direction
    }

    /// The standard rounding of a price: whole kroner if `price` is whole kroner, else øre; half-up.
    public static func standard(for price: Money) -> LevelRounding {
        LevelRounding(step: price.isWholeKroner ? Money(kroner: 1) : Money(ore: 1))
    }

    /// The same step in another direction.
    public func with(_ direction: RoundingDirection) -> LevelRounding {
        LevelRounding(step: step, direction: direction)
    }

    /// An exact amount of øre rounded to the step in the direction; `nil` if it does not fit.
    public func round(ore value: ExactFraction) -> Money? {
        round(ore: value, times: 1)
    }

    /// `multiplier × value` øre rounded to the step in the direction (a price lifted by an index:
    /// `round(ore: factor, times: price)`); `nil` if it does not fit.
    public func round(ore value: ExactFraction, times multiplier: Int64) -> Money? {
        let negative = (value.signum < 0) != (multiplier < 0)
        let steps = value.rounded(times: Int128(multiplier), by: Int128(step.ore), mode: mode(negative: negative))
        guard let steps else { return nil }
        let (ore, overflow) = steps.multipliedReportingOverflow(by: step.ore)
        return overflow ? nil : Money(ore: ore)
    }

    /// The rounding mode of the direction for a value of the given sign.
    private func mode(negative: Bool) -> RoundingMode {
        switch direction {
        case .nearest: return .halfUp
        case .floor: return negative ? .up : .down
        case .ceiling: return negative ? .down : .up
        }
    }

    /// An amount rounded to the step in the direction; `nil` if it does not fit (an amount within
    /// a step of `Int64`'s limits).
    public func round(_ amount: Money) -> Money? {
        round(ore: ExactFraction(amount.ore))
    }
}
