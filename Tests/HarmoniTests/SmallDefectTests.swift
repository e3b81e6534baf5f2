import Foundation
import Testing

@testable import Harmoni

/// The smaller defects of issue 15, each with the input that showed it.
@Suite("Smaller defects")
struct SmallDefectTests {
    @Test("A repeated option of a decision is an error at the second one", arguments: [
        "harmonise sfo.* to lowest round 0,01 kr round 1 kr", "harmonise sfo.* to lowest annual annual",
        "harmonise sfo.* to lowest each each", "set sfo.plass_5d = 3 000 kr/mnd round 1 kr round 1 kr",
    ])
    func repeatedOption(statement: String) throws {
        let (_, errors) = Fixtures.run(statement + "\n")
        #expect(errors.contains("er gitt to ganger"), "\(errors)")
        #expect(errors.hasPrefix("<test>:1:"))
    }

    @Test("A negative target price is an error at the amount", arguments: [
        ("harmonise sfo.* to -1 kr/mnd", "-1 kr/mnd"), ("set sfo.* = -999 999 999 kr/mnd", "-999 999 999 kr/mnd"),
    ])
    func negativePrice(statement: String, amount: String) throws {
        let (_, errors) = Fixtures.run(statement + "\n")
        #expect(errors.hasPrefix("<test>:1:"), "\(errors)")
        #expect(errors.contains(": feil: en pris kan ikke være negativ\n"), "\(errors)")
        // The caret marks the amount (the «harmonise» words put it from the space before the sign).
        let lines = errors.split(separator: "\n").map(String.init)
        let caret = try #require(lines.last)
        let column = try #require(caret.firstIndex(of: "^")).utf16Offset(in: caret) - 6
        let start = try #require(statement.range(of: amount)).lowerBound.utf16Offset(in: statement)
        #expect(column == start || column == start - 1, "\(errors)")
    }

    @Test("A zero target price is still allowed (free SFO is a real decision)")
    func zeroPrice() {
        #expect(Fixtures.run("harmonise sfo.plass_5d to 0 kr/mnd\n").errors == "")
    }

    @Test("min() and max() say in Norwegian that they need an argument; others name their count in words")
    func arity() {
        #expect(Fixtures.run("print min()\n").errors.contains("«min» trenger minst ett argument"))
        #expect(Fixtures.run("print max()\n").errors.contains("«max» trenger minst ett argument"))
        let round = Fixtures.run("print round(1 kr)\n").errors
        #expect(round.contains("«round» tar 2 argumenter, fikk 1"))
        #expect(!round.contains("(s)") && !round.contains("(er)"))
        #expect(Fixtures.run("print lowest()\n").errors.contains("«lowest» tar ett argument, fikk 0"))
    }

    @Test("Input in normal form D (o + U+0308) reads as the same ö (NFC) in files, -e and the REPL")
    func nfd() throws {
        let nfd = "let bo\u{0308}ter = 1 kr\nprint bo\u{0308}ter\n"
        let file = SourceFile(normalising: nfd, name: "x")
        #expect(Array(file.text.utf8) == Array("let böter = 1 kr\nprint böter\n".precomposedStringWithCanonicalMapping.utf8))
        let result = RunCommand.run([nfd], GlobalOptions(), inline: true)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1"))
        let dir = try ExportStatementTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        ReplFixtures.write(nfd, dir + "/nfd.harmoni")
        let read = try FileAccess.readSource(dir + "/nfd.harmoni").get()
        #expect(read.text.unicodeScalars.contains("ö"))
        let (loop, _, output) = ReplFixtures.loop(lines: ["let bo\u{0308}ter = 2 kr", "print böter"])
        #expect(loop.run() == 0)
        #expect(output.out.contains("2"))
    }

    @Test("The NFC shortcut: every scalar it keeps is left as it is by NFC, alone, after a letter, after a combining mark and before one")
    func nfcShortcut() throws {
        var kept = 0
        for value in UInt32(0x20)...UInt32(0x2FFF) {
            guard let scalar = Unicode.Scalar(value), SourceFile.keepsNFC(scalar) else { continue }
            kept += 1
            for text in ["\(scalar)", "a\(scalar)", "ø\(scalar)", "\(scalar)\(scalar)", "\(scalar)x", "o\u{0308}\(scalar)"] {
                let normalised = text.precomposedStringWithCanonicalMapping
                if text.unicodeScalars.starts(with: "o\u{0308}".unicodeScalars) {
                    // The text as a whole needs NFC (the combining mark is not kept), and the kept
                    // scalar is unchanged by it.
                    #expect(Array(normalised.unicodeScalars) == Array("\u{00F6}\(scalar)".unicodeScalars), "U+\(String(value, radix: 16))")
                } else {
                    #expect(Array(normalised.unicodeScalars) == Array(text.unicodeScalars), "U+\(String(value, radix: 16)) in \(text.debugDescription)")
                }
            }
        }
        // The datasets' punctuation and symbols are kept; singletons and combining marks are not.
        for kept in ["–", "—", "≈", "…", "×", "≤", "≥", "→", "−", "‰", "€", "’"] {
            #expect(SourceFile.keepsNFC(try #require(kept.unicodeScalars.first)), "\(kept)")
        }
        for changed in ["\u{212B}", "\u{2126}", "\u{2329}", "\u{0308}", "\u{20D7}", "\u{2ADC}", "\u{1161}", "\u{20DD}"] {
            #expect(!SourceFile.keepsNFC(try #require(changed.unicodeScalars.first)), "\(changed.debugDescription)")
        }
        #expect(kept > 3_500)  // 736 below U+0300 and most of U+2010…U+2BFF
    }

    @Test("A FIFO or a folder given as a scenario gets a message that says what it is")
    func fifo() throws {
        let dir = try ExportStatementTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/pipe.harmoni", 0o600) == 0)
        guard case .failure(let diagnostic) = FileAccess.readSource(dir + "/pipe.harmoni") else {
            Issue.record("a FIFO was read")
            return
        }
        #expect(diagnostic.message.text(.nb).contains("er ikke en vanlig fil (et rør, en enhet eller en sokkel)"))
        guard case .failure(let folder) = FileAccess.readSource(dir) else {
            Issue.record("a folder was read")
            return
        }
        #expect(folder.message.text(.nb).hasSuffix("er en mappe, ikke en fil"))
        let result = try Executable.run(["run", "pipe.harmoni"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("er ikke en vanlig fil"))
        #expect(!result.stderr.contains("ingen tilgang"))
    }

    @Test("Bidirectional and zero-width characters in file names are refused for writing and shown escaped", arguments: [
        "\u{202E}vsc.md", "a\u{200B}b.csv", "x\u{2066}.md", "\u{FEFF}s.json",
    ])
    func invisibleNames(name: String) throws {
        let dir = try ExportStatementTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let shown = InvisibleText.escaped(name)
        #expect(shown != name && shown.contains("<U+"))
        #expect(throws: FileWriteError.self) { try FileAccess.writeAtomically("x", to: dir + "/" + name, overwrite: false) }
        let export = try Executable.run(["-e", "export diff sfo to \"\(name)\""], in: dir)
        #expect(export.status == 1)
        #expect(export.stderr.contains("usynlige tegn"))
        #expect(!export.stderr.unicodeScalars.contains(where: InvisibleText.isInvisible))
        let read = try Executable.run(["run", name], in: dir)
        #expect(read.status == 1)
        #expect(read.stderr.contains(shown))
        #expect(!read.stderr.unicodeScalars.contains(where: InvisibleText.isInvisible))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        #expect(TerminalText.sanitize("a\u{202E}b") == "a<U+202E>b")
    }

    @Test("Markdown export escapes bare web addresses that GitHub would turn into links")
    func markdownLinks() {
        #expect(MarkdownExporter.escape("se http://example.com/x") == "se http\\://example.com/x")
        #expect(MarkdownExporter.escape("https://asker.kommune.no") == "https\\://asker.kommune.no")
        #expect(MarkdownExporter.escape("WWW.asker.no og www.x.no") == "WWW\\.asker.no og www\\.x.no")
        #expect(MarkdownExporter.escape("kl. 12:30, 3/4") == "kl. 12:30, 3/4")
    }

    @Test("The CSV formula guard looks past ideographic and zero-width spaces and a byte-order mark", arguments: [
        "\u{3000}=HYPERLINK(\"x\")", "\u{200B}=1+1", "\u{FEFF}=1+1", "\u{3000}\u{200B} @SUM(A1)", "\u{2060}+1",
    ])
    func csvGuard(text: String) {
        #expect(CSVExporter.escape(text).hasPrefix("'") || CSVExporter.escape(text).hasPrefix("\"'"), "\(CSVExporter.escape(text))")
    }
}
