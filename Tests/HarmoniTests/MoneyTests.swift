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

    /// (øre, step in øre, mode, expected øre): every mode on both signs, on ties, just off
    /// ties and on exact multiples.
    static let roundingCases: [(Int64, Int64, RoundingMode, Int64)] = [
        (250, 100, .halfUp, 300), (-250, 100, .halfUp, -300), (251, 100, .halfUp, 300), (249, 100, .halfUp, 200),
        (-249, 100, .halfUp, -200), (-251, 100, .halfUp, -300), (300, 100, .halfUp, 300),
        (250, 100, .halfEven, 200), (350, 100, .halfEven, 400), (-250, 100, .halfEven, -200),
        (-350, 100, .halfEven, -400), (251, 100, .halfEven, 300), (-249, 100, .halfEven, -200), (400, 100, .halfEven, 400),
        (299, 100, .down, 200), (-299, 100, .down, -200), (200, 100, .down, 200), (-1, 100, .down, 0),
        (201, 100, .up, 300), (-201, 100, .up, -300), (200, 100, .up, 200), (1, 100, .up, 100), (-1, 100, .up, -100),
        (284_500, 1_000, .halfUp, 285_000), (-284_500, 1_000, .halfUp, -285_000), (284_500, 1_000, .halfEven, 284_000),
        (285_500, 1_000, .halfEven, 286_000), (284_999, 1_000, .down, 284_000), (284_001, 1_000, .up, 285_000),
        (50_000, 100_000, .halfUp, 100_000), (50_000, 100_000, .halfEven, 0), (-50_000, 100_000, .halfUp, -100_000),
        (149_999, 100_000, .halfUp, 100_000), (0, 100_000, .up, 0), (5, 1, .halfUp, 5), (-5, 1, .down, -5),
    ]

    @Test("Every rounding mode, on both signs, on and off ties, to every step", arguments: roundingCases)
    func roundingTable(ore: Int64, step: Int64, mode: RoundingMode, expected: Int64) {
        #expect(Money(ore: ore).rounded(RoundingRule(step: Money(ore: step), mode: mode)) == Money(ore: expected))
    }

    @Test("Multiplying by a rate uses the rule's mode on ties, for negative amounts and negative rates too")
    func multiplyModes() {
        // 1,25 kr × 50 % = 0,625 kr: a tie at whole øre.
        let amount = Money(ore: 125)
        let half = Rate(percent: 50)
        #expect(amount.multiplied(by: half, rounding: .ore) == Money(ore: 63))
        #expect(amount.multiplied(by: half, rounding: RoundingRule(step: Money(ore: 1), mode: .halfEven)) == Money(ore: 62))
        #expect(amount.multiplied(by: half, rounding: RoundingRule(step: Money(ore: 1), mode: .down)) == Money(ore: 62))
        #expect(amount.multiplied(by: half, rounding: RoundingRule(step: Money(ore: 1), mode: .up)) == Money(ore: 63))
        #expect((-amount).multiplied(by: half, rounding: .ore) == Money(ore: -63))
        #expect(amount.multiplied(by: Rate(percent: -50), rounding: .ore) == Money(ore: -63))
        #expect((-amount).multiplied(by: half, rounding: RoundingRule(step: Money(ore: 1), mode: .halfEven)) == Money(ore: -62))
        // A 3,1 % increase of 2 990 kr: 3 082,69 kr to øre, 3 083 kr to kroner, 3 080 kr to 10 kr.
        let raised = Rate(basisPoints: 310).growthFactor
        #expect(Money(kroner: 2990).multiplied(by: raised, rounding: .ore) == Money(ore: 308_269))
        #expect(Money(kroner: 2990).multiplied(by: raised, rounding: .kroner) == Money(kroner: 3083))
        #expect(Money(kroner: 2990).multiplied(by: raised, rounding: .tenKroner) == Money(kroner: 3080))
    }

    @Test("Fractions: 11 of 12 months, a zero denominator and overflow give exact results or nil")
    func fractions() {
        // 2 990 kr × 11 / 12 = 2 740,833… → 2 740,83 kr
        #expect(Money(kroner: 2990).multiplied(byFraction: 11, over: 12, rounding: .ore) == Money(ore: 274_083))
        #expect(Money(kroner: 2990).multiplied(byFraction: 11, over: 0, rounding: .ore) == nil)
        #expect(Money(ore: Int64.max).multiplied(byFraction: 2, over: 1, rounding: .ore) == nil)
        #expect(Money(ore: -100).multiplied(byFraction: 1, over: 8, rounding: .ore) == Money(ore: -13))
    }

    @Test("A rounding rule with a step of zero or less rounds to whole øre, and describes itself")
    func ruleShape() {
        #expect(RoundingRule(step: Money(ore: 0)).step == Money(ore: 1))
        #expect(RoundingRule(step: Money(ore: -500)).step == Money(ore: 1))
        #expect(RoundingRule.kroner.description == "half_up to 1 kr")
        #expect(RoundingRule(step: Money(ore: 1), mode: .halfEven).description == "half_even to 0,01 kr")
    }
}

@Suite("Money edge cases")
struct MoneyEdgeTests {
    @Test("A negative denominator is the same as negating the numerator")
    func negativeDenominator() {
        // 100 kr × 1 / -3 = -33,333… → -33,33 kr half-up to øre
        #expect(Money(kroner: 100).multiplied(byFraction: 1, over: -3, rounding: .ore) == Money(ore: -3333))
        #expect(Money(kroner: 100).multiplied(byFraction: -1, over: -3, rounding: .ore) == Money(ore: 3333))
    }

    @Test("Rounding near Int64.max stays a multiple of the step instead of returning the unrounded amount")
    func roundingAtTheEdge() {
        let rounded = Money(ore: Int64.max).rounded(.kroner)
        #expect(rounded.ore % 100 == 0)
        #expect(rounded.ore <= Int64.max)
    }
}
