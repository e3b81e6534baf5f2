import Foundation
import Testing

@testable import Harmoni

/// One validation case: a marked block added to ``MiniDataset`` and the diagnostics expected.
struct ValidationCase: CustomTestStringConvertible, Sendable {
    var name: String
    var marked: String
    var expected: [(code: String, marker: String)]
    /// True when the (single) expected diagnostic is unexpected-end.
    var unexpectedEnd = false
    var testDescription: String { name }

    /// The same case, expecting an unexpected-end diagnostic.
    func atEnd() -> ValidationCase {
        var copy = self
        copy.unexpectedEnd = true
        return copy
    }

    init(_ name: String, _ marked: String, _ expected: (String, String)...) {
        self.name = name
        self.marked = marked
        self.expected = expected.map { (code: $0.0, marker: $0.1) }
    }
}

/// Loads a case and asserts its diagnostics, in order, at their markers, in both languages.
func expectValidation(_ c: ValidationCase, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
    let source = MarkedSource(c.marked)
    let (diagnostics, _) = MiniDataset.load(source)
    let expected = c.expected.map { Expected($0.code, at: $0.marker, unexpectedEnd: c.unexpectedEnd) }
    expectDiagnostics(diagnostics, expected, in: source, sourceLocation: sourceLocation)
    for diagnostic in diagnostics {
        #expect(!diagnostic.message.nb.isEmpty && !diagnostic.message.en.isEmpty, sourceLocation: sourceLocation)
        #expect(diagnostic.message.nb != diagnostic.message.en, "\(diagnostic.message.en)", sourceLocation: sourceLocation)
    }
    return diagnostics
}

@Suite("Validation: the mistakes issue 2 names")
struct ValidationTests {
    static let issueCases: [ValidationCase] = [
        ValidationCase("unknown field", MiniDataset.fee(["  colour": "  1️⃣colour = \"red\""]), ("unknown-field", "1️⃣")),
        ValidationCase("wrong unit", MiniDataset.fee(["  value": "  value = 1️⃣30 %"]), ("wrong-unit", "1️⃣")),
        ValidationCase("fee without a source", "1️⃣" + MiniDataset.fee(["  source": ""]), ("source-required", "1️⃣")),
        ValidationCase(
            "estimate without a method", "1️⃣" + MiniDataset.fee(["  status": "  status = estimated", "  method": ""]),
            ("method-required", "1️⃣")),
        ValidationCase(
            "derived figure with a blank method",
            MiniDataset.fee(["  status": "  status = derived", "  method": "  method = 1️⃣\"  \""]),
            ("method-required", "1️⃣")),
        ValidationCase(
            "fee valid outside the baseline year",
            MiniDataset.fee(["  valid": "  valid = 1️⃣2020-01-01...2020-12-31"]), ("outside-baseline", "1️⃣")),
        ValidationCase(
            "malformed number", MiniDataset.fee(["  value": "  value = 1️⃣2.990,5 kr"]), ("malformed-number", "1️⃣")),
        ValidationCase("unterminated block", "fee asker.sfo.plass {\n  value = 2 990 kr/mnd1️⃣\n", ("unterminated-block", "1️⃣"))
            .atEnd(),
        ValidationCase(
            "block left open before the next",
            "1️⃣" + MiniDataset.fee([:], id: "asker.sfo.a").replacingOccurrences(of: "}\n", with: "") + MiniDataset.fee([:]),
            ("unterminated-block", "1️⃣")),
        ValidationCase(
            "unknown unit", MiniDataset.fee(["  value": "  value = 2 990 1️⃣kr/uke"]), ("unknown-unit", "1️⃣")),
    ]

    @Test("Each mistake of issue 2 gives one diagnostic at the right line and column", arguments: issueCases)
    func issueMistakes(c: ValidationCase) {
        _ = expectValidation(c)
    }

    @Test("Several mistakes in one file give several diagnostics, in order")
    func severalMistakes() {
        let text =
            MiniDataset.fee(["  colour": "  1️⃣colour = 1", "  value": "  value = 2️⃣30 %"], id: "asker.sfo.a")
            + "\n"
            + MiniDataset.fee(["  valid": "  valid = 3️⃣2018-01-01...2018-12-31", "  source": "  source = 4️⃣ukjent"], id: "asker.sfo.b")
            + "\n5️⃣" + MiniDataset.fee(["  status": "  status = estimated", "  method": ""], id: "asker.sfo.c")
        let c = ValidationCase(
            "several", text, ("wrong-unit", "2️⃣"), ("unknown-field", "1️⃣"), ("outside-baseline", "3️⃣"),
            ("unknown-reference", "4️⃣"), ("method-required", "5️⃣"))
        _ = expectValidation(c)
    }

    @Test("A valid fee loads with its exact amount, period, billed months and provenance")
    func validFee() throws {
        let (diagnostics, dataset) = MiniDataset.load(MarkedSource(MiniDataset.fee([:])))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message.en))")
        let fee = try #require(dataset.fees.first)
        #expect(fee.amount == Money(kroner: 2990))
        #expect(fee.period == .month)
        #expect(fee.billedMonths == 11)
        #expect(fee.vat == VATForm.none)
        #expect(fee.provenance.status == .published)
        #expect(fee.provenance.source == SourceID("kilde"))
        #expect(fee.provenance.validity.description == "2019-01-01...2019-07-31")
    }

    @Test("Messages name the field and what was found, in Norwegian and English")
    func messageTexts() throws {
        let source = MarkedSource(MiniDataset.fee(["  value": "  value = 30 %", "  billed_months": "  billed_months = 13"]))
        let (diagnostics, _) = MiniDataset.load(source)
        #expect(
            diagnostics.map(\.message.nb) == [
                "«value» har feil enhet «%»; forventet en av: «kr», «tkr», «kr/mnd», «kr/år», «kr/semester», «kr/dag», «kr/døgn», «kr/time», «kr/m3», «kr/l/år», «kr/m2»",
                "«billed_months» skal være mellom 1 og 12",
            ])
        #expect(diagnostics.last?.message.en == "«billed_months» must be between 1 and 12")
        let coverage = MarkedSource(
            "coverage asker.sfo.andel {\n  value = 3 kr\n  status = published\n  source = kilde\n}\n")
        let wrong = try #require(MiniDataset.load(coverage).diagnostics.first)
        #expect(wrong.message.en == "«value» has the wrong unit «kr»; expected «%» or a number without unit")
    }
}
