import HarmoniModel

/// A spreadsheet workbook: sheets of cells, written as an Office Open XML file (`.xlsx`) with
/// ``xlsx()``. Foundation-free and deterministic: the same sheets always give the same bytes.
///
/// Build one from result tables with ``Workbook/init(tables:language:)`` (one sheet per table and a
/// sheet of notes and sources), or by hand from ``Sheet``s of ``SheetCell``s:
///
/// ```swift
/// var sheet = Sheet(name: "Forespørsel", header: ["Kommune", "Beløp"])
/// sheet.rows.append([.text("Asker"), .number(DecimalNumber(2990), .kroner)])
/// let bytes = Workbook(sheets: [sheet]).xlsx()
/// ```
public struct Workbook: Sendable, Hashable {
    /// The sheets in order; names must be unique (``Sheet/safeName(_:taken:)`` makes them so).
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The workbook as `.xlsx` bytes: a ZIP of stored entries with fixed timestamps.
    public func xlsx() -> [UInt8] {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", text: WorkbookXML.contentTypes(sheetCount: sheets.count))
        zip.add("_rels/.rels", text: WorkbookXML.rootRelationships)
        zip.add("xl/workbook.xml", text: WorkbookXML.workbook(sheets.map(\.name)))
        zip.add("xl/_rels/workbook.xml.rels", text: WorkbookXML.workbookRelationships(sheetCount: sheets.count))
        zip.add("xl/styles.xml", text: WorkbookXML.styles)
        for (index, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", text: WorkbookXML.worksheet(sheet))
        }
        return zip.finish()
    }

    /// The XML of one sheet (`xl/worksheets/sheetN.xml`), for golden files and tests.
    public func sheetXML(_ index: Int) -> String { WorkbookXML.worksheet(sheets[index]) }
}

/// One sheet: rows of cells, column widths, and how many top rows stay frozen when scrolling.
public struct Sheet: Sendable, Hashable {
    /// The tab name (at most 31 characters, none of `[]:*?/\`; see ``safeName(_:taken:)``).
    public var name: String
    /// The rows from the top; rows may have different lengths.
    public var rows: [[SheetCell]]
    /// Column widths in characters, from column A; columns without one get the default.
    public var columnWidths: [Double]
    /// Rows kept in view when scrolling (the title and header rows).
    public var frozenRows: Int

    public init(name: String, rows: [[SheetCell]] = [], columnWidths: [Double] = [], frozenRows: Int = 0) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
    }

    /// A sheet whose first row is a bold header, frozen, with widths fitted to the header.
    public init(name: String, header: [String]) {
        self.init(
            name: name, rows: [header.map { .text($0, .bold) }], columnWidths: header.map { Double(max(10, $0.count + 2)) },
            frozenRows: 1)
    }

    /// Sets every column's width to fit its longest cell (between `minimum` and `maximum`
    /// characters); cells styled ``SheetCell/TextStyle/wrapped`` count at most `maximum`.
    public mutating func fitColumns(minimum: Double = 8, maximum: Double = 60, skippingRows skipped: Int = 0) {
        var widths: [Double] = []
        for row in rows.dropFirst(skipped) {
            for (i, cell) in row.enumerated() {
                while widths.count <= i { widths.append(minimum) }
                widths[i] = min(maximum, max(widths[i], Double(cell.displayWidth + 2)))
            }
        }
        columnWidths = widths
    }

    /// `name` made valid and unique for a sheet tab: forbidden characters become spaces, it is cut
    /// to 31 characters, and ` (2)`, ` (3)` … is added if `taken` has it already (case-insensitive).
    public static func safeName(_ name: String, taken: [String]) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var base = String(name.map { forbidden.contains($0) || $0.isNewline ? " " : $0 })
        base = base.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        if base.isEmpty { base = "Ark" }
        if base.hasPrefix("'") { base.removeFirst() }
        let lowered = Set(taken.map { $0.lowercased() })
        var candidate = String(base.prefix(31))
        var n = 2
        while lowered.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        return candidate
    }
}

/// One cell of a ``Sheet``: text, a number shown in a number format, or nothing.
public enum SheetCell: Sendable, Hashable {
    case text(String, TextStyle = .plain)
    /// A number stored as a number (sums and sorting work); `format` says how it is shown.
    case number(DecimalNumber, NumberFormat = .general)
    case empty

    /// How text is shown.
    public enum TextStyle: Sendable, Hashable {
        case plain
        case bold
        /// Wrapped within the column width, aligned to the top.
        case wrapped
    }

    /// Number formats. The file holds the locale-neutral format code; Excel and LibreOffice show it
    /// with the reader's separators, in Norwegian `2 990 kr`, `1 408,43 kr`, `519 760`, `3,1 %`.
    public enum NumberFormat: Sendable, Hashable, CaseIterable {
        /// The number as is (`General`).
        case general
        /// Whole kroner: `#,##0\ "kr"` (Norwegian: `# ##0 "kr"`).
        case kroner
        /// Kroner and øre: `#,##0.00\ "kr"` (Norwegian: `# ##0,00 "kr"`).
        case kronerOre
        /// Thousands of kroner or any grouped whole number: `#,##0` (Norwegian: `# ##0`).
        case grouped
        /// A fraction shown as percent with one decimal: `0.0\ %` (Norwegian: `0,0 %`); 0,031 → 3,1 %.
        case percent

        /// The format code written to `styles.xml`.
        public var code: String {
            switch self {
            case .general: return "General"
            case .kroner: return "#,##0\\ \"kr\""
            case .kronerOre: return "#,##0.00\\ \"kr\""
            case .grouped: return "#,##0"
            case .percent: return "0.0\\ %"
            }
        }
    }

    /// Roughly how many characters wide the cell shows (for column widths).
    var displayWidth: Int {
        switch self {
        case .text(let text, _): return text.split(separator: "\n").map(\.count).max() ?? 0
        case .number(let n, let format):
            let digits = NorwegianFormat.decimal(n, grouping: true).count
            return digits + (format == .kroner || format == .kronerOre ? 3 : format == .percent ? 2 : 0)
        case .empty: return 0
        }
    }
}
