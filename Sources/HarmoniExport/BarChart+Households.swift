import HarmoniModel
import HarmoniReport

extension BarChart {
    /// One chart per typical household: its annual cost before and after the decisions in each
    /// municipality (categories: the municipalities; series: «Før», «Etter»), from a table of kind
    /// `household_summary` (columns `household`, `municipality`, `before`, `after`). Answers «what
    /// does this household pay in my municipality, before and after?» at a glance. Households
    /// appear in the table's order; a table without those columns gives no charts.
    public static func householdsBeforeAfter(_ table: Table, language: DisplayLanguageTag = .nb) -> [BarChart] {
        let key = { (name: String) in table.columns.firstIndex { $0.key == name } }
        guard let household = key("household"), let municipality = key("municipality"), let before = key("before"),
            let after = key("after")
        else { return [] }
        let width = max(household, municipality, before, after)
        var order: [String] = []
        var rows: [String: [(String, [Cell])]] = [:]
        for row in table.rows where row.count > width {
            guard case .text(let name) = row[household], case .text(let place) = row[municipality] else { continue }
            if rows[name] == nil { order.append(name) }
            rows[name, default: []].append((place, [row[before], row[after]]))
        }
        let nb = language == .nb
        let year = table.title.split(separator: " ").first { $0.count == 4 && $0.allSatisfy(\.isNumber) }.map { " " + $0 } ?? ""
        return order.compactMap { name in
            let entries = rows[name] ?? []
            guard entries.contains(where: { $0.1.contains { $0.exactNumber != nil } }) else { return nil }
            return BarChart(
                title: nb
                    ? "\(name): årlig kostnad\(year) før og etter vedtakene (kr, inkl. mva)"
                    : "\(name): annual cost\(year) before and after the decisions (kr, incl. VAT)",
                categories: entries.map(\.0), series: [table.columns[before].heading, table.columns[after].heading],
                values: entries.map(\.1))
        }
    }
}
