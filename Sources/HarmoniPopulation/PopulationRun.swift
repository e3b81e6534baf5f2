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
            problems: [], status: population.status)
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

    /// Prices `population` on scenario prices already made (one per year; the Norway-sized
    /// benchmark prices many populations on the same prices).
    /// With `everyRulebook` false, only the own municipality's rulebook is priced (the other
    /// rulebooks' totals are 0): enough for the ledger and the distribution, a third of the work.
    public static func run(
        _ population: HouseholdPopulation, baseline: Dataset, prices pricedYears: [ScenarioPrices], everyRulebook: Bool = true
    ) -> PopulationRun {
        let years = pricedYears.map(\.year)
        let books = baseline.mergingMunicipalities
        let profiles = PopulationProfiles(baseline)
        let own = population.households.map { books.firstIndex(of: $0.municipality) ?? 0 }
        let count = population.households.count
        let serviceCount = PopulationPricer.services.count
        var totals = Array(repeating: Money.zero, count: years.count * count * books.count * 2)
        var revenue = Array(repeating: Array(repeating: Money.zero, count: 4), count: years.count * books.count * serviceCount)
        var problems: [SimulationError] = []
        for (y, year) in years.enumerated() {
            let priced = pricedYears[y]
            if y == 0 { problems = priced.problems }
            let index = priced.index
            // Lifting fails only above Money.limit (10¹² kr), far beyond any household income the
            // loader accepts; such an income is kept unlifted rather than trapping.
            let lift: (Money) -> Money = { index.lift($0, to: year, rounding: .standard(for: $0)) ?? $0 }
            let listBefore = PopulationPricer.listPrices(priced.before)
            let listAfter = PopulationPricer.listPrices(priced.after)
            // Households with equal profiles cost the same: group them, price each distinct profile once.
            var distinct: [HouseholdProfile: Int] = [:]
            var profilesInOrder: [(profile: HouseholdProfile, home: Int)] = []
            var classOf = Array(repeating: 0, count: count)
            for household in 0..<count {
                let profile = profiles.profile(population, household, income: lift)
                let home = own[household]
                var key = profile
                key.id = HouseholdID("m\(home)")
                if let known = distinct[key] {
                    classOf[household] = known
                } else {
                    distinct[key] = profilesInOrder.count
                    classOf[household] = profilesInOrder.count
                    profilesInOrder.append((profile, home))
                }
            }
            var classTotals = Array(repeating: Money.zero, count: profilesInOrder.count * books.count * 2)
            var classRevenue = Array(repeating: Money.zero, count: profilesInOrder.count * serviceCount * 4)
            for r in books.indices {
                var before = PopulationPricer(priced.before, municipality: books[r], year: year)
                var after = PopulationPricer(priced.after, municipality: books[r], year: year)
                var listedBefore = PopulationPricer(listBefore, municipality: books[r], year: year)
                var listedAfter = PopulationPricer(listAfter, municipality: books[r], year: year)
                for (c, entry) in profilesInOrder.enumerated() where everyRulebook || entry.home == r {
                    let costBefore = before.cost(entry.profile)
                    let costAfter = after.cost(entry.profile)
                    classTotals[(c * books.count + r) * 2] = costBefore.total
                    classTotals[(c * books.count + r) * 2 + 1] = costAfter.total
                    guard entry.home == r else { continue }
                    var list = entry.profile
                    list.income = nil
                    let listBeforeCost = listedBefore.cost(list)
                    let listAfterCost = listedAfter.cost(list)
                    for s in 0..<serviceCount {
                        let base = (c * serviceCount + s) * 4
                        classRevenue[base] = costBefore.amounts[s]
                        classRevenue[base + 1] = costAfter.amounts[s]
                        classRevenue[base + 2] = listBeforeCost.amounts[s]
                        classRevenue[base + 3] = listAfterCost.amounts[s]
                    }
                }
            }
            for household in 0..<count {
                let c = classOf[household]
                for r in books.indices {
                    let at = ((y * count + household) * books.count + r) * 2
                    totals[at] = classTotals[(c * books.count + r) * 2]
                    totals[at + 1] = classTotals[(c * books.count + r) * 2 + 1]
                }
                let base = (y * books.count + own[household]) * serviceCount
                for s in 0..<serviceCount {
                    for k in 0..<4 { revenue[base + s][k] += classRevenue[(c * serviceCount + s) * 4 + k] }
                }
            }
        }
        return PopulationRun(
            years: years, rulebooks: books, householdCount: count, totals: totals, revenue: revenue, problems: problems,
            status: population.status)
    }
}
