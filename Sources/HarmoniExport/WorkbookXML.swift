import HarmoniModel

/// The XML parts of an `.xlsx` file (ECMA-376, SpreadsheetML). Text is written as inline strings
/// (never formulas), so no cell text can be read as a formula.
enum WorkbookXML {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        var out = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out +=
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        out +=
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in 0..<sheetCount {
            out +=
                "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return out + "</Types>\n"
    }

    static let rootRelationships =
        header + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipsNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>\n"

    static func workbook(_ names: [String]) -> String {
        var out = header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNS)\"><sheets>"
        for (i, name) in names.enumerated() {
            out += "<sheet name=\"\(escape(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return out + "</sheets></workbook>\n"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var out = header + "<Relationships xmlns=\"\(packageRelationships)\">"
        for i in 0..<sheetCount {
            out += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relationshipsNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipsNS)/styles\" Target=\"styles.xml\"/>"
        return out + "</Relationships>\n"
    }

    /// The cell formats (`cellXfs`), in order; a cell's `s` attribute is its index here.
    enum Style: Int, CaseIterable {
        case plain, bold, wrapped, general, kroner, kronerOre, grouped, percent

        static func of(_ cell: SheetCell) -> Style {
            switch cell {
            case .text(_, .plain), .empty: return .plain
            case .text(_, .bold): return .bold
            case .text(_, .wrapped): return .wrapped
            case .number(_, .general): return .general
            case .number(_, .kroner): return .kroner
            case .number(_, .kronerOre): return .kronerOre
            case .number(_, .grouped): return .grouped
            case .number(_, .percent): return .percent
            }
        }

        var xf: String {
            let format: (id: Int, code: SheetCell.NumberFormat?) =
                switch self {
                case .plain, .bold, .wrapped, .general: (0, nil)
                case .kroner: (164, .kroner)
                case .kronerOre: (165, .kronerOre)
                case .grouped: (3, nil)
                case .percent: (166, .percent)
                }
            let font = self == .bold ? 1 : 0
            var out = "<xf numFmtId=\"\(format.id)\" fontId=\"\(font)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
            if format.id != 0 { out += " applyNumberFormat=\"1\"" }
            if font != 0 { out += " applyFont=\"1\"" }
            if self == .wrapped { return out + " applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>" }
            return out + "/>"
        }
    }

    static let styles: String = {
        var out = header + "<styleSheet xmlns=\"\(main)\">"
        let custom: [(Int, SheetCell.NumberFormat)] = [(164, .kroner), (165, .kronerOre), (166, .percent)]
        out += "<numFmts count=\"\(custom.count)\">"
        for (id, format) in custom { out += "<numFmt numFmtId=\"\(id)\" formatCode=\"\(escape(format.code))\"/>" }
        out += "</numFmts>"
        out += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        out += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        out += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        out += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        out += "<cellXfs count=\"\(Style.allCases.count)\">" + Style.allCases.map(\.xf).joined() + "</cellXfs>"
        out += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return out + "</styleSheet>\n"
    }()

    static func worksheet(_ sheet: Sheet) -> String {
        var out = header + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNS)\">"
        out += "<sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.frozenRows > 0 {
            out +=
                "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"A\(sheet.frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A\(sheet.frozenRows + 1)\" sqref=\"A\(sheet.frozenRows + 1)\"/>"
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            out += "<cols>"
            for (i, width) in sheet.columnWidths.enumerated() {
                out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(plain(width))\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = columnName(c) + String(r + 1)
                let style = Style.of(cell).rawValue
                let s = style == 0 ? "" : " s=\"\(style)\""
                switch cell {
                case .empty: continue
                case .text(let text, _):
                    out += "<c r=\"\(ref)\"\(s) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
                case .number(let n, _):
                    out += "<c r=\"\(ref)\"\(s)><v>\(plain(n))</v></c>"
                }
            }
            out += "</row>\n"
        }
        out += "</sheetData>"
        out += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        out += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return out + "</worksheet>\n"
    }

    /// Column letters: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// A decimal in the file's notation: `.` before decimals, `-` for negatives, no grouping.
    static func plain(_ n: DecimalNumber) -> String {
        let negative = n.significand < 0
        var digits = String(n.significand.magnitude)
        if n.scale == 0 { return (negative ? "-" : "") + digits }
        if digits.count <= n.scale { digits = String(repeating: "0", count: n.scale - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -n.scale)
        var fraction = String(digits[split...])
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = String(digits[..<split])
        return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A width with at most two decimals.
    static func plain(_ width: Double) -> String {
        let hundredths = Int64((width * 100).rounded())
        return plain(DecimalNumber(significand: hundredths, scale: 2))
    }

    /// Text as XML character data or attribute value: `& < > "` escaped; characters XML 1.0
    /// cannot hold (controls other than tab and line feed, U+FFFE, U+FFFF) left out.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
