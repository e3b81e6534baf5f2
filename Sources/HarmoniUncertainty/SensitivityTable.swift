import HarmoniModel
import HarmoniReport

/// The table of ``Sensitivity`` (`show sensitivity`): rank, estimate, its range, the swing per
/// year, and the change at the low and high end in the tornado year (the chart's bars).
public enum SensitivityTable {
    /// Rows shown at most; the note says how many more moved the result.
    public static let maximumRows = 25

    /// Column keys of the tornado year's changes at the low and high end (the chart reads them).
    public static let lowKey = "change_at_low"
    public static let highKey = "change_at_high"

    public static func table(
        _ sensitivity: Sensitivity, result: ResultSpec, period: ClosedRange<Int>, tornadoYear: Int, dataset: Dataset,
        language: DisplayLanguageTag
    ) -> Table {
        let en = language == .en
        var columns = [
            Column("rank", "#", .right),
            Column("input", en ? "Figure" : "Tall"),
            Column("estimate", en ? "Estimate (low … high)" : "Anslag (lav … høy)", .right),
            Column("rule", en ? "Range rule" : "Rammeregel"),
        ]
        for year in period { columns.append(Column("swing_\(year)", (en ? "Swing " : "Utslag ") + "\(year)", .right)) }
        columns.append(Column(lowKey, (en ? "At low " : "Ved lav ") + "\(tornadoYear)", .right))
        columns.append(Column(highKey, (en ? "At high " : "Ved høy ") + "\(tornadoYear)", .right))
        var table = Table(
            kind: "sensitivity",
            title: (en ? "Sensitivity: " : "Følsomhet: ") + result.title(english: en) + (en ? " per year" : " per år"),
            columns: columns)
        for (rank, row) in sensitivity.rows.prefix(maximumRows).enumerated() {
            let input = row.input
            let central = sensitivity.central[tornadoYear, default: .zero]
            var cells: [Cell] = [
                .number(DecimalNumber(Int64(rank + 1))), .text(label(input, dataset, en: en)),
                .text("≈ \(input.text(input.central)) (\(bare(input.low)) … \(bare(input.high)))"),
                .text(input.rule.description(english: en)),
            ]
            for year in period { cells.append(.money(row.swing[year, default: .zero])) }
            cells.append(.money(row.atLow[tornadoYear, default: .zero] - central))
            cells.append(.money(row.atHigh[tornadoYear, default: .zero] - central))
            table.rows.append(cells)
            if let source = input.rule.source, let cited = dataset.source(source) { table.cite(cited) }
        }
        let centralText = period.map { "\($0): \(NorwegianFormat.money(sensitivity.central[$0, default: .zero]))" }
            .joined(separator: ", ")
        if en {
            table.notes.append("Result with every estimate at its estimate (fixed prices of the scenario): \(centralText).")
            table.notes.append(
                "Swing: how far the result moves when the figure goes from the low to the high end of its range, every other estimate held. «At low/high»: the change against that result in \(tornadoYear).")
            table.notes.append(
                "\(sensitivity.rows.count) estimates move the result (\(min(maximumRows, sensitivity.rows.count)) shown), \(sensitivity.unmoved) do not; \(sensitivity.skipped) belong to services the result has no line for; \(sensitivity.evaluations) simulator runs.")
        } else {
            table.notes.append("Resultatet med hvert anslag på anslaget (scenariets prisgrunnlag): \(centralText).")
            table.notes.append(
                "Utslag: hvor langt resultatet flytter seg når tallet går fra lav til høy ende av rammen, de andre anslagene holdt fast. «Ved lav/høy»: endringen mot det resultatet i \(tornadoYear).")
            table.notes.append(
                "\(sensitivity.rows.count) anslag flytter resultatet (\(min(maximumRows, sensitivity.rows.count)) vist), \(sensitivity.unmoved) gjør det ikke; \(sensitivity.skipped) hører til tjenester resultatet ikke har linjer for; \(sensitivity.evaluations) simulatorkjøringer.")
        }
        return table
    }

    /// `Hurum – SFO: plass 5 dager i uken`: the municipality's name, then the fee line's display
    /// name (a volume: «volum …»); other figures keep the rest of their id.
    static func label(_ input: UncertainInput, _ dataset: Dataset, en: Bool = false) -> String {
        let name = dataset.municipality(input.municipality)?.name ?? input.municipality.rawValue
        switch input.ref {
        case .fee(let i) where i < dataset.fees.count:
            return "\(name) – " + DisplayNames.serviceLine(dataset.fees[i].key, in: dataset, nb: !en)
        case .volume(let i) where i < dataset.volumes.count:
            return "\(name) – " + (en ? "volume, " : "volum, ") + DisplayNames.serviceLine(dataset.volumes[i].key, in: dataset, nb: !en)
        default: break
        }
        var parts = input.id.split(separator: " ", maxSplits: 1).map(String.init)
        let path = parts.removeLast()
        let prefix = parts.first.map { $0 + " " } ?? ""
        let municipality = input.municipality.rawValue
        guard path.hasPrefix(municipality + ".") else { return input.id }
        return "\(name): \(prefix)\(path.dropFirst(municipality.count + 1))"
    }

    private static func bare(_ value: DecimalNumber) -> String { NorwegianFormat.decimal(value.normalized, grouping: true) }
}

/// The table of a ``Sweep``: one row per point, one column per year of the period.
public enum SweepTable {
    public static func table(
        _ rows: [(value: DecimalNumber, result: [Int: Money])], label: String, result: ResultSpec,
        period: ClosedRange<Int>, language: DisplayLanguageTag
    ) -> Table {
        let en = language == .en
        var columns = [Column("value", label, .right)]
        for year in period { columns.append(Column("y\(year)", "\(year)", .right)) }
        var table = Table(
            kind: "sweep", title: (en ? "Sweep of \(label): " : "\(label) varieres: ") + result.title(english: en),
            columns: columns)
        for row in rows {
            table.rows.append([.number(row.value.normalized)] + period.map { .money(row.result[$0, default: .zero]) })
        }
        table.notes.append(
            en
                ? "Each row is one run of the simulator with \(label) set to the row's value; everything else as in the scenario."
                : "Hver rad er én kjøring av simulatoren med \(label) satt til radens verdi; alt annet som i scenariet.")
        return table
    }
}
