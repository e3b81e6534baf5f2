import Testing

@testable import Harmoni

/// The tokens of a text, without the final end-of-file token.
func lex(_ text: String) -> (kinds: [TokenKind], diagnostics: [Diagnostic]) {
    let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "<test>", text: text))
    return (tokens.dropLast().map(\.kind), diagnostics)
}

func number(_ significand: Int64, scale: Int = 0, _ unit: Unit? = nil, grouped: Bool = false) -> TokenKind {
    .number(DecimalNumber(significand: significand, scale: scale), unit: unit, grouped: grouped)
}

@Suite("Lexer")
struct LexerTests {
    @Test("Whole numbers group thousands with exactly one space and groups of three")
    func grouping() {
        #expect(lex("2 990").kinds == [number(2990, grouped: true)])
        #expect(lex("1 234 567").kinds == [number(1_234_567, grouped: true)])
        #expect(lex("2019").kinds == [number(2019)])
        // A first group of four digits is not a grouped number: two numbers.
        #expect(lex("2019 123").kinds == [number(2019), number(123)])
        // A group of two digits ends the number.
        #expect(lex("1 23").kinds == [number(1), number(23)])
        // Two spaces end it as well.
        #expect(lex("12  345").kinds == [number(12), number(345)])
    }

    @Test("A decimal comma followed by a digit belongs to the number; a comma and a space separate")
    func decimalComma() {
        #expect(lex("1 408,43").kinds == [number(140_843, scale: 2, grouped: true)])
        #expect(lex("2,50").kinds == [number(250, scale: 2)])
        #expect(lex("1, 2").kinds == [number(1), .comma, number(2)])
    }

    @Test("Units are read after a space, without one, and as accepted variants", arguments: [
        ("2 990 kr", Unit.kroner), ("2 990 kr/mnd", .kronerPerMonth), ("33 140 kr/år", .kronerPerYear),
        ("179 kr/dag", .kronerPerDay), ("165 kr/døgn", .kronerPerDogn), ("15,66 kr/m3", .kronerPerCubicMetre),
        ("15,66 kr/m³", .kronerPerCubicMetre), ("15,08 kr/l/år", .kronerPerLitreYear), ("45 kr/m²", .kronerPerSquareMetre),
        ("3,1 %", .percent), ("3,1%", .percent), ("2,5 G", .grunnbelop), ("4 timer/mnd", .hoursPerMonth),
        ("20 timer/uke", .hoursPerWeek), ("150 m³", .cubicMetres), ("150 m3/år", .cubicMetresPerYear),
        ("120 m2", .squareMetres), ("11 mnd", .months), ("3 år", .years), ("519 760 tkr", .thousandKroner),
        ("2 560 kr/semester", .kronerPerSemester), ("497 kr/time", .kronerPerHour), ("2990kr", .kroner),
    ])
    func units(text: String, unit: Unit) throws {
        let (kinds, diagnostics) = lex(text)
        #expect(diagnostics.isEmpty)
        let kind = try #require(kinds.first)
        guard case .number(_, let read, _) = kind else {
            Issue.record("not a number: \(kind)")
            return
        }
        #expect(read == unit)
        #expect(kinds.count == 1)
    }

    @Test("A word that only starts like a unit is not a unit")
    func notAUnit() {
        #expect(lex("5 kroner").kinds == [number(5), .identifier("kroner")])
        #expect(lex("2 Gebyr").kinds == [number(2), .identifier("Gebyr")])
        #expect(lex("5 mndx").kinds == [number(5), .identifier("mndx")])
    }

    @Test("Dates are ISO; an impossible date is reported where it stands")
    func dates() throws {
        let date = try #require(CalendarDate(year: 2019, month: 8, day: 1))
        #expect(lex("2019-08-01").kinds == [.date(date)])
        let source = MarkedSource("valid = 1️⃣2019-02-30")
        let (kinds, diagnostics) = lex(source.text)
        #expect(kinds.last == .invalid)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message.code == "invalid-date")
        #expect(diagnostic.range == SourceRange(source["1️⃣"], source["1️⃣"] + 10))
    }

    @Test("Date ranges and year ranges lex as two ends around an ellipsis")
    func ranges() throws {
        let from = try #require(CalendarDate(year: 2019, month: 1, day: 1))
        #expect(lex("2019-01-01...").kinds == [.date(from), .ellipsis])
        #expect(lex("2020...2023").kinds == [number(2020), .ellipsis, number(2023)])
        #expect(lex("a.b").kinds == [.identifier("a"), .dot, .identifier("b")])
    }

    @Test("A decimal point or a point between thousands is one malformed-number diagnostic", arguments: [
        ("1️⃣2.5", "2.5"), ("1️⃣2.990,5 kr", "2.990,5"), ("x = 1️⃣1.000.000", "1.000.000"),
    ])
    func decimalPoint(marked: String, shown: String) throws {
        let source = MarkedSource(marked)
        let (_, diagnostics) = lex(source.text)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message.code == "malformed-number")
        #expect(diagnostic.range.start == source["1️⃣"])
        #expect(diagnostic.range.end == source["1️⃣"] + shown.utf8.count)
        #expect(diagnostic.message.nb.contains("«\(shown)»"))
    }

    @Test("A number of more than 18 digits is too large, not a crash")
    func tooLarge() throws {
        let (kinds, diagnostics) = lex("1234567890123456789012345")
        #expect(kinds == [.invalid])
        #expect(try #require(diagnostics.first).message.code == "number-too-large")
        #expect(lex("999 999 999 999 999 999").diagnostics.isEmpty)
    }

    @Test("Strings unescape \\\" \\\\ \\n \\t and keep everything else")
    func strings() {
        #expect(lex(#""a \"b\" \\ c\nd\te""#).kinds == [.string("a \"b\" \\ c\nd\te")])
        #expect(lex(#""Røyken: 2 990 kr # ikke kommentar""#).kinds == [.string("Røyken: 2 990 kr # ikke kommentar")])
    }

    @Test("An unknown escape is reported at the backslash and the whole character is skipped")
    func invalidEscape() throws {
        let source = MarkedSource(#""a1️⃣\ø b""#)
        let (kinds, diagnostics) = lex(source.text)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.message.code == "invalid-escape")
        #expect(diagnostic.message.nb.contains("«\\ø»"))
        #expect(diagnostic.range == SourceRange(source["1️⃣"], source["1️⃣"] + 3))
        #expect(kinds == [.string("a b")])
    }

    @Test("An unterminated string ends at the line break, is not unexpected-end, and lexing goes on")
    func unterminatedString() throws {
        let source = MarkedSource("x = 1️⃣\"abc\ny = 2")
        let (kinds, diagnostics) = lex(source.text)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message.code == "unterminated-string")
        #expect(diagnostic.range.start == source["1️⃣"])
        #expect(!diagnostic.isUnexpectedEnd)
        #expect(kinds.suffix(4) == [.newline, .identifier("y"), .equals, number(2)])
    }

    @Test("A backslash at the end of a line does not swallow the line break")
    func backslashAtLineEnd() {
        let (kinds, diagnostics) = lex("x = \"abc\\\ny = 2")
        #expect(diagnostics.map(\.message.code) == ["unterminated-string"])
        #expect(kinds.suffix(4) == [.newline, .identifier("y"), .equals, number(2)])
    }

    @Test("Comments drop the # and one space; CR before LF is not part of them")
    func comments() {
        #expect(lex("# hei\r\n#\n#  to").kinds == [.comment("hei"), .newline, .comment(""), .newline, .comment(" to")])
        #expect(lex("x # etter").kinds == [.identifier("x"), .comment("etter")])
    }

    @Test("Operators and punctuation")
    func operators() {
        #expect(
            lex("= == != < <= > >= + - * / ( ) [ ] { } , . ...").kinds == [
                .equals, .equalEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .plus, .minus, .star,
                .slash, .leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace, .comma, .dot,
                .ellipsis,
            ])
    }

    @Test("Identifiers take Norwegian letters, digits and underscores but do not start with a digit")
    func identifiers() {
        #expect(lex("løs_2 Ærlig _x").kinds == [.identifier("løs_2"), .identifier("Ærlig"), .identifier("_x")])
        #expect(lex("5d").kinds == [number(5), .identifier("d")])
    }

    @Test("Unexpected characters are reported one by one with their code point", arguments: [
        ("a 1️⃣€ b", "«€» (U+20AC)"), ("1️⃣!x", "«!»"), ("1️⃣\u{0}", "U+0000"), ("1️⃣\u{7}", "U+0007"),
        ("1️⃣\u{FEFF}fee", "U+FEFF"), ("1️⃣;", "«;» (U+003B)"),
    ])
    func unexpectedCharacter(marked: String, shown: String) throws {
        let source = MarkedSource(marked)
        let (_, diagnostics) = lex(source.text)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.message.code == "unexpected-character")
        #expect(diagnostic.range.start == source["1️⃣"])
        #expect(diagnostic.message.en == "unexpected character \(shown)")
    }

    @Test("Token ranges cover the token's bytes, including multi-byte letters")
    func tokenRanges() throws {
        let (tokens, _) = Lexer.tokenize(SourceFile(name: "t", text: "røyken = 2 990 kr/mnd"))
        #expect(tokens.map(\.range) == [SourceRange(0, 7), SourceRange(8, 9), SourceRange(10, 22), SourceRange(22, 22)])
    }

    @Test("Every token is shown in both languages in expected-found messages")
    func display() {
        #expect(TokenKind.string("x").display(.nb) == "en tekst")
        #expect(TokenKind.string("x").display(.en) == "a string")
        #expect(TokenKind.endOfFile.display(.en) == "the end of the input")
        #expect(TokenKind.newline.display(.en) == "end of line")
        #expect(number(2990, .kroner).display(.en) == "«2 990 kr»")
        #expect(TokenKind.identifier("fee").display(.nb) == "«fee»")
    }
}

@Suite("Lexer: spaces copied from formatted text")
struct LexerSpaceTests {
    @Test("A no-break space or narrow no-break space between thousands and before the unit reads as a space")
    func noBreakSpaces() {
        #expect(lex("2\u{A0}990\u{A0}kr").kinds == [number(2990, .kroner, grouped: true)])
        #expect(lex("1\u{202F}234\u{202F}567").kinds == [number(1_234_567, grouped: true)])
        #expect(lex("a\u{A0}=\u{A0}1").kinds == [.identifier("a"), .equals, number(1)])
    }
}
