/// An exact decimal number: `significand × 10^-scale` (94,8 is significand 948, scale 1).
///
/// The language reads every numeric literal into this type; the model then turns it into
/// ``Money``, a ``Rate`` or a count, refusing any conversion that would lose digits.
public struct DecimalNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The digits as an integer.
    public var significand: Int64
    /// How many of the digits are decimals (0 for a whole number).
    public var scale: Int

    /// Creates `significand × 10^-scale`.
    public init(significand: Int64, scale: Int) {
        self.significand = significand
        self.scale = max(0, scale)
    }

    /// A whole number.
    public init(_ whole: Int64) { self.init(significand: whole, scale: 0) }

    /// The same number with trailing decimal zeros removed (2,50 → 2,5).
    public var normalized: DecimalNumber {
        var result = self
        while result.scale > 0 && result.significand % 10 == 0 {
            result.significand /= 10
            result.scale -= 1
        }
        return result
    }

    /// The value as an integer if it has no fractional part.
    public var wholeValue: Int64? {
        let n = normalized
        return n.scale == 0 ? n.significand : nil
    }

    /// The value scaled to `decimals` places, exactly, or `nil` if that would drop digits or overflow.
    public func scaled(to decimals: Int) -> Int64? {
        if decimals >= scale {
            var value = significand
            for _ in 0..<(decimals - scale) {
                let (next, overflow) = value.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                value = next
            }
            return value
        }
        let n = normalized
        guard n.scale <= decimals else { return nil }
        return n.scaled(to: decimals)
    }

    /// The value as money, if it has at most two decimals (øre). `kroner × 100`.
    public var asMoney: Money? { scaled(to: 2).map { Money(ore: $0) } }

    /// The value read as a percentage (3,1 → 3,1 %), if it has at most four decimals.
    public var asPercentRate: Rate? { scaled(to: 4).map { Rate(ppm: $0) } }

    /// The value read as a plain ratio (2,8 → ×2,8), if it has at most six decimals.
    public var asRatio: Rate? { scaled(to: 6).map { Rate(ppm: $0) } }

    /// Norwegian form, keeping the scale: `1 408,43`, `94,8`, `3 630`.
    public var description: String { NorwegianFormat.decimal(self, grouping: true) }
}

extension DecimalNumber: Comparable {
    public static func < (a: DecimalNumber, b: DecimalNumber) -> Bool {
        let scale = max(a.scale, b.scale)
        let left = Int128(a.significand) * pow10(scale - a.scale)
        let right = Int128(b.significand) * pow10(scale - b.scale)
        return left < right
    }

    public static func == (a: DecimalNumber, b: DecimalNumber) -> Bool {
        !(a < b) && !(b < a)
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.significand)
        hasher.combine(n.scale)
    }

    private static func pow10(_ n: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<n { result *= 10 }
        return result
    }
}
