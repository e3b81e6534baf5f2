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
    public var year: Int
    /// The annual growth (3,1 % in 2020).
    public var rate: Rate
    /// True when the scenario overrode the dataset (`deflator 2021 = 0 %`).
    public var overridden: Bool
    /// The dataset value's status (2021-2023 are estimates held at 3,1 %); `.own` for overrides.
    public var status: Status

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

    /// Builds the index, or names the years without a deflator.
    public static func make(
        dataset: Dataset, baselineYear: Int, period: ClosedRange<Int>, basis: PriceBasis, overrides: [YearRate]
    ) -> Result<PriceIndex, SimulationError> {
        var deflators: [DeflatorYear] = []
        var missing: [Int] = []
        guard period.lowerBound > baselineYear else {
            return .failure(.periodBeforeBaseline(period, baselineYear))
        }
        for year in (baselineYear + 1)...period.upperBound {
            if let override = overrides.last(where: { $0.year == year }) {
                deflators.append(DeflatorYear(year: year, rate: override.rate, overridden: true, status: .own))
            } else if let parameter = dataset.parameter("kommunal_deflator", line: "arlig_vekst", on: .startOf(year: year)),
                let rate = parameter.value.quantity?.number.asPercentRate
            {
                deflators.append(
                    DeflatorYear(year: year, rate: rate, overridden: false, status: parameter.provenance.status))
            } else {
                missing.append(year)
            }
        }
        guard missing.isEmpty else { return .failure(.missingDeflator(missing)) }
        return .success(PriceIndex(baselineYear: baselineYear, period: period, basis: basis, deflators: deflators))
    }

    /// The deflator of a year, if in range.
    public func deflator(_ year: Int) -> DeflatorYear? { deflators.first { $0.year == year } }

    /// The factor that lifts a baseline-year amount to the prices shown for `year`.
    public func factor(_ year: Int) -> ExactFraction {
        let last = basis == .fixed ? period.lowerBound : year
        var factor = ExactFraction.one
        for deflator in deflators where deflator.year <= last {
            factor = factor * ExactFraction(growth: deflator.rate)
        }
        return factor
    }

    /// The factor that lifts an amount in first-year kroner (a given amount such as `to 2 990 kr`)
    /// to the prices shown for `year`: one in fixed prices.
    public func factorFromFirstYear(_ year: Int) -> ExactFraction {
        (factor(year) / factor(period.lowerBound)) ?? .one
    }

    /// The price growth of `year` relative to the baseline, as a fraction (0,031 for 2020).
    public func growth(_ year: Int) -> ExactFraction { factor(year) - .one }

    /// A baseline amount lifted to `year`, rounded with `rounding` (applied once to the product).
    public func lift(_ amount: Money, to year: Int, rounding: LevelRounding) -> Money {
        rounding.round(ore: ExactFraction(amount.ore) * factor(year)) ?? amount
    }
}
