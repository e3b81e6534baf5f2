import Testing

@testable import Harmoni

@Suite("Money and rounding")
struct MoneyTests {
    @Test("Rounding half-up sends ties away from zero, for gains and losses alike")
    func halfUpTies() {
        // 2,50 kr → 3 kr; -2,50 kr → -3 kr
        #expect(Money(ore: 250).rounded(.kroner) == Money(kroner: 3))
        #expect(Money(ore: -250).rounded(.kroner) == Money(kroner: -3))
        #expect(Money(ore: 249).rounded(.kroner) == Money(kroner: 2))
    }

    @Test("Rounding half-even sends ties to the even krone")
    func halfEvenTies() {
        let rule = RoundingRule(step: Money(kroner: 1), mode: .halfEven)
        #expect(Money(ore: 250).rounded(rule) == Money(kroner: 2))
        #expect(Money(ore: 350).rounded(rule) == Money(kroner: 4))
        #expect(Money(ore: -250).rounded(rule) == Money(kroner: -2))
    }

    @Test("Rounding down truncates and up goes away from zero")
    func downAndUp() {
        #expect(Money(ore: 299).rounded(RoundingRule(step: Money(kroner: 1), mode: .down)) == Money(kroner: 2))
        #expect(Money(ore: 201).rounded(RoundingRule(step: Money(kroner: 1), mode: .up)) == Money(kroner: 3))
        #expect(Money(ore: -201).rounded(RoundingRule(step: Money(kroner: 1), mode: .up)) == Money(kroner: -3))
    }

    @Test("Rounding to 10 kr and to 1 000 kr")
    func largerSteps() {
        #expect(Money(kroner: 2845).rounded(.tenKroner) == Money(kroner: 2850))
        #expect(Money(kroner: 2844).rounded(.tenKroner) == Money(kroner: 2840))
        #expect(Money(kroner: 519_760_499).rounded(.thousandKroner) == Money(kroner: 519_760_000))
        #expect(Money(kroner: 519_760_500).rounded(.thousandKroner) == Money(kroner: 519_761_000))
    }

    @Test("Carried-forward SFO price: 2 630 × 1,025 × 1,026 × 1,028 = 2 843 kr (shared/data README)")
    func carriedForwardSFO() throws {
        // Product of the factors applied once to the unrounded base, then rounded half-up.
        let base = Money(kroner: 2630)
        let step1 = try #require(base.multiplied(by: Rate(ppm: 1_025_000), rounding: .ore))
        #expect(step1 == Money(ore: 269_575))
        // 2 630 × 1,025 × 1,026 = 2 765,84 → 2 766 (the undated page)
        let twoYears = try #require(base.multiplied(byFraction: 1_025 * 1_026, over: 1_000_000, rounding: .kroner))
        #expect(twoYears == Money(kroner: 2766))
        let threeYears = try #require(
            base.multiplied(byFraction: 1_025 * 1_026 * 1_028, over: 1_000_000_000, rounding: .kroner))
        #expect(threeYears == Money(kroner: 2843))
    }

    @Test("Multiplying by a rate rounds once, to the rule's step")
    func multiplyByRate() throws {
        // 2 990 kr × 80 % = 2 392 kr exactly
        #expect(Money(kroner: 2990).multiplied(by: Rate(percent: 80), rounding: .kroner) == Money(kroner: 2392))
        // 1 408,43 kr × 1,25 (mva) = 1 760,5375 → 1 760,54 kr to øre
        #expect(Money(ore: 140_843).multiplied(by: Rate(ppm: 1_250_000), rounding: .ore) == Money(ore: 176_054))
        // overflow is reported, not trapped
        #expect(Money(ore: Int64.max).multiplied(by: Rate(percent: 200), rounding: .ore) == nil)
    }

    @Test("Norwegian formatting uses a plain space between thousands and a decimal comma")
    func formatting() {
        #expect(Money(kroner: 2990).description == "2 990 kr")
        #expect(Money(ore: 140_843).description == "1 408,43 kr")
        #expect(Money(kroner: 1_234_567).description == "1 234 567 kr")
        #expect(Money(ore: -1250).description == "-12,50 kr")
        #expect(Rate(basisPoints: 310).description == "3,1 %")
        #expect(Rate(percent: 30).description == "30 %")
        #expect(NorwegianFormat.gMultiple(Rate(ppm: 2_800_000)) == "2,8 G")
    }
}
