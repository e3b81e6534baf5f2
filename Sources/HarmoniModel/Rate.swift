/// An exact ratio stored as whole parts per million (ppm): 3,1 % is 31 000 ppm, 1 is 1 000 000 ppm.
///
/// Used for percentages (discounts, deflators, coverage rates), multiples of G (2,8 G is a rate of
/// 2,8 applied to G) and fractions of a full place. Six decimals are enough for every rate the
/// sources print; the language rejects literals that would need more.
public struct Rate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Parts per million.
    public var ppm: Int64

    /// Parts per million in one whole (100 %).
    public static let ppmPerUnit: Int64 = 1_000_000

    /// Creates a rate from parts per million.
    public init(ppm: Int64) { self.ppm = ppm }

    /// Creates a rate from whole percent: `Rate(percent: 30)` is 30 %.
    public init(percent: Int64) { self.ppm = percent * 10_000 }

    /// Creates a rate from a whole-percent count of basis points: `Rate(basisPoints: 310)` is 3,1 %.
    public init(basisPoints: Int64) { self.ppm = basisPoints * 100 }

    /// Zero.
    public static let zero = Rate(ppm: 0)
    /// One whole (100 %).
    public static let one = Rate(ppm: ppmPerUnit)

    public static func < (a: Rate, b: Rate) -> Bool { a.ppm < b.ppm }
    public static func + (a: Rate, b: Rate) -> Rate { Rate(ppm: a.ppm + b.ppm) }
    public static func - (a: Rate, b: Rate) -> Rate { Rate(ppm: a.ppm - b.ppm) }

    /// `1 + self`: the growth factor of a growth rate (3,1 % → 1,031).
    public var growthFactor: Rate { Rate(ppm: Rate.ppmPerUnit + ppm) }

    /// The rate as an exact decimal number of percent (31 000 ppm → 3,1).
    public var percent: DecimalNumber { DecimalNumber(significand: ppm, scale: 4).normalized }

    /// The rate as an exact decimal fraction (31 000 ppm → 0,031).
    public var fraction: DecimalNumber { DecimalNumber(significand: ppm, scale: 6).normalized }

    /// Norwegian percent form: `3,1 %`.
    public var description: String { NorwegianFormat.percent(self) }
}
