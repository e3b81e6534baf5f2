import HarmoniModel
import HarmoniReport

/// Exports tables as CSV that Excel in Norwegian locale opens right.
///
/// The file is UTF-8 with a byte-order mark, fields are separated by `;`, lines end in `\n`.
/// Numbers are written as numbers: decimal comma, no thousands grouping, ASCII minus (`2990`,
/// `1408,43`, `-120`, `3,1`); the unit is in the header (`asker (kr)`), never in the cell. Text is
/// written through ``escape(_:)``, the only function that turns text into a field.
///
/// Layout, per table: one header row (the column headings in the output language, with the unit:
/// `Asker (kr)`), then one row per table row. Columns after the table's own: `<heading> (enhet)`
/// when a column mixes units, `<heading> (status)` when a column holds estimates or missing values,
/// and `merknader` (the footnotes the row's cells refer to). The table's notes and sources are
/// written once, after a blank line below the rows: one row `Forklaring;<text>` per note and one
/// row `Kilde;<citation>` per source. With several tables, each table starts with a row holding
/// its title, and a blank line separates the tables.
public enum CSVExporter {
    /// The field separator (Excel's list separator in Norwegian locale).
    public static let separator = ";"
    /// U+FEFF, so Excel reads the file as UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    /// The CSV text of `tables`, starting with the byte-order mark.
    public static func export(_ tables: [Table], language: DisplayLanguageTag = .nb) -> String {
        var out = byteOrderMark
        for (index, table) in tables.enumerated() {
            if index > 0 { out += "\n" }
            if tables.count > 1 { out += escape(table.title) + "\n" }
            for line in lines(of: table, language: language) { out += line + "\n" }
        }
        return out
    }

    /// Turns text into one CSV field (the only escaping function of this format).
    ///
    /// 1. A field whose first character other than leading whitespace is `=`, `+`, `-`, `@` (or
    ///    their full-width forms), or which starts with a tab or carriage return, gets a `'` in
    ///    front, so a spreadsheet never reads it as a formula (`=HYPERLINK(…)` → `'=HYPERLINK(…)`).
    /// 2. A field holding `;`, `"`, CR or LF is quoted per RFC 4180, with `"` doubled.
    public static func escape(_ text: String) -> String {
        var field = text
        if startsLikeFormula(text) { field = "'" + field }
        let needsQuotes = field.unicodeScalars.contains { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingScalars { $0 == "\"" ? "\"\"" : nil } + "\""
    }

    /// A number as a field: decimal comma, no grouping (`1408,43`). Our own digits need no escaping.
    public static func number(_ value: DecimalNumber) -> String {
        NorwegianFormat.decimal(value, grouping: false)
    }

    /// The rows of one table (header first), each already joined with the separator.
    static func lines(of table: Table, language: DisplayLanguageTag) -> [String] {
        let plan = CSVColumnPlan(table: table, language: language)
        var lines = [plan.header.map(escape).joined(separator: separator)]
        for rowIndex in table.rows.indices {
            lines.append(plan.fields(row: rowIndex).joined(separator: separator))
        }
        let nb = language == .nb
        let trailer =
            table.notes.map { [nb ? "Forklaring" : "Note", $0] } + table.sources.map { [nb ? "Kilde" : "Source", $0.citation] }
        if !trailer.isEmpty {
            lines.append("")
            lines += trailer.map { $0.map(escape).joined(separator: separator) }
        }
        return lines
    }

    private static let formulaLeaders: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]
    /// What a spreadsheet may skip before a formula: spaces (also ideographic and no-break), line
    /// breaks, and the invisible zero-width space, word joiner and byte-order mark.
    private static let leadingBlanks: Set<Unicode.Scalar> = [
        " ", "\t", "\r", "\n", "\u{00A0}", "\u{3000}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}",
        "\u{2000}", "\u{2001}", "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}", "\u{2007}", "\u{2008}",
        "\u{2009}", "\u{200A}", "\u{202F}", "\u{205F}", "\u{180E}",
    ]

    private static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first == "\t" || first == "\r" { return true }
        let firstVisible = text.unicodeScalars.first { !leadingBlanks.contains($0) }
        return firstVisible.map { formulaLeaders.contains($0) } ?? false
    }
}

/// Which fields a table's CSV rows have, derived once from the table.
struct CSVColumnPlan {
    let table: Table
    let language: DisplayLanguageTag
    let units: [ColumnUnit]
    let hasStatus: [Bool]
    let hasFootnotes: Bool

    init(table: Table, language: DisplayLanguageTag) {
        self.table = table
        self.language = language
        units = table.columns.indices.map { ColumnUnit.of(column: $0, in: table) }
        hasStatus = table.columns.indices.map { i in table.rows.contains { i < $0.count && $0[i].needsStatus } }
        hasFootnotes = !table.footnotes.isEmpty
    }

    private var nb: Bool { language == .nb }

    /// The header fields (unescaped).
    var header: [String] {
        var fields: [String] = []
        for (i, column) in table.columns.enumerated() {
            fields.append(units[i].heading(column.heading))
            if units[i] == .mixed { fields.append("\(column.heading) (\(nb ? "enhet" : "unit"))") }
            if hasStatus[i] { fields.append("\(column.heading) (status)") }
        }
        if hasFootnotes { fields.append(nb ? "merknader" : "footnotes") }
        return fields
    }

    /// The fields of one row, escaped.
    func fields(row rowIndex: Int) -> [String] {
        let row = table.rows[rowIndex]
        var fields: [String] = []
        for i in table.columns.indices {
            let cell = i < row.count ? row[i] : .empty
            switch cell {
            case .text(let text): fields.append(CSVExporter.escape(text))
            default: fields.append(cell.exactNumber.map(CSVExporter.number) ?? "")
            }
            if units[i] == .mixed { fields.append(CSVExporter.escape(cell.unit?.rawValue ?? "")) }
            if hasStatus[i] { fields.append(CSVExporter.escape(cell.statusWord(language) ?? "")) }
        }
        if hasFootnotes {
            let notes = table.footnoteNumbers(inRow: rowIndex).map { "[\($0)] \(table.footnoteText($0))" }
            fields.append(CSVExporter.escape(notes.joined(separator: " | ")))
        }
        return fields
    }
}

extension String {
    /// The text with some Unicode scalars replaced, scalar by scalar.
    ///
    /// Escaping works on scalars, never on `Character`s: a quote followed by a combining mark is
    /// one `Character` that does not compare equal to `"`, yet it still ends a quoted field.
    func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let text = replacement(scalar) { out += text } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
