import HarmoniModel

/// How tables state money over the years of a handlingsprogram.
public enum PriceBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// Faste priser: every year in kroner of the period's first year (2020-kroner). 2019 figures
    /// are lifted to the first year by the deflator; later years get no price growth.
    case fixed
    /// Løpende priser: each year in its own kroner, lifted by the deflator of every year.
    case nominal
}

/// The kommunal deflator of one year and where it came from.
public struct DeflatorYear: Sendable, Hashable {
    /// The year.
    public var year: Int
    /// The annual growth (3,1 % in 2020).
    public var rate: Rate
    /// True when the scenario overrode the dataset (`deflator 2021 = 0 %`).
    public var overridden: Bool
    /// The dataset value's status (2021-2023 are estimates held at 3,1 %); `.own` for overrides.
    public var status: Status

    /// Creates a deflator year.
    public init(year: Int, rate: Rate, overridden: Bool, status: Status) {
        self.year = year
        self.rate = rate
        self.overridden = overridden
        self.status = status
    }
}

/// The price index from the baseline year (2019) to each year of the period.
///
/// The factor for a year is the exact product of the yearly growth factors (1 + deflator) from the
/// year after the baseline up to the first year of the period (fixed prices) or up to the year
/// itself (nominal prices). The deflator is `parameter nasjonal.kommunal_deflator.arlig_vekst`
/// with `use_in_model = yes`, overridable per year by the scenario.
public struct PriceIndex: Sendable, Hashable {
    /// The year the dataset's prices are from (2019).
    public let baselineYear: Int
    /// The years simulated.
    public let period: ClosedRange<Int>
    /// Fixed or nominal.
    public let basis: PriceBasis
    /// The deflator of each year from the baseline's next year to the period's end, in year order.
    public let deflators: [DeflatorYear]
    /// ``factor(_:)`` per year, computed once.
    private let factors: [Int: ExactFraction]

    private init(baselineYear: Int, period: ClosedRange<Int>, basis: PriceBasis, deflators: [DeflatorYear]) {
        self.baselineYear = baselineYear
        self.period = period
        self.basis = basis
        self.deflators = deflators
        var factors: [Int: ExactFraction] = [:]
        for year in (baselineYear + 1)...period.upperBound {
            let last = basis == .fixed ? period.lowerBound : year
            var factor = ExactFraction.one
            for deflator in deflators where deflator.year <= last {
                factor = factor * ExactFraction(growth: deflator.rate)
            }
            factors[year] = factor
        }
        self.factors = factors
    }

    /// Builds the index, or names the years without a deflator.
    public static func make(
        dataset: Dataset, baselineYear: Int, period: ClosedRange<Int>, basis: PriceBasis, overrides: [YearRate]
    ) -> Result<PriceIndex, SimulationError> {
        make(
            deflators: datasetDeflators(dataset, through: period.upperBound), baselineYear: baselineYear,
            period: period,
            basis: basis, overrides: overrides)
    }

    /// The dataset's deflator (`use_in_model = yes`) for each year up to `last` that has one.
    static func datasetDeflators(_ dataset: Dataset, through last: Int) -> [Int: DeflatorYear] {
        var result: [Int: DeflatorYear] = [:]
        let rows = dataset.parameters("kommunal_deflator", line: "arlig_vekst")
        for year in 2000...max(2000, last) {
            if let parameter = rows.first(where: { $0.provenance.validity.contains(.startOf(year: year)) }),
                let rate = parameter.value.quantity?.number.asPercentRate
            {
                result[year] = DeflatorYear(
                    year: year, rate: rate, overridden: false, status: parameter.provenance.status)
            }
        }
        return result
    }

    /// Builds the index from the dataset's deflators by year.
    static func make(
        deflators known: [Int: DeflatorYear], baselineYear: Int, period: ClosedRange<Int>, basis: PriceBasis,
        overrides: [YearRate]
    ) -> Result<PriceIndex, SimulationError> {
        var deflators: [DeflatorYear] = []
        var missing: [Int] = []
        guard period.lowerBound > baselineYear else {
            return .failure(.periodBeforeBaseline(period, baselineYear))
        }
        for year in (baselineYear + 1)...period.upperBound {
            if let override = overrides.last(where: { $0.year == year }) {
                deflators.append(DeflatorYear(year: year, rate: override.rate, overridden: true, status: .own))
            } else if let deflator = known[year] {
                deflators.append(deflator)
            } else {
                missing.append(year)
            }
        }
        guard missing.isEmpty else { return .failure(.missingDeflator(missing)) }
        let index = PriceIndex(baselineYear: baselineYear, period: period, basis: basis, deflators: deflators)
        let bound = ExactFraction(Int64(largestFactor))
        for year in (baselineYear + 1)...period.upperBound where (bound - index.factor(year)).signum < 0 {
            return .failure(.priceIndexTooLarge(year))
        }
        return .success(index)
    }

    /// The most the deflators may lift a price from the baseline year to any year of the period
    /// (25 % a year for ten years is 9,3): every lifted amount then stays below ten times
    /// ``Money/limit``, which `Int64` holds.
    public static let largestFactor = 10

    /// The deflator of a year, if in range.
    public func deflator(_ year: Int) -> DeflatorYear? { deflators.first { $0.year == year } }

    /// The factor that lifts a baseline-year amount to the prices shown for `year`.
    public func factor(_ year: Int) -> ExactFraction {
        if let factor = factors[year] { return factor }
        return year <= baselineYear ? .one : factors[period.upperBound] ?? .one
    }

    /// The factor that lifts an amount in first-year kroner (a given amount such as `to 2 990 kr`)
    /// to the prices shown for `year`: one in fixed prices.
    public func factorFromFirstYear(_ year: Int) -> ExactFraction {
        (factor(year) / factor(period.lowerBound)) ?? .one
    }

    /// The price growth of `year` relative to the baseline, as a fraction (0,031 for 2020).
    public func growth(_ year: Int) -> ExactFraction { factor(year) - .one }

    /// A baseline amount lifted to `year`, rounded with `rounding` (applied once to the product);
    /// `nil` when the lifted amount does not fit (the run then stops with «beløpet er for stort»).
    public func lift(_ amount: Money, to year: Int, rounding: LevelRounding) -> Money? {
        PriceIndex.lift(amount, by: factor(year), rounding: rounding)
    }

    /// An amount lifted by a factor of the index, rounded once: the one implementation of a
    /// lifted price (``lift(_:to:rounding:)``, and the run's tables with the year's factor at hand).
    static func lift(_ amount: Money, by factor: ExactFraction, rounding: LevelRounding) -> Money? {
        rounding.round(ore: factor, times: amount.ore)
    }
}
