import Foundation
import HarmoniReport
import Testing

@testable import Harmoni

@Suite("compare: two scenario files side by side")
struct CompareScenarioTests {
    /// Runs `compare` in a session working in `folder`; the outputs and rendered errors.
    static func compare(_ statement: String, in folder: String) -> (tables: [Table], errors: String, session: Session) {
        let session = ScenarioFixtures.session(in: folder)
        let file = SourceFile(name: "<test>", text: statement)
        let result = session.run(file)
        let tables = result.outputs.compactMap { if case .table(let t) = $0 { t } else { nil } }
        let errors = DiagnosticRenderer().render(result.diagnostics, files: result.files)
        return (tables, errors, session)
    }

    static func folder(_ files: [String: String]) -> String {
        let folder = ScenarioFixtures.temporaryFolder()
        for (name, text) in files { ScenarioFixtures.write(text, folder + "/" + name) }
        return folder
    }

    @Test("compare shows the statements only in A or B and the netto effects that differ, with stable column keys")
    func differences() throws {
        let folder = Self.folder([
            "a.harmoni": "harmonise sfo.* to lowest\nharmonise kulturskole.* to asker\n",
            "b.harmoni": "harmonise kulturskole.* to asker\ndeflator 2021 = 2 %\nharmonise sfo.* to highest\n",
        ])
        let (tables, errors, _) = Self.compare("compare \"a.harmoni\" \"b.harmoni\"", in: folder)
        #expect(errors.isEmpty, "\(errors)")
        let decisions = try #require(tables.first)
        #expect(decisions.kind == "compare-decisions")
        #expect(decisions.columns.map(\.key) == ["only_in", "scenario", "statement"])
        #expect(
            decisions.rows == [
                [.text("A"), .text("a.harmoni"), .text("harmonise sfo.* to lowest")],
                [.text("B"), .text("b.harmoni"), .text("deflator 2021 = 2 %")],
                [.text("B"), .text("b.harmoni"), .text("harmonise sfo.* to highest")],
            ])
        let impact = try #require(tables.last)
        #expect(impact.kind == "compare-impact")
        #expect(impact.columns.map(\.key) == ["group", "year", "net_effect_a", "net_effect_b", "difference"])
        // SFO differs in every year; kulturskole is the same decision in both, but B's 2021 deflator
        // of 2 % changes its level from 2021, so it differs from 2021 on.
        let groups = impact.rows.map { row -> String in if case .text(let t) = row[0] { t } else { "" } }
        #expect(groups.filter { $0 == "SFO" }.count == 4)
        #expect(groups.filter { $0 == "Sum" }.count == 4)
        for row in impact.rows {
            guard case .money(let a, _, _) = row[2], case .money(let b, _, _) = row[3],
                case .money(let d, _, _) = row[4]
            else {
                Issue.record("not money: \(row)")
                continue
            }
            #expect(d == b - a)
        }
        #expect(impact.notes.first == "A = a.harmoni; B = b.harmoni.")
    }

    @Test("A scenario compared with itself differs in nothing, and the notes say so")
    func same() {
        let (tables, errors, _) = Self.compare(
            "compare \"scenarios/laveste-nivaa.harmoni\" \"scenarios/laveste-nivaa.harmoni\"", in: Fixtures.root.path)
        #expect(errors.isEmpty, "\(errors)")
        #expect(tables.count == 2)
        #expect(tables.allSatisfy { $0.rows.isEmpty })
        #expect(tables[0].notes.contains("De to scenariene har de samme vedtakene."))
        #expect(tables[1].notes.contains("De to scenariene har samme virkning."))
    }

    @Test("compare by area and by municipality group the impacts so; nominal changes the price basis")
    func grouping() {
        let statement =
            "sammenlign \"scenarios/hp2020-radmannens-prinsipper.harmoni\" \"scenarios/laveste-nivaa.harmoni\""
        let byArea = Self.compare(statement + " by area", in: Fixtures.root.path)
        #expect(byArea.errors.isEmpty, "\(byArea.errors)")
        let areas = Set(
            byArea.tables[1].rows.compactMap { row -> String? in if case .text(let t) = row[0] { t } else { nil } })
        // Klima too since issue 11: Røyken's and Hurum's VA (Lier's rates) differ from Asker's.
        #expect(areas == ["Klima, miljø og tekniske tjenester", "Oppvekst, undervisning, kunnskap", "Kultur, idrett, frivillighet", "Sum"])
        let byMunicipality = Self.compare(statement + " etter kommune nominal", in: Fixtures.root.path)
        #expect(byMunicipality.errors.isEmpty, "«etter» is Norwegian for «by»: \(byMunicipality.errors)")
        let nominal = Self.compare(statement + " by municipality nominal", in: Fixtures.root.path)
        #expect(nominal.errors.isEmpty, "\(nominal.errors)")
        #expect(nominal.tables[1].rows.first.map { $0[0] } == .text("Asker"))
        #expect(nominal.tables == byMunicipality.tables)
        #expect(nominal.tables[1].notes.contains { $0.hasPrefix("A: Løpende kroner") })
        #expect(
            Self.compare(statement + " by year", in: Fixtures.root.path).errors.contains(
                "forventet «service», «area» eller «municipality»"))
    }

    @Test("compare never writes, never changes the session's scenario, and says how many writes it skipped")
    func noSideEffects() {
        let folder = Self.folder([
            "a.harmoni": "harmonise sfo.* to lowest\nexport diff sfo to \"a.csv\"\nsave \"kopi.harmoni\"\n",
            "b.harmoni": "harmonise sfo.* to highest\n",
        ])
        let before = ScenarioFixtures.listing(folder)
        let (tables, errors, session) = Self.compare("compare \"a.harmoni\" \"b.harmoni\"", in: folder)
        #expect(errors.isEmpty, "\(errors)")
        #expect(ScenarioFixtures.listing(folder) == before)
        #expect(session.state.scenario.decisions.isEmpty)
        #expect(session.state.pendingWrites.isEmpty)
        #expect(
            tables[0].notes.contains("«compare» skriver aldri: 2 export/save-setning(er) i scenariene ble ikke utført.")
        )
    }

    @Test(
        "compare errors: unreadable files, an error inside a compared file (shown there), a file comparing itself",
        arguments: [
            ("compare \"mangler.harmoni\" \"b.harmoni\"", "<test>:1:9: feil: fant ikke «mangler.harmoni»"),
            ("compare \"/etc/passwd\" \"b.harmoni\"", "er ikke en .harmoni-fil"),
            ("compare \"a.harmoni\"", "<test>:1:20: feil: forventet en tekst i anførselstegn"),
            ("compare \"b.harmoni\" \"feil.harmoni\"", "feil.harmoni:2:11: feil: «brannvesen.*»"),
            ("compare \"b.harmoni\" \"syntaks.harmoni\"", "syntaks.harmoni:1:"),
            ("compare \"selv.harmoni\" \"b.harmoni\"", "selv.harmoni:1:9: feil: «selv.harmoni» sammenligner seg selv"),
        ])
    func errors(statement: String, message: String) {
        let folder = Self.folder([
            "a.harmoni": "harmonise sfo.* to lowest\n", "b.harmoni": "harmonise sfo.* to highest\n",
            "feil.harmoni": "print 1\nharmonise brannvesen.* to lowest\n", "syntaks.harmoni": "print (1 +\n",
            "selv.harmoni": "compare \"selv.harmoni\" \"b.harmoni\"\n",
        ])
        let (tables, errors, _) = Self.compare(statement, in: folder)
        #expect(tables.isEmpty)
        #expect(errors.contains(message), "\(errors)")
    }
}
