import HarmoniModel
import HarmoniReport

/// The data of a grouped bar chart: one group of bars per category (a table row), one bar per
/// series (a column), values as table cells so estimates and missing values stay marked.
public struct BarChart: Sendable, Hashable {
    /// The chart's caption.
    public var title: String
    /// The category labels, top to bottom.
    public var categories: [String]
    /// The series names, in legend order.
    public var series: [String]
    /// `values[category][series]`: money, budget, rate or number cells; anything else draws no bar.
    public var values: [[Cell]]
    /// A line under the chart (what was left out, units).
    public var note: String?
    /// `ranges[category][series]`: the low–high range of the value, drawn as a whisker; empty
    /// when the table has no ranges.
    public var ranges: [[ChartRange?]]

    /// The low and high end of a value's range (cells of the table's `_low` and `_high` columns).
    public struct ChartRange: Sendable, Hashable {
        public var low: Cell
        public var high: Cell
        public init(low: Cell, high: Cell) {
            self.low = low
            self.high = high
        }
    }

    public init(
        title: String, categories: [String], series: [String], values: [[Cell]], note: String? = nil,
        ranges: [[ChartRange?]] = []
    ) {
        self.title = title
        self.categories = categories
        self.series = series
        self.values = values
        self.note = note
        self.ranges = ranges
    }

    /// The note under a chart with ranges.
    public static func rangeNote(_ language: DisplayLanguageTag) -> String {
        language == .nb
            ? "Strekene viser spennet (lav … høy) rundt hvert anslag."
            : "The whiskers show the range (low … high) around each estimate."
    }

    /// At most this many categories are drawn; the rest are named in ``note``.
    public static let maximumCategories = 24

    /// A chart for a table, if it has a text column to label bars and numeric columns of one unit.
    ///
    /// Series are, in order of preference: the table's ``Table/seriesKeys`` (the municipality
    /// columns of a comparison or household table, for any merger),
    /// else year columns (keys or headings of four digits, e.g. impact by area and year), else the
    /// money or budget columns (at most four). Rows whose label starts with `sum`, `total` or
    /// `i alt` are left out (a total would dwarf its parts), as are rows without any number.
    public static func suggested(for table: Table, language: DisplayLanguageTag = .nb) -> BarChart? {
        let columnCount = table.columns.count
        func isText(_ i: Int) -> Bool {
            table.rows.allSatisfy { row in
                guard i < row.count else { return true }
                switch row[i] {
                case .text, .empty: return true
                default: return false
                }
            }
        }
        guard let labelColumn = (0..<columnCount).first(where: isText) else { return nil }
        let units = (0..<columnCount).map { ColumnUnit.of(column: $0, in: table) }
        func sameUnit(_ columns: [Int]) -> [Int] {
            guard let first = columns.first else { return [] }
            return columns.filter { units[$0] == units[first] }
        }
        // Range columns (`…_low`, `…_high`) are whiskers of the column they bound, not series.
        let numeric = (0..<columnCount).filter {
            guard !table.isRangeColumn($0) else { return false }
            if case .uniform = units[$0] { return true } else { return false }
        }
        func rangeColumns(_ c: Int) -> (Int, Int)? {
            let key = table.columns[c].key
            guard let low = table.columns.firstIndex(where: { $0.key == key + Table.lowSuffix }),
                let high = table.columns.firstIndex(where: { $0.key == key + Table.highSuffix })
            else { return nil }
            return (low, high)
        }
        let seriesKeys = table.seriesKeys ?? []
        let municipal = sameUnit(
            seriesKeys.compactMap { key in numeric.first { table.columns[$0].key == key } })
        let years = sameUnit(numeric.filter { isYear(table.columns[$0].key) || isYear(table.columns[$0].heading) })
        let money = sameUnit(numeric.filter { units[$0] == .uniform(.kroner) || units[$0] == .uniform(.thousandKroner) })
        let chosen = municipal.count >= 2 ? municipal : years.count >= 2 ? years : Array(money.prefix(4))
        guard !chosen.isEmpty else { return nil }

        var categories: [String] = []
        var values: [[Cell]] = []
        var ranges: [[ChartRange?]] = []
        let bounds = chosen.map(rangeColumns)
        var skipped = 0
        for row in table.rows {
            let label: String
            if labelColumn < row.count, case .text(let text) = row[labelColumn] { label = text } else { label = "" }
            let lower = label.lowercased()
            if lower.hasPrefix("sum") || lower.hasPrefix("total") || lower.hasPrefix("i alt") { continue }
            let cells = chosen.map { $0 < row.count ? row[$0] : Cell.empty }
            guard cells.contains(where: { $0.exactNumber != nil }) else { continue }
            if categories.count >= maximumCategories {
                skipped += 1
                continue
            }
            categories.append(label)
            values.append(cells)
            ranges.append(
                bounds.map { pair in
                    guard let (low, high) = pair, low < row.count, high < row.count,
                        row[low].chartMagnitude != nil, row[high].chartMagnitude != nil
                    else { return nil }
                    return ChartRange(low: row[low], high: row[high])
                })
        }
        let hasRanges = ranges.contains { $0.contains { $0 != nil } }
        guard !categories.isEmpty else { return nil }
        var notes: [String] = []
        if skipped > 0 {
            notes.append(
                language == .nb
                    ? "Diagrammet viser de \(maximumCategories) første radene; \(skipped) til står i tabellen."
                    : "The chart shows the first \(maximumCategories) rows; \(skipped) more are in the table.")
        }
        if hasRanges { notes.append(rangeNote(language)) }
        return BarChart(
            title: table.title, categories: categories, series: chosen.map { table.columns[$0].heading }, values: values,
            note: notes.isEmpty ? nil : notes.joined(separator: " "), ranges: hasRanges ? ranges : [])
    }

    private static func isYear(_ text: String) -> Bool {
        text.count == 4 && text.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal && $0.isASCII }
    }
}

extension Cell {
    /// The cell's value as one integer for drawing: øre for money and budgets, parts per million
    /// for rates, millionths for numbers; `nil` when nothing is drawn. Comparable only within one unit.
    public var chartMagnitude: Int64? {
        switch self {
        case .money(let m, _, _), .thousands(let m, _, _): return m.ore
        case .rate(let r, _): return r.ppm
        case .number(let n): return n.scaled(to: 6)
        case .text, .missing, .empty: return nil
        }
    }
}
