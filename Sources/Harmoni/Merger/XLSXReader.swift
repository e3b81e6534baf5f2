/// Reads the cells of an `.xlsx` workbook (Office Open XML, SpreadsheetML) as text, sheet by
/// sheet in tab order: shared and inline strings, numbers, booleans and the cached value of a
/// formula. A cell whose value cannot be read as entered — an error value (`#REF!`), a formula
/// without a computed value — is kept as ``Cell/unreadable(nb:en:)``, never dropped, so the
/// caller can point at it.
struct XLSXReader {
    /// One cell's content.
    enum Cell: Equatable {
        case text(String)
        case unreadable(nb: String, en: String)
    }

    /// One sheet: cells by 1-based row and 1-based column.
    struct Sheet {
        var name: String
        var cells: [Int: [Int: Cell]] = [:]

        /// The rows that have cells, in order.
        var rowNumbers: [Int] { cells.keys.sorted() }
    }

    var sheets: [Sheet] = []

    init(_ bytes: [UInt8]) throws(ZipReader.Failure) {
        let zip = try ZipReader(bytes)
        guard let workbook = try zip.data("xl/workbook.xml") else {
            throw ZipReader.Failure(nb: "er ikke en xlsx-arbeidsbok (mangler xl/workbook.xml)", en: "is not an xlsx workbook (no xl/workbook.xml)")
        }
        let targets = try Self.relationships(try zip.data("xl/_rels/workbook.xml.rels") ?? [])
        let strings = try Self.sharedStrings(try zip.data("xl/sharedStrings.xml") ?? [])
        for (name, id) in try Self.sheetList(workbook) {
            guard let target = targets[id] else { continue }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = try zip.data(path) else {
                throw ZipReader.Failure(nb: "arket «\(name)» mangler i filen (\(path))", en: "the sheet «\(name)» is missing from the file (\(path))")
            }
            sheets.append(try Self.sheet(name, xml, strings))
        }
    }

    private static func malformed(_ part: String) -> ZipReader.Failure {
        ZipReader.Failure(nb: "«\(part)» i filen er ikke gyldig XML", en: "«\(part)» in the file is not valid XML")
    }

    /// Relationship id → target, from `xl/_rels/workbook.xml.rels`.
    static func relationships(_ xml: [UInt8]) throws(ZipReader.Failure) -> [String: String] {
        var scanner = XMLScanner(xml)
        var out: [String: String] = [:]
        do throws(XMLScanner.Failure) {
            while let event = try scanner.next() {
                if case .open("Relationship", let a, _) = event, let id = a["Id"], let target = a["Target"] { out[id] = target }
            }
        } catch { throw malformed("workbook.xml.rels") }
        return out
    }

    /// The sheets' names and relationship ids, in tab order.
    static func sheetList(_ xml: [UInt8]) throws(ZipReader.Failure) -> [(String, String)] {
        var scanner = XMLScanner(xml)
        var out: [(String, String)] = []
        do throws(XMLScanner.Failure) {
            while let event = try scanner.next() {
                if case .open("sheet", let a, _) = event, let name = a["name"], let id = a["id"] { out.append((name, id)) }
            }
        } catch { throw malformed("workbook.xml") }
        return out
    }

    /// The shared string table: each `<si>`'s text runs joined (phonetic runs left out).
    static func sharedStrings(_ xml: [UInt8]) throws(ZipReader.Failure) -> [String] {
        var scanner = XMLScanner(xml)
        var out: [String] = []
        var current: String?
        var inText = false
        var phonetic = false
        do throws(XMLScanner.Failure) {
            while let event = try scanner.next() {
                switch event {
                case .open("si", _, let selfClosing):
                    if selfClosing { out.append("") } else { current = "" }
                case .close("si"):
                    out.append(unescaped(current ?? ""))
                    current = nil
                case .open("rPh", _, false): phonetic = true
                case .close("rPh"): phonetic = false
                case .open("t", _, false): inText = true
                case .close("t"): inText = false
                case .text(let text) where inText && !phonetic: current? += text
                default: break
                }
            }
        } catch { throw malformed("sharedStrings.xml") }
        return out
    }

    static func sheet(_ name: String, _ xml: [UInt8], _ strings: [String]) throws(ZipReader.Failure) -> Sheet {
        var sheet = Sheet(name: name)
        var scanner = XMLScanner(xml)
        var row = 0
        var column = 0
        // The cell being read.
        var type = "n"
        var value: String?
        var inline: String?
        var hasFormula = false
        var element = ""
        do throws(XMLScanner.Failure) {
            while let event = try scanner.next() {
                switch event {
                case .open("row", let a, _):
                    row = a["r"].flatMap { Int($0) } ?? row + 1
                    column = 0
                case .open("c", let a, let selfClosing):
                    column = a["r"].flatMap { Self.reference($0)?.column } ?? column + 1
                    type = a["t"] ?? "n"
                    value = nil
                    inline = nil
                    hasFormula = false
                    if selfClosing { continue }
                case .open("v", _, false): element = "v"
                case .open("f", _, let selfClosing):
                    hasFormula = true
                    element = selfClosing ? "" : "f"
                case .open("t", _, false) where inline != nil || type == "inlineStr": element = "t"
                case .open("is", _, false): inline = ""
                case .open("rPh", _, false): element = "rPh"
                case .close("v"), .close("f"), .close("t"), .close("rPh"): element = ""
                case .text(let text):
                    if element == "v" { value = (value ?? "") + text }
                    if element == "t" { inline = (inline ?? "") + text }
                case .close("c"):
                    if let cell = Self.cell(type: type, value: value, inline: inline, formula: hasFormula, strings) {
                        sheet.cells[row, default: [:]][column] = cell
                    }
                default: break
                }
            }
        } catch { throw malformed("arket «\(name)»") }
        return sheet
    }

    /// A cell's content, `nil` when it is empty.
    static func cell(type: String, value: String?, inline: String?, formula: Bool, _ strings: [String]) -> Cell? {
        switch type {
        case "s":
            guard let value, let index = Int(value.trimmingSpaces), strings.indices.contains(index) else {
                return .unreadable(nb: "cellen peker på en tekst som ikke finnes i filen", en: "the cell refers to a string the file does not have")
            }
            return strings[index].isEmpty ? nil : .text(strings[index])
        case "inlineStr":
            let text = unescaped(inline ?? value ?? "")
            return text.isEmpty ? nil : .text(text)
        case "e":
            return .unreadable(nb: "cellen har en feilverdi (\(value ?? "#?")) i stedet for et tall", en: "the cell holds an error value (\(value ?? "#?")) instead of a number")
        case "b":
            guard let value else { return nil }
            return .text(value == "1" ? "ja" : "nei")
        default:
            guard let value, !value.isEmpty else {
                return formula
                    ? .unreadable(
                        nb: "cellen har en formel uten utregnet verdi; skriv tallet inn, eller åpne og lagre filen i Excel eller LibreOffice",
                        en: "the cell has a formula without a computed value; type the number, or open and save the file in Excel or LibreOffice")
                    : nil
            }
            if type == "str" || type == "d" { return .text(unescaped(value)) }
            return XLSXNumber.text(value).map(Cell.text)
                ?? .unreadable(nb: "«\(value)» er ikke et tall", en: "«\(value)» is not a number")
        }
    }

    /// `J14` → row 14, column 10.
    static func reference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0
        var digits = ""
        for c in text.uppercased() {
            if let a = c.asciiValue, a >= 65, a <= 90, digits.isEmpty {
                column = column * 26 + Int(a - 64)
            } else if c.isASCII, c.isNumber {
                digits.append(c)
            } else {
                return nil
            }
        }
        guard column > 0, let row = Int(digits) else { return nil }
        return (row, column)
    }

    /// OOXML's `_xHHHH_` escapes (Excel writes a carriage return as `_x000D_`) decoded.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}

/// The numbers of a sheet's XML (`2900`, `2700.5`, `1.5E-3`) as plain decimal text, rounded to
/// the 15 significant digits a spreadsheet keeps, so that a typed 2 700,45 stored as
/// `2700.4499999999998` reads back as `2700.45`.
enum XLSXNumber {
    static func text(_ raw: String) -> String? {
        var s = Substring(raw.trimmingSpaces)
        var negative = false
        if s.first == "-" {
            negative = true
            s = s.dropFirst()
        } else if s.first == "+" {
            s = s.dropFirst()
        }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(s[s.index(after: e)...]), abs(x) < 400 else { return nil }
            exponent = x
            s = s[..<e]
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), !s.isEmpty, s != "." else { return nil }
        var digits = Array(parts[0] + (parts.count == 2 ? parts[1] : ""))
        // value = digits × 10^(exponent − fraction digits)
        var scale = (parts.count == 2 ? parts[1].count : 0) - exponent
        while digits.count > 1, digits.first == "0" { digits.removeFirst() }
        if digits.count > 15 {
            let dropped = digits.count - 15
            let roundUp = digits[15] >= "5"
            digits = Array(digits.prefix(15))
            scale -= dropped
            if roundUp {
                var k = digits.count - 1
                while k >= 0 {
                    if digits[k] == "9" {
                        digits[k] = "0"
                        k -= 1
                    } else {
                        digits[k] = Character(Unicode.Scalar(digits[k].asciiValue! + 1))
                        break
                    }
                }
                if k < 0 { digits.insert("1", at: 0) }
            }
        }
        if scale < 0 {
            digits += [Character](repeating: "0", count: -scale)
            scale = 0
        }
        while scale > 0, digits.last == "0" {
            digits.removeLast()
            scale -= 1
        }
        if digits.count <= scale { digits = [Character](repeating: "0", count: scale - digits.count + 1) + digits }
        var text = String(digits)
        if scale > 0 { text.insert(".", at: text.index(text.endIndex, offsetBy: -scale)) }
        if text.allSatisfy({ $0 == "0" || $0 == "." }) { negative = false }
        return (negative ? "-" : "") + text
    }
}
