import Foundation
import HarmoniReport
import Testing

@testable import Harmoni

/// Reads a file as text ("" if missing).
private func contents(_ path: String) -> String {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
}

@Suite("REPL session commands: .save .load .undo .reset")
struct ReplScenarioCommandTests {
    @Test(".save writes a header naming the datasets, then one decision per line, atomically")
    func save() {
        let folder = ReplFixtures.temporaryFolder()
        let (loop, _, output) = ReplFixtures.loop(folder: folder)
        ReplFixtures.decide(loop, "harmonise sfo.* to lowest")
        ReplFixtures.decide(loop, "harmonise kulturskole.* to asker")
        loop.handle(".save \"hp.harmoni\"")
        let text = contents(folder + "/hp.harmoni")
        #expect(text.hasPrefix("# Harmoni-scenario «hp», lagret fra REPL-en.\n# Datasett: datasets/ (levert med Harmoni)\n"))
        #expect(text.hasSuffix("\nharmonise sfo.* to lowest\nharmonise kulturskole.* to asker\n"))
        #expect(output.out.hasSuffix("Lagret 2 vedtak i «hp.harmoni».\n"))
        #expect(!loop.session.state.scenario.hasUnsavedChanges)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(leftovers == ["hp.harmoni"])
    }

    @Test(".save never replaces a file without --force in piped mode, and does with it")
    func saveRefusesOverwrite() {
        let folder = ReplFixtures.temporaryFolder()
        ReplFixtures.write("mine\n", folder + "/hp.harmoni")
        let (loop, _, output) = ReplFixtures.loop(folder: folder)
        ReplFixtures.decide(loop, "harmonise sfo.* to lowest")
        loop.handle(".save hp.harmoni")
        #expect(contents(folder + "/hp.harmoni") == "mine\n")
        #expect(output.err.contains("«hp.harmoni» finnes fra før; bruk «.save --force \"hp.harmoni\"»"))
        #expect(loop.session.state.scenario.hasUnsavedChanges)
        loop.handle(".save --force hp.harmoni")
        #expect(contents(folder + "/hp.harmoni").hasSuffix("harmonise sfo.* to lowest\n"))
    }

    @Test("On a terminal .save asks before replacing a file, and only a yes replaces it")
    func saveAsks() {
        let folder = ReplFixtures.temporaryFolder()
        ReplFixtures.write("mine\n", folder + "/hp.harmoni")
        let (loop, reader, _) = ReplFixtures.loop(
            lines: ["n", "j"], interactive: true, folder: folder)
        ReplFixtures.decide(loop, "harmonise sfo.* to lowest")
        loop.handle(".save \"hp.harmoni\"")
        #expect(reader.prompts.last == "«hp.harmoni» finnes fra før. Erstatte den? [j/N] ")
        #expect(contents(folder + "/hp.harmoni") == "mine\n")
        loop.handle(".save \"hp.harmoni\"")
        #expect(contents(folder + "/hp.harmoni").hasSuffix("harmonise sfo.* to lowest\n"))
    }

    @Test(".save without a name needs one the first time, then saves to the same file")
    func saveWithoutName() {
        let folder = ReplFixtures.temporaryFolder()
        let (loop, _, output) = ReplFixtures.loop(folder: folder)
        ReplFixtures.decide(loop, "harmonise sfo.* to lowest")
        loop.handle(".save")
        #expect(output.err.contains("oppgi et filnavn"))
        loop.handle(".save a.harmoni")
        ReplFixtures.decide(loop, "harmonise vann.* to weighted")
        loop.handle(".save --force")
        #expect(contents(folder + "/a.harmoni").hasSuffix("harmonise vann.* to weighted\n"))
    }

    @Test(".load runs a file in the session: its output shows, its names stay, the scenario takes its name")
    func load() {
        let folder = ReplFixtures.temporaryFolder()
        ReplFixtures.write("let a = 2\nprint a * 3\n", folder + "/s.harmoni")
        let (loop, _, output) = ReplFixtures.loop(lines: [".load \"s.harmoni\"", "print a + 1"], folder: folder)
        _ = loop.run()
        #expect(output.out == "6\nLastet «s.harmoni»: 0 vedtak.\n3\n")
        #expect(loop.prompt == "harmoni[s]> ")
    }

    @Test(".load shows a file's errors with the file's name and line, and the REPL goes on")
    func loadErrors() {
        let folder = ReplFixtures.temporaryFolder()
        ReplFixtures.write("print 1\nprint 1 +* 2\n", folder + "/bad.harmoni")
        let (loop, _, output) = ReplFixtures.loop(lines: [".load bad.harmoni", ".load missing.harmoni", "print 9"], folder: folder)
        #expect(loop.run() == 1)
        #expect(output.err.contains("bad.harmoni:2:10: feil:"))
        #expect(output.err.contains("  2 | print 1 +* 2\n"))
        #expect(output.err.contains("missing.harmoni"))
        #expect(output.out.hasSuffix("9\n"))
    }

    @Test(".save then .load in a new session gives the same decisions (with the simulator's statements)",
        .enabled(if: ReplFixtures.decisionExample != nil, "needs a registered statement that records a decision"))
    func roundTrip() throws {
        let example = try #require(ReplFixtures.decisionExample)
        let folder = ReplFixtures.temporaryFolder()
        let (first, _, _) = ReplFixtures.loop(lines: [example, ".save \"rt.harmoni\""], folder: folder)
        _ = first.run()
        let (second, _, output) = ReplFixtures.loop(lines: [".load \"rt.harmoni\""], folder: folder)
        _ = second.run()
        #expect(output.err.isEmpty)
        #expect(second.session.state.scenario.decisions == first.session.state.scenario.decisions)
        #expect(!second.session.state.scenario.hasUnsavedChanges)
    }

    @Test("The saved text runs without errors as a scenario file")
    func savedTextParses() {
        let (loop, _, _) = ReplFixtures.loop()
        let result = loop.session.run(SourceFile(name: "s", text: loop.scenarioText()))
        #expect(!result.hasErrors)
    }

    @Test(".undo removes the last decision and says which; with none it says so")
    func undo() {
        let (loop, _, output) = ReplFixtures.loop()
        ReplFixtures.decide(loop, "harmonise sfo.* to lowest")
        ReplFixtures.decide(loop, "harmonise vann.* to asker")
        loop.handle(".undo")
        #expect(loop.session.state.scenario.decisions.map(\.statement) == ["harmonise sfo.* to lowest"])
        #expect(output.out.hasSuffix("Angret: Vann: alle satser settes til Askers nivå fra 2020\n"))
        loop.handle(".undo")
        loop.handle(".undo")
        #expect(output.out.hasSuffix("Ingen vedtak å angre.\n"))
        #expect(!loop.session.state.scenario.hasUnsavedChanges)
    }

    @Test(".reset clears decisions and let names; on a terminal it asks first when unsaved")
    func reset() {
        let (loop, _, output) = ReplFixtures.loop(lines: ["let a = 1"])
        _ = loop.run()
        ReplFixtures.decide(loop, "harmonise sfo.* to lowest")
        loop.handle(".reset")
        #expect(loop.session.state.scenario.decisions.isEmpty)
        #expect(loop.session.state.bindings.isEmpty)
        #expect(output.out.hasSuffix("Tilbakestilt: 1 vedtak og 1 navn fjernet.\n"))
        let (asking, _, asked) = ReplFixtures.loop(lines: ["nei"], interactive: true)
        ReplFixtures.decide(asking, "harmonise sfo.* to lowest")
        asking.handle(".reset")
        #expect(asking.session.state.scenario.decisions.count == 1)
        #expect(asked.out.hasSuffix("Ingenting ble endret.\n"))
    }

    @Test("Leaving with unsaved decisions: piped mode warns, a terminal offers to save")
    func quitOffersToSave() {
        let (piped, _, pipedOutput) = ReplFixtures.loop(lines: ["quit"])
        ReplFixtures.decide(piped, "harmonise sfo.* to lowest")
        _ = piped.run()
        #expect(pipedOutput.err.contains("merk: 1 ulagret vedtak ble ikke lagret"))

        let folder = ReplFixtures.temporaryFolder()
        let (loop, reader, _) = ReplFixtures.loop([.end, .line("j"), .line("ut.harmoni")], interactive: true, folder: folder)
        ReplFixtures.decide(loop, "harmonise sfo.* to lowest")
        _ = loop.run()
        #expect(reader.isFinished)
        #expect(reader.prompts[1].hasPrefix("Du har 1 ulagret vedtak. Lagre før du avslutter?"))
        #expect(contents(folder + "/ut.harmoni").hasSuffix("harmonise sfo.* to lowest\n"))
    }

    @Test("Ctrl-C at the offer to save keeps the REPL open; no leaves without saving")
    func quitCancelled() {
        let (loop, reader, output) = ReplFixtures.loop(
            [.line("quit"), .interrupt, .line("print 4"), .line("quit"), .line("n"), .line("print 5")], interactive: true)
        ReplFixtures.decide(loop, "harmonise sfo.* to lowest")
        _ = loop.run()
        #expect(output.out.hasSuffix("4\n"))
        #expect(!reader.isFinished)
    }
}

@Suite("REPL session commands: .mode .output .timer")
struct ReplOutputCommandTests {
    static let table = Table(kind: "test", title: "T", columns: [Column("a", "A")], rows: [[.text("x")]])

    @Test(".mode shows and sets the mode; an unknown mode is an error")
    func mode() {
        let (loop, _, output) = ReplFixtures.loop(lines: [".mode", ".mode csv", ".mode", ".mode xml"])
        _ = loop.run()
        #expect(output.out == "Modus: table\nModus: csv\nModus: csv\n", "setting a mode confirms it")
        #expect(!output.err.contains("ikke koblet"))
        #expect(output.err.contains("ukjent modus «xml»"))
        #expect(loop.mode == .csv)
    }

    @Test("The standard renderer writes CSV, Markdown and JSON through the exporters")
    func standardModes() {
        let (loop, _, _) = ReplFixtures.loop()
        loop.handle(".mode csv")
        let csv = loop.render([.table(Self.table)], file: nil).results
        #expect(csv == "A\nx\n", "CSV headers are the column headings in the output language")
        #expect(!csv.hasPrefix("\u{FEFF}"))
        loop.handle(".mode md")
        #expect(loop.render([.table(Self.table)], file: nil).results.contains("| A |"))
        loop.handle(".mode json")
        #expect(loop.render([.table(Self.table)], file: nil).results.contains("\"title\""))
    }

    @Test("Tables go through the table renderer in the current mode")
    func rendererGetsMode() {
        let (loop, _, _) = ReplFixtures.loop()
        loop.tableRenderer = TableRenderer(supportedModes: Set(OutputMode.allCases)) { table, mode, _ in "\(mode.rawValue):\(table.title)\n" }
        loop.handle(".mode json")
        #expect(loop.render([.table(Self.table), .text("t")], file: nil).results == "json:T\nt\n")
        loop.handle(".mode table")
        #expect(loop.render([.table(Self.table)], file: nil).results == "table:T\n")
    }

    @Test("The text-only renderer shows tables as text in every mode")
    func fallback() {
        let (loop, _, _) = ReplFixtures.loop(lines: [".mode md"])
        loop.tableRenderer = .textOnly
        _ = loop.run()
        #expect(loop.render([.table(Self.table)], file: nil).results == TextTable.render(Self.table))
    }

    @Test(".output sends results to a file until .output stdout, and never replaces a file unasked")
    func outputFile() {
        let folder = ReplFixtures.temporaryFolder()
        let (loop, _, output) = ReplFixtures.loop(
            lines: [".output \"res.txt\"", "print 1 + 1", "print 1 kr + 5 %", ".output stdout", "print 3", ".output res.txt"],
            folder: folder)
        _ = loop.run()
        #expect(contents(folder + "/res.txt") == "2\n")
        #expect(output.out.contains("Resultater går nå til «res.txt».\n"))
        #expect(output.out.hasSuffix("3\n"))
        #expect(!output.out.contains("2\n"))
        #expect(output.err.contains("feil: kan ikke bruke"))
        #expect(output.err.contains("«res.txt» finnes fra før; bruk «.output --force \"res.txt\"»"))
    }

    @Test(".timer on shows each entry's run time; off stops it")
    func timer() {
        let (loop, _, output) = ReplFixtures.loop(lines: [".timer on", "print 1", ".timer", ".timer off", "print 2", ".timer maybe"])
        _ = loop.run()
        let lines = output.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0] == "Tidtaking: på", "a setting confirms what it set")
        #expect(lines[1] == "1")
        #expect(lines[2].hasPrefix("Tid: ") && lines[2].hasSuffix(" ms") && lines[2].contains(","))
        #expect(lines[3] == "Tidtaking: på")
        #expect(lines[4] == "Tidtaking: av")
        #expect(lines[5] == "2")
        #expect(output.err.contains("«.timer» tar on eller off"))
    }

    @Test("An unknown or misused session command is an error and the REPL goes on")
    func unknown() {
        let (loop, _, output) = ReplFixtures.loop(lines: [".frob", ".undo now", ".load", ".mode --force csv", "print 1"])
        #expect(loop.run() == 1)
        #expect(output.err.contains("ukjent kommando «.frob»; kjente: .help .load .save"))
        #expect(output.err.contains("bruk: .undo"))
        #expect(output.err.contains("bruk: .load \"FIL\""))
        #expect(output.err.contains("bruk: .mode"))
        #expect(output.out == "1\n")
    }

    @Test("Session command words: quotes keep spaces and are removed")
    func words() {
        #expect(DotCommand.words(".save --force \"mine scenarier/a b.harmoni\"") == [".save", "--force", "mine scenarier/a b.harmoni"])
        #expect(DotCommand.words(".output \"\"") == [".output", ""])
    }
}

@Suite("REPL writes from piped input")
struct ReplWriteSafetyTests {
    @Test("From piped input .save and .output write only below the working directory; a terminal may write anywhere")
    func pipedWritesStayInside() {
        let outside = ReplFixtures.temporaryFolder()
        let folder = ReplFixtures.temporaryFolder()
        let (piped, _, output) = ReplFixtures.loop(
            lines: [".save \"\(outside)/a.harmoni\"", ".output ../\((outside as NSString).lastPathComponent)/b.txt", ".save sub.harmoni"],
            folder: folder)
        _ = piped.run()
        #expect(output.err.contains("ligger utenfor arbeidsmappen"))
        #expect(!FileManager.default.fileExists(atPath: outside + "/a.harmoni"))
        #expect(!FileManager.default.fileExists(atPath: outside + "/b.txt"))
        #expect(FileManager.default.fileExists(atPath: folder + "/sub.harmoni"))

        let (terminal, _, _) = ReplFixtures.loop(lines: [".save \"\(outside)/c.harmoni\""], interactive: true, folder: folder)
        _ = terminal.run()
        #expect(FileManager.default.fileExists(atPath: outside + "/c.harmoni"))
    }
}
