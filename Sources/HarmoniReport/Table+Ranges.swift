import HarmoniModel

/// Ranges in tables: a column whose values carry a low–high range is followed by two columns with
/// the same key and the suffixes `_low` and `_high` (headings «… lav», «… høy»). Exports show them
/// as ordinary columns; the terminal folds them into the value: `≈ 2 568 kr (2 369 … 3 106)`.
/// A row without a range has empty cells in both.
extension Table {
    /// The suffix of a range column's key after the key of the column it bounds.
    public static let lowSuffix = "_low"
    public static let highSuffix = "_high"

    /// The table with range columns after each column that has a range in some row. `ranges[r][c]`
    /// is the (low, high) of row `r`, column `c`, or `nil`.
    public func insertingRanges(_ ranges: [[(low: Cell, high: Cell)?]], language: DisplayLanguageTag) -> Table {
        let ranged = columns.indices.filter { c in ranges.contains { c < $0.count && $0[c] != nil } }
        guard !ranged.isEmpty else { return self }
        var table = self
        var newColumns: [Column] = []
        for (c, column) in columns.enumerated() {
            newColumns.append(column)
            guard ranged.contains(c) else { continue }
            let (low, high) = language == .nb ? ("lav", "høy") : ("low", "high")
            newColumns.append(Column(column.key + Self.lowSuffix, "\(column.heading) \(low)", .right))
            newColumns.append(Column(column.key + Self.highSuffix, "\(column.heading) \(high)", .right))
        }
        table.columns = newColumns
        table.rows = rows.enumerated().map { r, row in
            var cells: [Cell] = []
            for (c, cell) in row.enumerated() {
                cells.append(cell)
                guard ranged.contains(c) else { continue }
                let range = r < ranges.count && c < ranges[r].count ? ranges[r][c] : nil
                cells.append(range?.low ?? .empty)
                cells.append(range?.high ?? .empty)
            }
            return cells
        }
        return table
    }

    /// True if the column at `index` is a range column of the column before it.
    public func isRangeColumn(_ index: Int) -> Bool {
        guard index > 0, index < columns.count else { return false }
        let key = columns[index].key
        for (offset, suffix) in [(1, Self.lowSuffix), (2, Self.highSuffix)] where index - offset >= 0 {
            if key == columns[index - offset].key + suffix { return true }
        }
        return false
    }

    /// The table with range columns folded into the values they bound, as text: the value, then
    /// `(low … high)` with numbers only (no unit, no `≈`).
    public func foldingRanges(language: DisplayLanguageTag) -> Table {
        let folded = columns.indices.filter { isRangeColumn($0) }
        guard !folded.isEmpty else { return self }
        var table = self
        table.columns = columns.enumerated().filter { !folded.contains($0.offset) }.map(\.element)
        table.rows = rows.map { row in
            var cells: [Cell] = []
            var c = 0
            while c < row.count {
                var cell = row[c]
                if c + 2 < row.count, isRangeColumn(c + 1), isRangeColumn(c + 2),
                    let low = Self.boundText(row[c + 1]), let high = Self.boundText(row[c + 2])
                {
                    cell = .text(TextTable.cellText(cell, language: language) + " (\(low) … \(high))")
                }
                cells.append(cell)
                c += 1
                while c < row.count, folded.contains(c) { c += 1 }
            }
            return cells
        }
        return table
    }

    /// A bound as a bare number: `2 369`, `−12 900`, `3,1 %`; `nil` for an empty cell.
    public static func boundText(_ cell: Cell) -> String? {
        switch cell {
        case .money(let m, _, _): return NorwegianFormat.moneyNumber(m)
        case .thousands(let m, _, _): return NorwegianFormat.moneyNumber(m.rounded(.thousandKroner).divided1000)
        case .rate(let r, _): return NorwegianFormat.percent(r)
        case .number(let n): return NorwegianFormat.decimal(n, grouping: true)
        default: return nil
        }
    }
}
