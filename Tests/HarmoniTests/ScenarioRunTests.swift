import Foundation
import Testing

@testable import Harmoni

@Suite("harmoni run: writes only after a run without errors")
struct ScenarioRunWriteTests {
    @Test("export and save in a run are written at the end, and not at all when any statement failed")
    func staged() throws {
        let folder = ScenarioFixtures.temporaryFolder()
        ScenarioFixtures.write(
            "harmonise sfo.* to lowest\nexport impact by area to \"ut/virkning.csv\"\nsave \"ut/kopi.harmoni\"\n",
            folder + "/ok.harmoni")
        ScenarioFixtures.write(
            "export diff sfo to \"ut/sfo.csv\"\nsave \"ut/feil.harmoni\"\nharmonise brannvesen.* to lowest\n",
            folder + "/feil.harmoni")
        let before = ScenarioFixtures.listing(folder)
        let failed = try Executable.run(["run", "feil.harmoni"], in: folder)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("feil.harmoni:3:11: feil:"))
        #expect(
            failed.stderr.contains(
                "Ingen filer ble skrevet fordi kjøringen hadde feil («ut/sfo.csv», «ut/feil.harmoni»)."))
        #expect(ScenarioFixtures.listing(folder) == before, "not even the folder ut/")
        let succeeded = try Executable.run(["run", "ok.harmoni"], in: folder)
        #expect(succeeded.status == 0, "\(succeeded.stderr)")
        #expect(ScenarioFixtures.read(folder + "/ut/virkning.csv").hasPrefix("\u{FEFF}"))
        #expect(ScenarioFixtures.read(folder + "/ut/kopi.harmoni").hasSuffix("\nharmonise sfo.* to lowest\n"))
        let again = try Executable.run(["run", "ok.harmoni"], in: folder)
        #expect(again.status == 1, "the files exist now")
        #expect(again.stderr.contains("«ut/virkning.csv» finnes fra før"))
    }

    @Test("Two writes to one file in a run need overwrite; the last one wins")
    func sameFileTwice() throws {
        let session = ScenarioFixtures.session(in: ScenarioFixtures.temporaryFolder())
        session.stagesWrites = true
        let refused = ScenarioFixtures.render(
            "save \"a.harmoni\"\nharmonise sfo.* to lowest\nsave \"a.harmoni\"", in: session)
        #expect(refused.errors.contains("<test>:3:6: feil: «a.harmoni» finnes fra før"), "\(refused.errors)")
        let replaced = ScenarioFixtures.render("save \"a.harmoni\" overwrite", in: session)
        #expect(replaced.errors.isEmpty)
        #expect(session.state.pendingWrites.count == 1)
        #expect(session.state.pendingWrites.first?.text.hasSuffix("harmonise sfo.* to lowest\n") == true)
        #expect(session.commitPendingWrites().isEmpty)
        #expect(ScenarioFixtures.read(session.workingDirectory + "/a.harmoni").hasSuffix("harmonise sfo.* to lowest\n"))
    }
}

@Suite("harmoni run FILE…")
struct ScenarioRunTests {
    @Test("Every diagnostic of every file is shown, the other files still run, and the exit status is 1")
    func allDiagnostics() throws {
        let folder = ScenarioFixtures.temporaryFolder()
        ScenarioFixtures.write("print 1 kr + 5 %\nprint 2\nharmonise brannvesen.* to lowest\n", folder + "/to-feil.harmoni")
        ScenarioFixtures.write("print 3\n", folder + "/god.harmoni")
        let result = try Executable.run(["run", "to-feil.harmoni", "mangler.harmoni", "god.harmoni"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "2\n3\n")
        #expect(result.stderr.contains("to-feil.harmoni:1:7: feil: kan ikke bruke «+»"))
        #expect(result.stderr.contains("to-feil.harmoni:3:11: feil: «brannvesen.*» er verken"))
        #expect(result.stderr.contains("mangler.harmoni"))
    }

    @Test("A syntax error runs nothing of that file; English messages with --lang en")
    func syntaxError() throws {
        let folder = ScenarioFixtures.temporaryFolder()
        ScenarioFixtures.write("print 1\nprint (2 +\n", folder + "/s.harmoni")
        let result = try Executable.run(["run", "--lang", "en", "s.harmoni"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("s.harmoni:2:"))
        #expect(result.stderr.contains("error:"))
    }

    @Test("--format and --output write every table the scenario showed, with missing folders made")
    func formats() throws {
        let folder = ScenarioFixtures.temporaryFolder()
        let scenario = Fixtures.root.appendingPathComponent("scenarios/laveste-nivaa.harmoni").path
        let markdown = try Executable.run(["run", "--format", "md", scenario], in: folder)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("## Sammendrag: vedtakene"), "the summary first")
        #expect(markdown.stdout.contains("## Virkning av vedtakene per tjeneste"))
        #expect(markdown.stderr.hasPrefix("Vedtak #1 Barnehage: alle satser settes til laveste nivå"), "text goes to stderr")
        let csv = try Executable.run(["run", "--output", "ut/alt.csv", scenario], in: folder)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasSuffix("Skrev 3 tabeller til «ut/alt.csv».\n"))
        #expect(ScenarioFixtures.read(folder + "/ut/alt.csv").hasPrefix("\u{FEFF}"))
        let again = try Executable.run(["run", "--output", "ut/alt.csv", scenario], in: folder)
        #expect(again.status == 1, "never over an existing file without --force")
    }
}
