import Foundation
import Testing

@testable import Harmoni

@Suite("harmoni without a command: REPL or piped statements")
struct ReplPipedTests {
    @Test("No command, or only global options, opens the REPL; a command does not")
    func invocation() {
        guard case .repl(let options) = CLI.invocation([]) else { Issue.record("expected the REPL"); return }
        #expect(options.language == .nb)
        guard case .repl(let english) = CLI.invocation(["--lang", "en", "--dataset", "d"]) else {
            Issue.record("expected the REPL")
            return
        }
        #expect(english.language == .en)
        #expect(english.datasetPaths == ["d"])
        guard case .command = CLI.invocation(["check"]) else { Issue.record("expected a command"); return }
        guard case .failed(let result) = CLI.invocation(["--lang", "de"]) else { Issue.record("expected a failure"); return }
        #expect(result.status == 2)
    }

    @Test("Colours only on a terminal, and never with NO_COLOR set")
    func colours() {
        func colours(_ environment: [String: String], _ terminal: Bool) -> Bool {
            if case .repl(let options) = CLI.invocation([], environment: environment, isTerminal: terminal) { return options.colours }
            return true
        }
        #expect(colours([:], true))
        #expect(!colours(["NO_COLOR": "1"], true))
        #expect(!colours(["NO_COLOR": ""], true))
        #expect(!colours([:], false))
    }

    @Test("Statements piped to harmoni run line by line with no prompt and no echo")
    func piped() throws {
        let result = try Executable.run([], stdin: "print 1 + 1\n")
        #expect(result.status == 0)
        #expect(result.stdout == "2\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("Piped input keeps going after an error, shows its caret, and exits with status 1")
    func pipedErrors() throws {
        let result = try Executable.run([], stdin: "print 1 +* 2\nlet x = (1 +\n2)\nprint x\n")
        #expect(result.status == 1)
        #expect(result.stdout == "3\n")
        #expect(result.stderr.contains("<repl>:1:10: feil:"))
        #expect(result.stderr.contains("    |          ^\n"))
    }

    @Test("A scenario file given as standard input runs, help and session commands included, in English")
    func pipedFile() throws {
        let folder = ReplFixtures.temporaryFolder()
        let script = "# a scenario\nlet a = 2 990 kr\nprint a * 11\nhelp print\n.save \"s.harmoni\"\n"
        let result = try Executable.run(["--lang", "en"], stdin: script, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("32 890 kr\nprint <uttrykk>\n  Evaluates an expression"))
        #expect(result.stdout.hasSuffix("Saved 0 decisions to «s.harmoni».\n"))
        #expect(FileManager.default.fileExists(atPath: folder + "/s.harmoni"))
    }
}
