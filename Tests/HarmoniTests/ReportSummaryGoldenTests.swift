import Foundation
import Testing

@testable import Harmoni

/// The summary that heads every run and report, for each shipped scenario: golden files of its
/// terminal text, its HTML section and its xlsx sheets' XML; and the same input gives the same
/// bytes in every format (no clock, fixed zip timestamps).
@Suite("The summary of each shipped scenario")
struct ReportSummaryGoldenTests {
    static let names = ["hp2020-radmannens-prinsipper", "laveste-nivaa", "budsjettnoytral"]

    static func summary(_ name: String) throws -> [Table] {
        let session = Fixtures.session()
        let path = Fixtures.root.appendingPathComponent("scenarios/\(name).harmoni").path
        let file = try FileAccess.readSource(path).get()
        let run = session.run(file)
        #expect(!run.hasErrors, "\(run.diagnostics.map(\.message.nb))")
        return session.summaryTables()
    }

    @Test("Terminal, HTML and xlsx sheet XML of the summary match their golden files", arguments: names)
    func golden(name: String) throws {
        let tables = try Self.summary(name)
        #expect(tables.first?.kind == "summary_decisions")
        var memory = TextTable.RunMemory()
        let text = tables.map { TextTable.render($0, memory: &memory) }.joined(separator: "\n")
        Golden.assertMatches(text, named: "summary/\(name).txt")
        let html = HTMLReport.render(Report(title: name, provenance: nil, summary: tables, tables: []))
        Golden.assertMatches(html, named: "summary/\(name).html")
        let workbook = Workbook(tables: tables)
        Golden.assertMatches(workbook.sheets.indices.map { workbook.sheetXML($0) }.joined(), named: "summary/\(name).xlsx.xml")
        // No internal ids or statement syntax in the Norwegian summary.
        for forbidden in ["harmonise", "_750k", "a_familie", "national reference", "shared/data"] {
            #expect(!text.contains(forbidden), "«\(forbidden)» in the summary of \(name)")
        }
    }

    @Test("The same scenario gives the same bytes in HTML, xlsx, CSV and JSON, run after run", arguments: ["html", "xlsx", "csv", "json"])
    func byteIdentical(format: String) throws {
        let dir = try ExportStatementTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = Fixtures.root.appendingPathComponent("scenarios/laveste-nivaa.harmoni").path
        for name in ["a", "b"] {
            let run = try Executable.run(["run", "--output", "\(name).\(format)", scenario], in: dir)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.\(format)"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.\(format)"))
        #expect(a.count > 1000)
        #expect(a == b)
    }
}
