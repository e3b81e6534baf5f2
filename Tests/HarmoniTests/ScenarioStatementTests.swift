import Foundation
import Testing

@testable import Harmoni

@Suite("save, include, use dataset")
struct ScenarioStatementTests {
    /// A session working in a new temporary folder.
    static func session() -> (Session, String) {
        let folder = ScenarioFixtures.temporaryFolder()
        return (ScenarioFixtures.session(in: folder), folder)
    }

    @Test("save writes the canonical scenario below the working directory, creating folders, and says so")
    func save() {
        let (session, folder) = Self.session()
        let result = ScenarioFixtures.render(
            "let x = 3 000 kr/mnd\nharmonise sfo.* to lowest\nset trygghetsalarm.abonnement = 250 kr/mnd from 2021\nsave \"ut/s.harmoni\"",
            in: session)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.output.hasSuffix("Lagret scenariet (2 vedtak) i «ut/s.harmoni».\n"))
        let text = ScenarioFixtures.read(folder + "/ut/s.harmoni")
        #expect(
            text == """
                # Harmoni-scenario, lagret med «lagre».
                # Datasett: datasets/ (levert med Harmoni)
                # Kjør med «harmoni run FIL» eller «.load "FIL"» i REPL-en.
                # Vedtakene står i kanonisk form, i den rekkefølgen de ble gjort; «let»-navn er regnet ut.

                harmonise sfo.* to lowest
                set trygghetsalarm.abonnement = 250 kr/mnd from 2021

                """)
        #expect(ScenarioFixtures.listing(folder).count == 2, "the folder and the file, no temporary file left")
    }

    @Test("save never replaces a file without overwrite or --force; lagre … overskriv is the Norwegian spelling")
    func saveOverwrite() {
        let (session, folder) = Self.session()
        ScenarioFixtures.write("mine\n", folder + "/s.harmoni")
        let refused = ScenarioFixtures.render("harmonise sfo.* to lowest\nsave \"s.harmoni\"", in: session)
        #expect(
            refused.errors.contains("<test>:2:6: feil: «s.harmoni» finnes fra før; legg til «overwrite»"),
            "\(refused.errors)")
        #expect(ScenarioFixtures.read(folder + "/s.harmoni") == "mine\n")
        let replaced = ScenarioFixtures.render("lagre \"s.harmoni\" overskriv", in: session)
        #expect(replaced.errors.isEmpty, "\(replaced.errors)")
        #expect(ScenarioFixtures.read(folder + "/s.harmoni").hasSuffix("harmonise sfo.* to lowest\n"))
        ScenarioFixtures.write("mine\n", folder + "/s.harmoni")
        session.force = true
        #expect(ScenarioFixtures.render("save \"s.harmoni\"", in: session).errors.isEmpty)
        #expect(ScenarioFixtures.read(folder + "/s.harmoni").hasSuffix("harmonise sfo.* to lowest\n"))
    }

    @Test(
        "save writes only a .harmoni file below the working directory",
        arguments: [
            ("save \"../s.harmoni\"", "«..» er ikke lov i en filsti"),
            ("save \"/tmp/harmoni-save-test.harmoni\"", "er utenfor arbeidsmappen"),
            ("save \"s.txt\"", "en scenariofil skal slutte på .harmoni"),
            ("save \"s.harmoni\" now", "forventet «overwrite»"),
            ("save", "feil:"), ("save s.harmoni", "feil:"),
        ])
    func saveRefused(statement: String, message: String) {
        let (session, folder) = Self.session()
        let before = ScenarioFixtures.listing(folder)
        let result = ScenarioFixtures.render(statement, in: session)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(ScenarioFixtures.listing(folder) == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/harmoni-save-test.harmoni"))
    }

    @Test("Saved baseline corrections come before the decisions and reproduce the figure and the ledger")
    func saveBaseline() {
        let (session, folder) = Self.session()
        _ = ScenarioFixtures.render(
            "baseline hurum.sfo.plass_5d = 2 700 kr/mnd source \"Hurum kommune, prisliste\"\nharmonise sfo.* to mean\nsave \"b.harmoni\"",
            in: session)
        let text = ScenarioFixtures.read(folder + "/b.harmoni")
        #expect(
            text.hasSuffix(
                "\nbaseline hurum.sfo.plass_5d = 2 700 kr/mnd source \"Hurum kommune, prisliste\"\n\nharmonise sfo.* to mean\n"
            ))
        let loaded = ScenarioFixtures.session(in: folder)
        let result = ScenarioFixtures.render(text + "print hurum.sfo.plass_5d\n", in: loaded)
        #expect(result.errors.isEmpty)
        #expect(result.output.hasSuffix("2 700 kr/mnd\n"))
        #expect(
            Simulator.run(baseline: loaded.state.dataset, scenario: loaded.state.scenario)
                == Simulator.run(baseline: session.state.dataset, scenario: session.state.scenario))
    }

    @Test(
        "A dataset that is not the shipped one is saved as use dataset, relative to the saved file, and loads the same")
    func saveUseDataset() throws {
        let (session, folder) = Self.session()
        try FileManager.default.copyItem(atPath: Fixtures.datasetsFolder, toPath: folder + "/data")
        let first = ScenarioFixtures.render(
            "use dataset \"data\"\nbaseline asker.sfo.plass_5d = 2 900 kr/mnd source \"Asker\"\nharmonise sfo.* to asker\nsave \"ut/d.harmoni\"",
            in: session)
        #expect(first.errors.isEmpty, "\(first.errors)")
        let text = ScenarioFixtures.read(folder + "/ut/d.harmoni")
        #expect(text.contains("# Datasett: ../data\n"))
        #expect(
            text.contains("\nuse dataset \"../data\"\n\nbaseline asker.sfo.plass_5d = 2 900 kr/mnd source \"Asker\"\n"))
        #expect(!text.contains(folder), "no machine path")
        let loaded = ScenarioFixtures.session(in: folder)
        #expect(!ScenarioFixtures.run(text, named: "ut/d.harmoni", in: loaded).hasErrors)
        #expect(loaded.state.datasetPaths == [folder + "/data"])
        #expect(
            Simulator.run(baseline: loaded.state.dataset, scenario: loaded.state.scenario)
                == Simulator.run(baseline: session.state.dataset, scenario: session.state.scenario))
        let header = ScenarioWriter.Header(
            origin: ("lagret med «lagre»", "saved with «save»"), folder: folder + "/ut", workingDirectory: folder)
        #expect(ScenarioWriter.text(state: loaded.state, language: .nb, header: header) == text, "byte for byte")
    }

    @Test("The header has no clock time unless a date is given; control characters in a name cannot leave the comment")
    func header() {
        let session = Fixtures.session()
        session.state.scenario.name = "a\nharmonise sfo.* to highest\r\u{1B}[31m"
        let plain = ScenarioWriter.text(state: session.state, language: .nb, header: ScenarioFixtures.header)
        #expect(plain == ScenarioWriter.text(state: session.state, language: .nb, header: ScenarioFixtures.header))
        #expect(!plain.contains("Dato"))
        #expect(
            plain.hasPrefix("# Harmoni-scenario «a\u{FFFD}harmonise sfo.* to highest\u{FFFD}\u{FFFD}[31m», test.\n"))
        #expect(plain.contains("\nscenario \"a\\nharmonise sfo.* to highest\r\u{1B}[31m\"\n"))
        let loaded = Fixtures.session()
        _ = ScenarioFixtures.run(plain, named: "s.harmoni", in: loaded)
        #expect(loaded.state.scenario.decisions.isEmpty, "the name's line break made no decision")
        #expect(loaded.state.scenario.name == session.state.scenario.name)
        var dated = ScenarioFixtures.header
        dated.date = "2019-11-05"
        #expect(
            ScenarioWriter.text(state: session.state, language: .en, header: dated).contains("\n# Date: 2019-11-05\n"))
    }

    @Test("The REPL's .save writes the same canonical text as save")
    func replSaveUsesTheWriter() {
        let folder = ScenarioFixtures.temporaryFolder()
        let (loop, _, _) = ReplFixtures.loop(folder: folder)
        loop.handle("deflator 2021 = 2 %")
        ReplFixtures.decide(loop, "harmonise sfo.* to lowest")
        loop.handle(".save \"r.harmoni\"")
        let text = ScenarioFixtures.read(folder + "/r.harmoni")
        #expect(
            text.hasSuffix("\nscenario \"r\"\n\ndeflator 2021 = 2 %\n\nharmonise sfo.* to lowest\n"),
            "settings are saved too")
        #expect(text.contains("lagret fra REPL-en"))
    }

    @Test("include runs a file relative to the including file; its decisions and names join the session")
    func include() {
        let (session, folder) = Self.session()
        ScenarioFixtures.write("let felles = 250 kr/mnd\nharmonise sfo.* to lowest\n", folder + "/deler/felles.harmoni")
        ScenarioFixtures.write(
            "include \"deler/felles.harmoni\"\nset trygghetsalarm.abonnement = felles\n", folder + "/main.harmoni")
        let result = ScenarioFixtures.render("inkluder \"main.harmoni\"\nprint felles", in: session)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(
            session.state.scenario.decisions.map(\.canonicalStatement) == [
                "harmonise sfo.* to lowest", "set trygghetsalarm.abonnement = 250 kr/mnd",
            ])
        #expect(result.output.hasSuffix("250 kr/mnd\n"))
    }

    @Test("An include cycle is an error naming the chain, also through a symbolic link; nothing loops")
    func includeCycle() throws {
        let (session, folder) = Self.session()
        ScenarioFixtures.write("include \"b.harmoni\"\n", folder + "/a.harmoni")
        ScenarioFixtures.write("include \"a.harmoni\"\n", folder + "/b.harmoni")
        ScenarioFixtures.write("include \"lenke.harmoni\"\n", folder + "/c.harmoni")
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/lenke.harmoni", withDestinationPath: folder + "/c.harmoni")
        let cycle = ScenarioFixtures.render(
            ScenarioFixtures.read(folder + "/a.harmoni"), in: session, name: "a.harmoni")
        #expect(
            cycle.errors.contains(
                "b.harmoni:1:9: feil: «a.harmoni» inkluderer seg selv (syklus: a.harmoni → b.harmoni → a.harmoni)"),
            "\(cycle.errors)")
        let linked = ScenarioFixtures.render("include \"c.harmoni\"", in: session)
        #expect(linked.errors.contains("inkluderer seg selv (syklus: c.harmoni → c.harmoni)"), "\(linked.errors)")
    }

    @Test(
        "include reads only regular .harmoni files of a sane size",
        arguments: [
            ("include \"/etc/passwd\"", "er ikke en .harmoni-fil"),
            ("include \"mangler.harmoni\"", "fant ikke «mangler.harmoni»"),
            ("include \"mappe.harmoni\"", "er ikke en vanlig fil"),
            ("include \"/dev/null\"", "er ikke en .harmoni-fil"),
            ("include \"fifo.harmoni\"", "er ikke en vanlig fil"), ("include 1", "feil:"),
        ])
    func includeRefused(statement: String, message: String) {
        let (session, folder) = Self.session()
        try? FileManager.default.createDirectory(atPath: folder + "/mappe.harmoni", withIntermediateDirectories: true)
        mkfifo(folder + "/fifo.harmoni", 0o600)
        let result = ScenarioFixtures.render(statement, in: session)
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test("An error inside an included file is shown with that file's name, line and excerpt")
    func includeError() {
        let (session, folder) = Self.session()
        ScenarioFixtures.write("print 1\nharmonise brannvesen.* to lowest\n", folder + "/feil.harmoni")
        let result = ScenarioFixtures.render("include \"feil.harmoni\"", in: session)
        #expect(result.errors.contains("feil.harmoni:2:11: feil: «brannvesen.*» er verken"), "\(result.errors)")
        #expect(result.errors.contains("  2 | harmonise brannvesen.* to lowest\n"))
    }

    @Test(
        "use dataset switches to another dataset folder; a missing or broken one is an error and the session keeps its own"
    )
    func useDataset() throws {
        let (session, folder) = Self.session()
        try FileManager.default.copyItem(atPath: Fixtures.datasetsFolder, toPath: folder + "/data")
        ScenarioFixtures.write("fee asker.sfo.x {\n  value = 2.990 kr\n}\n", folder + "/broken/a.harmoni")
        let refused = ScenarioFixtures.render(
            "use dataset \"mangler\"\nuse dataset \"broken\"\nuse dataset \"/etc/passwd\"\nuse data \"x\"", in: session)
        #expect(refused.errors.contains("<test>:1:13: feil: fant ikke «mangler»"), "\(refused.errors)")
        #expect(refused.errors.contains("<test>:2:13: feil: datasettet «broken» kan ikke brukes"))
        #expect(refused.errors.contains("<test>:3:13: feil: «/etc/passwd» er ikke en .harmoni-fil"))
        #expect(refused.errors.contains("<test>:4:5: feil:"))
        #expect(session.state.datasetPaths == [Fixtures.datasetsFolder])
        _ = ScenarioFixtures.render("baseline hurum.sfo.plass_5d = 2 700 kr/mnd source \"x\"", in: session)
        let switched = ScenarioFixtures.render("use dataset \"data\"\nprint hurum.sfo.plass_5d", in: session)
        #expect(switched.errors.isEmpty, "\(switched.errors)")
        #expect(switched.output == "2 568 kr/mnd\n", "the new dataset, without the old correction")
        #expect(session.state.baselineCorrections.isEmpty)
    }
}
