import HarmoniCompare
import HarmoniModel
import HarmoniSimulate

/// A population's households split into the two parts the household engine prices separately:
/// the people (barnehage and kost, SFO, praktisk bistand, trygghetsalarm: the lines that read the
/// income) and the dwelling (vann, avløp, meter, renovasjon, feiing: no income). The engine's lines
/// of one part read only that part's fields, so a household's cost is the sum of its two parts'
/// costs; equal parts are priced once. Built once per run (not per year).
struct PopulationClasses {
    /// Distinct people parts, without income.
    private(set) var people: [HouseholdProfile] = []
    /// Distinct dwelling parts.
    private(set) var dwellings: [HouseholdProfile] = []
    /// Per household: its people class, or −1 when it uses no person line (costs nothing there).
    private(set) var peopleOf: [Int32]
    /// Per household: its dwelling class.
    private(set) var dwellingOf: [Int32]
    /// The households of each people class: those without an income first, then by income
    /// ascending (the order of the incomes lifted to any year: lifting never reverses two
    /// incomes), ties by position.
    private(set) var members: [[Int32]] = []

    init(_ population: HouseholdPopulation, _ profiles: PopulationProfiles) {
        let count = population.households.count
        peopleOf = Array(repeating: -1, count: count)
        dwellingOf = Array(repeating: 0, count: count)
        var peopleIndex: [HouseholdProfile: Int32] = [:]
        var dwellingIndex: [HouseholdProfile: Int32] = [:]
        for household in 0..<count {
            var profile = profiles.profile(population, household)
            profile.income = nil
            let dwelling = Self.dwelling(of: profile)
            if let known = dwellingIndex[dwelling] {
                dwellingOf[household] = known
            } else {
                dwellingIndex[dwelling] = Int32(dwellings.count)
                dwellingOf[household] = Int32(dwellings.count)
                dwellings.append(dwelling)
            }
            let person = Self.people(of: profile)
            guard Self.usesPersonLine(person) else { continue }
            if let known = peopleIndex[person] {
                peopleOf[household] = known
            } else {
                peopleIndex[person] = Int32(people.count)
                peopleOf[household] = Int32(people.count)
                people.append(person)
            }
        }
        members = Array(repeating: [], count: people.count)
        for household in 0..<count where peopleOf[household] >= 0 { members[Int(peopleOf[household])].append(Int32(household)) }
        let incomes = population.households.map { $0.incomeKroner }
        for c in members.indices {
            members[c].sort { a, b in
                switch (incomes[Int(a)], incomes[Int(b)]) {
                case (nil, nil): return a < b
                case (nil, _): return true
                case (_, nil): return false
                case (let x?, let y?): return x != y ? x < y : a < b
                }
            }
        }
    }

    /// The profile with only its dwelling fields.
    static func dwelling(of profile: HouseholdProfile) -> HouseholdProfile {
        var part = HouseholdProfile(id: profile.id, definition: profile.definition)
        part.waterCubicMetresPerYear = profile.waterCubicMetresPerYear
        part.waterMeters = profile.waterMeters
        part.renovasjonCategory = profile.renovasjonCategory
        part.binLitres = profile.binLitres
        part.chimneys = profile.chimneys
        return part
    }

    /// The profile without its dwelling fields.
    static func people(of profile: HouseholdProfile) -> HouseholdProfile {
        var part = profile
        part.waterCubicMetresPerYear = nil
        part.waterMeters = 0
        part.renovasjonCategory = nil
        part.binLitres = nil
        part.chimneys = 0
        return part
    }

    /// True when the part has a line the engine prices (the same test as the income's in ``PopulationProfiles``).
    static func usesPersonLine(_ part: HouseholdProfile) -> Bool {
        !part.barnehageChildren.isEmpty || !part.sfoChildren.isEmpty || part.kostChildren > 0
            || part.praktiskBistandHoursPerMonth != nil || part.trygghetsalarms > 0
    }
}

extension PopulationRun {
    /// The fast path of ``run(_:baseline:prices:everyRulebook:)``, with the same results: each
    /// household split into its people part and its dwelling part (``PopulationClasses``); per
    /// year and rulebook the engine prices each distinct dwelling once, and each distinct people
    /// part once per range of incomes that the engine's rules treat alike: a pricing records the
    /// range (``HouseholdIncomeReads``), and the class's next households by income reuse it while
    /// their income lies in it. Amounts only (no texts); revenue summed per class.
    static func classed(
        _ population: HouseholdPopulation, baseline: Dataset, prices pricedYears: [ScenarioPrices], everyRulebook: Bool
    ) -> PopulationRun {
        let years = pricedYears.map(\.year)
        let books = baseline.mergingMunicipalities
        let bookCount = books.count
        let classes = PopulationClasses(population, PopulationProfiles(baseline))
        let own = population.households.map { books.firstIndex(of: $0.municipality) ?? 0 }
        let count = population.households.count
        let serviceCount = PopulationPricer.services.count
        var totals = Array(repeating: Money.zero, count: years.count * count * bookCount * 2)
        var revenue = Array(repeating: Array(repeating: Money.zero, count: 4), count: years.count * bookCount * serviceCount)
        let problems = pricedYears.first?.problems ?? []
        // Which rulebooks each dwelling class must be priced under (bit r: a household of r uses it).
        var dwellingBooks = Array(repeating: 0, count: classes.dwellings.count)
        var dwellingCount = Array(repeating: Int64(0), count: classes.dwellings.count * bookCount)
        var peopleCount = Array(repeating: Int64(0), count: classes.people.count * bookCount)
        for household in 0..<count {
            let d = Int(classes.dwellingOf[household])
            dwellingBooks[d] |= 1 << own[household]
            dwellingCount[d * bookCount + own[household]] += 1
            let c = Int(classes.peopleOf[household])
            if c >= 0 { peopleCount[c * bookCount + own[household]] += 1 }
        }
        let all = (1 << bookCount) - 1
        let zero = ServiceCosts(amounts: Array(repeating: .zero, count: serviceCount))
        var peopleCost = Array(repeating: Int32(-1), count: count * bookCount * 2)
        for (y, year) in years.enumerated() {
            let priced = pricedYears[y]
            let lists = (PopulationPricer.listPrices(priced.before), PopulationPricer.listPrices(priced.after))
            var pricers: [PopulationPricer] = []  // index (r * 2 + after)
            var listPricers: [PopulationPricer] = []
            for book in books {
                pricers.append(PopulationPricer(priced.before, municipality: book, year: year))
                pricers.append(PopulationPricer(priced.after, municipality: book, year: year))
                listPricers.append(PopulationPricer(lists.0, municipality: book, year: year))
                listPricers.append(PopulationPricer(lists.1, municipality: book, year: year))
            }
            let index = priced.index
            // Incomes lifted to the year (øre). Lifting fails only above Money.limit; such an
            // income is kept unlifted (as in the reference).
            var income = Array(repeating: Int64?.none, count: count)
            for household in 0..<count where classes.peopleOf[household] >= 0 {
                guard let kroner = population.households[household].incomeKroner else { continue }
                let base = Money(kroner: kroner)
                income[household] = (index.lift(base, to: year, rounding: .standard(for: base)) ?? base).ore
            }
            // Dwellings: each class under each rulebook needed.
            var dwellingCost = Array(repeating: zero, count: classes.dwellings.count * bookCount * 2)
            for r in 0..<bookCount {
                for after in 0..<2 {
                    for (d, part) in classes.dwellings.enumerated() where (everyRulebook ? all : dwellingBooks[d]) & (1 << r) != 0 {
                        dwellingCost[(d * bookCount + r) * 2 + after] = pricers[r * 2 + after].cost(part)
                    }
                }
            }
            // People: each class's households by income; a pricing serves the incomes its reads allow.
            var peopleCosts: [ServiceCosts] = []
            for (c, part) in classes.people.enumerated() {
                for r in 0..<bookCount where everyRulebook || peopleCount[c * bookCount + r] > 0 {
                    for after in 0..<2 {
                        var current = Int32(-1)
                        var currentIncome: Int64?
                        var reads = HouseholdIncomeReads()
                        for member in classes.members[c] {
                            let household = Int(member)
                            guard everyRulebook || own[household] == r else { continue }
                            let amount = income[household]
                            let reuse: Bool
                            switch (currentIncome, amount) {
                            case (nil, nil): reuse = current >= 0
                            case (_?, let amount?): reuse = reads.holds(for: amount)
                            default: reuse = false
                            }
                            if !reuse {
                                var profile = part
                                profile.income = amount.map { .kronerPerYear(Money(ore: $0)) }
                                reads = HouseholdIncomeReads()
                                peopleCosts.append(pricers[r * 2 + after].price(profile, reads: reads))
                                current = Int32(peopleCosts.count - 1)
                                currentIncome = amount
                            }
                            peopleCost[(household * bookCount + r) * 2 + after] = current
                        }
                    }
                }
            }
            for household in 0..<count {
                let d = Int(classes.dwellingOf[household])
                let hasPeople = classes.peopleOf[household] >= 0
                for r in 0..<bookCount where everyRulebook || r == own[household] {
                    let at = ((y * count + household) * bookCount + r) * 2
                    for after in 0..<2 {
                        var total = dwellingCost[(d * bookCount + r) * 2 + after].total
                        if hasPeople { total += peopleCosts[Int(peopleCost[(household * bookCount + r) * 2 + after])].total }
                        totals[at + after] = total
                    }
                }
            }
            // Revenue, own rulebook: actual = Σ households' costs; list = the parts without income at list prices.
            func add(_ costs: ServiceCosts, times n: Int64, r: Int, column: Int) {
                guard n > 0 else { return }
                let base = (y * bookCount + r) * serviceCount
                for s in 0..<serviceCount where costs.amounts[s] != .zero { revenue[base + s][column] += costs.amounts[s] * n }
            }
            for household in 0..<count where classes.peopleOf[household] >= 0 {
                let r = own[household]
                add(peopleCosts[Int(peopleCost[(household * bookCount + r) * 2])], times: 1, r: r, column: 0)
                add(peopleCosts[Int(peopleCost[(household * bookCount + r) * 2 + 1])], times: 1, r: r, column: 1)
            }
            for r in 0..<bookCount {
                for d in classes.dwellings.indices {
                    let n = dwellingCount[d * bookCount + r]
                    guard n > 0 else { continue }
                    add(dwellingCost[(d * bookCount + r) * 2], times: n, r: r, column: 0)
                    add(dwellingCost[(d * bookCount + r) * 2 + 1], times: n, r: r, column: 1)
                    add(listPricers[r * 2].cost(classes.dwellings[d]), times: n, r: r, column: 2)
                    add(listPricers[r * 2 + 1].cost(classes.dwellings[d]), times: n, r: r, column: 3)
                }
                for (c, part) in classes.people.enumerated() {
                    let n = peopleCount[c * bookCount + r]
                    guard n > 0 else { continue }
                    add(listPricers[r * 2].cost(part), times: n, r: r, column: 2)
                    add(listPricers[r * 2 + 1].cost(part), times: n, r: r, column: 3)
                }
            }
        }
        return PopulationRun(
            years: years, rulebooks: books, householdCount: count, totals: totals, revenue: revenue, problems: problems,
            population: population)
    }
}
