import Testing

@testable import Harmoni

/// One expected diagnostic: a code at a marker, and whether it is unexpected-end.
struct Expected: CustomStringConvertible {
    var code: String
    var marker: String
    var unexpectedEnd = false
    init(_ code: String, at marker: String, unexpectedEnd: Bool = false) {
        self.code = code
        self.marker = marker
        self.unexpectedEnd = unexpectedEnd
    }
    var description: String { "\(code)@\(marker)" }
}

/// Asserts that `diagnostics` are exactly `expected`, in order, each starting at its marker.
func expectDiagnostics(
    _ diagnostics: [Diagnostic], _ expected: [Expected], in source: MarkedSource,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = diagnostics.map { "\($0.message.code)@\($0.location(in: source.file))" }
    let wanted = expected.map { "\($0.code)@\(source.location($0.marker))" }
    #expect(actual == wanted, "\(diagnostics.map(\.message.en))", sourceLocation: sourceLocation)
    for (diagnostic, want) in zip(diagnostics, expected) {
        #expect(diagnostic.range.start == source[want.marker], sourceLocation: sourceLocation)
        #expect(diagnostic.isUnexpectedEnd == want.unexpectedEnd, "\(want)", sourceLocation: sourceLocation)
    }
}

@Suite("Parser: error recovery and unexpected end")
struct ParserRecoveryTests {
    @Test("Several independent mistakes give several diagnostics in one run, each at its place")
    func severalErrors() {
        let source = MarkedSource(
            """
            fee asker.sfo.a {
              value = 1️⃣2.990,5 kr
              status 2️⃣published
              3️⃣= 1
            }
            let x = (1 + 4️⃣)
            show diff 5️⃣} sfo
            fee asker.sfo.b {
              value = 6️⃣"open
            }
            let y = 2
            """)
        let (unit, diagnostics) = source.parse()
        expectDiagnostics(
            diagnostics,
            [
                Expected("malformed-number", at: "1️⃣"), Expected("unexpected-token", at: "2️⃣"),
                Expected("unexpected-token", at: "3️⃣"), Expected("unexpected-token", at: "4️⃣"),
                Expected("unexpected-token", at: "5️⃣"), Expected("unterminated-string", at: "6️⃣"),
            ], in: source)
        // Both blocks close, and the statement after the broken ones is read.
        #expect(unit.statements.count == 3)
        #expect(unit.dump().hasSuffix("(let y (num 2e-0 -) [])"))
    }

    @Test("A block open at the end of the input is unexpected-end, with a note at its header")
    func unterminatedBlockAtEnd() throws {
        let source = MarkedSource("1️⃣fee asker.sfo.a 2️⃣{\n  value = 1 kr3️⃣\n")
        let (unit, diagnostics) = source.parse()
        expectDiagnostics(diagnostics, [Expected("unterminated-block", at: "3️⃣", unexpectedEnd: true)], in: source)
        let note = try #require(diagnostics.first?.notes.first)
        #expect(note.message.code == "block-opened-here")
        #expect(note.range == SourceRange(source["1️⃣"], source["2️⃣"] + 1))
        #expect(unit.statements.count == 1)
        #expect(Diagnostic.needsContinuation(diagnostics))
    }

    @Test("A block left open before the next block is reported at its header, not as unexpected end")
    func unterminatedBlockBeforeNext() {
        let source = MarkedSource("1️⃣fee asker.sfo.a {\n  value = 1 kr\nfee asker.sfo.b {\n  value = 2 kr\n}\n")
        let (unit, diagnostics) = source.parse()
        expectDiagnostics(diagnostics, [Expected("unterminated-block", at: "1️⃣")], in: source)
        #expect(unit.statements.count == 2)
        #expect(!Diagnostic.needsContinuation(diagnostics))
    }

    @Test("Input that stops inside brackets or after an operator is unexpected-end", arguments: [
        "let x = (1 + 21️⃣", "let x = [a, b1️⃣", "let x = f(1,1️⃣", "let x = 1 +1️⃣", "let x = 1 *1️⃣\n\n",
        "let x = a <=1️⃣", "show diff (sfo1️⃣\n  # still open\n", "let x =1️⃣", "let x =1️⃣\n",
        "fee a.b.c {\n  value = (1 +1️⃣\n",
    ])
    func unexpectedEnd(marked: String) throws {
        let source = MarkedSource(marked)
        let (_, diagnostics) = source.parse()
        let first = try #require(diagnostics.first)
        #expect(first.range.start == source["1️⃣"])
        #expect(diagnostics.allSatisfy { $0.isUnexpectedEnd }, "\(diagnostics.map(\.message.en))")
        #expect(Diagnostic.needsContinuation(diagnostics))
    }

    @Test("What was typed before the continuation parses once the rest arrives", arguments: [
        ("let x = (1 +", "2)"), ("let x = [a,", "b]"), ("let x = 1 +", "2"), ("let x =", "5"),
        ("fee a.b.c {", "  value = 1\n}"),
    ])
    func continuationCompletes(first: String, rest: String) {
        #expect(Diagnostic.needsContinuation(Parser.parse(SourceFile(name: "r", text: first + "\n")).diagnostics))
        #expect(Parser.parse(SourceFile(name: "r", text: first + "\n" + rest + "\n")).diagnostics.isEmpty)
    }

    @Test("An unterminated string is an error, not unexpected-end: strings are one line", arguments: [
        "let x = 1️⃣\"abc", "fee a.b.c {\n  note = 1️⃣\"abc\n}", "show 1️⃣\"abc\n",
    ])
    func unterminatedString(marked: String) throws {
        let source = MarkedSource(marked)
        let (_, diagnostics) = source.parse()
        let first = try #require(diagnostics.first)
        #expect(first.message.code == "unterminated-string")
        #expect(first.range.start == source["1️⃣"])
        #expect(!first.isUnexpectedEnd)
        #expect(!Diagnostic.needsContinuation(diagnostics))
    }

    @Test("A missing value is reported at the end of its line when the next line is an attribute")
    func missingValue() {
        let source = MarkedSource("fee a.b.c {\n  value =1️⃣\n  status = published\n}\n")
        let (unit, diagnostics) = source.parse()
        expectDiagnostics(diagnostics, [Expected("unexpected-token", at: "1️⃣")], in: source)
        #expect(unit.dump().contains("(status (path published) [])"))
    }

    @Test("A value may continue on the next line after =")
    func valueOnNextLine() {
        let unit = parseClean("let x =\n  2 990 kr\nfee a.b.c {\n  value =\n    1 kr\n}\n")
        #expect(unit.statements.count == 2)
    }

    @Test("A mistake before } on the same line still closes the block")
    func braceAfterMistake() {
        let source = MarkedSource("fee a.b.c { value = 1️⃣}\nlet x = 1\n")
        let (unit, diagnostics) = source.parse()
        expectDiagnostics(diagnostics, [Expected("unexpected-token", at: "1️⃣")], in: source)
        #expect(unit.statements.count == 2)
        guard case .block(let block) = unit.statements[0].kind else {
            Issue.record("not a block")
            return
        }
        #expect(block.unreadableFields == ["value"])
        #expect(!block.containsErrors)
        #expect(!block.mayReportMissing("value") && block.mayReportMissing("status"))
    }

    @Test("Stray closing braces and statements that start with punctuation are reported and skipped")
    func strayTokens() {
        let source = MarkedSource("1️⃣}\n2️⃣= 3\nlet x = 1\n3️⃣) x\n")
        let (unit, diagnostics) = source.parse()
        expectDiagnostics(
            diagnostics,
            [
                Expected("unexpected-token", at: "1️⃣"), Expected("unexpected-token", at: "2️⃣"),
                Expected("unexpected-token", at: "3️⃣"),
            ], in: source)
        #expect(unit.statements.count == 1)
    }

    @Test("A word glued to a number in an attribute is an unknown unit, reported over the whole word")
    func unknownUnit() throws {
        let source = MarkedSource("fee a.b.c {\n  value = 2 990 1️⃣kr/uke2️⃣  # per week\n  vat = none\n}\n")
        let (unit, diagnostics) = source.parse()
        expectDiagnostics(diagnostics, [Expected("unknown-unit", at: "1️⃣")], in: source)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.range.end == source["2️⃣"])
        #expect(diagnostic.message.en.hasPrefix("unknown unit «kr/uke»; known units: kr, tkr, kr/mnd"))
        #expect(unit.dump().contains("(vat (path none) [])"))
    }

    @Test("A missing = after a field name and a missing field name are reported where they belong")
    func attributeShape() {
        let source = MarkedSource("fee a.b.c {\n  value 1️⃣1 kr\n  2️⃣2 = 3\n  vat = none 3️⃣extra\n}\n")
        let (_, diagnostics) = source.parse()
        expectDiagnostics(
            diagnostics,
            [
                Expected("unexpected-token", at: "1️⃣"), Expected("unexpected-token", at: "2️⃣"),
                Expected("unexpected-token", at: "3️⃣"),
            ], in: source)
        #expect(diagnostics[0].message.en == "expected «=» after «value», found «1 kr»")
        #expect(diagnostics[1].message.en == "expected a field name or «}», found «2»")
        #expect(diagnostics[2].message.nb == "forventet linjeskift etter verdien, fant «extra»")
    }

    @Test("A path cannot end in a dot")
    func danglingDot() {
        let source = MarkedSource("let x = a.1️⃣5\n")
        expectDiagnostics(source.parse().diagnostics, [Expected("unexpected-token", at: "1️⃣")], in: source)
    }

    @Test("Found-texts name the token in the message's own language")
    func foundInBothLanguages() throws {
        let diagnostic = try #require(MarkedSource("let x = \"a\" \"b\"").parse().diagnostics.first)
        #expect(diagnostic.message.nb == "forventet linjeskift, fant en tekst")
        #expect(diagnostic.message.en == "expected end of line, found a string")
        let atEnd = try #require(MarkedSource("let x = (").parse().diagnostics.first)
        #expect(atEnd.message.en == "expected a value, found the end of the input")
        #expect(atEnd.message.nb == "forventet en verdi, fant slutten av teksten")
    }

    @Test("A line without a field name, or the input ending inside a block, may hide any field")
    func containsErrors() throws {
        for text in ["fee a.b.c {\n  = 1\n}\n", "fee a.b.c {\n  value = 1\n"] {
            let (unit, _) = Parser.parse(SourceFile(name: "t", text: text))
            guard case .block(let block) = try #require(unit.statements.first).kind else {
                Issue.record("not a block")
                continue
            }
            #expect(block.containsErrors)
            #expect(!block.mayReportMissing("status"))
        }
    }

    @Test("An unclosed bracket that meets something else notes where it was opened", arguments: [
        ("let x = 1️⃣(1 + 2\n2️⃣let y = 3\n", "("), ("let x = 1️⃣[a, b\n  2️⃣c]\n", "["), ("let x = f1️⃣(a\n  2️⃣b)\n", "("),
    ])
    func openedHere(marked: String, bracket: String) throws {
        let source = MarkedSource(marked)
        let diagnostic = try #require(source.parse().diagnostics.first)
        #expect(diagnostic.message.code == "unexpected-token")
        #expect(diagnostic.range.start == source["2️⃣"])
        let note = try #require(diagnostic.notes.first)
        #expect(note.message.code == "opened-here")
        #expect(note.message.en == "«\(bracket)» opened here")
        #expect(note.range.start == source["1️⃣"])
        #expect(!diagnostic.isUnexpectedEnd)
    }

    @Test("Garbage on thousands of lines is reported up to the limit, then summed up once")
    func tooManyErrors() throws {
        let text = String(repeating: "} § \"\n", count: 2_000)
        let diagnostics = Parser.parse(SourceFile(name: "junk", text: text)).diagnostics
        #expect(diagnostics.count == Parser.maximumDiagnostics + 1)
        let last = try #require(diagnostics.last)
        #expect(last.message.code == "too-many-errors")
        #expect(last.message.en == "too many errors; only the first 1000 are shown")
        #expect(diagnostics.dropLast().allSatisfy { $0.message.code != "too-many-errors" })
    }

    @Test("A block without an id is one diagnostic; its body is skipped, and the next block is read")
    func blockWithoutID() {
        let source = MarkedSource("fee 1️⃣{\n  value = 1 kr\n  vat = none\n}\nfee a.b.c {\n  value = 2 kr\n}\n")
        let (unit, diagnostics) = source.parse()
        expectDiagnostics(diagnostics, [Expected("unexpected-token", at: "1️⃣")], in: source)
        #expect(diagnostics.first?.message.en == "expected a name (id) after «fee», found «{»")
        #expect(unit.statements.count == 1)
    }
}
