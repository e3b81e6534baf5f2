import HarmoniModel
import HarmoniReport

/// The unit a numeric cell is measured in, as exporters state it in headers and JSON.
public enum CellUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Kroner (money cells), with øre as two decimals when needed.
    case kroner = "kr"
    /// Thousands of kroner (budget cells); the exact amount is kept.
    case thousandKroner = "1 000 kr"
    /// Percent (rate cells): 3,1 means 3,1 %.
    case percent = "%"
    /// A plain number without a unit.
    case number = ""
}

/// What all the numeric cells of one column share.
public enum ColumnUnit: Sendable, Hashable {
    /// The column holds no numbers (text, missing and empty cells only).
    case none
    /// Every number in the column has this unit.
    case uniform(CellUnit)
    /// Numbers of different units: exporters state the unit per cell.
    case mixed

    /// The unit shared by the numeric cells of column `index` of `table`.
    public static func of(column index: Int, in table: Table) -> ColumnUnit {
        var found: CellUnit?
        for row in table.rows where index < row.count {
            guard let unit = row[index].unit else { continue }
            if let found, found != unit { return .mixed }
            found = unit
        }
        return found.map { .uniform($0) } ?? .none
    }
}

extension ColumnUnit {
    /// A column heading with the unit its numbers share, for CSV and xlsx headers: `Asker (kr)`,
    /// `2020 (1 000 kr)`; a heading that already ends in its unit (`Spredning %`, `Endring kr`)
    /// is left as is.
    public func heading(_ heading: String) -> String {
        guard case .uniform(let unit) = self, unit != .number else { return heading }
        if heading.hasSuffix(" " + unit.rawValue) || heading.hasSuffix("(" + unit.rawValue + ")") { return heading }
        return "\(heading) (\(unit.rawValue))"
    }
}

extension Cell {
    /// The unit of the cell's number; `nil` for text, missing and empty cells.
    public var unit: CellUnit? {
        switch self {
        case .money: return .kroner
        case .thousands: return .thousandKroner
        case .rate: return .percent
        case .number: return .number
        case .text, .missing, .empty: return nil
        }
    }

    /// The cell's exact number in its ``unit``, with no digit lost:
    /// money in kroner (`2990`, `1408,43`; øre as two decimals when not whole), thousands in
    /// 1 000 kr (519 760 123,45 kr → `519760,12345`), a rate in percent (`3,1`), a number as is.
    public var exactNumber: DecimalNumber? {
        switch self {
        case .money(let m, _, _):
            return m.isWholeKroner ? DecimalNumber(m.wholeKroner) : DecimalNumber(significand: m.ore, scale: 2)
        case .thousands(let m, _, _): return DecimalNumber(significand: m.ore, scale: 5).normalized
        case .rate(let r, _): return r.percent
        case .number(let n): return n
        case .text, .missing, .empty: return nil
        }
    }

    /// The status of a money or budget cell; `nil` for every other kind.
    public var moneyStatus: Status? {
        switch self {
        case .money(_, let s, _), .thousands(_, let s, _): return s
        default: return nil
        }
    }

    /// True when the cell needs a status next to it: a money value that is not published, or a
    /// value the record lacks.
    public var needsStatus: Bool {
        if case .missing = self { return true }
        if let status = moneyStatus { return status != .published }
        return false
    }

    /// The status word exporters write beside a number: `publisert`, `estimert`, `mangler` …
    /// (`nil` for text, empty, rate and number cells, which carry no status).
    public func statusWord(_ language: DisplayLanguageTag) -> String? {
        if case .missing = self { return language == .nb ? "mangler" : "missing" }
        guard let status = moneyStatus else { return nil }
        return Cell.statusWord(status, language)
    }

    /// A status in words, in Norwegian or English.
    public static func statusWord(_ status: Status, _ language: DisplayLanguageTag) -> String {
        DisplayNames.status(status, nb: language == .nb)
    }
}

extension Table {
    /// The footnote numbers the cells of `row` refer to, each once, in order of first mention.
    public func footnoteNumbers(inRow row: Int) -> [Int] {
        guard row < rows.count else { return [] }
        var numbers: [Int] = []
        for cell in rows[row] {
            for n in cell.footnotes where !numbers.contains(n) { numbers.append(n) }
        }
        return numbers
    }

    /// A footnote's text by its 1-based number (empty if out of range).
    public func footnoteText(_ number: Int) -> String {
        number >= 1 && number <= footnotes.count ? footnotes[number - 1] : ""
    }
}

extension Source {
    /// The source as one line for citing: title, reference, date and address as known.
    public var citation: String {
        var parts = [title]
        if let reference, !reference.isEmpty { parts.append(reference) }
        if let date { parts.append(date.description) }
        if let url, !url.isEmpty { parts.append(url) }
        return parts.joined(separator: ", ")
    }
}
