/// The unit written after a number in the Harmoni language (`2 990 kr/mnd`, `3,1 %`, `2,8 G`).
///
/// Each case has one canonical spelling (``symbol``); a few accepted variants (`m³`, `m²`,
/// `%` without a space) are normalised by the lexer.
public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
    case kroner = "kr"
    case thousandKroner = "tkr"
    case kronerPerMonth = "kr/mnd"
    case kronerPerYear = "kr/år"
    case kronerPerSemester = "kr/semester"
    case kronerPerDay = "kr/dag"
    case kronerPerDogn = "kr/døgn"
    case kronerPerHour = "kr/time"
    case kronerPerCubicMetre = "kr/m3"
    case kronerPerLitreYear = "kr/l/år"
    case kronerPerSquareMetre = "kr/m2"
    case percent = "%"
    case grunnbelop = "G"
    case hoursPerMonth = "timer/mnd"
    case hoursPerWeek = "timer/uke"
    case cubicMetres = "m3"
    case cubicMetresPerYear = "m3/år"
    case squareMetres = "m2"
    case months = "mnd"
    case years = "år"

    /// The canonical spelling.
    public var symbol: String { rawValue }

    /// Every spelling the lexer accepts, longest first so `kr/mnd` wins over `kr`.
    public static let spellings: [(text: String, unit: Unit)] = {
        var all: [(String, Unit)] = Unit.allCases.map { ($0.rawValue, $0) }
        all += [
            ("kr/m³", .kronerPerCubicMetre), ("kr/m²", .kronerPerSquareMetre), ("m³/år", .cubicMetresPerYear),
            ("m³", .cubicMetres), ("m²", .squareMetres),
        ]
        return all.sorted { $0.0.utf8.count > $1.0.utf8.count }
    }()

    /// True for the units that are money (an amount, a price per period or per quantity).
    public var isMoney: Bool { moneyPeriod != nil }

    /// The period or quantity a money unit is counted per; `nil` for non-money units.
    public var moneyPeriod: PricePeriod? {
        switch self {
        case .kroner, .thousandKroner: return .once
        case .kronerPerMonth: return .month
        case .kronerPerYear: return .year
        case .kronerPerSemester: return .semester
        case .kronerPerDay: return .day
        case .kronerPerDogn: return .dogn
        case .kronerPerHour: return .hour
        case .kronerPerCubicMetre: return .cubicMetre
        case .kronerPerLitreYear: return .litreOfBinPerYear
        case .kronerPerSquareMetre: return .squareMetre
        default: return nil
        }
    }
}

/// What a price is counted per: a period of time, a visit, or a quantity.
public enum PricePeriod: String, Sendable, Hashable, Codable, CaseIterable {
    /// A single amount (a one-off fee, or an amount with no period).
    case once
    case month
    case year
    /// Half a school year; two per year.
    case semester
    case day
    /// A day and night (institution stays).
    case dogn
    case hour
    /// Per cubic metre of water.
    case cubicMetre
    /// Per litre of bin volume per year (renovasjon).
    case litreOfBinPerYear
    /// Per square metre of floor area (BRA).
    case squareMetre

    /// The canonical unit of a money amount per this period.
    public var unit: Unit {
        switch self {
        case .once: return .kroner
        case .month: return .kronerPerMonth
        case .year: return .kronerPerYear
        case .semester: return .kronerPerSemester
        case .day: return .kronerPerDay
        case .dogn: return .kronerPerDogn
        case .hour: return .kronerPerHour
        case .cubicMetre: return .kronerPerCubicMetre
        case .litreOfBinPerYear: return .kronerPerLitreYear
        case .squareMetre: return .kronerPerSquareMetre
        }
    }
}

/// A number with an optional unit, exactly as written in a literal.
public struct Quantity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The number.
    public var number: DecimalNumber
    /// The unit, or `nil` for a plain number.
    public var unit: Unit?

    /// Creates a quantity.
    public init(_ number: DecimalNumber, _ unit: Unit? = nil) {
        self.number = number
        self.unit = unit
    }

    /// The quantity as money if its unit is a money unit (`tkr` is multiplied by 1 000).
    public var money: Money? {
        guard let unit, unit.isMoney else { return nil }
        guard let amount = number.asMoney else { return nil }
        if unit == .thousandKroner {
            let (value, overflow) = amount.ore.multipliedReportingOverflow(by: 1000)
            return overflow ? nil : Money(ore: value)
        }
        return amount
    }

    /// Norwegian form: `2 990 kr/mnd`, `3,1 %`.
    public var description: String {
        let digits = NorwegianFormat.decimal(number, grouping: true)
        guard let unit else { return digits }
        return digits + " " + unit.symbol
    }
}
