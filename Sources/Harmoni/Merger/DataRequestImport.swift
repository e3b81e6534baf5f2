import HarmoniModel

/// Reads a filled data request (CSV, or the cells of an xlsx workbook) into
/// ``BaselineCorrection``s: every row with a value in `reelt_tall`. Every bad row or cell is
/// reported with its place (`file:row:column`, in a workbook `file:sheet:row:column`) and the
/// reason, all of them in one run; the caller imports nothing unless there are none. Nothing is
/// dropped quietly: a source without a value, the same figure filled twice, and a cell whose
/// value cannot be read are errors too.
struct DataRequestImport {
    /// One problem, at a line and column (1-based) of the file, on a sheet of a workbook.
    struct Problem: Equatable {
        var sheet: String?
        var line: Int
        var column: Int
        var nb: String
        var en: String
        /// The order of the sheet in the file (for sorting).
        var sheetIndex = 0

        /// `fil.csv:7:11` or `fil.xlsx:Hurum:7:11`.
        func place(_ file: String) -> String {
            ([file] + (sheet.map { [$0] } ?? []) + ["\(line)", "\(column)"]).joined(separator: ":")
        }
    }

    /// One row of the file: the sheet it is on (nil for CSV), its line, its cells as text, and
    /// the cells (0-based column) whose value could not be read.
    struct Record {
        var sheet: String?
        var line: Int
        var fields: [String]
        var unreadable: [Int: (nb: String, en: String)] = [:]
    }

    var corrections: [BaselineCorrection] = []
    var problems: [Problem] = []
    /// Rows read with a value.
    var filled = 0

    /// The unit a figure of the dataset is given in, if the dataset knows the figure: from its
    /// rows, its `missing` record, or (budgets) any line of a known tjenesteområde.
    static func expectedUnit(_ d: Dataset, _ kind: MissingFigure.Kind, _ m: MunicipalityID, _ path: [String]) -> String? {
        if let missing = d.missingFigures(m).first(where: { $0.figure.kind == kind && $0.figure.path == path }) { return missing.figure.unit }
        switch kind {
        case .fee:
            guard path.count == 2 else { return nil }
            let key = FeeKey(ServiceID(path[0]), LineID(path[1]))
            return (d.fees(m, key).last ?? d.fees.first { $0.key == key }).map { $0.period.unit.symbol }
        case .rule:
            guard path.count == 3 else { return nil }
            let rule = d.rules(m, ServiceID(path[0]), rule: path[1]).last { $0.parameter == path[2] }
                ?? d.rules.first { $0.service.rawValue == path[0] && $0.rule == path[1] && $0.parameter == path[2] }
            return rule.flatMap { FigureTemplate.ruleUnit($0.value) }
        case .volume:
            guard path.count == 2 else { return nil }
            let key = FeeKey(ServiceID(path[0]), LineID(path[1]))
            return (d.volumes(m, key).last ?? d.volumes.first { $0.key == key }).map { $0.counts.isEmpty ? "antall" : $0.counts }
        case .budget:
            guard path.count == 2, d.area(AreaID(path[0])) != nil else { return nil }
            return Unit.thousandKroner.symbol
        }
    }

    /// Reads a CSV file.
    init(text: String, dataset d: Dataset) {
        let records = DelimitedText.records(text).map {
            Record(sheet: nil, line: $0.line, fields: $0.fields.map { DelimitedText.unneutralised($0) })
        }
        self.init(records: records, dataset: d)
    }

    /// Reads a workbook's sheets (every sheet that has a header row with `id` and `reelt_tall`).
    init(workbook: XLSXReader, dataset d: Dataset) {
        var records: [Record] = []
        for sheet in workbook.sheets {
            for row in sheet.rowNumbers {
                let cells = sheet.cells[row] ?? [:]
                var record = Record(sheet: sheet.name, line: row, fields: [String](repeating: "", count: cells.keys.max() ?? 0))
                for (column, cell) in cells {
                    switch cell {
                    case .text(let text): record.fields[column - 1] = text
                    case .unreadable(let nb, let en): record.unreadable[column - 1] = (nb, en)
                    }
                }
                records.append(record)
            }
        }
        self.init(records: records, dataset: d)
    }

    init(records: [Record], dataset d: Dataset) {
        var columns: [String: Int]?
        var sheet: String?
        var sheetIndex = 0
        var seen: [String: Record] = [:]
        for record in records {
            if record.sheet != sheet {
                if sheet != nil || record.sheet != nil { sheetIndex += 1 }
                sheet = record.sheet
                columns = nil
            }
            let fields = record.fields.map(\.trimmingSpaces)
            if fields.allSatisfy(\.isEmpty) && record.unreadable.isEmpty {
                // A blank line ends a CSV section; a workbook's sections are its sheets.
                if record.sheet == nil { columns = nil }
                continue
            }
            let keys = fields.map(DataRequest.columnKey)
            if keys.contains("id") && keys.contains("reelt_tall") {
                var map: [String: Int] = [:]
                for (i, f) in keys.enumerated() where map[f] == nil { map[f] = i }
                columns = map
                continue
            }
            guard let columns else { continue }
            var row = record
            row.fields = fields
            for (column, reason) in record.unreadable.sorted(by: { $0.key < $1.key }) {
                problem(row, column, reason.nb, reason.en, sheetIndex)
            }
            read(row, columns: columns, d, sheetIndex, &seen)
        }
        problems.sort { ($0.sheetIndex, $0.line, $0.column) < ($1.sheetIndex, $1.line, $1.column) }
    }

    private mutating func problem(_ record: Record, _ column: Int?, _ nb: String, _ en: String, _ sheetIndex: Int) {
        problems.append(Problem(sheet: record.sheet, line: record.line, column: (column ?? 0) + 1, nb: nb, en: en, sheetIndex: sheetIndex))
    }

    private mutating func read(_ record: Record, columns: [String: Int], _ d: Dataset, _ sheetIndex: Int, _ seen: inout [String: Record]) {
        let fields = record.fields
        let line = record.line
        func field(_ key: String) -> String { columns[key].flatMap { $0 < fields.count ? fields[$0] : nil } ?? "" }
        func problem(_ line: Int, _ column: Int?, _ nb: String, _ en: String) {
            self.problem(record, column, nb, en, sheetIndex)
        }
        let valueText = field("reelt_tall")
        guard !valueText.isEmpty else {
            // (An unreadable value cell is reported as such.)
            if !field("kilde").isEmpty, columns["reelt_tall"].map({ record.unreadable[$0] == nil }) ?? true {
                problem(line, columns["reelt_tall"], "kilde er fylt ut, men reelt tall mangler", "a source is given but the real value is missing")
            }
            return
        }
        filled += 1
        let before = problems.count
        let idText = field("id")
        let parts = idText.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let typeText = field("type")
        let kind = typeText.isEmpty ? nil : DataRequest.kind(typeText)
        if kind == nil {
            problem(line, columns["type"], "ukjent type «\(typeText)» (gebyr, regel, volum eller budsjett)", "unknown type «\(typeText)» (gebyr, regel, volum or budsjett)")
        }
        let m = MunicipalityID(parts.first ?? "")
        let path = Array(parts.dropFirst())
        var expected: String?
        if let kind {
            if d.mergingMunicipalities.contains(m), parts.allSatisfy({ !$0.isEmpty }) {
                expected = Self.expectedUnit(d, kind, m, path)
            }
            if expected == nil {
                problem(line, columns["id"], "ukjent id «\(idText)» for \(DataRequest.typeWord(kind)) i datasettet", "unknown id «\(idText)» for a \(kind.rawValue) in the dataset")
            }
        }
        let unitText = field("enhet")
        if let expected, !unitText.isEmpty, unitText != expected {
            problem(line, columns["enhet"], "feil enhet «\(unitText)»; tallet skal være i \(expected)", "wrong unit «\(unitText)»; the figure is in \(expected)")
        }
        let sourceText = field("kilde")
        if sourceText.isEmpty {
            problem(line, columns["kilde"], "tallet mangler kilde: skriv hvor det kommer fra i kolonnen kilde", "the figure has no source: say where it comes from in the kilde column")
        }
        var billed: Int?
        let billedText = field("betalte_mnd")
        if kind == .fee, !billedText.isEmpty {
            if let n = Int(billedText), (1...12).contains(n) { billed = n } else {
                problem(line, columns["betalte_mnd"], "betalte måneder «\(billedText)» skal være et heltall 1-12", "billed months «\(billedText)» must be a whole number 1-12")
            }
        }
        var value: Value?
        if let kind, let expected {
            switch Self.value(valueText, kind: kind, unit: expected) {
            case .success(let v): value = v
            case .failure(let p): problem(line, columns["reelt_tall"], p.nb, p.en)
            }
        }
        if let kind {
            let key = DataRequest.typeWord(kind) + " " + idText
            if let first = seen[key] {
                let at = ([first.sheet].compactMap { $0 } + ["\(first.line)"]).joined(separator: ":")
                problem(
                    line, columns["reelt_tall"], "«\(idText)» er fylt ut to ganger (også på rad \(at)); behold én",
                    "«\(idText)» is filled in twice (also at row \(at)); keep one")
            } else {
                seen[key] = record
            }
        }
        guard problems.count == before, let kind, let value else { return }
        corrections.append(
            BaselineCorrection(
                kind: kind, municipality: m, path: path, value: value, vat: nil, billedMonths: billed, source: sourceText))
    }

    struct Reason: Error {
        var nb: String
        var en: String
    }

    /// A cell's value in the figure's unit: `2 700`, `2 700,50`, `2700.5`, `−120`, optionally
    /// followed by the unit (`2 700 kr/mnd`), which must be the figure's; `ja`/`nei` and words for
    /// rules given as choices (`valg`), any text for `tekst`.
    static func value(_ text: String, kind: MissingFigure.Kind, unit: String) -> Result<Value, Reason> {
        if kind == .rule && unit == "tekst" { return .success(.text(text)) }
        if kind == .rule && unit == "valg" {
            switch text.lowercased() {
            case "ja", "yes": return .success(.symbol("yes"))
            case "nei", "no": return .success(.symbol("no"))
            default:
                guard text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), text.first?.isNumber == false else {
                    return .failure(Reason(nb: "«\(text)» er ikke et valg (f.eks. ja, nei eller et navn uten mellomrom)", en: "«\(text)» is not a choice (e.g. ja, nei or a name without spaces)"))
                }
                return .success(.symbol(text))
            }
        }
        var digits = ""
        var rest = Substring(text)
        while let c = rest.first, c.isNumber || c == "," || c == "." || c == "-" || c == "\u{2212}" || c == " " || c == "\u{00A0}" || c == "\u{202F}" {
            digits.append(c)
            rest = rest.dropFirst()
        }
        let written = String(rest).trimmingSpaces
        guard let number = parseNumber(digits) else {
            return .failure(Reason(nb: "«\(text)» er ikke et tall (skriv f.eks. 2 700 eller 2 700,50)", en: "«\(text)» is not a number (write e.g. 2 700 or 2 700,50)"))
        }
        if !written.isEmpty, written != unit {
            return .failure(Reason(nb: "feil enhet «\(written)»; tallet skal være i \(unit)", en: "wrong unit «\(written)»; the figure is in \(unit)"))
        }
        switch kind {
        case .volume: return .success(.quantity(Quantity(number)))
        case .budget: return .success(.quantity(Quantity(number, .thousandKroner)))
        case .fee, .rule:
            if unit == "tall" { return .success(.quantity(Quantity(number))) }
            guard let u = Unit(rawValue: unit) else {
                return .failure(Reason(nb: "ukjent enhet «\(unit)»", en: "unknown unit «\(unit)»"))
            }
            if kind == .fee, number.asMoney == nil {
                return .failure(Reason(nb: "«\(text)» har flere desimaler enn øre", en: "«\(text)» has more decimals than øre"))
            }
            return .success(.quantity(Quantity(number, u)))
        }
    }

    /// `2 700`, `2700,5`, `2700.5`, `-120` as an exact decimal; `nil` otherwise.
    static func parseNumber(_ raw: String) -> DecimalNumber? {
        var s = raw.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        var negative = false
        if s.first == "-" || s.first == "\u{2212}" {
            negative = true
            s.removeFirst()
        }
        let separators = s.filter { $0 == "," || $0 == "." }
        guard separators.count <= 1, !s.isEmpty else { return nil }
        let parts = s.split(separator: separators.first ?? ",", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }), parts.count <= 2,
            parts.joined().count <= 17, let significand = Int64(parts.joined())
        else { return nil }
        return DecimalNumber(significand: negative ? -significand : significand, scale: parts.count == 2 ? parts[1].count : 0)
    }
}

extension String {
    /// Without leading and trailing spaces (including no-break spaces).
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\u{00A0}" || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\u{00A0}" || l == "\t" { s.removeLast() }
        return String(s)
    }
}
