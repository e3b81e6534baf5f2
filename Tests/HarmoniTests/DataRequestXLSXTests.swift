import Foundation
import HarmoniExport
import HarmoniUncertainty
import Testing

@testable import Harmoni

/// The data request as a workbook: `export datarequest to "….xlsx"` (ranges and ranks), filled
/// with openpyxl as a finance department's spreadsheet program would (deflated entries, shared
/// strings, numbers as numbers), read back by `baseline import`; and the reader's parts.
@Suite("Data request: xlsx export, fill with openpyxl, import")
struct DataRequestXLSXTests {
    /// Runs Tests/xlsx/fill-xlsx.py; returns where each id was found (sheet, row, columns).
    static func fill(_ input: String, _ output: String, _ spec: [String: [String: Any]]) throws -> [String: [String: Any]] {
        let specPath = output + ".spec.json"
        try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: specPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let python = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "python3"
        process.arguments = [python, Fixtures.root.appendingPathComponent("Tests/xlsx/fill-xlsx.py").path, input, output, specPath]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openpyxl could not fill \(input) (apt-get install python3-openpyxl): \(errors)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
    }

    static func workbook(_ path: String) throws -> XLSXReader {
        try XLSXReader([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test("export → fill with openpyxl → import: the figures are own with their sources, as the same baseline statements give")
    func roundTrip() throws {
        let folder = DataRequestTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = Fixtures.session()
        session.workingDirectory = folder
        let exported = Fixtures.run("export datarequest to \"dr.xlsx\"", in: session)
        #expect(exported.errors.isEmpty, "\(exported.errors)")

        // One sheet per old municipality (and the notes), the header with range and rank columns.
        let request = try Self.workbook(folder + "/dr.xlsx")
        #expect(request.sheets.map(\.name) == ["Dataforespørsel Asker", "Dataforespørsel Røyken", "Dataforespørsel Hurum", "Merknader og kilder"])
        let hurum = request.sheets[2]
        let header: [XLSXReader.Cell] = (hurum.cells[2] ?? [:]).sorted { $0.key < $1.key }.map { $0.value }
        #expect(Array(header.prefix(8)) == ["Kommune", "Type", "Id", "Beskrivelse", "Anslag nå", "Lav", "Høy", "Enhet"].map { .text($0) })
        let sfoRow = try #require(hurum.cells.first { $0.value[3] == .text("hurum.sfo.plass_5d") && $0.value[2] == .text("gebyr") })
        // Hurum's SFO is an other-municipality estimate: 2 568 between the published prices.
        #expect(sfoRow.value[5] == .text("2 568"))
        #expect(sfoRow.value[6] != nil && sfoRow.value[7] != nil, "the estimate has no range: \(sfoRow.value)")

        let where_ = try Self.fill(
            folder + "/dr.xlsx", folder + "/filled.xlsx",
            [
                "gebyr hurum.sfo.plass_5d": ["Reelt tall": 2700.45, "Kilde": "Hurum kommune, betalingssatser 2019 (test)"],
                "regel royken.sfo.soskenmoderasjon.any_child": ["Reelt tall": 25, "Kilde": "Røyken, test"],
                "budsjett asker.helse.sum_netto_driftsutgifter": ["Reelt tall": "1 200 000", "Kilde": "Asker, test", "Kommentar": "regnskap"],
            ])
        #expect(where_["gebyr hurum.sfo.plass_5d"]?["sheet"] as? String == "Dataforespørsel Hurum")
        let imported = Fixtures.run("baseline import \"filled.xlsx\"", in: session)
        #expect(imported.errors.isEmpty, "\(imported.errors)")
        #expect(imported.output.contains("Importerte 3 egne tall"))
        let fee = try #require(session.state.dataset.fee("hurum", FeeKey("sfo", "plass_5d"), on: .endOf(year: 2019)))
        #expect(fee.amount == Money(ore: 270_045) && fee.provenance.status == .own)

        // The same as typing the baseline statements.
        let statements = Fixtures.session()
        let ran = Fixtures.run(session.state.baselineCorrections.joined(separator: "\n"), in: statements)
        #expect(ran.errors.isEmpty, "\(ran.errors)")
        #expect(session.state.baselineCorrections.count == 3)
        #expect(statements.state.dataset == session.state.dataset)
        #expect(session.state.baselineCorrections.contains { $0.contains("source \"Hurum kommune, betalingssatser 2019 (test)\"") })
    }

    @Test("Bad cells of a filled workbook are reported at file:sheet:row:column, several at once, and nothing is imported")
    func badCells() throws {
        let folder = DataRequestTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = Fixtures.session()
        session.workingDirectory = folder
        #expect(Fixtures.run("export datarequest to \"dr.xlsx\"", in: session).errors.isEmpty)
        let placed = try Self.fill(
            folder + "/dr.xlsx", folder + "/bad.xlsx",
            [
                "gebyr hurum.sfo.plass_5d": ["Reelt tall": "mange", "Kilde": "Hurum"],
                "gebyr hurum.sfo.plass_4d": ["Reelt tall": "=2000+54", "Kilde": "Hurum"],
                "gebyr hurum.sfo.plass_3d": ["Reelt tall": 1500, "Kilde": NSNull()],
                "gebyr hurum.sfo.ekstra_dag": ["Reelt tall": NSNull(), "Kilde": "Hurum"],
                "gebyr hurum.sfo.ferie_dag": ["Reelt tall": "300 kr/år", "Kilde": "Hurum"],
                "regel royken.sfo.soskenmoderasjon.any_child": ["Reelt tall": 25, "Kilde": "Røyken"],
            ])
        func at(_ id: String, _ heading: String) -> String {
            let place = placed[id] ?? [:]
            let column = (place["columns"] as? [String: Int])?[heading] ?? 0
            return "bad.xlsx:\(place["sheet"] as? String ?? "?"):\(place["row"] as? Int ?? 0):\(column)"
        }
        let before = session.state.dataset
        let result = Fixtures.run("baseline import \"bad.xlsx\"", in: session)
        for expected in [
            "\(at("gebyr hurum.sfo.plass_5d", "Reelt tall")): «mange» er ikke et tall",
            "\(at("gebyr hurum.sfo.plass_4d", "Reelt tall")): cellen har en formel uten utregnet verdi",
            "\(at("gebyr hurum.sfo.plass_3d", "Kilde")): tallet mangler kilde",
            "\(at("gebyr hurum.sfo.ekstra_dag", "Reelt tall")): kilde er fylt ut, men reelt tall mangler",
            "\(at("gebyr hurum.sfo.ferie_dag", "Reelt tall")): feil enhet «kr/år»; tallet skal være i kr/dag",
            "5 feil i «bad.xlsx»; ingenting er importert",
        ] {
            #expect(result.errors.contains(expected), "missing «\(expected)» in \(result.errors)")
        }
        #expect(session.state.dataset == before)
        #expect(session.state.baselineCorrections.isEmpty)
    }

    @Test("The reader reads Harmoni's own stored workbook: sheets, inline strings, numbers, rows and columns")
    func readsOwnWorkbook() throws {
        var sheet = Sheet(name: "Ark & «1»", header: ["Id", "Beløp"])
        sheet.rows.append([.text("a <b> & \"c\""), .number(DecimalNumber(significand: -123_450, scale: 2), .kronerOre)])
        sheet.rows.append([.empty, .number(DecimalNumber(2990), .kroner)])
        let book = try XLSXReader(Workbook(sheets: [sheet, Sheet(name: "To")]).xlsx())
        #expect(book.sheets.map(\.name) == ["Ark & «1»", "To"])
        #expect(book.sheets[0].cells[1]?[1] == .text("Id"))
        #expect(book.sheets[0].cells[2]?[1] == .text("a <b> & \"c\""))
        #expect(book.sheets[0].cells[2]?[2] == .text("-1234.5"))
        #expect(book.sheets[0].cells[3]?[1] == nil && book.sheets[0].cells[3]?[2] == .text("2990"))
        #expect(book.sheets[1].cells.isEmpty)
    }

    @Test("Numbers as spreadsheets store them read as the decimal that was typed")
    func numbers() {
        let cases: [(String, String?)] = [
            ("2900", "2900"), ("2700.5", "2700.5"), ("2700.4499999999998", "2700.45"), ("1.5E-3", "0.0015"), ("2.9E3", "2900"),
            ("-0", "0"), ("-12.50", "-12.5"), ("0.30000000000000004", "0.3"), ("abc", nil), ("1.2.3", nil), ("", nil),
            ("99999999999999999", "100000000000000000"),
        ]
        for (raw, expected) in cases { #expect(XLSXNumber.text(raw) == expected, "\(raw)") }
        #expect(XLSXReader.reference("J14").map { [$0.row, $0.column] } == [14, 10])
        #expect(XLSXReader.reference("AA3").map { [$0.row, $0.column] } == [3, 27])
        #expect(XLSXReader.reference("3A") == nil)
        #expect(XLSXReader.unescaped("a_x000D_b_x") == "a\rb_x")
    }

    @Test("Inflate decodes fixed- and dynamic-Huffman and stored blocks (zlib's raw output) and refuses damage")
    func inflate() throws {
        // zlib.compressobj(6, DEFLATED, -15) of b"hello hello hello hello" (fixed Huffman, back references).
        let fixed: [UInt8] = [203, 72, 205, 201, 201, 87, 200, 64, 39, 1]
        #expect(try Inflate.inflate(fixed, limit: 100) == Array("hello hello hello hello".utf8))
        // A stored block: final, type 0, length 3 and its complement.
        #expect(try Inflate.inflate([1, 3, 0, 0xFC, 0xFF, 65, 66, 67], limit: 10) == Array("ABC".utf8))
        #expect(throws: Inflate.Failure.self) { try Inflate.inflate([1, 3, 0, 0xFC, 0xFE, 65, 66, 67], limit: 10) }
        #expect(throws: Inflate.Failure.self) { try Inflate.inflate(fixed, limit: 10) }
        #expect(throws: Inflate.Failure.self) { try Inflate.inflate(Array(fixed.prefix(5)), limit: 100) }
        #expect(throws: Inflate.Failure.self) { try Inflate.inflate([7], limit: 100) }
    }

    @Test("The request ranks the estimates as show sensitivity does: only those that move the scenario's revenue, by swing")
    func ranks() throws {
        let session = Fixtures.session()
        #expect(DataRequest(session.state.dataset, year: 2019, scenario: session.state.scenario).rows.allSatisfy { $0.rank == nil })
        #expect(Fixtures.run("harmonise sfo.plass_5d to lowest", in: session).errors.isEmpty)
        let request = DataRequest(session.state.dataset, year: 2019, scenario: session.state.scenario)
        let ranked = request.rows.filter { $0.rank != nil }.sorted { $0.rank! < $1.rank! }
        try #require(!ranked.isEmpty)
        // Only SFO figures can move a scenario that harmonises SFO; a larger swing ranks higher.
        #expect(ranked.allSatisfy { $0.path.first == "sfo" }, "\(ranked.map(\.id))")
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.swing! >= $1.swing! && $0.rank! < $1.rank! })
        let sensitivity = Sensitivity.rank(dataset: session.state.dataset, scenario: session.state.scenario)
        for row in ranked {
            let position = try #require(sensitivity.rows.firstIndex { $0.input.ref == row.ref })
            #expect(row.rank == position + 1 && row.swing == sensitivity.rows[position].largestSwing)
        }
        // Every estimate with a range rule has its range; a missing figure has none.
        #expect(request.rows.filter { $0.estimate == nil }.allSatisfy { $0.low == nil && $0.high == nil })
        let sfo = try #require(request.rows.first { $0.id == "hurum.sfo.plass_5d" && $0.kind == .fee })
        #expect(sfo.low != nil && sfo.high != nil)
    }

    @Test("A file named .xlsx that is not one, and a damaged workbook, are refused with a reason; nothing is imported")
    func notAWorkbook() throws {
        let folder = DataRequestTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = Fixtures.session()
        session.workingDirectory = folder
        try "kommune;type;id\n".write(toFile: folder + "/fake.xlsx", atomically: true, encoding: .utf8)
        #expect(Fixtures.run("baseline import \"fake.xlsx\"", in: session).errors.contains("«fake.xlsx» er ikke en xlsx-fil"))
        #expect(Fixtures.run("export datarequest to \"dr.xlsx\"", in: session).errors.isEmpty)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/dr.xlsx")))
        // A byte inside xl/workbook.xml (stored): its CRC no longer matches.
        let marker = Array("<sheets>".utf8)
        let at = try #require(bytes.indices.first { Array(bytes[$0..<min(bytes.count, $0 + marker.count)]) == marker })
        bytes[at + 1] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/damaged.xlsx"))
        let damaged = Fixtures.run("baseline import \"damaged.xlsx\"", in: session)
        #expect(damaged.errors.contains("er skadet"), "\(damaged.errors)")
        #expect(session.state.baselineCorrections.isEmpty)
    }
}
