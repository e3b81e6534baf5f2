import HarmoniExport
import HarmoniUncertainty

/// The tornado chart of a `show sensitivity` table for the HTML report: one category per
/// estimate (largest swing at the top), two bars from the zero line — the result's change with the
/// estimate at its low end and at its high end.
enum Tornado {
    /// At most this many estimates are drawn.
    static let maximumBars = 12

    static func chart(_ table: Table, language: DisplayLanguageTag) -> BarChart? {
        guard table.kind == "sensitivity",
            let label = table.columns.firstIndex(where: { $0.key == "input" }),
            let low = table.columns.firstIndex(where: { $0.key == SensitivityTable.lowKey }),
            let high = table.columns.firstIndex(where: { $0.key == SensitivityTable.highKey }),
            !table.rows.isEmpty
        else { return nil }
        let rows = table.rows.prefix(maximumBars)
        let categories = rows.map { row -> String in
            if case .text(let text) = row[label] { return text }
            return ""
        }
        let en = language == .en
        return BarChart(
            title: en ? "What matters most: the result at each estimate's low and high end" : "Hva betyr mest: resultatet ved hvert anslags lave og høye ende",
            categories: Array(categories), series: [table.columns[low].heading, table.columns[high].heading],
            values: rows.map { [$0[low], $0[high]] },
            note: en
                ? "Change against the central result (kr); the top rows are the figures to ask the municipalities for first."
                : "Endring mot det sentrale resultatet (kr); de øverste radene er tallene å be kommunene om først.")
    }
}
