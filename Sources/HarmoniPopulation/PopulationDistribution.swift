import HarmoniCompare
import HarmoniModel
import HarmoniReport

/// How households are grouped in a distribution table (always within each old municipality).
public enum DistributionGrouping: String, Sendable, Hashable, CaseIterable {
    /// One row per old municipality.
    case municipality
    /// Deciles of household income over the whole population (decile 1 = the lowest tenth).
    case incomeDecile
    /// Household types: with children and one adult, with children and two or more, persons 67+ only, other.
    case householdType
}

/// The change of one group's households: counts of more / less / same, mean, median, P10, P90,
/// largest increase (kr a year incl. mva, own municipality's rulebook, after − before).
public struct DistributionRow: Sendable, Hashable {
    /// The old municipality.
    public var municipality: MunicipalityID
    /// The group within it (decile number, type key, or `alle`).
    public var group: String
    /// Households in the group.
    public var households: Int
    /// Households paying more, less, the same.
    public var more: Int
    public var less: Int
    public var same: Int
    /// Sum of the changes (exact).
    public var totalChange: Money
    /// Sum of the before amounts.
    public var totalBefore: Money
    /// Median, 10th and 90th percentile (nearest rank) and the largest change.
    public var median: Money
    public var p10: Money
    public var p90: Money
    public var largestIncrease: Money
    /// Mean change: total / households, rounded half-up to øre.
    public var mean: Money { Money(ore: households == 0 ? 0 : Self.divide(totalChange.ore, Int64(households))) }
    /// Change of the group's payments: total change / total before, rounded half-up to 0,1 % (as
    /// the typical households' change %), `nil` when nothing was paid before.
    public var share: Rate? { HouseholdChange.rate(totalChange, of: totalBefore) }

    /// `a / b` half-up for a positive count `b`: ``RoundingRule/divide(_:by:mode:)``.
    static func divide(_ a: Int64, _ b: Int64) -> Int64 {
        Int64(RoundingRule.divide(Int128(a), by: Int128(b), mode: .halfUp))
    }
}

/// Who pays more and who pays less: the population's changes per group in one year.
public enum PopulationDistribution {
    /// The household type of a household (persons' ages): `barn_1_voksen`, `barn_2_voksne`, `pensjonister`, `andre`.
    public static func type(_ population: HouseholdPopulation, _ index: Int) -> String {
        let persons = population.persons(of: index)
        let children = persons.filter { $0.age < 20 }.count
        let adults = persons.count - children
        if children > 0 { return adults <= 1 ? "barn_1_voksen" : "barn_2_voksne" }
        if persons.allSatisfy({ $0.age >= 67 }) { return "pensjonister" }
        return "andre"
    }

    /// Income deciles 1-10 by household income over the whole population (ties by position;
    /// households without an income are in no decile: group `ukjent`).
    public static func deciles(_ population: HouseholdPopulation) -> [String] {
        let known = population.households.indices.filter { population.households[$0].incomeKroner != nil }
        let sorted = known.sorted {
            let a = population.households[$0].incomeKroner ?? 0
            let b = population.households[$1].incomeKroner ?? 0
            return a != b ? a < b : $0 < $1
        }
        var groups = Array(repeating: "ukjent", count: population.households.count)
        for (rank, index) in sorted.enumerated() { groups[index] = String(rank * 10 / max(1, sorted.count) + 1) }
        return groups
    }

    /// The rows for year position `year`: per municipality (Asker, Røyken, Hurum), then per group in order.
    public static func rows(_ run: PopulationRun, _ population: HouseholdPopulation, year: Int, grouping: DistributionGrouping)
        -> [DistributionRow]
    {
        let groupOf: [String]
        let order: [String]
        switch grouping {
        case .municipality:
            groupOf = Array(repeating: "alle", count: population.households.count)
            order = ["alle"]
        case .incomeDecile:
            groupOf = deciles(population)
            order = (1...10).map(String.init) + ["ukjent"]
        case .householdType:
            groupOf = population.households.indices.map { type(population, $0) }
            order = ["barn_1_voksen", "barn_2_voksne", "pensjonister", "andre"]
        }
        var rows: [DistributionRow] = []
        for (r, municipality) in run.rulebooks.enumerated() {
            var changes: [String: [Money]] = [:]
            var before: [String: Money] = [:]
            for (index, household) in population.households.enumerated() where household.municipality == municipality {
                let b = run.total(year: year, household: index, rulebook: r, after: false)
                let a = run.total(year: year, household: index, rulebook: r, after: true)
                changes[groupOf[index], default: []].append(a - b)
                before[groupOf[index], default: .zero] += b
            }
            for group in order {
                guard let values = changes[group], !values.isEmpty else { continue }
                let sorted = values.sorted()
                rows.append(
                    DistributionRow(
                        municipality: municipality, group: group, households: values.count,
                        more: values.filter { $0 > .zero }.count, less: values.filter { $0 < .zero }.count,
                        same: values.filter { $0 == .zero }.count, totalChange: values.reduce(.zero, +),
                        totalBefore: before[group] ?? .zero, median: PopulationStatistics.quantile(sorted, 1, 2) ?? .zero,
                        p10: PopulationStatistics.quantile(sorted, 1, 10) ?? .zero,
                        p90: PopulationStatistics.quantile(sorted, 9, 10) ?? .zero, largestIncrease: sorted.last ?? .zero))
            }
        }
        return rows
    }

    /// The group's name in a language.
    static func groupName(_ group: String, _ grouping: DistributionGrouping, _ en: Bool) -> String {
        switch (grouping, group) {
        case (.municipality, _): return en ? "all households" : "alle husholdninger"
        case (.incomeDecile, "ukjent"): return en ? "income unknown" : "inntekt ukjent"
        case (.incomeDecile, _): return en ? "decile \(group)" : "desil \(group)"
        case (_, "barn_1_voksen"): return en ? "children, one adult" : "barn, én voksen"
        case (_, "barn_2_voksne"): return en ? "children, two or more adults" : "barn, to eller flere voksne"
        case (_, "pensjonister"): return en ? "only persons 67+" : "bare personer 67+"
        default: return en ? "other households" : "andre husholdninger"
        }
    }

    /// The distribution as a table (kind `distribution`): amounts marked with the population's status.
    public static func table(
        _ rows: [DistributionRow], grouping: DistributionGrouping, year: Int, status: Status, names: [MunicipalityID: String],
        notes: [String], language: DisplayLanguageTag
    ) -> Table {
        let en = language == .en
        let columns = [
            Column("municipality", en ? "Old municipality" : "Gammel kommune"),
            Column("group", en ? "Group" : "Gruppe"),
            Column("households", en ? "Households" : "Husholdninger", .right),
            Column("more", en ? "Pay more" : "Betaler mer", .right),
            Column("less", en ? "Pay less" : "Betaler mindre", .right),
            Column("same", en ? "Same" : "Likt", .right),
            Column("mean", en ? "Mean change" : "Snittendring", .right),
            Column("share", en ? "Change %" : "Endring %", .right),
            Column("median", en ? "Median change" : "Medianendring", .right),
            Column("p10", "P10", .right),
            Column("p90", "P90", .right),
            Column("largest", en ? "Largest increase" : "Største økning", .right),
        ]
        let cells = rows.map { row -> [Cell] in
            [
                .text(names[row.municipality] ?? row.municipality.rawValue), .text(groupName(row.group, grouping, en)),
                .number(DecimalNumber(Int64(row.households))), .number(DecimalNumber(Int64(row.more))),
                .number(DecimalNumber(Int64(row.less))), .number(DecimalNumber(Int64(row.same))),
                .money(row.mean, status: status), row.share.map { Cell.rate($0) } ?? .empty,
                .money(row.median, status: status), .money(row.p10, status: status), .money(row.p90, status: status),
                .money(row.largestIncrease, status: status),
            ]
        }
        let title = en ? "Who pays more and who pays less, \(year) (kr a year per household)" : "Hvem betaler mer og hvem betaler mindre, \(year) (kr i året per husholdning)"
        return Table(kind: "distribution", title: title, columns: columns, rows: cells, notes: notes)
    }
}
