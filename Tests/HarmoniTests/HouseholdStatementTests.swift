import Foundation
import Testing

@testable import Harmoni

/// `show households`, the before/after `show household`, `show impact by household` and the report.
/// Golden files under `__Snapshots__/households/`; re-record with `RECORD_GOLDEN=1` and review.
@Suite("Household statements")
struct HouseholdStatementTests {
    /// The fixed scenario of the golden files: a price harmonisation (estimates spread), a rule
    /// adoption and a phased line.
    static let scenario = """
        harmonise sfo.* to lowest
        harmonise sfo.moderasjon to asker
        harmonise barnehage.kost to asker over 2020...2021

        """

    @Test("show households on a fixed scenario", arguments: ["", " in 2020", " in 2021 nominal"])
    func householdsGolden(options: String) {
        let result = Fixtures.run(Self.scenario + "show households" + options)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let name = options.isEmpty ? "households" : "households" + options.replacingOccurrences(of: " ", with: "-")
        Golden.assertMatches(result.output, named: "households/\(name).txt")
    }

    @Test("show households in English")
    func householdsEnglish() {
        let session = Fixtures.session()
        session.state.language = .en
        let result = Fixtures.run(Self.scenario + "show households", in: session)
        #expect(result.errors.isEmpty, "\(result.errors)")
        Golden.assertMatches(result.output, named: "households/households-en.txt")
    }

    @Test(
        "show household shows before and after once the scenario has decisions",
        arguments: ["a_familie_750k", "b_enslig_300k"])
    func householdGolden(id: String) {
        let result = Fixtures.run(Self.scenario + "show household \"\(id)\"")
        #expect(result.errors.isEmpty, "\(result.errors)")
        Golden.assertMatches(result.output, named: "households/household-\(id).txt")
    }

    @Test("show impact by household: the change per year")
    func impactGolden() {
        let result = Fixtures.run(Self.scenario + "show impact by household")
        #expect(result.errors.isEmpty, "\(result.errors)")
        Golden.assertMatches(result.output, named: "households/impact-by-household.txt")
    }

    @Test("Without decisions show household is the plain 2019 table; an option asks for before/after")
    func withoutDecisions() throws {
        let plain = Fixtures.run("show household \"b_enslig_300k\"").output
        #expect(plain.hasPrefix("Typehusholdning Enslig forsørger, 300 000 kr – årlig kostnad 2019 inkl. mva"))
        let lifted = Fixtures.run("show household \"b_enslig_300k\" in 2021").output
        #expect(lifted.hasPrefix("Typehusholdning Enslig forsørger, 300 000 kr – årlig kostnad 2021 før og etter vedtakene"))
        #expect(lifted.contains("Ingen av vedtakene endrer husholdningens kostnad i 2021."))
        // Before = after: 9 505,32 + 3 245 + 14 655 = 27 405,32 in Asker (see HouseholdChangeTests).
        // The Sum row, whatever the width of the post column.
        let sum = try #require(lifted.split(separator: "\n").first { $0.hasPrefix("Sum ") })
        #expect(sum.split(separator: " ", omittingEmptySubsequences: true).prefix(11).joined(separator: " ")
            == "Sum 27 405,32 kr 27 405,32 kr 0 kr 0 %")
    }

    @Test("The table keys are stable")
    func keys() throws {
        let session = Fixtures.session()
        _ = session.run(SourceFile(name: "<test>", text: Self.scenario))
        let result = session.run(
            SourceFile(
                name: "<test>", text: "show household b_enslig_300k\nshow households\nshow impact by household in 2021")
        )
        let tables = result.outputs.compactMap { if case .table(let t) = $0 { t } else { nil } }
        try #require(tables.count == 3)
        #expect(tables[0].kind == "household_change")
        #expect(tables[0].columns.map(\.key) == HouseholdChange.columnKeys(["asker", "royken", "hurum"]))
        #expect(
            Array(tables[0].columns.map(\.key).prefix(5)) == [
                "line", "asker_before", "asker_after", "asker_change", "asker_change_pct",
            ])
        #expect(tables[1].kind == "household_summary")
        #expect(tables[1].columns.map(\.key) == HouseholdChange.summaryColumnKeys)
        #expect(tables[1].rows.count == 15, "five households × three municipalities")
        #expect(tables[2].kind == "household_impact")
        #expect(tables[2].columns.map(\.key) == ["household", "municipality", "y2021"])
    }

    @Test(
        "Options are checked at the word",
        arguments: [
            ("show households in 2030", "året 2030 er utenfor perioden"),
            ("show households per år", "forventet «i <år>» eller «løpende»"),
            ("show household b_enslig_300k in 2019", "året 2019 er utenfor perioden"),
            ("show household b_enslig_300k fast", "forventet «i <år>» eller «løpende»"),
            ("show impact by people", "«household»"),
        ])
    func errors(_ statement: String, _ message: String) {
        let result = Fixtures.run(statement)
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test("Norwegian words: vis, i, løpende, faste")
    func norwegian() throws {
        let english = Fixtures.run(Self.scenario + "show households in 2021 nominal").output
        #expect(Fixtures.run(Self.scenario + "vis households i 2021 løpende").output == english)
        let fixed = Fixtures.run(Self.scenario + "show households in 2021").output
        let table = try #require(fixed.range(of: "Typehusholdningene – ")).lowerBound
        let overridden = Fixtures.run(Self.scenario + "prices nominal\nshow households in 2021 faste").output
        #expect(overridden.hasSuffix(fixed[table...]))
    }

    @Test("export report includes the households' before/after summary when the scenario has decisions")
    func report() throws {
        let dir = NSTemporaryDirectory() + "harmoni-households-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = Fixtures.session()
        session.workingDirectory = dir
        let result = Fixtures.run(Self.scenario + "export report to \"r.html\"", in: session)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let html = try String(contentsOfFile: dir + "/r.html", encoding: .utf8)
        #expect(html.contains("<h2>Typehusholdningene før og etter vedtakene</h2>"))
        #expect(html.contains("Typehusholdningene – årlig kostnad 2023 før og etter vedtakene, inkl. mva"))
        #expect(html.contains("Typehusholdning Enslig forsørger, 300 000 kr – årlig kostnad 2023 før og etter vedtakene"))
        let plain = Fixtures.session()
        plain.workingDirectory = dir
        _ = Fixtures.run("export report to \"p.html\"", in: plain)
        let without = try String(contentsOfFile: dir + "/p.html", encoding: .utf8)
        #expect(!without.contains("Typehusholdningene før og etter vedtakene"))
    }
}
