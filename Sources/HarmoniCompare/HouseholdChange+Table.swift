import HarmoniModel
import HarmoniReport

/// What a before/after household table says about the scenario behind it.
public struct HouseholdChangeContext: Sendable, Hashable {
    /// The scenario's decision labels by index (`#1 harmonise sfo.* to lowest`).
    public var labels: [String]
    /// Notes shown first: the year and why, the price basis, how money was lifted, problems.
    public var notes: [String]

    /// Creates a context.
    public init(labels: [String], notes: [String]) {
        self.labels = labels
        self.notes = notes
    }
}

extension HouseholdChange {
    /// The stable column keys of a before/after table for the given municipalities: `line`, then
    /// per municipality `<id>_before`, `<id>_after`, `<id>_change`, `<id>_change_pct`.
    public static func columnKeys(_ municipalities: [MunicipalityID]) -> [String] {
        ["line"]
            + municipalities.flatMap { m in ["before", "after", "change", "change_pct"].map { "\(m.rawValue)_\($0)" } }
    }

    /// The household's lines before and after, side by side per municipality, with the change in
    /// kr and %, and a sum row (kind `household_change`).
    ///
    /// `dataset` is the dataset after the decisions (names, sources, the household as priced).
    /// Cells carry the footnotes of ``HouseholdCost/table(_:household:_:language:)`` (rules applied,
    /// estimates `≈`); a change is `≈` when either side is. The notes give `context`'s notes, the
    /// household's choices and the decisions that changed its cost, per municipality.
    public func table(
        _ household: Household, _ dataset: Dataset, context: HouseholdChangeContext, language: DisplayLanguageTag = .nb
    ) -> Table {
        let nb = language == .nb
        var columns = [Column("line", nb ? "Post" : "Item")]
        for municipality in municipalities {
            let name = dataset.displayName(municipality)
            let id = municipality.rawValue
            columns += [
                Column(id + "_before", name + (nb ? " før" : " before"), .right),
                Column(id + "_after", name + (nb ? " etter" : " after"), .right),
                Column(id + "_change", name + (nb ? " endring" : " change"), .right),
                Column(id + "_change_pct", name + " %", .right),
            ]
        }
        var table = Table(
            kind: "household_change",
            title: (nb ? "Typehusholdning " : "Typical household ") + household.displayName(english: !nb) + " – "
                + (nb
                    ? "årlig kostnad \(year) før og etter vedtakene, inkl. mva"
                    : "annual cost \(year) before and after the decisions, incl. VAT"),
            columns: columns)
        var ids: [String] = []
        for cost in before + after { for line in cost.lines where !ids.contains(line.id) { ids.append(line.id) } }
        let pairs = Array(zip(before, after))
        for id in ids {
            let label =
                (before + after).lazy.compactMap { $0.lines.first { $0.id == id } }.first
                .map { nb ? $0.labelNB : $0.labelEN } ?? id
            var row: [Cell] = [.text(label)]
            for (old, new) in pairs {
                let a = old.lines.first { $0.id == id }
                let b = new.lines.first { $0.id == id }
                row.append(HouseholdCost.cell(a, old, dataset, language, &table))
                row.append(HouseholdCost.cell(b, new, dataset, language, &table))
                row += Self.changeCells(a, b)
            }
            table.rows.append(row)
        }
        table.rows.append(sumRow(&table, language))
        for cost in before + after {
            for line in cost.lines {
                for id in line.sources { if let source = dataset.source(id) { table.cite(source) } }
            }
        }
        table.notes = notes(household, dataset, context, language)
        return table
    }

    /// The change cells of a line: kr and %, `mangler` when either side lacks the fee.
    static func changeCells(_ before: HouseholdCostLine?, _ after: HouseholdCostLine?) -> [Cell] {
        guard let before, let after else { return [.text("–"), .empty] }
        switch (before.state, after.state) {
        case (.priced, .priced):
            let change = after.amount - before.amount
            return [
                .money(change, status: max(before.status, after.status)),
                rate(change, of: before.amount).map { .rate($0) } ?? .empty,
            ]
        case (.missing, _), (_, .missing): return [.missing(), .empty]
        default: return [.text("–"), .empty]
        }
    }

    private func sumRow(_ table: inout Table, _ language: DisplayLanguageTag) -> [Cell] {
        let nb = language == .nb
        let incomplete =
            nb
            ? "Summen er uten linjer som mangler i datagrunnlaget."
            : "The total leaves out lines missing from the record."
        var row: [Cell] = [.text(nb ? "Sum" : "Total")]
        for totals in allTotals {
            let marks = totals.isComplete ? [] : [table.footnote(incomplete)]
            row += [
                .money(totals.before, status: totals.beforeStatus, footnotes: marks),
                .money(totals.after, status: totals.afterStatus, footnotes: marks),
                .money(totals.change, status: totals.status), totals.rate.map { .rate($0) } ?? .empty,
            ]
        }
        return row
    }

    private func notes(
        _ household: Household, _ dataset: Dataset, _ context: HouseholdChangeContext, _ language: DisplayLanguageTag
    ) -> [String] {
        let nb = language == .nb
        var notes = context.notes
        notes.append(decisionNote(dataset, context, language))
        notes.append(
            nb
                ? "Endring = etter − før (negativ: husholdningen betaler mindre); % = endring / før, avrundet til nærmeste 0,1 % (halve opp)."
                : "Change = after − before (negative: the household pays less); % = change / before, rounded half-up to 0.1 %."
        )
        let member = Self.member(household, dataset)
        // Each year is priced as a steady year, so the month-by-month G note does not apply.
        for note in HouseholdCost.notes(after, member, dataset, language) where note != Notes.months.text(language) {
            notes.append(note)
            let given = HouseholdProfile(household).income
            if note.hasPrefix(nb ? "Inntekt: " : "Income: "), case .kronerPerYear(let amount)? = given,
                given != HouseholdProfile(member).income
            {
                let shown = NorwegianFormat.money(amount)
                notes.append(
                    nb
                        ? "Inntekten i datasettet er \(shown) per år; den er løftet som de andre kronebeløpene."
                        : "The dataset's income is \(shown) a year; it is lifted like the other amounts in kroner.")
            }
        }
        return notes
    }

    /// Which decisions changed the household's cost, and where.
    func decisionNote(_ dataset: Dataset, _ context: HouseholdChangeContext, _ language: DisplayLanguageTag) -> String {
        let nb = language == .nb
        var order: [Int] = []
        for list in decisions { for decision in list where !order.contains(decision) { order.append(decision) } }
        guard !order.isEmpty else {
            return nb
                ? "Ingen av vedtakene endrer husholdningens kostnad i \(year)."
                : "None of the decisions changes the household's cost in \(year)."
        }
        let parts = order.map { decision in
            let places = municipalities.indices.filter { decisions[$0].contains(decision) }.map {
                dataset.displayName(municipalities[$0])
            }
            let label = decision < context.labels.count ? context.labels[decision] : "#\(decision + 1)"
            return label + " (" + FindingText.names(places, language) + ")"
        }
        return
            (nb
            ? "Vedtak som endrer husholdningens kostnad i \(year): "
            : "Decisions that change the household's cost in \(year): ")
            + parts.joined(separator: "; ") + "."
    }
}
