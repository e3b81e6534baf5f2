import Foundation
import Testing

@testable import Harmoni

@Suite("The REPL loop, driven by a scripted line reader")
struct ReplLoopTests {
    @Test("A statement's result is printed and the loop reads on until the end of input")
    func printsResults() {
        let (loop, reader, output) = ReplFixtures.loop(lines: ["print 1 + 1", "print 2 * 3"])
        #expect(loop.run() == 0)
        #expect(output.out == "2\n6\n")
        #expect(output.err.isEmpty)
        #expect(reader.isFinished)
        #expect(reader.prompts.count == 3)
    }

    @Test("A syntax error is shown with a caret under its column and the next line still runs")
    func syntaxErrorRecovery() {
        let (loop, _, output) = ReplFixtures.loop(lines: ["print 1 +* 2", "print 7"])
        #expect(loop.run() == 1)
        #expect(output.err.contains("<repl>:1:10: feil:"))
        #expect(output.err.contains("  1 | print 1 +* 2\n    |          ^\n"))
        #expect(output.out == "7\n")
    }

    @Test("An evaluation error is shown with a caret spanning the expression and the REPL goes on")
    func evaluationErrorRecovery() {
        let (loop, _, output) = ReplFixtures.loop(lines: ["print 1 kr + 5 %", "let a = 4", "print a * 2"])
        _ = loop.run()
        #expect(output.err.contains("<repl>:1:7: feil: kan ikke bruke «+»"))
        #expect(output.err.contains("    |       ^~~~~~~~~~\n"))
        #expect(output.out == "8\n")
    }

    @Test("An unfinished statement asks for a continuation line and runs as one entry")
    func continuation() {
        let (loop, reader, output) = ReplFixtures.loop(lines: ["let x = (1 +", "2)", "print x"])
        _ = loop.run()
        #expect(output.out == "3\n")
        #expect(output.err.isEmpty)
        #expect(reader.prompts[0] == "harmoni> ")
        #expect(reader.prompts[1] == "    ...> ")
        #expect(reader.prompts[1].count == reader.prompts[0].count)
        #expect(reader.prompts[2] == "harmoni> ")
    }

    @Test("Ctrl-C cancels the current line and its continuation without an error")
    func interruptCancelsContinuation() {
        let (loop, reader, output) = ReplFixtures.loop([.line("print (1 +"), .interrupt, .line("print 5")])
        #expect(loop.run() == 0)
        #expect(output.out == "5\n")
        #expect(output.err.isEmpty)
        #expect(reader.prompts[1] == "    ...> ")
        #expect(reader.prompts[2] == "harmoni> ")
    }

    @Test("At the end of input an unfinished entry is reported as an unexpected end")
    func unfinishedAtEnd() {
        let (loop, _, output) = ReplFixtures.loop(lines: ["print (1 +"])
        #expect(loop.run() == 1)
        #expect(output.err.contains("<repl>:1:11: feil:"))
    }

    @Test("«quit» leaves at once: the lines after it are not read")
    func quitStops() {
        for word in ["quit", "exit", "avslutt", ".quit", ".exit"] {
            let (loop, reader, output) = ReplFixtures.loop(lines: ["print 1", word, "print 2"])
            _ = loop.run()
            #expect(output.out == "1\n", "\(word)")
            #expect(!reader.isFinished, "\(word)")
        }
    }

    @Test("Several statements on one line all run, and an error in one does not stop the others")
    func severalStatements() {
        let (loop, _, output) = ReplFixtures.loop(lines: ["print 1\nprint 1 kr + 5 %\nprint 3"])
        _ = loop.run()
        #expect(output.out == "1\n3\n")
        #expect(output.err.contains("<repl>:2:7:"))
    }

    @Test("The prompt shows the scenario's name and an asterisk while decisions are unsaved")
    func prompt() {
        let folder = ReplFixtures.temporaryFolder()
        let (loop, _, _) = ReplFixtures.loop(folder: folder)
        #expect(loop.prompt == "harmoni> ")
        ReplFixtures.decide(loop, "harmonise sfo.* to lowest")
        #expect(loop.prompt == "harmoni[*]> ")
        loop.handle(".save \"sfo-lavest.harmoni\"")
        #expect(loop.prompt == "harmoni[sfo-lavest]> ")
        ReplFixtures.decide(loop, "harmonise kulturskole.* to asker")
        #expect(loop.prompt == "harmoni[sfo-lavest*]> ")
        #expect(loop.continuationPrompt == String(repeating: " ", count: 17) + "...> ")
        loop.handle(".undo")
        #expect(loop.prompt == "harmoni[sfo-lavest]> ")
    }

    @Test("Interactive mode greets, and piped mode shows no banner")
    func banner() {
        let (interactive, _, shown) = ReplFixtures.loop(interactive: true)
        _ = interactive.run()
        #expect(shown.out.hasPrefix("harmoni \(CLI.version) – 112 gebyrer"))
        let (piped, _, quiet) = ReplFixtures.loop()
        _ = piped.run()
        #expect(quiet.out.isEmpty)
    }

    @Test("Messages follow the session language")
    func english() {
        let (loop, _, output) = ReplFixtures.loop(lines: ["print 1 kr + 5 %", ".undo"], language: .en)
        _ = loop.run()
        #expect(output.err.contains("error: cannot"))
        #expect(output.out == "No decisions to undo.\n")
    }

    @Test("Colours are used in diagnostics only when the loop is told to")
    func colours() {
        let (plain, _, plainOutput) = ReplFixtures.loop(lines: ["print 1 +* 2"])
        _ = plain.run()
        #expect(!plainOutput.err.contains("\u{1B}["))
        let (coloured, _, colouredOutput) = ReplFixtures.loop(lines: ["print 1 +* 2"])
        coloured.colours = true
        _ = coloured.run()
        #expect(colouredOutput.err.contains("\u{1B}[1;31mfeil\u{1B}[0m"))
    }

    @Test("The reader gets completion words before each prompt, with the current let names")
    func completionRefresh() {
        let (loop, reader, _) = ReplFixtures.loop(lines: ["let pris = 2 kr"])
        _ = loop.run()
        #expect(reader.completionContext?.bindings == ["pris"])
        #expect(reader.completionContext?.services.contains("sfo") == true)
    }
}

@Suite("help in the REPL")
struct ReplHelpTests {
    @Test("help lists every registered statement, let, and every session command")
    func overview() {
        let (loop, _, output) = ReplFixtures.loop(lines: ["help"])
        _ = loop.run()
        for spec in StatementRegistry.all { #expect(output.out.contains(spec.usage), "\(spec.usage)") }
        for command in DotCommand.all { #expect(output.out.contains(command.usage), "\(command.usage)") }
        #expect(output.out.contains("let <navn> = <uttrykk>"))
        #expect(output.out.contains("Ctrl-C avbryter linjen"))
    }

    @Test("help <statement> shows its usage, summary and an example, for every statement")
    func everyStatement() {
        for spec in StatementRegistry.all {
            let (loop, _, output) = ReplFixtures.loop(lines: ["help " + spec.words.joined(separator: " ")])
            _ = loop.run()
            #expect(output.out.contains(spec.usage))
            #expect(output.out.contains("Eksempel: " + spec.example))
        }
    }

    @Test("help on a session command, an alias, let, and in English")
    func otherTopics() {
        let (loop, _, output) = ReplFixtures.loop(lines: ["help .save", "hjelp skriv", "help let", ".help .undo"])
        _ = loop.run()
        #expect(output.out.contains(".save [--force] [\"FIL\"]\n"))
        #expect(output.out.contains("Eksempel: .save \"scenarier/mitt.harmoni\""))
        #expect(output.out.contains("print <uttrykk>"))
        #expect(output.out.contains("Eksempel: let pris = asker.sfo.plass_5d"))
        #expect(output.out.contains("Angrer det siste vedtaket."))
        let (english, _, englishOutput) = ReplFixtures.loop(lines: ["help print"], language: .en)
        _ = english.run()
        #expect(englishOutput.out.contains("Example: print asker.sfo.plass_5d * 10"))
    }

    @Test("help on something unknown is an error and the REPL goes on")
    func unknownTopic() {
        let (loop, _, output) = ReplFixtures.loop(lines: ["help frobnicate", "print 1"])
        _ = loop.run()
        #expect(output.err.contains("ingen hjelp om «frobnicate»"))
        #expect(output.out.hasSuffix("1\n"))
    }
}

@Suite("REPL diagnostics in other files")
struct ReplForeignDiagnosticTests {
    @Test("A diagnostic about another file is shown without a caret in the REPL entry")
    func noCaretInWrongText() {
        let (loop, _, _) = ReplFixtures.loop()
        let entry = SourceFile(name: "<repl>", text: "include \"inner.harmoni\"")
        let inner = Diagnostic(.warning, DiagnosticMessage(code: "t", nb: "merk dette", en: "note this"), file: "inner.harmoni", range: SourceRange(14, 20))
        let (_, messages) = loop.render([.diagnostic(inner)], file: entry)
        #expect(messages == "inner.harmoni: advarsel: merk dette\n")
        let own = Diagnostic(.warning, DiagnosticMessage(code: "t", nb: "merk dette", en: "note this"), file: "<repl>", range: SourceRange(0, 7))
        #expect(loop.render([.diagnostic(own)], file: entry).messages.contains("  1 | include \"inner.harmoni\"\n    | ^~~~~~~\n"))
    }
}
