import HarmoniModel
import HarmoniReport

extension HouseholdChange {
    /// The stable column keys of the summary table, in order.
    public static let summaryColumnKeys = [
        "household", "municipality", "before", "after", "change", "change_pct", "decisions",
    ]

    /// Every household × municipality in one table (kind `household_summary`): the annual cost
    /// before and after, the change in kr and %, and the numbers of the decisions that changed it.
    /// Households in the order given, municipalities Asker, Røyken, Hurum.
    public static func summaryTable(
        _ changes: [HouseholdChange], _ dataset: Dataset, context: HouseholdChangeContext,
        language: DisplayLanguageTag = .nb
    ) -> Table {
        let nb = language == .nb
        let year = changes.first?.year ?? 0
        var table = Table(
            kind: "household_summary",
            title: nb
                ? "Typehusholdningene – årlig kostnad \(year) før og etter vedtakene, inkl. mva"
                : "The typical households – annual cost \(year) before and after the decisions, incl. VAT",
            columns: [
                Column("household", nb ? "Husholdning" : "Household"),
                Column("municipality", nb ? "Kommune" : "Municipality"),
                Column("before", nb ? "Før" : "Before", .right), Column("after", nb ? "Etter" : "After", .right),
                Column("change", nb ? "Endring" : "Change", .right),
                Column("change_pct", nb ? "Endring %" : "Change %", .right),
                Column("decisions", nb ? "Vedtak" : "Decisions"),
            ])
        let incomplete =
            nb
            ? "Summen er uten linjer som mangler i datagrunnlaget."
            : "The total leaves out lines missing from the record."
        for change in changes {
            for (index, totals) in change.allTotals.enumerated() {
                let marks = totals.isComplete ? [] : [table.footnote(incomplete)]
                let numbers = change.decisions[index].map { "#\($0 + 1)" }.joined(separator: ", ")
                table.rows.append([
                    .text(dataset.household(change.household)?.displayName(english: !nb) ?? change.household.rawValue),
                    .text(dataset.displayName(totals.municipality)),
                    .money(totals.before, status: totals.beforeStatus, footnotes: marks),
                    .money(totals.after, status: totals.afterStatus, footnotes: marks),
                    .money(totals.change, status: totals.status), totals.rate.map { .rate($0) } ?? .empty,
                    numbers.isEmpty ? .text("–") : .text(numbers),
                ])
            }
        }
        var notes = context.notes
        notes += summaryNotes(changes, dataset, context, language)
        if table.rows.contains(where: { $0.contains(where: \.isEstimate) }) {
            notes.append(
                nb
                    ? "≈: beløpet bygger på et anslag; «vis husholdning \"<navn>\"» viser hvilke linjer og hvorfor."
                    : "≈: the amount rests on an estimate; «show household \"<name>\"» shows which lines and why.")
        }
        table.notes = notes
        for change in changes {
            for cost in change.before + change.after {
                for line in cost.lines {
                    for id in line.sources { if let source = dataset.source(id) { table.cite(source) } }
                }
            }
        }
        table.sources.sort { $0.title < $1.title }
        return table
    }

    private static func summaryNotes(
        _ changes: [HouseholdChange], _ dataset: Dataset, _ context: HouseholdChangeContext,
        _ language: DisplayLanguageTag
    ) -> [String] {
        let nb = language == .nb
        var notes: [String] = [
            nb
                ? "Før og etter: husholdningens årlige kostnad under kommunens fulle regelverk (som «vis husholdning»), inkl. mva. Endring = etter − før (negativ: betaler mindre); % = endring / før, avrundet til nærmeste 0,1 % (halve opp)."
                : "Before and after: the household's annual cost under the municipality's complete rulebook (show household), incl. VAT. Change = after − before (negative: pays less); % = change / before, rounded half-up to 0.1 %."
        ]
        var used: [Int] = []
        for change in changes {
            for list in change.decisions { for d in list where !used.contains(d) { used.append(d) } }
        }
        used.sort()
        if used.isEmpty {
            notes.append(
                nb
                    ? "Ingen av vedtakene endrer typehusholdningenes kostnad."
                    : "None of the decisions changes the typical households' costs.")
        } else {
            let labels = used.map { $0 < context.labels.count ? context.labels[$0] : "#\($0 + 1)" }
            notes.append((nb ? "Vedtak: " : "Decisions: ") + labels.joined(separator: "; ") + ".")
        }
        for change in changes {
            let household = dataset.household(change.household)
            let definition = household?.definition(english: !nb) ?? change.household.rawValue
            notes.append((household?.displayName(english: !nb) ?? change.household.rawValue) + ": " + definition + ".")
        }
        return notes
    }

    /// The change of every household × municipality in each year (kind `household_impact`): one
    /// column per year (`y2020` …), kr per year incl. mva. `byYear` holds one list per year, the
    /// households in the same order in each.
    public static func yearTable(
        _ byYear: [[HouseholdChange]], _ dataset: Dataset, context: HouseholdChangeContext,
        language: DisplayLanguageTag = .nb
    ) -> Table {
        let nb = language == .nb
        let years = byYear.compactMap { $0.first?.year }
        var table = Table(
            kind: "household_impact",
            title: nb
                ? "Virkning av vedtakene per typehusholdning: endring i årlig kostnad inkl. mva"
                : "Impact of the decisions by typical household: change in annual cost incl. VAT",
            columns: [
                Column("household", nb ? "Husholdning" : "Household"),
                Column("municipality", nb ? "Kommune" : "Municipality"),
            ]
                + years.map { Column("y\($0)", String($0), .right) })
        let incomplete = nb ? "Uten linjer som mangler i datagrunnlaget." : "Leaves out lines missing from the record."
        for (position, change) in (byYear.first ?? []).enumerated() {
            for index in change.municipalities.indices {
                var row: [Cell] = [
                    .text(dataset.household(change.household)?.displayName(english: !nb) ?? change.household.rawValue),
                    .text(dataset.displayName(change.municipalities[index])),
                ]
                for list in byYear {
                    guard position < list.count, index < list[position].after.count else {
                        row.append(.empty)
                        continue
                    }
                    let totals = list[position].totals(at: index)
                    row.append(
                        .money(
                            totals.change, status: totals.status,
                            footnotes: totals.isComplete ? [] : [table.footnote(incomplete)]))
                }
                table.rows.append(row)
            }
        }
        var notes = context.notes
        notes.append(
            nb
                ? "Hver celle: husholdningens årlige kostnad etter vedtakene − før, i året (negativ: betaler mindre). Detaljer: «vis husholdninger i <år>» og «vis husholdning \"<navn>\" i <år>»."
                : "Each cell: the household's annual cost after the decisions − before, in the year (negative: pays less). Details: «show households in <year>» and «show household \"<name>\" in <year>»."
        )
        if table.rows.contains(where: { $0.contains(where: \.isEstimate) }) {
            notes.append(nb ? "≈: beløpet bygger på et anslag." : "≈: the amount rests on an estimate.")
        }
        table.notes = notes
        return table
    }
}
