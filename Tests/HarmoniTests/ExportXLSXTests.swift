import Foundation
import Testing

@testable import Harmoni
@testable import HarmoniExport

/// The `.xlsx` writer: the ZIP container, the XML parts, and workbooks read back by openpyxl
/// (a real reader, run as a separate process: `Tests/xlsx/read-xlsx.py`).
@Suite("Excel workbooks (.xlsx)")
struct ExportXLSXTests {
    @Test("CRC-32 is the IEEE one ZIP uses")
    func crc() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test("The archive has a local header per entry, a central directory and the end record with fixed timestamps")
    func archive() throws {
        var writer = ZipWriter()
        writer.add("a.txt", text: "hei")
        writer.add("b/c.xml", text: "<x/>")
        let bytes = writer.finish()
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4b, 0x03, 0x04])
        let end = Array(bytes.suffix(22))
        #expect(Array(end.prefix(4)) == [0x50, 0x4b, 0x05, 0x06])
        #expect(end[10] == 2, "two entries")
        // The DOS date in the first local header: 1980-01-01 (0x0021), time 00:00.
        #expect(bytes[10] == 0 && bytes[11] == 0 && bytes[12] == 0x21 && bytes[13] == 0)
    }

    @Test("Numbers are written with a point, exact, without grouping")
    func numbers() {
        #expect(WorkbookXML.plain(DecimalNumber(significand: -123_456, scale: 5)) == "-1.23456")
        #expect(WorkbookXML.plain(DecimalNumber(significand: 5, scale: 3)) == "0.005")
        #expect(WorkbookXML.plain(DecimalNumber(significand: 2_990_00, scale: 2)) == "2990")
        #expect(WorkbookXML.plain(DecimalNumber(-1520)) == "-1520")
        #expect(WorkbookXML.columnName(0) == "A" && WorkbookXML.columnName(25) == "Z" && WorkbookXML.columnName(26) == "AA")
    }

    @Test("Text is escaped and characters XML cannot hold are left out; sheet names are valid and unique")
    func text() {
        #expect(WorkbookXML.escape("<a & \"b\">\u{1}\u{FFFE}x\ty") == "&lt;a &amp; &quot;b&quot;&gt;x\ty")
        let names = ["Sammenligning SFO"]
        #expect(Sheet.safeName("Sammenligning SFO", taken: names) == "Sammenligning SFO (2)")
        #expect(Sheet.safeName("a/b:c*d?[e]\\f", taken: []) == "a b c d e f")
        #expect(Sheet.safeName(String(repeating: "x", count: 40), taken: []).count == 31)
        #expect(Sheet.shortName("Sammenligning: Barnehage – kr per år inkl. mva (2019)") == "Sammenligning Barnehage")
        #expect(Sheet.shortName("Skyggebudsjett nye Asker 2020-2023 (1 000 kr, faste 2020-kroner)") == "Skyggebudsjett nye Asker")
    }

    @Test("Formula-like text is stored as text, never as a formula")
    func noFormulas() {
        let table = Table(kind: "t", title: "T", columns: [Column("a", "A")], rows: [[.text("=HYPERLINK(\"http://x\")")]])
        let xml = Workbook(tables: [table]).sheetXML(0)
        #expect(!xml.contains("<f>"))
        #expect(xml.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">=HYPERLINK(&quot;http://x&quot;)</t>"))
    }

    /// Reads a workbook with openpyxl; fails the test if openpyxl is missing.
    static func read(_ path: String) throws -> [[String: Any]] {
        let python = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, Fixtures.root.appendingPathComponent("Tests/xlsx/read-xlsx.py").path, path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "openpyxl could not read \(path) (install it: apt-get install python3-openpyxl): \(errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["sheets"] as? [[String: Any]])
    }

    static func rows(_ sheet: [String: Any]) -> [[[String: Any]?]] {
        (sheet["rows"] as? [[Any]] ?? []).map { $0.map { $0 as? [String: Any] } }
    }

    @Test("export budget as xlsx: numbers as numbers in 1 000 kr, status beside them, and each area's rows sum to its sum")
    func budget() throws {
        let dir = try ExportStatementTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try Executable.run(["-e", "export budget to \"b.xlsx\"\nexport budget to \"again.xlsx\""], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.xlsx"))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: dir + "/again.xlsx"))), "byte-identical")
        let sheets = try Self.read(dir + "/b.xlsx")
        #expect(sheets.map { $0["name"] as? String } == ["Skyggebudsjett nye Asker", "Merknader og kilder"])
        let budget = sheets[0]
        #expect(budget["freeze"] as? String == "A3", "title and header rows frozen")
        #expect((budget["widths"] as? [String: Double])?.count ?? 0 >= 10, "every column has a width")
        let rows = Self.rows(budget)
        let header = rows[1].map { $0?["v"] as? String }
        #expect(header.prefix(4) == ["Område", "Post", "2020 (1 000 kr)", "2020 (status)"])
        var numbers = 0
        var sums: [String: [Double]] = [:]
        var checked = 0
        for row in rows.dropFirst(2) {
            guard let area = row.first??["v"] as? String, let post = row.count > 1 ? row[1]?["v"] as? String : nil else { continue }
            let values = stride(from: 2, to: 10, by: 2).map { i -> Double? in
                guard i < row.count, let cell = row[i], cell["t"] as? String == "n" else { return nil }
                #expect(cell["f"] as? String == "#,##0")
                return cell["v"] as? Double ?? (cell["v"] as? Int).map(Double.init)
            }
            numbers += values.compactMap { $0 }.count
            if area == "Alle områder" { continue }
            if post.hasPrefix("Sum ") {
                if let accumulated = sums[area], values.allSatisfy({ $0 != nil }) {
                    #expect(accumulated == values.map { $0! }, "\(area): the rows sum to «\(post)»")
                    checked += 1
                }
            } else if values.allSatisfy({ $0 != nil }) {
                sums[area] = Swift.zip(sums[area] ?? [0, 0, 0, 0], values).map { $0 + $1! }
            }
        }
        #expect(numbers > 20)
        #expect(checked >= 2, "oppvekst and kultur have sums")
        let notes = Self.rows(sheets[1])
        #expect(notes.contains { $0.count > 4 && ($0[4]?["v"] as? String ?? "").hasPrefix("https://") }, "sources with addresses")
    }

    @Test("A comparison as xlsx: kroner and percent formats, estimates marked in a status column")
    func comparison() throws {
        let dir = try ExportStatementTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try Executable.run(["-e", "show diff sfo", "--output", "sfo.xlsx"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let sheets = try Self.read(dir + "/sfo.xlsx")
        let rows = Self.rows(sheets[0])
        let cells = rows.flatMap { $0.compactMap { $0 } }
        #expect(cells.contains { $0["f"] as? String == "#,##0\\ \"kr\"" && $0["v"] as? Int == 28430 })
        #expect(cells.contains { $0["f"] as? String == "0.0\\ %" && ($0["v"] as? Double).map { abs($0 - 0.319) < 1e-9 } == true })
        #expect(cells.contains { $0["v"] as? String == "estimert" })
        #expect(!cells.contains { ($0["v"] as? String ?? "").hasPrefix("≈") }, "no estimate mark inside a number")
    }
}
