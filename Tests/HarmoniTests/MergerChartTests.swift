import Foundation
import Testing

@testable import Harmoni

/// Charts of another merger than nye Asker: the comparison's municipality columns are the series,
/// whatever the municipalities are called (no fixed asker/royken/hurum keys).
@Suite("Charts for any merger", .enabled(if: SharedData.isPresent, "../shared/data is not on this machine"))
struct MergerChartTests {
    @Test("show diff sfo on the filled nye Kristiansand scaffold is charted per old municipality")
    func kristiansand() throws {
        let folder = DataRequestTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scaffold = try MergerScaffold.make("4204", datasetsFolder: Fixtures.datasetsFolder).get()
        let datasets = folder + "/nye-kristiansand"
        try #require(throws: Never.self) { try scaffold.write(to: datasets, force: false).get() }
        let (loaded, load) = Session.load(datasetPaths: [datasets])
        let session = try #require(loaded, "\(load.diagnostics.prefix(2))")
        session.workingDirectory = folder
        #expect(Fixtures.run("export datarequest to \"dr.csv\"", in: session).errors.isEmpty)
        let text = try String(contentsOfFile: folder + "/dr.csv", encoding: .utf8)
        try DataRequestTests.fill(text, DataRequestTests.testValues).write(toFile: folder + "/filled.csv", atomically: true, encoding: .utf8)
        #expect(Fixtures.run("baseline import \"filled.csv\"", in: session).errors.isEmpty)

        let result = session.run(SourceFile(name: "<test>", text: "show diff sfo"))
        let table = try #require(result.outputs.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.seriesKeys == ["kristiansand", "songdalen", "sogne"])
        let chart = try #require(BarChart.suggested(for: table))
        let headings = ["kristiansand", "songdalen", "sogne"].compactMap { key in table.columns.first { $0.key == key }?.heading }
        #expect(headings.count == 3)
        #expect(chart.series == headings, "\(chart.series)")
        #expect(chart.categories.contains { $0.lowercased().contains("5") }, "\(chart.categories)")
    }
}
