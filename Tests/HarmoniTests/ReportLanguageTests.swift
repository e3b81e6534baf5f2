import Foundation
import Testing

@testable import Harmoni

/// The report in each language: the English one (`--lang en`) as a golden file with no Norwegian
/// report text, the Norwegian one without internal ids or English phrases; the scenario's own date
/// (`scenario "…" dated …`) in the first line; display names, charts that answer questions.
@Suite("Report language, display names, scenario date and charts")
struct ReportLanguageTests {
    static let scenario = Fixtures.root.appendingPathComponent("scenarios/hp2020-radmannens-prinsipper.harmoni").path

    /// The report's visible text before the sources section (no style sheet, no tags).
    static func visibleText(_ html: String) -> String {
        // The sources keep their own titles and addresses (in the language they were published in).
        var text = html.components(separatedBy: "<section id=\"kilder\">").first ?? html
        if let start = text.range(of: "<style>"), let end = text.range(of: "</style>") { text.removeSubrange(start.lowerBound..<end.upperBound) }
        return text.replacingOccurrences(of: "<[^>]+>", with: "\n", options: .regularExpression)
    }

    static func report(_ arguments: [String]) throws -> String {
        let dir = try ExportStatementTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try Executable.run(["run"] + arguments + ["--output", "r.html", scenario], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        return try String(contentsOfFile: dir + "/r.html", encoding: .utf8)
    }

    @Test("--lang en gives an English report: golden file, no Norwegian report words")
    func english() throws {
        let html = try Self.report(["--lang", "en"])
        Golden.assertMatches(html, named: "report/hp2020-radmannens-prinsipper-en.html")
        let text = Self.visibleText(html)
        for norwegian in [
            "Sammendrag", "Innhold", "Kilder", "Ikke med", "Periode ", "Scenariets dato", "Typehusholdning", "Skyggebudsjett",
            "Slik leses", "inntektsvirkningen", "mangler", "estimert", "Vedtak:", "Husholdning:", "To voksne", "moderasjonsregler",
            "Før", "Etter", "årlig kostnad",
        ] {
            #expect(!text.contains(norwegian), "«\(norwegian)» in the English report")
        }
        #expect(text.contains("Scenario dated 5 November 2019"))
    }

    @Test("The Norwegian report holds no rule ids, English household texts or English statuses")
    func norwegian() throws {
        let html = try Self.report([])
        let text = Self.visibleText(html)
        for forbidden in [
            "reduction_income", "threshold_", "Two adults", "Single parent", "Single pensioner", "netto_driftsramme",
            "sum_kultur", ", estimated)", "status estimated", "from_subject_2", "stipulert_forbruk", "(asker_",
        ] {
            #expect(!text.contains(forbidden), "«\(forbidden)» in the Norwegian report")
        }
        #expect(text.contains("Scenariets dato 5. november 2019"))
        #expect(text.contains("reduksjon ved inntekt under 2,8 G = 75 %"))
        // One before/after chart per typical household, municipalities as categories.
        #expect(html.contains("<title>Familie, 3 barn, 750 000 kr: årlig kostnad"))
        #expect(html.contains("<title>SSBs standardbolig: årlig kostnad"))
    }

    @Test("«scenario … dated …» sets the date, is saved with the name, and a non-date is an error")
    func dated() throws {
        let session = Fixtures.session()
        let ok = session.run(SourceFile(name: "<t>", text: "scenario \"x\" dated 2019-11-05\n"))
        #expect(!ok.hasErrors)
        #expect(session.state.scenario.date == CalendarDate(year: 2019, month: 11, day: 5))
        let saved = ScenarioWriter.text(state: session.state, language: .nb, header: ScenarioWriter.Header())
        #expect(saved.contains("\nscenario \"x\" dated 2019-11-05\n"))
        let bad = Fixtures.session().run(SourceFile(name: "<t>", text: "scenario \"x\" dated 5\n"))
        #expect(bad.hasErrors)
        let undated = Fixtures.session()
        _ = undated.run(SourceFile(name: "<t>", text: "scenario \"x\"\n"))
        #expect(undated.state.scenario.date == nil)
    }

    @Test("Display names: rule parameters, rules, budget measures; unknown ids fall back to words")
    func displayNames() {
        #expect(DisplayNames.ruleParameter("threshold_75pct_G", nb: true) == "inntektsgrense for 75 % (G)")
        #expect(DisplayNames.ruleParameter("threshold_75pct_G", nb: false) == "income limit for 75 % (G)")
        #expect(DisplayNames.ruleAssignment("reduction_income_under_2_8G = 75 %", nb: true) == "reduksjon ved inntekt under 2,8 G = 75 %")
        #expect(DisplayNames.ruleAssignment("no assignment", nb: true) == "no assignment")
        #expect(DisplayNames.rule("moderasjon", nb: true) == "moderasjonsregler")
        #expect(DisplayNames.budgetMeasure("netto_driftsramme_estimat", nb: true) == "netto driftsramme, anslag")
        #expect(DisplayNames.ruleParameter("ny_regel_x", nb: true) == "ny regel x")
        #expect(DisplayNames.status(.carriedForward, nb: true) == "framskrevet")
    }

    @Test("Long chart labels take two lines at a word boundary instead of being cut")
    func wrappedLabels() {
        #expect(BarChartLayout.wrapped("Klima, miljø og tekniske tjenester") == ["Klima, miljø og tekniske", "tjenester"])
        #expect(BarChartLayout.wrapped("Asker") == ["Asker"])
        let layout = BarChartLayout(
            BarChart(title: "t", categories: ["Klima, miljø og tekniske tjenester"], series: ["2020"], values: [[.money(Money(kroner: 5))]]))
        let categories = layout.labels.filter { $0.role == .category }
        #expect(categories.map(\.text) == ["Klima, miljø og tekniske", "tjenester"])
        #expect(categories[1].y > categories[0].y)
        #expect(layout.height > layout.plotBottom)
    }

    @Test("A household summary gives one before/after chart per household")
    func householdCharts() {
        var table = Table(
            kind: "household_summary", title: "Typehusholdningene – årlig kostnad 2023 før og etter vedtakene, inkl. mva",
            columns: [
                Column("household", "Husholdning"), Column("municipality", "Kommune"), Column("before", "Før", .right),
                Column("after", "Etter", .right),
            ])
        table.rows = [
            [.text("A"), .text("Asker"), .money(Money(kroner: 10)), .money(Money(kroner: 12))],
            [.text("A"), .text("Hurum"), .money(Money(kroner: 11)), .money(Money(kroner: 12))],
            [.text("B"), .text("Asker"), .missing(), .missing()],
        ]
        let charts = BarChart.householdsBeforeAfter(table)
        #expect(charts.count == 1)
        #expect(charts.first?.categories == ["Asker", "Hurum"])
        #expect(charts.first?.series == ["Før", "Etter"])
        #expect(charts.first?.title == "A: årlig kostnad 2023 før og etter vedtakene (kr, inkl. mva)")
    }
}
