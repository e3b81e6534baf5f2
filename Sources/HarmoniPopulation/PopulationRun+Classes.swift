import HarmoniCompare
import HarmoniModel
import HarmoniSimulate

/// A population's households split into the parts the household engine prices separately: three
/// people parts — barnehage (places and kost), SFO, care (praktisk bistand, trygghetsalarm): the
/// lines that read the income — and the dwelling (vann, avløp, meter, renovasjon, feiing: no
/// income). Each group of the engine's lines reads only its own part's fields (the barnehage lines
/// the barnehage places, kost and income; the SFO lines the SFO places, holiday days and income;
/// the care lines the hours, alarms and income; sibling ranks are counted within barnehage and
/// within SFO), so a household's cost is the sum of its parts' costs; equal parts are priced once.
/// A people part leaves out the income and the children's ages: the engine's record of what it
/// read (``HouseholdReads``) tells which households of a part cost the same. Built once per run.
struct PopulationClasses {
    /// The people parts: barnehage, SFO, care.
    static let kinds = 3
    /// Distinct people parts of every kind, without income and without the children's ages.
    private(set) var people: [HouseholdProfile] = []
    /// Distinct dwelling parts.
    private(set) var dwellings: [HouseholdProfile] = []
    /// Per household and kind (index `household * kinds + kind`): its people class, or −1 when it
    /// uses no line of the kind (costs nothing there).
    private(set) var peopleOf: [Int32]
    /// Per household: its dwelling class.
    private(set) var dwellingOf: [Int32]
    /// The households of each people class: those without an income first, then by income
    /// ascending (the order of the incomes lifted to any year: lifting never reverses two
    /// incomes), ties by position.
    private(set) var members: [[Int32]] = []
    /// The kind of each people class.
    private(set) var kindOf: [Int] = []
    /// Per household with a place: the ages of its barnehage children and of its SFO children, in
    /// the profile's order (empty for the others).
    private(set) var barnehageAges: [[Int64?]]
    private(set) var sfoAges: [[Int64?]]

    init(_ population: HouseholdPopulation, _ profiles: PopulationProfiles) {
        let count = population.households.count
        peopleOf = Array(repeating: -1, count: count * Self.kinds)
        dwellingOf = Array(repeating: 0, count: count)
        barnehageAges = Array(repeating: [], count: count)
        sfoAges = Array(repeating: [], count: count)
        // Keys read straight from the rows (the profile is built once per new key): the dwelling's
        // (water, bin, chimneys); barnehage: (position, line) of each person with a place; SFO the
        // same; care: the household's praktisk bistand hours and alarms. Equal keys give equal
        // parts (``PopulationProfiles/profile(_:_:income:)`` reads nothing else).
        var peopleIndex: [[Int64]: Int32] = [:]
        var dwellingIndex: [[Int64]: Int32] = [:]
        var lines: [LineID] = []
        func line(_ id: LineID) -> Int64 {
            if let known = lines.firstIndex(of: id) { return Int64(known + 1) }
            lines.append(id)
            return Int64(lines.count)
        }
        var keys: [[Int64]] = Array(repeating: [], count: Self.kinds)
        for household in 0..<count {
            let row = population.households[household]
            let dwellingKey = [row.waterCubicMetres, row.binLitres, row.chimneys]
            if let known = dwellingIndex[dwellingKey] {
                dwellingOf[household] = known
            } else {
                dwellingIndex[dwellingKey] = Int32(dwellings.count)
                dwellingOf[household] = Int32(dwellings.count)
                dwellings.append(Self.dwelling(of: profiles.profile(population, household)))
            }
            for kind in 0..<Self.kinds { keys[kind] = [Int64(kind)] }
            var hours: Int64 = 0
            var alarms: Int64 = 0
            var position: Int64 = 0
            for person in population.persons(of: household) {
                position += 1
                if let id = person.barnehage { keys[0] += [position, line(id)] }
                if let id = person.sfo { keys[1] += [position, line(id)] }
                hours += person.praktiskBistandHoursPerMonth
                if person.trygghetsalarm { alarms += 1 }
            }
            keys[2] += [hours, alarms]
            if keys[0].count == 1 && keys[1].count == 1 && hours <= 0 && alarms == 0 { continue }
            var whole: HouseholdProfile?
            for kind in 0..<Self.kinds {
                let c: Int32
                if let known = peopleIndex[keys[kind]] {
                    c = known
                } else {
                    if whole == nil {
                        whole = profiles.profile(population, household)
                        whole?.income = nil
                    }
                    let part = whole.map { Self.part(kind, of: $0) }
                    c = part.map(Self.usesPersonLine) == true ? Int32(people.count) : -1
                    if c >= 0, let part {
                        people.append(part)
                        kindOf.append(kind)
                    }
                    peopleIndex[keys[kind]] = c
                }
                peopleOf[household * Self.kinds + kind] = c
            }
            for person in population.persons(of: household) {
                if person.barnehage != nil { barnehageAges[household].append(person.age) }
                if person.sfo != nil { sfoAges[household].append(person.age) }
            }
        }
        members = Array(repeating: [], count: people.count)
        for slot in peopleOf.indices where peopleOf[slot] >= 0 { members[Int(peopleOf[slot])].append(Int32(slot / Self.kinds)) }
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

    /// The people part of household `household` with its children's ages put back.
    func people(_ part: HouseholdProfile, of household: Int) -> HouseholdProfile {
        var profile = part
        if profile.barnehageChildren.count == barnehageAges[household].count {
            for (index, age) in barnehageAges[household].enumerated() { profile.barnehageChildren[index].age = age }
        }
        if profile.sfoChildren.count == sfoAges[household].count {
            for (index, age) in sfoAges[household].enumerated() { profile.sfoChildren[index].age = age }
        }
        return profile
    }

    /// The part of kind `kind` (0 barnehage, 1 SFO, 2 care) of a profile, without the dwelling
    /// fields and without the children's ages.
    static func part(_ kind: Int, of profile: HouseholdProfile) -> HouseholdProfile {
        var part = HouseholdProfile(id: profile.id, definition: profile.definition)
        part.income = profile.income
        switch kind {
        case 0:
            part.barnehageChildren = profile.barnehageChildren.map { ChildPlace.place(attribute: $0.attribute, line: $0.line, age: nil) }
            part.kostChildren = profile.kostChildren
        case 1:
            part.sfoChildren = profile.sfoChildren.map { ChildPlace.place(attribute: $0.attribute, line: $0.line, age: nil) }
            part.ferieSFODays = profile.ferieSFODays
        default:
            part.praktiskBistandHoursPerMonth = profile.praktiskBistandHoursPerMonth
            part.trygghetsalarms = profile.trygghetsalarms
        }
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
    /// household split into its barnehage, SFO, care and dwelling parts (``PopulationClasses``);
    /// per year and rulebook the engine prices each distinct dwelling once, and each distinct people
    /// part once per range of incomes and ages that the engine's rules treat alike: a pricing
    /// records what it read (``HouseholdReads``), and the class's next households by income reuse
    /// it while their income lies in its range and their children's ages pass its age checks the
    /// same way. Amounts only (no texts); revenue summed per class.
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
        let kinds = PopulationClasses.kinds
        for household in 0..<count {
            let d = Int(classes.dwellingOf[household])
            dwellingBooks[d] |= 1 << own[household]
            dwellingCount[d * bookCount + own[household]] += 1
            for kind in 0..<kinds {
                let c = Int(classes.peopleOf[household * kinds + kind])
                if c >= 0 { peopleCount[c * bookCount + own[household]] += 1 }
            }
        }
        let all = (1 << bookCount) - 1
        let zero = ServiceCosts(amounts: Array(repeating: .zero, count: serviceCount))
        // The cost (position in the year's people costs) of each household's part of each kind,
        // per rulebook and before/after: index ((household * kinds + kind) * bookCount + r) * 2 + after.
        var peopleCost = Array(repeating: Int32(-1), count: count * kinds * bookCount * 2)
        var pricings = 0
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
            defer { pricings += (pricers + listPricers).reduce(0) { $0 + $1.pricings } }
            let index = priced.index
            // Incomes lifted to the year (øre). Lifting fails only above Money.limit; such an
            // income is kept unlifted (as in the reference).
            var income = Array(repeating: Int64?.none, count: count)
            for household in 0..<count where (0..<kinds).contains(where: { classes.peopleOf[household * kinds + $0] >= 0 }) {
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
                let kind = classes.kindOf[c]
                for r in 0..<bookCount where everyRulebook || peopleCount[c * bookCount + r] > 0 {
                    for after in 0..<2 {
                        // Pricings whose income range reaches the current income (members come by
                        // income, so only the ceiling can leave one behind); newest first.
                        var active: [(reads: HouseholdReads, cost: Int32, hasIncome: Bool)] = []
                        for member in classes.members[c] {
                            let household = Int(member)
                            guard everyRulebook || own[household] == r else { continue }
                            let amount = income[household]
                            if let amount { active.removeAll { !$0.hasIncome || amount >= $0.reads.ceiling } }
                            let ages = classes.barnehageAges[household]
                            if let known = active.last(where: {
                                $0.hasIncome == (amount != nil) && (amount.map($0.reads.holds(for:)) ?? true)
                                    && $0.reads.holds(forBarnehageAges: ages)
                            }) {
                                peopleCost[((household * kinds + kind) * bookCount + r) * 2 + after] = known.cost
                                continue
                            }
                            var profile = classes.people(part, of: household)
                            profile.income = amount.map { .kronerPerYear(Money(ore: $0)) }
                            let reads = HouseholdReads()
                            peopleCosts.append(pricers[r * 2 + after].price(profile, reads: reads))
                            active.append((reads, Int32(peopleCosts.count - 1), amount != nil))
                            peopleCost[((household * kinds + kind) * bookCount + r) * 2 + after] = Int32(peopleCosts.count - 1)
                        }
                    }
                }
            }
            for household in 0..<count {
                let d = Int(classes.dwellingOf[household])
                for r in 0..<bookCount where everyRulebook || r == own[household] {
                    let at = ((y * count + household) * bookCount + r) * 2
                    for after in 0..<2 {
                        var total = dwellingCost[(d * bookCount + r) * 2 + after].total
                        for kind in 0..<kinds where classes.peopleOf[household * kinds + kind] >= 0 {
                            total += peopleCosts[Int(peopleCost[((household * kinds + kind) * bookCount + r) * 2 + after])].total
                        }
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
            for household in 0..<count {
                let r = own[household]
                for kind in 0..<kinds where classes.peopleOf[household * kinds + kind] >= 0 {
                    let at = ((household * kinds + kind) * bookCount + r) * 2
                    add(peopleCosts[Int(peopleCost[at])], times: 1, r: r, column: 0)
                    add(peopleCosts[Int(peopleCost[at + 1])], times: 1, r: r, column: 1)
                }
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
        var run = PopulationRun(
            years: years, rulebooks: books, householdCount: count, totals: totals, revenue: revenue, problems: problems,
            population: population)
        run.enginePricings = pricings
        return run
    }
}
