import Foundation
import HarmoniReport
import Testing

@testable import Harmoni

/// The traps an economist fell into at the prompt (issue 14): saving into a new folder, counting
/// what is unsaved after `.undo`, a deflator over several years, settings that confirm, units
/// that survive `print`, and the quieter tables with `.notes`, `.verbose` and the pager.
@Suite("REPL without traps")
struct ReplTrapsTests {
    @Test(".save creates missing folders; a failed save says why in Norwegian and keeps the prompt's name")
    func saveFolders() throws {
        let folder = ReplFixtures.temporaryFolder()
        let (loop, _, output) = ReplFixtures.loop(folder: folder)
        ReplFixtures.decide(loop, "harmonise sfo.* to lowest")
        loop.handle(".save \"scenarier/2020/sfo.harmoni\"")
        #expect(FileManager.default.fileExists(atPath: folder + "/scenarier/2020/sfo.harmoni"), "\(output.err)")
        #expect(loop.prompt == "harmoni[sfo]> ")
        ReplFixtures.write("not a folder\n", folder + "/fil")
        ReplFixtures.decide(loop, "harmonise kulturskole.* to asker")
        loop.handle(".save \"fil/ny.harmoni\"")
        #expect(output.err.contains("feil: kunne ikke lagre «fil/ny.harmoni»: «fil» er en fil, ikke en mappe"))
        #expect(loop.prompt == "harmoni[sfo*]> ", "the name is the one of the file last saved")
    }

    @Test("After .undo, quitting counts what is unsaved against the saved file")
    func undoThenQuit() {
        let folder = ReplFixtures.temporaryFolder()
        let (loop, _, output) = ReplFixtures.loop(folder: folder)
        ReplFixtures.decide(loop, "harmonise sfo.* to lowest")
        ReplFixtures.decide(loop, "harmonise kulturskole.* to asker")
        loop.handle(".save \"s.harmoni\"")
        loop.handle(".undo")
        loop.handle(".undo")
        #expect(loop.prompt == "harmoni[s*]> ")
        loop.handle(".quit")
        #expect(output.err.contains("merk: 2 angret vedtak som fortsatt står i filen ble ikke lagret"), "\(output.err)")
        let (again, _, againOutput) = ReplFixtures.loop(folder: folder)
        again.handle(".load \"s.harmoni\"")
        again.handle(".undo")
        ReplFixtures.decide(again, "harmonise sfo.* to highest")
        again.handle(".quit")
        #expect(againOutput.err.contains("merk: 1 ulagret vedtak og 1 angret vedtak som fortsatt står i filen ble ikke lagret"))
    }

    @Test("deflator over several years works, and every setting confirms what it set")
    func settings() {
        let (loop, _, output) = ReplFixtures.loop(lines: [
            "deflator 2020...2023 = 2 %", "period 2020...2022", "prices nominal", "growth sfo = 1,5 %",
            "vekst alle = befolkning age_1_5", "deflator 2021 = 0 %", ".timer on", ".timer off", ".mode md", ".mode table",
        ])
        _ = loop.run()
        #expect(output.err.isEmpty, "\(output.err)")
        for line in [
            "Deflator 2020...2023: 2 %.", "Periode: 2020...2022.", "Priser: løpende kroner.", "Volumvekst for sfo: 1,5 % per år.",
            "Volumvekst for alle tjenester: følger befolkningen age_1_5.", "Deflator 2021: 0 %.", "Tidtaking: på", "Tidtaking: av",
            "Modus: md", "Modus: table",
        ] {
            #expect(output.out.contains(line + "\n"), "\(line): \(output.out)")
        }
        let overrides = loop.session.state.scenario.deflatorOverrides.sorted { $0.year < $1.year }
        #expect(overrides.map(\.year) == [2020, 2021, 2022, 2023])
        #expect(overrides.map(\.rate.percent.description) == ["2", "0", "2", "2"])
    }

    @Test("print keeps units: kr/mnd × mnd is kr, kr/m3 × m3/år is kr/år, kr/time × timer/mnd is kr/mnd")
    func units() {
        #expect(Fixtures.run("print 2 990 kr/mnd * 10 mnd").output == "29 900 kr\n")
        #expect(Fixtures.run("print 10 mnd * 2 990 kr/mnd").output == "29 900 kr\n")
        #expect(Fixtures.run("print 15,50 kr/m3 * 150 m3/år").output == "2 325 kr/år\n")
        #expect(Fixtures.run("print 400 kr/time * 4 timer/mnd").output == "1 600 kr/mnd\n")
        #expect(Fixtures.run("print 2 990 kr/mnd * 11").output == "32 890 kr/mnd\n")
        #expect(Fixtures.run("print 2 990 kr/år * 10 mnd").errors.contains("kan ikke bruke «*»"))
    }

    @Test("At the prompt a table keeps its footnotes and points to .notes; .notes and show notes print them; .verbose on restores them")
    func notes() throws {
        let (loop, _, output) = ReplFixtures.loop(interactive: true)
        loop.handle("show household \"a_familie_750k\"")
        let brief = output.out
        #expect(brief.contains("¹ Anslag (nasjonalt referansetall)"), "footnotes stay")
        #expect(brief.hasSuffix("merknader og kilder: .notes\n"))
        #expect(!brief.contains("Kilder:"))
        #expect(!brief.contains("Inntekt: 750 000 kr per år."))
        output.out = ""
        loop.handle(".notes")
        #expect(output.out.hasPrefix("Typehusholdning Familie, 3 barn, 750 000 kr"))
        #expect(output.out.contains("Inntekt: 750 000 kr per år.\n"))
        #expect(output.out.contains("Kilder:\n  - "))
        let notes = output.out
        output.out = ""
        loop.handle("vis merknader")
        #expect(output.out == notes)
        output.out = ""
        loop.handle(".verbose on")
        loop.handle("show household \"a_familie_750k\"")
        #expect(output.out.contains("Merknader og kilder under tabellene: på\n"))
        #expect(output.out.contains("Inntekt: 750 000 kr per år.\n") && output.out.contains("Kilder:"))
        #expect(!output.out.contains(".notes"))
    }

    @Test("Piped input keeps the full notes, as harmoni run does")
    func pipedKeepsNotes() {
        let (loop, _, output) = ReplFixtures.loop(lines: ["show household \"a_familie_750k\""])
        _ = loop.run()
        #expect(output.out.contains("Kilder:"))
        #expect(!output.out.contains(".notes"))
    }

    @Test("Results wider than the terminal go through the pager; narrow ones, .pager off and .load do not")
    func pager() {
        let paged = PagedText()
        let (loop, _, output) = ReplFixtures.loop(interactive: true)
        loop.pager = Pager(command: "test-pager", enabled: true, columns: { 60 }, run: { command, text in paged.append(command, text) })
        loop.handle("print 1")
        #expect(paged.texts.isEmpty)
        loop.handle("show diff sfo")
        #expect(paged.texts.count == 1)
        #expect(paged.commands == ["test-pager"])
        #expect(paged.texts.first?.contains("Sammenligning") == true || paged.texts.first?.contains("sfo") == true)
        #expect(!output.out.contains("plass_5d"), "a paged table is not also written to the screen")
        loop.handle(".pager off")
        loop.handle("show diff sfo")
        #expect(paged.texts.count == 1)
        #expect(output.out.contains("Sidevisning av brede tabeller: av\n"))
        loop.handle(".pager on")
        let folder = loop.session.workingDirectory
        ReplFixtures.write("show diff sfo\n", folder + "/vis.harmoni")
        loop.handle(".load \"vis.harmoni\"")
        #expect(paged.texts.count == 1, "a file never starts a program")
    }
}

/// What the test pager was given.
final class PagedText: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var texts: [String] = []
    private(set) var commands: [String] = []
    func append(_ command: String, _ text: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        commands.append(command)
        texts.append(text)
        return true
    }
}
