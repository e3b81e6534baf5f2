import Foundation
import Testing

@testable import Harmoni

@Suite("Hostile inputs")
struct FuzzHostileTests {
    @Test("10 000-deep nesting is one nesting-too-deep diagnostic, never a stack overflow", arguments: [
        ("(", "1", ")"), ("[", "1", "]"), ("f(", "1", ")"), ("-", "1", ""), ("-(", "1", ")"), ("(", "", ""),
    ])
    func deepNesting(open: String, middle: String, close: String) throws {
        let text = "let x = " + String(repeating: open, count: 10_000) + middle + String(repeating: close, count: 10_000)
            + "\nlet y = 2\n"
        let (unit, diagnostics) = Parser.parse(SourceFile(name: "deep", text: text))
        let first = try #require(diagnostics.first)
        #expect(first.message.code == "nesting-too-deep")
        #expect(diagnostics.count == 1)
        // Recovery goes on at the next line.
        #expect(unit.statements.count == 1)
        #expect(checkInput(text) == nil)
    }

    @Test("A 100 000-term sum or product has too many terms, not a crash in the formatter or on freeing the tree")
    func longChains() throws {
        for op in [" + ", "*", " - ", " / "] {
            let text = "let x = 1" + String(repeating: op + "1", count: 100_000) + "\n"
            let diagnostics = Parser.parse(SourceFile(name: "chain", text: text)).diagnostics
            #expect(diagnostics.map(\.message.code) == ["too-many-terms"])
        }
    }

    @Test("A flat sum of 201 (or 500) terms is not nesting: it parses, formats, loads and adds up")
    func flatSums() throws {
        for count in [201, Parser.maximumTerms] {
            let sum = "let x = 1" + String(repeating: " + 1", count: count - 1) + "\n"
            #expect(Parser.parse(SourceFile(name: "ok", text: sum)).diagnostics.isEmpty)
            #expect(checkInput(sum) == nil)
            let session = Fixtures.session()
            let result = session.run(SourceFile(name: "sum", text: "print 0" + String(repeating: " + 1", count: count) + "\n"))
            #expect(!result.hasErrors)
            guard case .text(let printed) = try #require(result.outputs.first) else { Issue.record("no text"); continue }
            #expect(printed.filter(\.isNumber) == "\(count)")
        }
        // Brackets inside a long sum still count as nesting, and the two limits add up to a safe tree.
        let mixed = "let x = " + String(repeating: "(", count: 150) + "1" + String(repeating: " + 1", count: 300)
            + String(repeating: ")", count: 150) + "\n"
        #expect(Parser.parse(SourceFile(name: "ok", text: mixed)).diagnostics.isEmpty)
        #expect(checkInput(mixed) == nil)
        let over = "let x = 1" + String(repeating: " + 1", count: Parser.maximumTerms + 1) + "\n"
        #expect(Parser.parse(SourceFile(name: "over", text: over)).diagnostics.map(\.message.code) == ["too-many-terms"])
    }

    @Test("Nesting just under the limit parses, formats and loads")
    func underTheLimit() {
        let depth = Parser.maximumDepth - 2
        let text = "let x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\n"
        #expect(Parser.parse(SourceFile(name: "ok", text: text)).diagnostics.isEmpty)
        #expect(checkInput(text) == nil)
        let sum = "let x = 1" + String(repeating: " + 1", count: Parser.maximumDepth - 2) + "\n"
        #expect(Parser.parse(SourceFile(name: "ok", text: sum)).diagnostics.isEmpty)
        #expect(checkInput(sum) == nil)
        let attribute = "household h {\n  x = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n}\n"
        #expect(checkInput(attribute) == nil)
    }

    /// A line of `megabytes` made of `prefix`, `unit` repeated, and `suffix`.
    struct LongLine: CustomTestStringConvertible, Sendable {
        var name: String
        var prefix: String
        var unit: String
        var suffix = ""
        var megabytes = 10
        var testDescription: String { "\(name), \(megabytes) MB" }
    }

    @Test("A 10 MB line (or 1 MB of many small tokens) is read, reported and formatted without trouble", arguments: [
        LongLine(name: "identifier", prefix: "let x = ", unit: "a"), LongLine(name: "comment", prefix: "# ", unit: "x"),
        LongLine(name: "string", prefix: "let x = \"", unit: "ø", suffix: "\""),
        LongLine(name: "digits", prefix: "let x = ", unit: "9"),
        LongLine(name: "unterminated string", prefix: "let x = \"", unit: "a"),
        LongLine(name: "invalid characters", prefix: "", unit: "§"),
        LongLine(name: "sum", prefix: "let x = 1", unit: " + 1", megabytes: 1),
        LongLine(name: "words", prefix: "show", unit: " a", megabytes: 1),
        LongLine(name: "numbers", prefix: "show", unit: " 1", megabytes: 1),
        LongLine(name: "mixed garbage", prefix: "", unit: "§ €", megabytes: 1),
        LongLine(name: "dots", prefix: "let x = a", unit: ".", megabytes: 1),
    ])
    func longLine(line: LongLine) throws {
        let (name, megabytes) = (line.name, line.megabytes)
        let count = megabytes * 1_000_000 / line.unit.utf8.count
        let text = line.prefix + String(repeating: line.unit, count: count) + line.suffix + "\nlet y = 2\n"
        let file = SourceFile(name: "big", text: text)
        let (unit, diagnostics) = Parser.parse(file)
        #expect(unit.statements.count >= 1, "\(name)")
        #expect(diagnostics.count <= Parser.maximumDiagnostics + 1, "\(name)")
        if let first = diagnostics.first {
            let rendered = DiagnosticRenderer(language: .en).render(first, in: file)
            #expect(rendered.utf8.count < 1_000, "\(name): rendered \(rendered.utf8.count) bytes")
        } else {
            #expect(Formatter.format(unit).utf8.count >= megabytes * 1_000_000, "\(name)")
        }
    }

    @Test("Every control character is reported where it stands, kept in strings and comments, and shown visibly")
    func controlCharacters() throws {
        for value in Array(0..<32) + [127] where ![9, 10, 13].contains(value) {
            let character = String(UnicodeScalar(UInt8(value)))
            let source = MarkedSource("let x = 1 1️⃣\(character)\nlet s = \"a\(character)b\"  # c\(character)d\n")
            let (unit, diagnostics) = source.parse()
            let diagnostic = try #require(diagnostics.first)
            #expect(diagnostics.count == 1)
            #expect(diagnostic.message.code == "unexpected-character")
            #expect(diagnostic.range.start == source["1️⃣"])
            #expect(diagnostic.message.en.hasSuffix(String(format: "U+%04X", value)))
            #expect(
                unit.dump().contains("\n(let s (str \"a\(character)b\") []c\(character)d)"), "\(unit.dump().debugDescription)")
            let rendered = DiagnosticRenderer(language: .nb).render(diagnostic, in: source.file)
            #expect(!rendered.unicodeScalars.contains { $0.value == UInt32(value) }, "U+\(value) printed raw")
        }
    }

    @Test("Random bytes read through FileAccess are either text or a not-UTF-8 diagnostic in range")
    func invalidUTF8Files() throws {
        let seed = SplitMix64.seed(default: 0x4841_524D_4F4E_4934)
        print("FuzzHostileTests.invalidUTF8Files seed: \(seed)")
        var random = SplitMix64(seed: seed)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-utf8-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var invalid = 0
        for iteration in 0..<200 {
            var bytes = Array("fee a.b.c {\n  note = \"Røyken\"\n}\n".utf8)
            for _ in 0..<Int(random.next() % 4) {
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: Int(random.next() % UInt64(bytes.count)))
            }
            let path = folder.appendingPathComponent("f\(iteration).harmoni").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            switch FileAccess.readSource(path) {
            case .success(let file):
                #expect(FileAccess.firstInvalidUTF8(bytes) == nil, "seed \(seed), iteration \(iteration)")
                #expect(checkInput(file.text) == nil, "seed \(seed), iteration \(iteration)")
            case .failure(let diagnostic):
                invalid += 1
                #expect(diagnostic.message.code == "not-utf8")
                #expect(diagnostic.range.start < bytes.count)
                #expect(FileAccess.firstInvalidUTF8(bytes) == diagnostic.range.start)
            }
        }
        #expect(invalid > 20)
    }
}
