import HarmoniModel

/// The persons of one municipality while they are drawn: ages, fee lines, incomes, then households.
struct MunicipalityPeople {
    var persons: [PopulationPerson] = []
    /// Personal gross income in whole kroner (0 for persons under 20), by person position.
    var incomes: [Int64] = []

    /// Persons band by band, each age uniform in its band.
    init(_ bands: [AgeBand], _ random: inout SeededGenerator) {
        let total = bands.reduce(0) { $0 + Int($1.persons) }
        persons.reserveCapacity(total)
        for band in bands {
            let width = Int(band.high - band.low + 1)
            for _ in 0..<band.persons {
                persons.append(PopulationPerson(household: 0, id: 0, age: band.low + Int64(random.below(width))))
            }
        }
        incomes = Array(repeating: 0, count: persons.count)
    }

    /// Positions of persons whose age is in `ages`.
    func eligible(_ ages: ClosedRange<Int64>) -> [Int] { persons.indices.filter { ages.contains(persons[$0].age) } }

    /// Fee users drawn without replacement: barnehage lines among 1-5, SFO lines among 6-9,
    /// kulturskole among 6-15, praktisk bistand among 67+, trygghetsalarm among 75+ (then 67+).
    mutating func assignUsers(_ targets: SynthesisTargets, _ a: SynthesisAssumptions, _ random: inout SeededGenerator) {
        let barnehage = pick(eligible(1...5), targets.barnehage.reduce(0) { $0 + $1.places }, &random)
        var next = 0
        for (line, places) in targets.barnehage {
            for _ in 0..<places where next < barnehage.count {
                persons[barnehage[next]].barnehage = line
                next += 1
            }
        }
        let sfo = pick(eligible(6...9), targets.sfo.reduce(0) { $0 + $1.places }, &random)
        next = 0
        for (line, places) in targets.sfo {
            for _ in 0..<places where next < sfo.count {
                persons[sfo[next]].sfo = line
                next += 1
            }
        }
        for pupil in pick(eligible(6...15), targets.kulturskole, &random) { persons[pupil].kulturskoleSubjects = a.kulturskoleSubjects }
        for user in pick(eligible(67...200), targets.praktiskBistand, &random) {
            persons[user].praktiskBistandHoursPerMonth = a.praktiskBistandHours
        }
        let oldest = eligible(75...200)
        var alarms = pick(oldest, targets.trygghetsalarm, &random)
        if alarms.count < targets.trygghetsalarm {
            let rest = eligible(67...74)
            alarms += pick(rest, targets.trygghetsalarm - Int64(alarms.count), &random)
        }
        for user in alarms { persons[user].trygghetsalarm = true }
    }

    private func pick(_ pool: [Int], _ count: Int64, _ random: inout SeededGenerator) -> [Int] {
        random.choose(Int(max(0, count)), of: pool.count).map { pool[$0] }
    }

    /// Groups persons into households (lists of positions): families, then persons 67+, then the
    /// remaining adults spread over the households left to reach `target` (at least one each).
    mutating func households(_ target: Int64, _ a: SynthesisAssumptions, _ random: inout SeededGenerator) -> [[Int]] {
        var children = eligible(0...19)
        var adults = eligible(20...66)
        var elderly = eligible(67...200)
        random.shuffle(&children)
        random.shuffle(&adults)
        random.shuffle(&elderly)
        var groups: [[Int]] = []
        var child = 0
        var adult = 0
        while child < children.count {
            let size = min(familySize(a, &random), children.count - child)
            var members = Array(children[child..<(child + size)])
            child += size
            let parents = random.chance(ppm: a.singleParentShare.ppm) ? 1 : 2
            for _ in 0..<parents where adult < adults.count {
                members.append(adults[adult])
                adult += 1
            }
            groups.append(members)
        }
        var old = 0
        while old < elderly.count {
            if random.chance(ppm: a.elderlyAloneShare.ppm) || old + 1 == elderly.count {
                groups.append([elderly[old]])
                old += 1
            } else {
                groups.append([elderly[old], elderly[old + 1]])
                old += 2
            }
        }
        let remaining = adults.count - adult
        let wanted = Int(max(0, target - Int64(groups.count)))
        let count = min(max(wanted, remaining > 0 ? 1 : 0), remaining)
        var adultHouseholds = (0..<count).map { [adults[adult + $0]] }
        for extra in (adult + count)..<adults.count where count > 0 {
            adultHouseholds[random.below(count)].append(adults[extra])
        }
        return groups + adultHouseholds
    }

    /// 1-4 children by the family-size shares (a draw in ppm against the cumulative shares).
    private func familySize(_ a: SynthesisAssumptions, _ random: inout SeededGenerator) -> Int {
        let total = max(1, a.familySizeShares.reduce(0) { $0 + $1.ppm })
        let draw = Int64(random.below(Int(total)))
        var cumulative: Int64 = 0
        for (index, share) in a.familySizeShares.enumerated() {
            cumulative += share.ppm
            if draw < cumulative { return index + 1 }
        }
        return a.familySizeShares.count
    }

    /// Personal incomes of persons 20+: median × e^(σz) (pensioners × the pensioner share), scaled so
    /// the median of persons 20+ equals `median` exactly, then lifted by the income growth; whole kroner.
    /// Returns the median reached before the lift (income-year kroner).
    @discardableResult
    mutating func drawIncomes(median: Money, _ a: SynthesisAssumptions, _ random: inout SeededGenerator) -> Int64 {
        let earners = eligible(20...200)
        guard !earners.isEmpty else { return 0 }
        let medianKroner = Int128(median.ore / 100)
        var raw: [Int64] = []
        raw.reserveCapacity(earners.count)
        for person in earners {
            let x = Int64(Int128(random.normalQ32()) * Int128(a.sigma.ppm) / 1_000_000)
            var value = (medianKroner * FixedExp.expQ32(x)) >> 32
            if persons[person].age >= 67 { value = value * Int128(a.pensionerShare.ppm) / 1_000_000 }
            raw.append(Int64(max(1, value)))
        }
        let achieved = Int128(PopulationStatistics.lowerMedian(raw))
        var calibrated: [Int64] = []
        calibrated.reserveCapacity(earners.count)
        for (position, person) in earners.enumerated() {
            let value = RoundingRule.divide(Int128(raw[position]) * medianKroner, by: achieved, mode: .halfUp)
            calibrated.append(Int64(value))
            let lifted = RoundingRule.divide(value * Int128(1_000_000 + a.incomeGrowth.ppm), by: 1_000_000, mode: .halfUp)
            incomes[person] = Int64(lifted)
        }
        return PopulationStatistics.lowerMedian(calibrated)
    }
}

/// Order statistics on whole numbers.
public enum PopulationStatistics {
    /// The lower median: the element at position (n − 1) / 2 of the sorted values (0 when empty).
    public static func lowerMedian(_ values: [Int64]) -> Int64 {
        guard !values.isEmpty else { return 0 }
        return values.sorted()[(values.count - 1) / 2]
    }

    /// The value at quantile `numerator / denominator` by the nearest-rank rule on sorted values.
    public static func quantile<T: Comparable>(_ sorted: [T], _ numerator: Int, _ denominator: Int) -> T? {
        guard !sorted.isEmpty else { return nil }
        let rank = max(1, (sorted.count * numerator + denominator - 1) / denominator)
        return sorted[min(sorted.count, rank) - 1]
    }
}
