import Foundation
import Testing

@testable import Harmoni
import HarmoniFuzzing

/// The canonical text of `text` (which must parse without errors).
func format(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    Formatter.format(parseClean(text, sourceLocation: sourceLocation))
}

/// The comment texts in `text`, in order, as the lexer reads them.
func commentTexts(_ text: String) -> [String] { FuzzChecks.commentTexts(text) }

/// Asserts the formatter's three promises on `text`: idempotent, the same tree apart from
/// blank lines, and every comment kept.
func expectFormatterPromises(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let file = SourceFile(name: "x", text: text)
    let (unit, diagnostics) = Parser.parse(file)
    // Every caller passes valid input: a parse error fails the test instead of skipping the checks.
    guard diagnostics.isEmpty else {
        Issue.record("the input does not parse: \(diagnostics.map(\.message.en))\n\(text)", sourceLocation: sourceLocation)
        return
    }
    let once = Formatter.format(unit)
    let (reparsed, again) = Parser.parse(SourceFile(name: "fmt(x)", text: once))
    #expect(again.isEmpty, "formatted text does not parse: \(again.map(\.message.en))\n\(once)", sourceLocation: sourceLocation)
    #expect(Formatter.format(reparsed) == once, "not idempotent:\n\(once)", sourceLocation: sourceLocation)
    #expect(
        reparsed.dump(includingLayout: false) == unit.dump(includingLayout: false), "tree changed:\n\(text)\n---\n\(once)",
        sourceLocation: sourceLocation)
    #expect(
        commentTexts(once).sorted() == commentTexts(text).sorted(),
        "comments lost", sourceLocation: sourceLocation)
}

@Suite("Formatter")
struct FormatterTests {
    @Test("Canonical form: two-space indent, name = value, a blank line around blocks, Norwegian numbers")
    func canonical() {
        let messy = """
            # header
            fee   asker.sfo.a{   # opening
                value=2990 kr/mnd
            billed_months   =  11
              valid = 2019-01-01 ... 2019-07-31


              # about status
              status=published   #  two spaces kept
            }
            let  x=1+2*3
            let y = [a,b,  c]
            show   diff sfo   # trailing
            rule a.b.c.d {
            value = 12345,5
            }
            # the end
            """
        let expected = """
            # header
            fee asker.sfo.a {  # opening
              value = 2 990 kr/mnd
              billed_months = 11
              valid = 2019-01-01...2019-07-31

              # about status
              status = published  #  two spaces kept
            }

            let x = 1 + 2 * 3
            let y = [a, b, c]
            show diff sfo  # trailing

            rule a.b.c.d {
              value = 12 345,5
            }

            # the end

            """
        #expect(format(messy) == expected)
        expectFormatterPromises(messy)
    }

    @Test("Numbers: years stay ungrouped, five digits or a unit group, decimals keep their scale", arguments: [
        ("2020", "2020"), ("2020...2023", "2020...2023"), ("1234 kr", "1 234 kr"), ("12345", "12 345"),
        ("1 234", "1 234"), ("2,50 kr", "2,50 kr"), ("0,5", "0,5"), ("-1 200 kr", "-1 200 kr"), ("3,1%", "3,1 %"),
        ("150 m³", "150 m3"), ("45 kr/m²", "45 kr/m2"), ("2\u{A0}990\u{A0}kr", "2 990 kr"),
        ("999999999999999999", "999 999 999 999 999 999"),
    ])
    func numbers(text: String, canonical: String) {
        #expect(format("let x = \(text)") == "let x = \(canonical)\n")
    }

    @Test("Strings are re-escaped; expressions keep their parentheses")
    func stringsAndParentheses() {
        #expect(format(#"let x = "a\"b\\c\td""#) == #"let x = "a\"b\\c\td""# + "\n")
        #expect(format("let x = ((1 + 2)) * -(3)") == "let x = ((1 + 2)) * -(3)\n")
        #expect(format("let x = -  2") == "let x = -2\n")
    }

    @Test("Comments inside brackets move above their statement or attribute instead of being lost")
    func bracketComments() {
        let text = "let x = [\n  a,  # first\n  b,\n  # last\n  c\n]\nfee a.b.c {\n  value = (1 +  # one\n  2)\n}\n"
        #expect(
            format(text)
                == "# first\n# last\nlet x = [a, b, c]\n\nfee a.b.c {\n  # one\n  value = (1 + 2)\n}\n")
        expectFormatterPromises(text)
    }

    @Test("Adjacent numbers in a command stay two numbers after formatting")
    func adjacentNumbers() {
        for text in ["show 12345 678", "show 12  345", "show 1 234\t567", "show 2019-01-01 123", "show 5 kr 123"] {
            expectFormatterPromises(text)
        }
    }

    @Test("Adjacent numbers whose join would be too big to read stay apart (fuzz: front --seed 2026 --case 61452, 114200)")
    func adjacentNumbersTooBigTogether() {
        let cases = [
            ("set sfo.plass_5d = 92233720368547758 368547758 %\n",
             "set sfo.plass_5d = 92 233 720 368 547 758  368 547 758 %\n"),
            ("set sfo.plass_5d = 999 999 999  999 999 999 999 m³\n",
             "set sfo.plass_5d = 999 999 999  999 999 999 999 m3\n"),
            // One space where the two words lex back apart on their own.
            ("show 2019-01-01 123\n", "show 2019-01-01 123\n"),
        ]
        for (text, canonical) in cases {
            #expect(format(text) == canonical)
            expectFormatterPromises(text)
        }
    }

    @Test("The formatter keeps its promises on tricky but valid inputs", arguments: [
        "", "\n\n\n", "# only a comment", "#\n#\n", "let x = 1\n\n\n# c\n\n# d\n\nlet y = 2",
        "\n\nlet x = 1", "fee a.b.c {\n\n  value = 1\n\n}\n", "fee a.b.c {}\nfee a.b.d {}",
        "show a (1)", "show a.b (1)", "set x = ...5", "show 2019... = 3", "show 2019... x", "let r = ...2019-01-01",
        "fee a.b.c { value = 1 }  # end", "show -1", "show a -1", "let x = a - -b", "let x = f()",
        "let x = [[], [[]]]", "let x = a.* == b", "x\n", "let x = \"#not a comment\"  # but this is",
        "fee a.b.c {  #\n  value = 1  #\n  #\n}  #", "let x = 1 # a\r\nlet y = 2\r\n",
    ])
    func promises(text: String) {
        expectFormatterPromises(text)
    }

    @Test("Every shipped dataset is already canonical, and reformatting changes nothing", arguments: shippedFileNames)
    func shippedDatasets(name: String) throws {
        let path = Fixtures.root.appendingPathComponent("datasets/\(name)").path
        let file = try FileAccess.readSource(path).get()
        let (unit, diagnostics) = Parser.parse(file)
        #expect(diagnostics.isEmpty)
        let formatted = Formatter.format(unit)
        #expect(formatted == file.text, "\(Golden.firstDifference(file.text, formatted))")
        let (reparsed, again) = Parser.parse(SourceFile(name: name, text: formatted))
        #expect(again.isEmpty)
        #expect(reparsed.dump() == unit.dump())
        #expect(Formatter.format(reparsed) == formatted)
        #expect(commentTexts(formatted) == commentTexts(file.text))
    }
}

/// The `.harmoni` files shipped in `datasets/`.
let shippedFileNames: [String] = FileAccess.harmoniFiles(in: Fixtures.datasetsFolder).map {
    URL(fileURLWithPath: $0).lastPathComponent
}
