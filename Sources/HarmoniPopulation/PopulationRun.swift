import HarmoniCompare
import HarmoniModel
import HarmoniSimulate

/// Every household of a population priced for every year of a scenario's period: under its own
/// municipality's rulebook and under each other's, before and after the decisions, on the
/// simulator's scenario prices (``ScenarioPrices``: the steady year, incomes in kroner lifted like
/// prices), with the household engine.
///
/// Amounts are kroner a year including mva, as households pay them. Revenue sums are kept per
/// service, old municipality and year: actual (every rule) and at list price (no income and no
/// sibling discount: the ledger's volume × price), before and after.
public struct PopulationRun: Sendable {
    /// The years priced, in order.
    public let years: [Int]
    /// The rulebooks priced (Asker, Røyken, Hurum).
    public let rulebooks: [MunicipalityID]
    /// The number of households.
    public let householdCount: Int
    /// Totals: index ``slot(year:household:rulebook:after:)``.
    private let totals: [Money]
    /// Revenue by (year, municipality, service): actual before, actual after, list before, list after.
    private let revenue: [[Money]]
    /// Decisions that could not be applied (as in the ledger).
    public let problems: [SimulationError]
    /// The population's status.
    public let status: Status
    /// How many times the household engine was called to make the run (0 when not counted).
    public internal(set) var enginePricings = 0
    /// Users per (rulebook, income-tested service): places, recipients, alarms of the households
    /// living there (index `rulebook * PopulationPricer.incomeTested.count + service`).
    private let userCounts: [Int64]

    /// Where a household's total is stored.
    func slot(year: Int, household: Int, rulebook: Int, after: Bool) -> Int {
        ((year * householdCount + household) * rulebooks.count + rulebook) * 2 + (after ? 1 : 0)
    }

    /// Household `household`'s annual total in year position `year` under rulebook position `rulebook`.
    public func total(year: Int, household: Int, rulebook: Int, after: Bool) -> Money {
        totals[slot(year: year, household: household, rulebook: rulebook, after: after)]
    }

    /// Revenue of `service` in `municipality` in year position `year`: `(actual before, actual
    /// after, list before, list after)`, own rulebook, kroner incl. mva.
    public func revenue(year: Int, municipality: MunicipalityID, service: ServiceID) -> (Money, Money, Money, Money) {
        guard let m = rulebooks.firstIndex(of: municipality), let s = PopulationPricer.services.firstIndex(of: service) else {
            return (.zero, .zero, .zero, .zero)
        }
        let row = revenue[(year * rulebooks.count + m) * PopulationPricer.services.count + s]
        return (row[0], row[1], row[2], row[3])
    }

    /// A run of one year in which every household pays nothing before and after (a scenario
    /// without decisions changes nothing; used to show zero changes without pricing).
    public static func unpriced(_ population: HouseholdPopulation, year: Int, dataset: Dataset) -> PopulationRun {
        let books = dataset.mergingMunicipalities
        let count = population.households.count
        return PopulationRun(
            years: [year], rulebooks: books, householdCount: count,
            totals: Array(repeating: .zero, count: count * books.count * 2),
            revenue: Array(repeating: Array(repeating: .zero, count: 4), count: books.count * PopulationPricer.services.count),
            problems: [], population: population)
    }

    /// Prices `population` for every year of the scenario's period (or the years given).
    public static func run(
        _ population: HouseholdPopulation, baseline: SimulationBaseline, scenario: ScenarioState, years: [Int]? = nil,
        prices: PriceBasis? = nil, everyRulebook: Bool = true
    ) throws(SimulationError) -> PopulationRun {
        let years = years ?? Array(scenario.period)
        var priced: [ScenarioPrices] = []
        for year in years { priced.append(try Simulator.prices(baseline: baseline, scenario: scenario, year: year, prices: prices)) }
        return run(population, baseline: baseline.dataset, prices: priced, everyRulebook: everyRulebook)
    }

    /// Every field given (the pricing paths in the other files build runs).
    init(
        years: [Int], rulebooks: [MunicipalityID], householdCount: Int, totals: [Money], revenue: [[Money]],
        problems: [SimulationError], population: HouseholdPopulation
    ) {
        self.years = years
        self.rulebooks = rulebooks
        self.householdCount = householdCount
        self.totals = totals
        self.revenue = revenue
        self.problems = problems
        status = population.status
        userCounts = Self.userCounts(population, rulebooks)
    }

    /// The population's users of an income-tested service in a municipality (places, recipients,
    /// alarms), counted once when the run is made.
    public func users(_ municipality: MunicipalityID, _ service: ServiceID) -> Int64 {
        guard let m = rulebooks.firstIndex(of: municipality), let s = PopulationPricer.incomeTested.firstIndex(of: service) else { return 0 }
        return userCounts[m * PopulationPricer.incomeTested.count + s]
    }

    private static func userCounts(_ population: HouseholdPopulation, _ books: [MunicipalityID]) -> [Int64] {
        let services = PopulationPricer.incomeTested.count
        var counts = Array(repeating: Int64(0), count: books.count * services)
        for (index, household) in population.households.enumerated() {
            guard let m = books.firstIndex(of: household.municipality) else { continue }
            for person in population.persons(of: index) {
                if person.barnehage != nil { counts[m * services] += 1 }
                if person.sfo != nil { counts[m * services + 1] += 1 }
                if person.praktiskBistandHoursPerMonth > 0 { counts[m * services + 2] += 1 }
                if person.trygghetsalarm { counts[m * services + 3] += 1 }
            }
        }
        return counts
    }

    /// Prices `population` on scenario prices already made (one per year; the Norway-sized
    /// benchmark prices many populations on the same prices).
    /// With `everyRulebook` false, only the own municipality's rulebook is priced (the other
    /// rulebooks' totals are 0): enough for the ledger and the distribution, a third of the work.
    ///
    /// The fast path (``classed(_:baseline:prices:everyRulebook:)``): the same household engine,
    /// called once per distinct part of a household rather than once per household.
    /// ``reference(_:baseline:prices:everyRulebook:)`` is the plain version it is tested against.
    public static func run(
        _ population: HouseholdPopulation, baseline: Dataset, prices pricedYears: [ScenarioPrices], everyRulebook: Bool = true
    ) -> PopulationRun {
        classed(population, baseline: baseline, prices: pricedYears, everyRulebook: everyRulebook)
    }
}
