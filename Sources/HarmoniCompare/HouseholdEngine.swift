import HarmoniModel

/// How much of a household's cost the engine writes out.
public enum HouseholdCostDetail: Sendable, Hashable {
    /// Every line with its labels, statuses, sources and the rules applied in words (`show household`).
    case full
    /// Service, state and amount of each line only: no text is built and no provenance read (the
    /// population, which sums amounts of many households). The amounts are those of ``full``: the
    /// same rule code runs, only the explaining is skipped.
    case amountsOnly
}

/// The household engine for one municipality's rulebook in one year: prices household profiles
/// (``HouseholdProfile``) line by line. Build it once to price many households (the rulebook and
/// the year's G are read once); `Dataset.householdCost` builds one per call.
public struct HouseholdEngine: Sendable {
    /// The dataset priced.
    public let dataset: Dataset
    /// The municipality whose rulebook applies.
    public let municipality: MunicipalityID
    /// The year priced.
    public let year: Int
    /// The municipality's rulebook for the year.
    public let book: Rulebook
    /// G on the first day of each month (index month − 1).
    let grunnbelop: [Money?]

    /// An engine for `municipality` in `year`; the rulebook is read from the dataset unless given.
    public init(_ dataset: Dataset, municipality: MunicipalityID, year: Int, book: Rulebook? = nil) {
        self.dataset = dataset
        self.municipality = municipality
        self.year = year
        self.book = book ?? Rulebook(dataset, municipality: municipality, year: year)
        grunnbelop = (1...12).map { month in CalendarDate(year: year, month: month, day: 1).flatMap { dataset.grunnbelop(on: $0) } }
    }

    /// The profile's annual cost: lines in the order barnehage, kost, SFO, praktisk bistand,
    /// trygghetsalarm, vann, avløp, renovasjon, feiing. With ``HouseholdCostDetail/amountsOnly``
    /// the lines carry only service, state and amount; with `reads`, every comparison of the
    /// income is recorded there (see ``HouseholdIncomeReads``).
    public func cost(
        _ profile: HouseholdProfile, id: HouseholdID? = nil, detail: HouseholdCostDetail = .full, reads: HouseholdIncomeReads? = nil
    ) -> HouseholdCost {
        let context = HouseholdContext(
            dataset: dataset, municipality: municipality, year: year, profile: profile, book: book, explain: detail == .full,
            grunnbelop: grunnbelop, reads: reads)
        var lines = context.barnehageLines() + context.sfoLines()
        lines += context.careLines()
        lines += context.dwellingLines()
        return HouseholdCost(household: id ?? profile.id, municipality: municipality, year: year, lines: lines)
    }
}

/// What the household engine read of a profile's income (kroner a year) while pricing it: the
/// incomes `floor ..< ceiling` (øre) would have taken every comparison the same way, so a
/// profile that differs only in an income in that range costs the same to the øre.
///
/// The engine records each comparison of the income with a threshold (under a multiple of G, under
/// the income limit), and each use of the income's amount: the 6 % cap (an amount that changes
/// with every krone) narrows the range to the one income when it applies, and to the incomes at
/// or above it when it does not (the cap grows with the income, so it stays above the price).
/// Population pricing (HarmoniPopulation) uses the range to price households of equal places and
/// care once per range of incomes.
public final class HouseholdIncomeReads {
    /// The lowest income (øre) with the same outcome of every comparison made.
    public private(set) var floor: Int64 = .min
    /// The lowest income (øre) above the income priced for which some comparison differs (`Int64.max`: none).
    public private(set) var ceiling: Int64 = .max

    /// An empty record (every income alike until a comparison is made).
    public init() {}

    /// True if `income` lies in the range recorded.
    public func holds(for income: Int64) -> Bool { floor <= income && income < ceiling }

    /// Records `income < threshold` with its outcome.
    func compared(_ income: Int64, below threshold: Int64, _ outcome: Bool) {
        assert(outcome == (income < threshold), "the threshold must give the comparison's outcome")
        if outcome { ceiling = min(ceiling, threshold) } else { floor = max(floor, threshold) }
    }

    /// Records an amount computed from exactly this income.
    func usedExactly(_ income: Int64) {
        floor = max(floor, income)
        ceiling = min(ceiling, income == .max ? income : income + 1)
    }

    /// Records an outcome that holds for this income and every larger one.
    func heldUpward(from income: Int64) { floor = max(floor, income) }
}

extension HouseholdContext {
    /// G on `day` (the engine's table for the first of a month of the year, else the dataset).
    func g(on day: CalendarDate) -> Money? {
        if day.year == year, day.day == 1, (1...12).contains(day.month) { return grunnbelop[day.month - 1] }
        return dataset.grunnbelop(on: day)
    }

    /// True if the household's income is under `multiple` × G on `day` (false without an income or G); recorded.
    func incomeBelow(_ multiple: Rate, gOn day: CalendarDate) -> Bool {
        guard let income = profile.income else { return false }
        let g = self.g(on: day)
        let outcome = income.isBelow(multiple, g: g)
        if let reads, case .kronerPerYear(let amount) = income, let g {
            reads.compared(amount.ore, below: Exact.threshold(multiple: multiple, of: g), outcome)
        }
        return outcome
    }

    /// True if the household's income is under `limit` (kroner a year) on `day`; recorded.
    func incomeBelow(_ limit: Money, on day: CalendarDate) -> Bool {
        guard let income = profile.income, let kroner = income.kroner(g: g(on: day)) else { return false }
        let outcome = kroner < limit
        if let reads, case .kronerPerYear = income { reads.compared(kroner.ore, below: limit.ore, outcome) }
        return outcome
    }

    /// The household's income in kroner a year on `day`, for an amount computed from it (the
    /// caller records how the amount was used).
    func incomeKroner(on day: CalendarDate) -> Money? { profile.income?.kroner(g: g(on: day)) }
}
