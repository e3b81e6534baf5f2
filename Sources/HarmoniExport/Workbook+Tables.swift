import HarmoniModel
import HarmoniReport

extension Workbook {
    /// One sheet per table and, last, a sheet of every table's footnotes, notes and sources.
    ///
    /// Each table's sheet: its title in row 1, the column headings in row 2 (both frozen), then one
    /// row per table row. Numbers are numbers: kroner as `# ##0 "kr"` (øre when not whole), 1 000 kr
    /// cells as `# ##0` holding the cell's exact amount in thousands, rates as `0,0 %`. A column
    /// with estimates or missing values gets a status column beside it (`publisert`, `estimert`,
    /// `mangler` …; a missing value is an empty cell, never 0), and a row whose cells have
    /// footnotes gets their numbers in a last column, explained on the notes sheet.
    public init(tables: [Table], language: DisplayLanguageTag = .nb) {
        var sheets: [Sheet] = []
        for table in tables {
            let name = Sheet.safeName(Sheet.shortName(table.title), taken: sheets.map(\.name))
            sheets.append(Sheet(table: table, name: name, language: language))
        }
        let notesName = Sheet.safeName(language == .nb ? "Merknader og kilder" : "Notes and sources", taken: sheets.map(\.name))
        sheets.append(Self.notesSheet(tables, sheetNames: sheets.map(\.name), name: notesName, language: language))
        self.init(sheets: sheets)
    }

    /// The notes sheet: one row per footnote, note and source, with the sheet it belongs to.
    static func notesSheet(_ tables: [Table], sheetNames: [String], name: String, language: DisplayLanguageTag) -> Sheet {
        let nb = language == .nb
        var sheet = Sheet(
            name: name,
            header: nb ? ["Ark", "Type", "Nr.", "Tekst", "Adresse"] : ["Sheet", "Kind", "No.", "Text", "Address"])
        for (index, table) in tables.enumerated() {
            let owner = SheetCell.text(sheetNames[index])
            for (i, footnote) in table.footnotes.enumerated() {
                sheet.rows.append([owner, .text(nb ? "merknad" : "footnote"), .number(DecimalNumber(Int64(i + 1))), .text(footnote, .wrapped)])
            }
            for note in table.notes {
                sheet.rows.append([owner, .text(nb ? "forklaring" : "note"), .empty, .text(note, .wrapped)])
            }
            for (i, source) in table.sources.enumerated() {
                var row: [SheetCell] = [
                    owner, .text(nb ? "kilde" : "source"), .number(DecimalNumber(Int64(i + 1))), .text(source.citationWithoutURL, .wrapped),
                ]
                if let url = source.url, !url.isEmpty { row.append(.text(url)) }
                sheet.rows.append(row)
            }
        }
        sheet.columnWidths = [32, 12, 6, 90, 50]
        return sheet
    }
}

extension Sheet {
    /// A table title shortened for a sheet tab: the part before ` – ` or ` (`, cut at a word to
    /// at most 31 characters: «Sammenligning: Barnehage – kr per år …» → «Sammenligning Barnehage».
    public static func shortName(_ title: String) -> String {
        var text = Substring(title)
        for separator in [" – ", " ("] {
            if let range = text.firstRange(of: separator), range.lowerBound != text.startIndex { text = text[..<range.lowerBound] }
        }
        text = text.filter { $0 != ":" }[...]
        guard text.count > 31 else { return String(text) }
        var words: [Substring] = []
        for word in text.split(separator: " ") {
            if (words + [word]).joined(separator: " ").count > 31 { break }
            words.append(word)
        }
        return words.isEmpty ? String(text.prefix(31)) : words.joined(separator: " ")
    }

    /// The sheet of one table (see ``Workbook/init(tables:language:)``).
    public init(table: Table, name: String, language: DisplayLanguageTag = .nb) {
        let nb = language == .nb
        let plan = CSVColumnPlan(table: table, language: language)
        var header: [SheetCell] = []
        for (i, column) in table.columns.enumerated() {
            header.append(.text(plan.units[i].heading(column.heading), .bold))
            if plan.units[i] == .mixed { header.append(.text(column.heading + (nb ? " (enhet)" : " (unit)"), .bold)) }
            if plan.hasStatus[i] { header.append(.text(column.heading + " (status)", .bold)) }
        }
        let hasFootnotes = !table.footnotes.isEmpty
        if hasFootnotes { header.append(.text(nb ? "Merknader" : "Footnotes", .bold)) }
        var rows: [[SheetCell]] = [[.text(table.title, .bold)], header]
        for (r, row) in table.rows.enumerated() {
            var cells: [SheetCell] = []
            for i in table.columns.indices {
                let cell = i < row.count ? row[i] : .empty
                cells.append(Self.value(cell))
                if plan.units[i] == .mixed { cells.append(cell.unit.map { .text($0.rawValue) } ?? .empty) }
                if plan.hasStatus[i] { cells.append(cell.statusWord(language).map { .text($0) } ?? .empty) }
            }
            if hasFootnotes {
                let numbers = table.footnoteNumbers(inRow: r).map(String.init).joined(separator: ", ")
                cells.append(numbers.isEmpty ? .empty : .text(numbers))
            }
            while cells.last == .empty { cells.removeLast() }
            rows.append(cells)
        }
        self.init(name: name, rows: rows, frozenRows: 2)
        fitColumns(maximum: 70, skippingRows: 1)
    }

    /// A table cell as a sheet cell: numbers as numbers with their format, text as text.
    static func value(_ cell: Cell) -> SheetCell {
        switch cell {
        case .text(let text): return text.isEmpty ? .empty : .text(text)
        case .money(let m, _, _): return .number(cell.exactNumber ?? DecimalNumber(0), m.isWholeKroner ? .kroner : .kronerOre)
        case .thousands: return .number(cell.exactNumber ?? DecimalNumber(0), .grouped)
        case .rate(let r, _): return .number(r.fraction, .percent)
        case .number(let n): return .number(n, .general)
        case .missing, .empty: return .empty
        }
    }
}

extension Source {
    /// The citation without its address (the address gets a cell of its own).
    var citationWithoutURL: String {
        var parts = [title]
        if let reference, !reference.isEmpty { parts.append(reference) }
        if let date { parts.append(date.description) }
        return parts.joined(separator: ", ")
    }
}
