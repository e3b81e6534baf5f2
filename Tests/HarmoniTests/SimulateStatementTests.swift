import Testing

@testable import Harmoni

@Suite("Simulate statements")
struct SimulateStatementTests {
    /// Runs statements in a fresh session; returns the session and the rendered errors.
    static func session(_ text: String) -> (Session, [Diagnostic]) {
        let session = Fixtures.session()
        let result = session.run(SourceFile(name: "<test>", text: text))
        return (session, result.diagnostics)
    }

    @Test(
        "Each decision statement has a canonical form that reads back as the same decision",
        arguments: [
            (
                "harmoniser sfo.* til asker over 2020...2021 avrund 1 kr",
                "harmonise sfo.* to asker over 2020...2021 round 1 kr"
            ),
            ("harmonise vann.* to weighted each", "harmonise vann.* to weighted each"),
            ("harmonise sfo.* by -5 %", "harmonise sfo.* by -5 %"),
            ("harmonise sfo.* med 2,5 %", "harmonise sfo.* by 2,5 %"),
            ("harmonise sfo.* to laveste fra 2021 avrund 10 kr", "harmonise sfo.* to lowest from 2021 round 10 kr"),
            ("harmonise sfo.plass_5d to 30 000 kr/år", "harmonise sfo.plass_5d to 30 000 kr/år annual"),
            ("harmonise sfo.* to asker årlig", "harmonise sfo.* to asker annual"),
            ("sett hurum.sfo.plass_5d = 2 990 kr/mnd fra 2021", "set hurum.sfo.plass_5d = 2 990 kr/mnd from 2021"),
            (
                "harmonise sfo.plass_5d to asker path [25 %, 50 %, 100 %] from 2021",
                "harmonise sfo.plass_5d to asker path [25 %, 50 %, 100 %] from 2021"
            ),
            (
                "harmonise sfo.plass_5d to asker from 2021 path [50 %, 100 %]",
                "harmonise sfo.plass_5d to asker path [50 %, 100 %] from 2021"
            ),
            ("løs kulturskole.* nøytral i 2021 avrund 10 kr", "solve kulturskole.* neutral in 2021 round 10 kr"),
            ("solve sfo.* = 40 000 000 kr", "solve sfo.* = 40 000 000 kr"),
            (
                "dekningsgrad barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5 i royken = 90 % fra 2022",
                "coverage barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5 in royken = 90 % from 2022"
            ),
            (
                "coverage praktisk_bistand.mottakere_per_1000_innbyggere in hurum = 20",
                "coverage praktisk_bistand.mottakere_per_1000_innbyggere in hurum = 20"
            ),
            ("harmonise sfo.moderasjon to asker from 2021", "harmonise sfo.moderasjon to asker from 2021"),
            ("harmonise oppvekst to mean", "harmonise oppvekst to mean"),
            (
                "harmonise driftstilskudd_private_barnehager.* to royken",
                "harmonise driftstilskudd_private_barnehager.* to royken"
            ),
            (
                "harmonise renovasjon.komposteringsfratrekk to -300 kr/år",
                "harmonise renovasjon.komposteringsfratrekk to -300 kr/år"
            ),
            ("harmonise renovasjon.* by 2 % each", "harmonise renovasjon.* by 2 % each"),
        ])
    func canonicalRoundTrip(_ input: String, _ canonical: String) throws {
        let (session, errors) = Self.session(input)
        #expect(errors.isEmpty, "\(errors.map(\.message.en))")
        let decision = try #require(session.state.scenario.decisions.first)
        #expect(decision.canonicalStatement == canonical)
        let (again, againErrors) = Self.session(canonical)
        #expect(againErrors.isEmpty)
        #expect(again.state.scenario.decisions == [decision])
    }

    @Test("Settings are kept and written back as statements; decisions mark the scenario unsaved")
    func settings() {
        let (session, errors) = Self.session(
            "periode 2020...2022\ndeflator 2021 = 0 %\nprices nominal\ngrowth sfo = 1,5 %\ngrowth all = population age_1_5\nharmonise sfo.* to lowest"
        )
        #expect(errors.isEmpty, "\(errors.map(\.message.en))")
        let scenario = session.state.scenario
        #expect(scenario.period == 2020...2022 && scenario.prices == .nominal && scenario.hasUnsavedChanges)
        #expect(
            scenario.canonicalStatements == [
                "period 2020...2022", "deflator 2021 = 0 %", "prices nominal", "growth sfo = 1,5 %",
                "growth all = population age_1_5", "harmonise sfo.* to lowest",
            ])
    }

    @Test(
        "Wrong decisions are errors at the word that is wrong, and nothing is recorded",
        arguments: [
            ("harmonise brannvesen.* to lowest", "unknown-target", 11),
            ("harmonise renovasjon.* to lowest", "no-common-line", 11),
            ("harmonise sfo.* to 2 990 kr", "period-mismatch", 11),
            ("harmonise sfo.* to lowest from 2030", "year-outside-period", 11),
            ("harmonise sfo.* to lowest path [50 %, 90 %]", "path", 32),
            ("harmonise sfo.* to lowest from 2021 over 2021...2022", "phasing", 27),
            ("harmonise sfo.* by 2 000 %", "out-of-range", 11),
            ("harmonise sfo.moderasjon to lowest", "rule-needs-municipality", 29),
            ("coverage sfo.andel_sfo_elever_med_fulltidsplass in asker = 60 %", "coverage-without-volume", 10),
            ("coverage barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5 in asker = 90", "coverage-unit", 10),
            ("solve praktisk_bistand.timepris neutral", "missing-volume", 7),
            ("set sfo.plass_5d = 10 %", "type", 20),
            ("show impact by year", "unexpected-token", 16),
            ("deflator 2019 = 1 %", "deflator", 10),
        ])
    func errors(_ input: String, _ code: String, _ column: Int) throws {
        let (session, errors) = Self.session(input)
        let error = try #require(errors.first)
        #expect(error.message.code == code, "\(error.message.en)")
        let file = SourceFile(name: "<test>", text: input)
        #expect(file.location(of: error.range.start).column == column, "\(error.message.en)")
        #expect(session.state.scenario.decisions.isEmpty && !session.state.scenario.hasUnsavedChanges)
    }

    @Test("solve reports the level and the residual within one rounding step")
    func solveOutput() {
        let (output, errors) = Fixtures.run("solve kulturskole.* neutral round 10 kr")
        #expect(errors.isEmpty)
        // Goal: 2 639 × 2 × 1 222 + 2 690 × 2 × 433 + 2 665 × 2 × 160 = 9 632 056 kr; at 2 650 kr per
        // semester 1 815 pupils × 5 300 = 9 619 500 kr (residual −12 556); at 2 660: 9 655 800 (+23 744).
        #expect(output.contains("2 650 kr/semester"))
        #expect(output.contains("9 632 056 kr") && output.contains("-12 556 kr"))
    }

    @Test("show impact on the fixed scenario matches its golden files")
    func impactGolden() {
        let (detail, errors) = Fixtures.run(BudgetTests.scenario + "\nshow impact in 2021")
        #expect(errors.isEmpty, "\(errors)")
        Golden.assertMatches(detail, named: "simulate/impact-2021.txt")
        let (byArea, _) = Fixtures.run(BudgetTests.scenario + "\nshow impact by area")
        Golden.assertMatches(byArea, named: "simulate/impact-by-area.txt")
        let session = Fixtures.session()
        session.state.language = .en
        let (byMunicipality, _) = Fixtures.run(
            BudgetTests.scenario + "\nshow impact by municipality in 2023 nominal", in: session)
        Golden.assertMatches(byMunicipality, named: "simulate/impact-by-municipality-2023-nominal-en.txt")
    }

    @Test("The impact table's totals come from its lines and use stable column keys")
    func impactTable() throws {
        let ledger = try SimulatorTests.ledger(BudgetTests.scenario)
        let table = ImpactReport.table(ledger, dataset: Fixtures.dataset, grouping: .municipality, year: 2020)
        #expect(
            table.columns.map(\.key) == [
                "group", "year", "revenue_before", "revenue_after", "revenue_change", "cost_change", "net_effect",
                "missing",
            ])
        let sum = try #require(table.rows.last)
        // The sum is marked with the weakest status of the lines it adds up (≈ when one is an estimate).
        let weakest = ledger.lines.filter { $0.year == 2020 }.map(\.status).max() ?? .published
        #expect(sum[6] == .money(ledger.total { $0.year == 2020 }.netEffect, status: weakest))
        #expect(weakest == .estimated)
        let detail = ImpactReport.table(ledger, dataset: Fixtures.dataset)
        #expect(detail.columns.map(\.key).contains("change_per_user") && detail.columns.map(\.key).contains("decision"))
    }

    @Test("harmoni -e runs decisions and shows the impact end to end")
    func endToEnd() throws {
        let result = try Executable.run(
            ["-e", "harmonise sfo.* to asker\nshow impact by municipality in 2020"], in: "/")
        #expect(result.status == 0, "\(result.stderr)")
        // Røyken 2020: 5-day (2 931 − 3 493) × 11 × 435 = −2 689 170; 4-day (2 344 − 2 794) × 11 × 170
        // = −841 500; 3-day 2 098 × 2 931 / 3 493 = 1 760,45… → 1 760: (1 760 − 2 098) × 11 × 169 = −628 342.
        // Sum −4 159 012 kr.
        #expect(result.stdout.contains("Røyken") && result.stdout.contains("-4 159 012 kr"))
    }
}
