import Foundation
import Testing

@testable import Harmoni
import HarmoniFuzzing

/// The canonical text of `text` as `harmoni fmt` makes it, or nil if `text` does not parse cleanly.
private func fmt(_ text: String) -> String? {
    let (unit, diagnostics) = Parser.parse(SourceFile(name: "fmt", text: text))
    return diagnostics.isEmpty ? Formatter.format(unit) : nil
}

/// What libFuzzer (`Tests/libfuzzer/run`) found, each as a regression test with the family of
/// inputs around it, and exhaustive checks over every short input of a small alphabet.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
    @Test(
        "A comment ending in any number of carriage returns loses them all: fmt is idempotent (libFuzzer, front)",
        arguments: ["#x\r\r", "#x\r\r\n", "# x\r\r\r\n", "#\r\r", "#\r\r\r", "let a = 1 #x\r\r\n", "fee a.b {  # c\r\r\n}\n",
            "# x\r \r\r\n", "#\r\r\n#\r\n"])
    func commentEndingInCarriageReturns(input: String) throws {
        let once = try #require(fmt(input))
        #expect(fmt(once) == once, "not idempotent: \(input.debugDescription) → \(once.debugDescription)")
        #expect(FuzzChecks.frontEnd(input) == nil)
        for comment in commentTexts(input) { #expect(!comment.hasSuffix("\r"), "\(comment.debugDescription)") }
    }

    @Test(
        "A CR between a number and its unit is white space, as a tab is: fmt keeps the tree (libFuzzer, front: `rint 990\\rkr`)",
        arguments: ["rint 990\rkr\n", "print 990\rkr\n", "let a = 2 990\r\rkr/mnd\n", "print 5\r%\n", "print 3\r \tkr\n",
            "let b = 7\rtimer/uke\n", "print 1\rkr/uke\n"])
    func carriageReturnBeforeUnit(input: String) throws {
        #expect(FuzzChecks.frontEnd(input) == nil)
        let spaced = input.replacingOccurrences(of: "\r", with: " ")
        let tree = Parser.parse(SourceFile(name: "a", text: input))
        let spacedTree = Parser.parse(SourceFile(name: "b", text: spaced))
        #expect(tree.diagnostics.map(\.message.code) == spacedTree.diagnostics.map(\.message.code))
        #expect(tree.unit.dump(includingLayout: false) == spacedTree.unit.dump(includingLayout: false))
    }

    @Test(
        "A grammar keyword called with a compound value keeps its call when formatted (harmoni-fuzz front --seed 1 --case 1104, 4297, …)",
        arguments: [
            "if round((2 timer/uke) / 1 408,43 G) = 1",
            "print round((value))",
            "print to(1 + 2)",
            "show x round(a.b)",
            "harmonise sfo.* to(2 990 kr)",
            "harmonise sfo.* by - 5 %",
        ])
    func keywordCalls(_ text: String) {
        expectFormatterPromises(text)
        #expect(FuzzChecks.frontEnd(text) == nil, "\(FuzzChecks.frontEnd(text) ?? "")")
    }

    @Test("The lexer drops every carriage return at the end of a comment, and only those")
    func commentText() {
        #expect(commentTexts("#x\r\r\r\n") == ["x"])
        #expect(commentTexts("# a\rb\r\r") == ["a\rb"])
        #expect(commentTexts("#\r\r\n") == [""])
        #expect(commentTexts("# x \r\n") == ["x "])
    }

    /// Every string of up to `length` pieces of `alphabet`, in order.
    static func strings(of alphabet: [String], upTo length: Int) -> [String] {
        var all: [String] = [""]
        var last: [String] = [""]
        for _ in 0..<length {
            last = last.flatMap { prefix in alphabet.map { prefix + $0 } }
            all += last
        }
        return all
    }

    @Test("Every string of up to 5 pieces of {#, x, CR, LF, space, tab, let a = 1}: fmt(fmt(s)) == fmt(s), fmt's text parses back, every fuzz check holds")
    func exhaustiveShortInputs() {
        let inputs = Self.strings(of: ["#", "x", "\r", "\n", " ", "\t", "let a = 1"], upTo: 5)
        #expect(inputs.count == 19_608)
        var clean = 0
        var failures = 0
        for input in inputs where failures < 5 {
            if let problem = FuzzChecks.frontEnd(input) {
                Issue.record("\(input.debugDescription): \(problem)")
                failures += 1
            }
            guard let once = fmt(input) else { continue }
            clean += 1
            guard let twice = fmt(once) else {
                Issue.record("fmt's text does not parse: \(input.debugDescription) → \(once.debugDescription)")
                failures += 1
                continue
            }
            if twice != once {
                Issue.record("not idempotent: \(input.debugDescription) → \(once.debugDescription) → \(twice.debugDescription)")
                failures += 1
            }
        }
        print("FuzzFindingsTests.exhaustiveShortInputs: \(inputs.count) inputs, \(clean) parse cleanly")
        // Comments, blank lines and `let` lines parse; a bare `x` does not: both kinds are covered.
        #expect(clean > 1_000 && clean < inputs.count, "\(clean) of \(inputs.count) parse cleanly")
    }

    @Test("The libFuzzer dictionary has every word of the vocabulary, each entry reads back as its word's bytes")
    func dictionary() throws {
        let lines = FuzzDictionary.text.split(separator: "\n").map(String.init)
        #expect(lines.count == FuzzDictionary.words.count)
        for word in ["vis", "harmoniser", "laveste", "kr/mnd", "m³", "..."] { #expect(FuzzDictionary.words.contains(word)) }
        for (line, word) in zip(lines, FuzzDictionary.words) {
            // libFuzzer's form: "…" with \\, \" and \xNN escapes, printable ASCII otherwise.
            var bytes: [UInt8] = []
            var rest = Array(line.utf8.dropFirst().dropLast())
            #expect(line.hasPrefix("\"") && line.hasSuffix("\""))
            while let byte = rest.first {
                #expect(byte >= 0x20 && byte < 0x7F, "\(line)")
                if byte == UInt8(ascii: "\\"), rest.count > 1, rest[1] == UInt8(ascii: "x") {
                    bytes.append(try #require(UInt8(String(decoding: rest[2..<4], as: UTF8.self), radix: 16)))
                    rest.removeFirst(4)
                } else if byte == UInt8(ascii: "\\") {
                    bytes.append(rest[1])
                    rest.removeFirst(2)
                } else {
                    bytes.append(byte)
                    rest.removeFirst()
                }
            }
            #expect(bytes == Array(word.utf8), "\(line) is not \(word.debugDescription)")
        }
    }
}
