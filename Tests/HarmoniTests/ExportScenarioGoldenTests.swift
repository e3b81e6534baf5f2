import Foundation
import Testing

@testable import Harmoni

/// Golden files for every export format on a fixed scenario run on the shipped datasets, so a
/// change anywhere from the dataset to the exporter shows up as a reviewed diff.
@Suite("Exports of a fixed scenario")
struct ExportScenarioGoldenTests {
    /// SFO to the lowest level, Asker's SFO moderation everywhere; the comparison, the impact,
    /// the skyggebudsjett and the households.
    static let scenario = """
        scenario "Golden: SFO til laveste nivå"
        harmonise sfo.* to lowest
        harmonise sfo.moderasjon to asker
        show diff sfo
        show impact by area
        show budget
        show households
        """

    static func tables() throws -> [Table] {
        let session = Fixtures.session()
        let result = session.run(SourceFile(name: "golden.harmoni", text: scenario))
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message.en))")
        return result.outputs.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    @Test("The fixed scenario in each format matches its golden file", arguments: ExportFormat.allCases)
    func golden(format: ExportFormat) throws {
        let tables = try Self.tables()
        #expect(tables.count >= 5, "diff, findings, impact, budget and households")
        var text = Exporter.export(tables, as: format, title: "Golden: SFO til laveste nivå")
        // Foundation drops a byte-order mark when reading the golden file; the mark is checked apart.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        Golden.assertMatches(text, named: "export/scenario.\(format.rawValue)")
    }

    @Test("The exported CSV starts with the byte-order mark and the HTML has no scripts or external resources")
    func wellFormed() throws {
        let tables = try Self.tables()
        #expect(Exporter.export(tables, as: .csv).hasPrefix("\u{FEFF}"))
        let html = Exporter.export(tables, as: .html, title: "t")
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=\"http"))
        #expect(html.contains("<svg"))
    }
}
