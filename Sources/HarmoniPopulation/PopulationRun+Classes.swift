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

extension Rulebook {
    /// The lowest yearly income (øre) at or above which no income rule of this rulebook tells
    /// incomes apart in `year`: every threshold in G (friplass, SFO moderation bands, praktisk
    /// bistand exemption and paid-hour bands, the national cap's bound, trygghetsalarm exemption)
    /// at the year's highest G, and the barnehage income limit. Every comparison the engine makes
    /// is then false for each such income, so one pricing serves them all; the test
    /// `PopulationFastPathTests` holds the fast path to the plain one.
    public func incomeCeiling(_ dataset: Dataset, year: Int) -> Int64 {
        var multiples: [Rate] = [sfo.friplassUnderG, barnehage.friplassUnderG, praktiskBistand.freeUnderG, trygghetsalarmFreeUnderG]
            .compactMap { $0?.value }
        multiples += sfo.moderationBands.map(\.underG.value)
        multiples.append(praktiskBistand.nationalCapUnderG)
        for band in praktiskBistand.paidHourCaps {
            multiples.append(band.fromG)
            if let to = band.toG { multiples.append(to) }
        }
        var highestG: Int64 = 0
        var ceiling: Int64 = 0
        for month in 1...12 {
            guard let day = CalendarDate(year: year, month: month, day: 1) else { continue }
            if let g = dataset.grunnbelop(on: day) { highestG = max(highestG, g.ore) }
            if let limit = barnehage.incomeLimit.value(on: day) { ceiling = max(ceiling, limit.value.ore) }
        }
        for multiple in multiples {
            let product = Int128(multiple.ppm) * Int128(highestG)
            let rounded = (product + Int128(Rate.ppmPerUnit) - 1) / Int128(Rate.ppmPerUnit)
            ceiling = max(ceiling, Int64(clamping: rounded))
        }
        return ceiling
    }
}

extension PopulationRun {
    /// The fast path of ``run(_:baseline:prices:everyRulebook:)``, with the same results: each
    /// household split into its people part and its dwelling part (``PopulationClasses``); per
    /// year and rulebook the engine prices each distinct dwelling once, and each distinct people
    /// part once per distinct income, incomes at or above the rulebooks' ``Rulebook/incomeCeiling``
    /// counting as one. Revenue is summed per class (cost × households), not per household.
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
        for household in 0..<count {
            let d = Int(classes.dwellingOf[household])
            dwellingBooks[d] |= 1 << own[household]
            dwellingCount[d * bookCount + own[household]] += 1
        }
        let all = (1 << bookCount) - 1
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
            let ceiling = pricers.map { $0.book.incomeCeiling($0.dataset, year: year) }.max() ?? 0
            let index = priced.index
            // People keys of the year: (class, income øre; Int64.max at or above the ceiling, Int64.min without income).
            var keyIndex: [PeopleKey: Int32] = [:]
            var keys: [HouseholdProfile] = []
            var keyBooks: [Int] = []
            var keyOf = Array(repeating: Int32(-1), count: count)
            for household in 0..<count {
                let c = classes.peopleOf[household]
                guard c >= 0 else { continue }
                var profile = classes.people[Int(c)]
                var incomeKey = Int64.min
                if let kroner = population.households[household].incomeKroner {
                    // Lifting fails only above Money.limit; such an income is kept unlifted (as in the reference).
                    let base = Money(kroner: kroner)
                    let lifted = index.lift(base, to: year, rounding: .standard(for: base)) ?? base
                    profile.income = .kronerPerYear(lifted)
                    incomeKey = lifted.ore >= ceiling ? Int64.max : lifted.ore
                }
                let key = PeopleKey(people: c, income: incomeKey)
                if let known = keyIndex[key] {
                    keyOf[household] = known
                } else {
                    keyIndex[key] = Int32(keys.count)
                    keyOf[household] = Int32(keys.count)
                    keys.append(profile)
                    keyBooks.append(0)
                }
                keyBooks[Int(keyOf[household])] |= 1 << own[household]
            }
            // Price every class needed under every rulebook needed.
            let zero = ServiceCosts(amounts: Array(repeating: .zero, count: serviceCount))
            var dwellingCost = Array(repeating: zero, count: classes.dwellings.count * bookCount * 2)
            var keyCost = Array(repeating: zero, count: keys.count * bookCount * 2)
            for r in 0..<bookCount {
                for after in 0..<2 {
                    let p = r * 2 + after
                    for (d, part) in classes.dwellings.enumerated() where (everyRulebook ? all : dwellingBooks[d]) & (1 << r) != 0 {
                        dwellingCost[(d * bookCount + r) * 2 + after] = pricers[p].cost(part)
                    }
                    for (k, part) in keys.enumerated() where (everyRulebook ? all : keyBooks[k]) & (1 << r) != 0 {
                        keyCost[(k * bookCount + r) * 2 + after] = pricers[p].cost(part)
                    }
                }
            }
            for household in 0..<count {
                let d = Int(classes.dwellingOf[household])
                let k = Int(keyOf[household])
                for r in 0..<bookCount where everyRulebook || r == own[household] {
                    let at = ((y * count + household) * bookCount + r) * 2
                    for after in 0..<2 {
                        var total = dwellingCost[(d * bookCount + r) * 2 + after].total
                        if k >= 0 { total += keyCost[(k * bookCount + r) * 2 + after].total }
                        totals[at + after] = total
                    }
                }
            }
            // Revenue, own rulebook: actual = Σ households' costs; list = the parts without income at list prices.
            var peopleCount = Array(repeating: Int64(0), count: classes.people.count * bookCount)
            var keyCount = Array(repeating: Int64(0), count: keys.count * bookCount)
            for household in 0..<count where keyOf[household] >= 0 {
                keyCount[Int(keyOf[household]) * bookCount + own[household]] += 1
                peopleCount[Int(classes.peopleOf[household]) * bookCount + own[household]] += 1
            }
            func add(_ costs: ServiceCosts, times n: Int64, r: Int, column: Int) {
                guard n > 0 else { return }
                let base = (y * bookCount + r) * serviceCount
                for s in 0..<serviceCount { revenue[base + s][column] += costs.amounts[s] * n }
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
                for k in keys.indices {
                    let n = keyCount[k * bookCount + r]
                    add(keyCost[(k * bookCount + r) * 2], times: n, r: r, column: 0)
                    add(keyCost[(k * bookCount + r) * 2 + 1], times: n, r: r, column: 1)
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

/// A people part and an income (øre; `Int64.max` = at or above the income ceiling, `Int64.min` = none).
private struct PeopleKey: Hashable {
    var people: Int32
    var income: Int64
}
