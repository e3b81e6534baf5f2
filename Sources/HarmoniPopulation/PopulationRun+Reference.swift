import HarmoniCompare
import HarmoniModel
import HarmoniSimulate

extension PopulationRun {
    /// The plain version of ``run(_:baseline:prices:everyRulebook:)``: each household's whole
    /// profile (its income lifted to the year) priced by the household engine with every line
    /// explained (``HouseholdCostDetail/full``, as `show household`), households with equal
    /// profiles priced once. Slow (every household with a child or care has its own income,
    /// so its own pricing, every year); kept as the reference the fast path is tested against.
    public static func reference(
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
                var before = PopulationPricer(priced.before, municipality: books[r], year: year, detail: .full)
                var after = PopulationPricer(priced.after, municipality: books[r], year: year, detail: .full)
                var listedBefore = PopulationPricer(listBefore, municipality: books[r], year: year, detail: .full)
                var listedAfter = PopulationPricer(listAfter, municipality: books[r], year: year, detail: .full)
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
            population: population)
    }
}
