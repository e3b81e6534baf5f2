import Foundation
import Testing

@testable import Harmoni

@Suite("CSV export for Excel in Norwegian locale")
struct ExportCSVTests {
    @Test(
        "Formula-leading text is neutralised with an apostrophe",
        arguments: [
            ("=1+1", "'=1+1"), ("+47", "'+47"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
            ("  =x", "'  =x"), ("＝x", "'＝x"), ("a=b", "a=b"), ("2 990 kr", "2 990 kr"), ("", ""),
        ])
    func neutralises(input: String, expected: String) {
        #expect(CSVExporter.escape(input) == expected)
    }

    @Test(
        "Fields with separators, quotes, CR or LF are quoted per RFC 4180",
        arguments: [
            ("a;b", "\"a;b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("one\ntwo", "\"one\ntwo\""), ("x\ry", "\"x\ry\""),
            ("\r=x", "\"'\r=x\""), ("=a;\"b\"", "\"'=a;\"\"b\"\"\""), ("plain, comma", "plain, comma"),
        ])
    func quotes(input: String, expected: String) {
        #expect(CSVExporter.escape(input) == expected)
    }

    @Test("A quote hidden in a combining character is still doubled")
    func combiningQuote() {
        #expect(CSVExporter.escape("\"\u{301}x") == "\"\"\"\u{301}x\"")
    }

    @Test("Numbers are numbers: decimal comma, no grouping, units in the header, statuses beside them")
    func numbers() {
        let csv = CSVExporter.export([ExportFixtures.diff])
        #expect(csv.hasPrefix("\u{FEFF}Tjeneste;Asker (kr);Røyken (kr);Hurum (kr);Hurum (status);Spenn %;merknader\n"))
        #expect(csv.contains("SFO, 100 % plass;32890;30855,50;31000;estimert;6,1;"))
        #expect(csv.contains("SFO, 60 % plass;21340;14084,30;;mangler;51,52;[2] Ikke publisert for 2019.\n"))
        #expect(csv.contains("\n\nForklaring;"), "the table's notes once, below the rows")
        #expect(!csv.contains("\r"))
        #expect(!csv.contains("\u{00A0}"))
    }

    @Test("A column mixing units states the unit of each cell in its own column")
    func mixedUnits() {
        let table = Table(
            kind: "t", title: "t", columns: [Column("x", "X")],
            rows: [[.money(Money(kroner: 5))], [.rate(Rate(percent: 3))], [.number(DecimalNumber(significand: 15, scale: 1))]])
        #expect(CSVExporter.export([table]) == "\u{FEFF}X;X (enhet)\n5;kr\n3;%\n1,5;\n")
    }

    @Test("Several tables: each starts with its title row, a blank line between")
    func severalTables() {
        let a = Table(kind: "a", title: "Første; tabell", columns: [Column("n", "N")], rows: [[.money(Money(kroner: 1))]])
        let b = Table(kind: "b", title: "=Andre", columns: [Column("m", "M")], rows: [[.text("x")]])
        #expect(CSVExporter.export([a, b]) == "\u{FEFF}\"Første; tabell\"\nN (kr)\n1\n\n'=Andre\nM\nx\n")
    }

    @Test("Budget cells keep every øre: 1 000 kr with as many decimals as needed")
    func thousands() {
        let csv = CSVExporter.export([ExportFixtures.impact])
        #expect(csv.contains("Tjenesteområde;2020 (1 000 kr);2021 (1 000 kr);2022 (1 000 kr);2023 (1 000 kr);2023 (status)\n"))
        #expect(csv.contains("Oppvekst, undervisning, kunnskap;-1234,56789;-2469;-3700;-3700;publisert\n"))
        #expect(csv.contains("Kultur, idrett, frivillighet;412;824,5;1236;1236;estimert\n"))
    }

    @Test("Golden: the fixed report tables as one CSV file")
    func golden() {
        assertGolden(CSVExporter.export(ExportFixtures.tables), named: "export/tables.csv")
    }

    @Test("Golden: hostile names and sources are neutralised and quoted")
    func hostileGolden() {
        assertGolden(CSVExporter.export([ExportFixtures.hostile]), named: "export/hostile.csv")
    }

    /// Foundation drops a byte-order mark when it reads a golden file, so the mark is checked here
    /// and the golden file holds the rest.
    private func assertGolden(_ csv: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(csv.unicodeScalars.first == "\u{FEFF}", sourceLocation: sourceLocation)
        Golden.assertMatches(String(csv.unicodeScalars.dropFirst()), named: name, sourceLocation: sourceLocation)
    }

    @Test("Python's csv module reads the file back: every number exactly, every text as written")
    func readBack() throws {
        for table in ExportFixtures.tables + [ExportFixtures.hostile] {
            let read = try CSVReader.read(CSVExporter.export([table]))
            let header = try #require(read.rows.first)
            let trailer = table.notes.count + table.sources.count
            #expect(read.rows.count == table.rows.count + 1 + (trailer > 0 ? trailer + 1 : 0), "\(table.title)")
            for (r, row) in table.rows.enumerated() {
                let fields = read.rows[r + 1]
                let numbers = read.numbers[r + 1]
                #expect(fields.count == header.count, "row \(r) of \(table.title)")
                for (c, column) in table.columns.enumerated() {
                    let index = try #require(header.firstIndex { $0 == column.heading || $0.hasPrefix(column.heading + " (") })
                    let (field, number) = (fields[index], numbers[index])
                    switch row[c] {
                    case .text(let text):
                        #expect(field == text || field == "'" + text, "text \(text.debugDescription)")
                        #expect(!["=", "+", "-", "@", "\t", "\r"].contains(field.first), "\(field.debugDescription)")
                    case .money(let m, _, _), .thousands(let m, _, _): #expect(number == m.ore, "\(field) in \(column.key)")
                    case .rate(let rate, _): #expect(number == rate.ppm, "\(field) in \(column.key)")
                    case .number(let n): #expect(number == n.scaled(to: 6), "\(field) in \(column.key)")
                    case .missing, .empty: #expect(field.isEmpty)
                    }
                }
            }
        }
    }

    @Test("The reader used above is not fooled: quoting, grouping and stray text are told apart")
    func readerCanFail() throws {
        let read = try CSVReader.read("\u{FEFF}a;b (kr);c (kr)\n\"x;y\";1408,43;1 408,43\n")
        #expect(read.rows == [["a", "b (kr)", "c (kr)"], ["x;y", "1408,43", "1 408,43"]])
        #expect(read.numbers[1] == [nil, 140_843, nil])
    }
}

/// Reads CSV with a real, independent parser: Python's `csv` module, the way a spreadsheet's
/// importer would (UTF-8 with BOM, `;`, RFC 4180 quotes, strict). A field that is a plain
/// Norwegian number (`-1408,43`) is also read with Python's `decimal` and scaled by its header's
/// unit to an integer: kr → øre, 1 000 kr → øre, % → ppm, others → millionths.
enum CSVReader {
    struct Result {
        var rows: [[String]]
        var numbers: [[Int64?]]
    }

    static func read(_ csv: String) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("export.csv")
        try Data(csv.utf8).write(to: file)
        let script = """
            import csv, decimal, json, re, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                rows = list(csv.reader(f, delimiter=';', quotechar='"', strict=True))
            def scale(h):
                return 2 if h.endswith('(kr)') else 5 if h.endswith('(1 000 kr)') else 4 if '%' in h else 6
            def number(h, s):
                if not re.fullmatch(r'-?[0-9]+(,[0-9]+)?', s): return None
                v = decimal.Decimal(s.replace(',', '.')) * (10 ** scale(h))
                return int(v) if v == v.to_integral_value() else None
            numbers = [[number(rows[0][i] if i < len(rows[0]) else '', s) for i, s in enumerate(r)] for r in rows]
            print(json.dumps({'rows': rows, 'numbers': numbers}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 could not read the CSV")
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String]])
        let numbers = try #require(object["numbers"] as? [[Any]]).map { row in row.map { ($0 as? NSNumber)?.int64Value } }
        return Result(rows: rows, numbers: numbers)
    }
}
