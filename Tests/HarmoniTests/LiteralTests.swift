import Testing

@testable import Harmoni

/// The single token of a literal, which must lex cleanly.
func literalToken(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> TokenKind? {
    let (kinds, diagnostics) = lex(text)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message.en))", sourceLocation: sourceLocation)
    #expect(kinds.count == 1, "\(kinds)", sourceLocation: sourceLocation)
    return kinds.first
}

/// The quantity a number literal denotes.
func literalQuantity(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Quantity? {
    guard case .number(let value, let unit, _) = literalToken(text, sourceLocation: sourceLocation) else { return nil }
    return Quantity(value, unit)
}

@Suite("Norwegian literals")
struct LiteralTests {
    @Test("Canonical literals survive lex → format unchanged", arguments: [
        "2 990 kr", "1 234,50 kr", "3,1 %", "2,5 G", "150 m3", "150 m3/år", "2 990 kr/mnd", "15,08 kr/l/år",
        "519 760 tkr", "0,5", "11", "2019", "61 523", "1 234 567 kr", "20 timer/uke", "2019-01-01",
        "2019-01-01...2019-07-31", "2019-02-01...", "...2019-07-31", "2020...2023", "-1 200 kr", "\"Asker: «pris»\"",
        "[asker.renovasjon.grunnbelop, asker.sfo.plass_5d]", "sfo.*",
    ])
    func canonicalRoundTrip(text: String) {
        #expect(format("let x = \(text)") == "let x = \(text)\n")
    }

    @Test("Accepted variants format to the canonical spelling", arguments: [
        ("150 m³", "150 m3"), ("45 kr/m²", "45 kr/m2"), ("3,1%", "3,1 %"), ("2990 kr", "2 990 kr"),
        ("150 m³/år", "150 m3/år"), ("2020 ... 2023", "2020...2023"), ("- 5 kr", "-5 kr"), ("61523", "61 523"),
        ("2\u{A0}990\u{A0}kr/mnd", "2 990 kr/mnd"),
    ])
    func variants(text: String, canonical: String) {
        #expect(format("let x = \(text)") == "let x = \(canonical)\n")
    }

    @Test("Literals denote exact values: money in øre, rates in parts per million")
    func exactValues() throws {
        #expect(try #require(literalQuantity("2 990 kr")).money == Money(kroner: 2990))
        #expect(try #require(literalQuantity("1 234,50 kr")).money == Money(ore: 123_450))
        #expect(try #require(literalQuantity("519 760 tkr")).money == Money(kroner: 519_760_000))
        #expect(try #require(literalQuantity("2,505 kr")).money == nil)
        #expect(try #require(literalQuantity("3,1 %")).number.asPercentRate == Rate(basisPoints: 310))
        #expect(try #require(literalQuantity("2,5 G")).number.asRatio == Rate(ppm: 2_500_000))
        #expect(try #require(literalQuantity("150 m³")) == Quantity(DecimalNumber(150), .cubicMetres))
        let date = try #require(literalToken("2019-02-28"))
        #expect(date == .date(try #require(CalendarDate(year: 2019, month: 2, day: 28))))
        #expect(lex("2020-02-29").diagnostics.isEmpty)
        #expect(lex("2019-02-29").diagnostics.map(\.message.code) == ["invalid-date"])
    }

    @Test("Money and rates as the model prints them lex back to the same values")
    func modelFormsLexBack() throws {
        for ore in [Int64(0), 1, 99, 100, 250, 140_843, 299_000, 123_456_789, -1250] {
            let money = Money(ore: ore)
            let text = money.description.hasPrefix("-") ? String(money.description.dropFirst()) : money.description
            let read = try #require(literalQuantity(text)).money
            #expect(read.map { ore < 0 ? -$0 : $0 } == money, "\(money.description)")
        }
        for ppm in [Int64(0), 10_000, 31_000, 300_000, 1_000_000, 12_345_600] {
            let rate = Rate(ppm: ppm)
            #expect(try #require(literalQuantity(rate.description)).number.asPercentRate == rate, "\(rate.description)")
        }
    }

    @Test("Random numbers with random units survive format → lex with the same value, unit and scale")
    func randomRoundTrip() throws {
        let seed = SplitMix64.seed(default: 0x4841_524D_4F4E_4931)
        print("LiteralTests.randomRoundTrip seed: \(seed) (replay with HARMONI_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        let units: [Unit?] = [nil] + Unit.allCases
        for _ in 0..<2_000 {
            let digits = Int(random.next() % 18) + 1
            var significand: Int64 = 0
            for _ in 0..<digits { significand = significand * 10 + Int64(random.next() % 10) }
            let scale = Int(random.next() % UInt64(min(digits, 6) + 1))
            let value = DecimalNumber(significand: significand, scale: scale)
            let unit = units.pick(&random)
            let grouped = random.next() % 2 == 0
            let text = Formatter.number(value, unit: unit, grouped: grouped)
            guard case .number(let read, let readUnit, _) = try #require(literalToken(text)) else {
                Issue.record("«\(text)» did not lex as a number (seed \(seed))")
                return
            }
            #expect(read.significand == value.significand && read.scale == value.scale, "«\(text)» (seed \(seed))")
            #expect(readUnit == unit, "«\(text)» (seed \(seed))")
        }
    }
}
