import HarmoniModel
import HarmoniReport

/// The population's two report charts as tables whose columns are the old municipalities (so the
/// report's grouped bar chart draws them): the mean change per household by income decile, and the
/// histogram of household changes.
public enum PopulationCharts {
    /// Each household's change (after − before, own rulebook) in year position `year`, per old municipality.
    public static func changes(_ run: PopulationRun, _ population: HouseholdPopulation, year: Int) -> [[Money]] {
        var changes = Array(repeating: [Money](), count: run.rulebooks.count)
        let own = population.households.map { run.rulebooks.firstIndex(of: $0.municipality) }
        for household in population.households.indices {
            guard let r = own[household] else { continue }
            let before = run.total(year: year, household: household, rulebook: r, after: false)
            changes[r].append(run.total(year: year, household: household, rulebook: r, after: true) - before)
        }
        return changes
    }

    /// The histogram of household changes (kind `distribution-histogram`): households per bin per old municipality.
    public static func histogram(
        _ run: PopulationRun, _ population: HouseholdPopulation, year: Int, calendarYear: Int, names: [MunicipalityID: String],
        notes: [String], language: DisplayLanguageTag
    ) -> Table {
        let en = language == .en
        let changes = changes(run, population, year: year)
        let groups = run.rulebooks.enumerated().map { r, municipality in
            (key: municipality.rawValue, heading: names[municipality] ?? municipality.rawValue, amounts: changes[r])
        }
        return Histogram.table(
            kind: "distribution-histogram",
            title: en ? "Households by change in annual payments, \(calendarYear)" : "Husholdninger etter endring i årlig betaling, \(calendarYear)",
            label: en ? "Change, kr a year" : "Endring, kr i året", groups: groups,
            notes: notes + [en ? "Households in each band of change; negative: the household pays less." : "Husholdninger i hvert endringsintervall; negativt: husholdningen betaler mindre."],
            language: language)
    }

    /// Mean change per household by income decile (kind `distribution-deciles`): deciles as rows,
    /// old municipalities as columns, from the `by income decile` rows.
    public static func deciles(
        _ rows: [DistributionRow], calendarYear: Int, status: Status, municipalities: [MunicipalityID], names: [MunicipalityID: String],
        notes: [String], language: DisplayLanguageTag
    ) -> Table {
        let en = language == .en
        let order = (1...10).map(String.init) + ["ukjent"]
        var cells: [[Cell]] = []
        for group in order {
            let row = municipalities.map { m in rows.first { $0.municipality == m && $0.group == group } }
            guard row.contains(where: { $0 != nil }) else { continue }
            let label = group == "ukjent" ? (en ? "income unknown" : "inntekt ukjent") : (en ? "decile \(group)" : "desil \(group)")
            cells.append([.text(label)] + row.map { $0.map { Cell.money($0.mean, status: status) } ?? .empty })
        }
        let columns = [Column("decile", en ? "Income decile" : "Inntektsdesil")]
            + municipalities.map { Column($0.rawValue, names[$0] ?? $0.rawValue, .right) }
        return Table(
            kind: "distribution-deciles",
            title: en ? "Mean change per household by income decile, \(calendarYear) (kr a year)" : "Snittendring per husholdning etter inntektsdesil, \(calendarYear) (kr i året)",
            columns: columns, rows: cells,
            notes: notes + [en ? "Deciles of household income over all of nye Asker (decile 1: the lowest tenth)." : "Desiler av husholdningsinntekt i hele nye Asker (desil 1: den laveste tiendedelen)."])
    }
}
