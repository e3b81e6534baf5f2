import Foundation
import Testing

@testable import Harmoni

@Suite("Diagnostics and their rendering")
struct DiagnosticTests {
    /// A dataset file with one of each kind of mistake, rendered as `harmoni check` shows it.
    static let multiError = """
        # Et datasett med feil
        fee asker.sfo.plass_5d {
          value = 30 %
          colour = "rød"
          vat = none
          valid = 2020-01-01...2020-12-31
          status = estimated
          source = kilde
        }

        fee asker.sfo.plass_3d {
          value = 2.990,5 kr
          vat = none
          valid = 2019-01-01...2019-07-31
          status = published
        }

        fee asker.brann.feiing {
        \tvalue = 2 990 kr/uke
          vat = none
          valid = 2019-01-01...
          status = published
          source = ukjent_kilde
        }

        rule asker.sfo.moderasjon {
          value = (1 +
        """

    @Test("A multi-error dataset renders the same as the golden file, in Norwegian and English", arguments: DisplayLanguage.allCases)
    func golden(language: DisplayLanguage) {
        let source = MarkedSource(Self.multiError, name: "datasets/feil.harmoni")
        let (diagnostics, _) = MiniDataset.load(source)
        #expect(diagnostics.count == 12)
        let renderer = DiagnosticRenderer(language: language)
        let text = renderer.render(diagnostics, files: [source.name: source.file])
        Golden.assertMatches(text, named: "language/diagnostics-\(language.rawValue).txt")
    }

    @Test("harmoni check prints the same diagnostics for the multi-error dataset and exits with status 1")
    func checkCommand() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("datasets"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(MiniDataset.base.utf8).write(to: folder.appendingPathComponent("base.harmoni"))
        try Data(Self.multiError.utf8).write(to: folder.appendingPathComponent("datasets/feil.harmoni"))
        let result = try Executable.run(["check", "base.harmoni", "datasets/feil.harmoni", "--lang", "en"], in: folder.path)
        #expect(result.status == 1)
        let golden = try String(
            contentsOf: Golden.folder.appendingPathComponent("language/diagnostics-en.txt"), encoding: .utf8)
        #expect(result.stderr == golden + "12 error(s) in 2 files\n", "\(Golden.firstDifference(golden, result.stderr))")
    }

    @Test("The caret stands under the marked column and spans the range, counting characters not bytes")
    func caret() {
        let source = MarkedSource("let røyken = 1️⃣\"åpen\n")
        let diagnostic = Diagnostic(.error, .unterminatedString, file: source.name, range: SourceRange(source["1️⃣"], source["1️⃣"] + 6))
        let text = DiagnosticRenderer(language: .en).render(diagnostic, in: source.file)
        #expect(
            text == """
                <test>:1:14: error: string is missing its closing «"» on the same line
                  1 | let røyken = "åpen
                    |              ^~~~~

                """)
    }

    @Test("Tabs before the column are kept so the caret lines up; control characters are made visible")
    func tabsAndControls() {
        let source = MarkedSource("\t\u{7}x = 1️⃣§\n")
        let diagnostic = Diagnostic(.error, .unexpectedCharacter("«§»"), file: source.name, range: SourceRange(source["1️⃣"], source["1️⃣"] + 2))
        let text = DiagnosticRenderer(language: .nb).render(diagnostic, in: source.file)
        #expect(text == "<test>:1:7: feil: uventet tegn «§»\n  1 | \t�x = §\n    | \t     ^\n")
    }

    @Test("A diagnostic at the end of the input points after the last character, with its note")
    func atEnd() throws {
        let source = MarkedSource("fee a.b.c {\n  value = 1 kr1️⃣")
        let diagnostic = try #require(source.parse().diagnostics.first)
        #expect(diagnostic.location(in: source.file) == source.location("1️⃣"))
        let text = DiagnosticRenderer(language: .en).render(diagnostic, in: source.file)
        #expect(
            text == """
                <test>:2:15: error: block is missing its closing «}»
                  2 |   value = 1 kr
                    |               ^
                <test>:1:1: note: the block starts here
                  1 | fee a.b.c {
                    | ^~~~~~~~~~~

                """)
    }

    @Test("A very long line is cut around the column so the caret stays on screen")
    func longLine() throws {
        let source = MarkedSource("let x = " + String(repeating: "a + ", count: 100) + "1️⃣)" + String(repeating: " + b", count: 100))
        let diagnostic = try #require(source.parse().diagnostics.first)
        #expect(diagnostic.range.start == source["1️⃣"])
        let lines = DiagnosticRenderer(language: .en).render(diagnostic, in: source.file).split(separator: "\n")
        #expect(lines[0] == "<test>:1:409: error: expected a value, found «)»")
        #expect(lines[1].hasPrefix("  1 | …") && lines[1].hasSuffix("…"))
        #expect(lines[1].count < 200)
        let caretColumn = try #require(lines[2].firstIndex(of: "^"))
        let excerpt = lines[1]
        let underCaret = excerpt[excerpt.index(excerpt.startIndex, offsetBy: lines[2].distance(from: lines[2].startIndex, to: caretColumn))]
        #expect(underCaret == ")")
    }

    @Test("Without the file's text only the header line is printed; colours only when asked for")
    func headerOnlyAndColours() {
        let diagnostic = Diagnostic(.warning, .unexpectedEnd, file: "x.harmoni", range: .at(0))
        #expect(DiagnosticRenderer(language: .en).render(diagnostic, in: nil) == "x.harmoni: warning: unexpected end of input\n")
        let coloured = DiagnosticRenderer(language: .nb, colours: true).render(diagnostic, in: nil)
        #expect(coloured == "x.harmoni: \u{1B}[1;33madvarsel\u{1B}[0m: uventet slutt på teksten\n")
    }

    @Test("Diagnostics are values: equal when everything is equal, and a bag tells whether errors occurred")
    func values() {
        let a = Diagnostic(.error, .unterminatedBlock, file: "f", range: SourceRange(1, 2))
        #expect(a == Diagnostic(.error, .unterminatedBlock, file: "f", range: SourceRange(1, 2)))
        #expect(a != Diagnostic(.error, .unterminatedBlock, file: "f", range: SourceRange(1, 3)))
        var bag = DiagnosticBag()
        bag.append(Diagnostic(.warning, .unexpectedEnd, file: "f", range: .at(0)))
        #expect(!bag.hasErrors)
        bag.append(contentsOf: [a])
        #expect(bag.hasErrors)
        #expect(SourceRange(5, 3) == SourceRange(5, 5))
        #expect(SourceRange(2, 4).union(SourceRange(7, 9)) == SourceRange(2, 9))
    }

    @Test("Line and column are computed from byte offsets, with CRLF lines shown without the CR")
    func locations() {
        let file = SourceFile(name: "f", text: "ab\r\nøc\n\nd")
        #expect(file.location(of: 0) == (1, 1))
        #expect(file.location(of: 4) == (2, 1))
        #expect(file.location(of: 6) == (2, 2))
        #expect(file.location(of: 8) == (3, 1))
        #expect(file.location(of: 10) == (4, 2))
        #expect(file.location(of: 99) == (4, 2))
        #expect(file.lineText(1) == "ab")
        #expect(file.lineText(2) == "øc")
        #expect(file.lineText(0).isEmpty && file.lineText(9).isEmpty)
        #expect(file.slice(SourceRange(4, 7)) == "øc")
    }
}
