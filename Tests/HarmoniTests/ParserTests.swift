import Testing

@testable import Harmoni

/// Parses `text`, expecting no diagnostics.
func parseClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> SourceUnit {
    let (unit, diagnostics) = Parser.parse(SourceFile(name: "<test>", text: text))
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message.en))", sourceLocation: sourceLocation)
    return unit
}

/// The dump of the expression in `let x = <text>`.
func expressionDump(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let unit = parseClean("let x = " + text, sourceLocation: sourceLocation)
    guard unit.statements.count == 1, case .binding(_, let value) = unit.statements[0].kind else {
        Issue.record("not one binding: \(unit.dump())", sourceLocation: sourceLocation)
        return ""
    }
    return value.dump()
}

@Suite("Parser: every grammar construct")
struct ParserTests {
    @Test("A block holds its kind, dotted id and attributes in order")
    func block() throws {
        let unit = parseClean("fee asker.sfo.plass_5d {\n  value = 2 990 kr/mnd\n  status = published\n}\n")
        let statement = try #require(unit.statements.first)
        guard case .block(let block) = statement.kind else {
            Issue.record("not a block")
            return
        }
        #expect(block.kind.name == "fee")
        #expect(block.id.text == "asker.sfo.plass_5d")
        #expect(block.attributes.map(\.name.name) == ["value", "status"])
        #expect(block.attribute("status")?.value.dump() == "(path published)")
        #expect(statement.range == SourceRange(0, 70))
    }

    @Test("A block may be written on one line and may be empty")
    func oneLineAndEmptyBlocks() {
        #expect(parseClean("rule a.b.c.d { value = 1 }").dump() == "(block rule a.b.c.d (value (num 1e-0 -) []) [] [])")
        #expect(parseClean("missing a.b {\n}").dump() == "(block missing a.b  [] [])")
        #expect(parseClean("missing a.b {}").dump() == "(block missing a.b  [] [])")
    }

    @Test("let binds a name to an expression")
    func binding() {
        #expect(parseClean("let tak = 2 990 kr * 11").dump() == "(let tak (* (num 2990e-0 kr) (num 11e-0 -)) [])")
    }

    @Test("A command is a keyword and words up to the line end, with bare = allowed")
    func commands() {
        #expect(
            parseClean("harmonise sfo.* to lowest").dump()
                == "(command harmonise (path sfo.*) (path to) (path lowest) [])")
        #expect(
            parseClean("set trygghetsalarm.maaned = 250 kr from 2020").dump()
                == "(command set (path trygghetsalarm.maaned) = (num 250e-0 kr) (path from) (num 2020e-0 -) [])")
        #expect(parseClean("show").dump() == "(command show  [])")
        #expect(parseClean("deflator 2020 = 3,1 %").dump() == "(command deflator (num 2020e-0 -) = (num 31e-1 %) [])")
    }

    @Test("Arithmetic: * and / bind tighter than + and -, all left-associative", arguments: [
        ("1 + 2 * 3", "(+ (num 1e-0 -) (* (num 2e-0 -) (num 3e-0 -)))"),
        ("1 - 2 - 3", "(- (- (num 1e-0 -) (num 2e-0 -)) (num 3e-0 -))"),
        ("a * b / c", "(/ (* (path a) (path b)) (path c))"),
        ("(1 + 2) * 3", "(* (paren (+ (num 1e-0 -) (num 2e-0 -))) (num 3e-0 -))"),
        ("1 +\n 2", "(+ (num 1e-0 -) (num 2e-0 -))"),
        ("(1 +\n 2\n)", "(paren (+ (num 1e-0 -) (num 2e-0 -)))"),
        ("\n  1 + 1", "(+ (num 1e-0 -) (num 1e-0 -))"),
    ])
    func arithmetic(text: String, dump: String) {
        #expect(expressionDump(text) == dump)
    }

    @Test("Unary minus binds tightest and may repeat", arguments: [
        ("-2 * 3", "(* (- (num 2e-0 -)) (num 3e-0 -))"),
        ("--1", "(- (- (num 1e-0 -)))"),
        ("-1 200 kr", "(- (num 1200e-0 kr))"),
        ("1 - -2", "(- (num 1e-0 -) (- (num 2e-0 -)))"),
        ("-(a)", "(- (paren (path a)))"),
    ])
    func unaryMinus(text: String, dump: String) {
        #expect(expressionDump(text) == dump)
    }

    @Test("Comparisons take arithmetic operands", arguments: [
        ("a + 1 <= b * 2", "(<= (+ (path a) (num 1e-0 -)) (* (path b) (num 2e-0 -)))"),
        ("a < b", "(< (path a) (path b))"), ("a > b", "(> (path a) (path b))"),
        ("a >= b", "(>= (path a) (path b))"), ("a == b", "(== (path a) (path b))"),
        ("a != b", "(!= (path a) (path b))"),
    ])
    func comparisons(text: String, dump: String) {
        #expect(expressionDump(text) == dump)
    }

    @Test("Ranges: closed, open at either end, of dates, years and expressions", arguments: [
        ("2020...2023", "(range (num 2020e-0 -) (num 2023e-0 -))"),
        ("2019-01-01...2019-07-31", "(range (date 2019-01-01) (date 2019-07-31))"),
        ("2019-02-01...", "(range (date 2019-02-01) nil)"),
        ("...2019-07-31", "(range nil (date 2019-07-31))"),
        ("a + 1...b", "(range (+ (path a) (num 1e-0 -)) (path b))"),
        ("2020...-1", "(range (num 2020e-0 -) (- (num 1e-0 -)))"),
    ])
    func ranges(text: String, dump: String) {
        #expect(expressionDump(text) == dump)
    }

    @Test("Lists and calls take comma-separated expressions, also over several lines", arguments: [
        ("[]", "(list )"),
        ("[a.b, 2 990 kr]", "(list (path a.b) (num 2990e-0 kr))"),
        ("[\n  a,\n  b\n]", "(list (path a) (path b))"),
        ("lowest()", "(call lowest )"),
        ("weighted(sfo.*, 2020...2023)", "(call weighted (path sfo.*) (range (num 2020e-0 -) (num 2023e-0 -)))"),
        ("max(min(a, 1), [b])", "(call max (call min (path a) (num 1e-0 -)) (list (path b)))"),
        ("f(\n  1,  # one\n  2\n)", "(call f (num 1e-0 -) (num 2e-0 -))"),
        ("[\n  lowest(a),\n  # c\n  b.\n  c\n]", "(list (call lowest (path a)) (path b.c))"),
    ])
    func listsAndCalls(text: String, dump: String) {
        #expect(expressionDump(text) == dump)
    }

    @Test("Paths: dotted identifiers, with .* only as the last part")
    func paths() {
        #expect(expressionDump("asker.sfo.plass_5d") == "(path asker.sfo.plass_5d)")
        #expect(expressionDump("sfo.*") == "(path sfo.*)")
        #expect(expressionDump("løs") == "(path løs)")
        #expect(expressionDump("\"tekst\"") == "(str \"tekst\")")
    }

    @Test("Leading, trailing and closing comments and blank lines are kept on their statement or attribute")
    func comments() throws {
        let text = """
            # file header

            # about the fee
            fee a.b.c {  # opening
              # about value
              value = 1 kr  # trailing

              status = published
              # closing
            }  # after the block
            let x = 1
            # the end

            """
        let unit = parseClean(text)
        #expect(unit.statements.count == 2)
        let fee = try #require(unit.statements.first)
        #expect(fee.trivia.leadingComments == ["file header", Trivia.blankLine, "about the fee"])
        #expect(fee.trivia.trailingComment == "after the block")
        guard case .block(let block) = fee.kind else {
            Issue.record("not a block")
            return
        }
        #expect(block.openingComment == "opening")
        #expect(block.attributes[0].trivia.leadingComments == ["about value"])
        #expect(block.attributes[0].trivia.trailingComment == "trailing")
        #expect(block.attributes[1].trivia.blankLineBefore)
        #expect(block.closingComments == ["closing"])
        #expect(unit.trailingComments == ["the end"])
    }

    @Test("Blank lines before a statement are remembered")
    func blankLines() {
        let unit = parseClean("let a = 1\n\n\nlet b = 2\nlet c = 3\n")
        #expect(unit.statements.map(\.trivia.blankLineBefore) == [false, true, false])
    }

    @Test("CRLF line endings parse like LF")
    func crlf() {
        let lf = parseClean("# c\nfee a.b.c {\n  value = 1\n}\nlet x = 2\n")
        let crlf = parseClean("# c\r\nfee a.b.c {\r\n  value = 1\r\n}\r\nlet x = 2\r\n")
        #expect(lf.dump() == crlf.dump())
    }

    @Test("An empty file and a file of only comments parse to no statements")
    func emptyFiles() {
        #expect(parseClean("").statements.isEmpty)
        #expect(parseClean("\n\n").statements.isEmpty)
        #expect(parseClean("# only\n# comments").trailingComments == ["only", "comments"])
    }
}
