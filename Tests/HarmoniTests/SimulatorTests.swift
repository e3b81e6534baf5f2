import Testing

@testable import Harmoni

/// Numbers recomputed by hand from the shipped dataset. Prices are 2019 prices in force on
/// 31.12.2019; the deflator 2020 is 3,1 % (nasjonal.kommunal_deflator.arlig_vekst), 2021-2023 3,1 %
/// (estimates); fixed 2020-kroner unless a test says otherwise.
@Suite("Simulator: hand-checked numbers")
struct SimulatorTests {
    /// Runs statements and returns the ledger of the resulting scenario.
    static func ledger(_ statements: String, prices: PriceBasis? = nil) throws -> Ledger {
        let session = Fixtures.session()
        let result = session.run(SourceFile(name: "<test>", text: statements))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message.en))")
        let scenario = session.state.scenario
        return Simulator.run(baseline: Fixtures.dataset, scenario: scenario, prices: prices ?? scenario.prices)
    }

    static func line(
        _ ledger: Ledger, _ item: String, _ municipality: MunicipalityID, _ year: Int, decision: Int? = nil
    )
        throws -> LedgerLine
    {
        try #require(
            ledger.lines.first {
                $0.itemText == item && $0.municipality == municipality && $0.year == year
                    && (decision == nil || $0.decision == decision)
            })
    }

    @Test("The price index lifts 2019 to 2020 by 3,1 % and stays flat in fixed prices, compounds in nominal")
    func priceIndex() throws {
        let fixed = try PriceIndex.make(
            dataset: Fixtures.dataset, baselineYear: 2019, period: 2020...2023, basis: .fixed, overrides: []
        ).get()
        // 1,031 = 1 031 / 1 000, every year in fixed prices
        #expect(fixed.factor(2020) == ExactFraction(1031, 1000))
        #expect(fixed.factor(2023) == ExactFraction(1031, 1000))
        let nominal = try PriceIndex.make(
            dataset: Fixtures.dataset, baselineYear: 2019, period: 2020...2023, basis: .nominal, overrides: []
        ).get()
        // 1,031³ = 1 095 912 791 / 10⁹
        #expect(nominal.factor(2022) == ExactFraction(1_095_912_791, 1_000_000_000))
        #expect(nominal.deflator(2021)?.status == .estimated)
    }

    @Test("Harmonising SFO to Asker's level: Røyken's 5-day place falls, Hurum's rises, per the arithmetic")
    func sfoToAsker() throws {
        let ledger = try Self.ledger("harmonise sfo.* to asker keep structure")
        // Asker 2 843 × 1,031 = 2 931,133 → 2 931 kr/mnd; Røyken 3 388 × 1,031 = 3 493,028 → 3 493;
        // Hurum 2 568 × 1,031 = 2 647,608 → 2 648. Røyken and Hurum bill 11 months.
        let royken = try Self.line(ledger, "sfo.plass_5d", "royken", 2020)
        #expect(royken.levelBefore == Money(kroner: 3493) && royken.levelAfter == Money(kroner: 2931))
        #expect(royken.before == Money(kroner: 16_714_005))  // 3 493 × 11 × 435
        #expect(royken.after == Money(kroner: 14_024_835))  // 2 931 × 11 × 435
        #expect(royken.change == Money(kroner: -2_689_170))
        #expect(royken.changePerUser == Money(kroner: -6_182))  // (2 931 − 3 493) × 11
        let hurum = try Self.line(ledger, "sfo.plass_5d", "hurum", 2020)
        #expect(hurum.change == Money(kroner: 476_289))  // (2 931 − 2 648) × 11 × 153
        #expect(!ledger.lines.contains { $0.municipality == "asker" }, "Asker's own level does not change")
        // The 4-day place keeps Røyken's structure: 2 710 × 1,031 = 2 794,01 → 2 794;
        // 2 794 × 2 931 / 3 493 = 2 344,46… → 2 344 kr/mnd.
        #expect(try Self.line(ledger, "sfo.plass_4d", "royken", 2020).levelAfter == Money(kroner: 2344))
        #expect(ledger.checkInvariants().isEmpty, "\(ledger.checkInvariants())")
    }

    @Test("Linear phasing over four years closes a quarter of the gap a year and reaches the target")
    func linearPhasing() throws {
        let ledger = try Self.ledger("harmonise sfo.plass_5d to asker over 2020...2023")
        // Røyken: gap 2 931 − 3 493 = −562; 3 493 − 140,5 = 3 352,5 → 3 353 (half-up);
        // 3 493 − 281 = 3 212; 3 493 − 421,5 = 3 071,5 → 3 072; 2023: the target 2 931.
        let levels = try (2020...2023).map { try Self.line(ledger, "sfo.plass_5d", "royken", $0).levelAfter }
        #expect(levels == [3353, 3212, 3072, 2931].map { Money(kroner: $0) })
        #expect(ledger.checkInvariants().isEmpty)
    }

    @Test("An explicit path and a start year delay and shape the phasing")
    func pathPhasing() throws {
        let ledger = try Self.ledger("harmonise sfo.plass_5d to asker path [50 %, 100 %] from 2022")
        #expect(!ledger.lines.contains { $0.year < 2022 })
        // 2022: 3 493 − 281 = 3 212; 2023: 2 931.
        #expect(try Self.line(ledger, "sfo.plass_5d", "royken", 2022).levelAfter == Money(kroner: 3212))
        #expect(try Self.line(ledger, "sfo.plass_5d", "royken", 2023).levelAfter == Money(kroner: 2931))
    }

    @Test("To lowest rounds down, so rounding never lifts anyone above the lowest price")
    func lowestRoundsDown() throws {
        let ledger = try Self.ledger("harmonise sfo.plass_5d to lowest round 100 kr")
        // Lowest is Hurum's 2 648 kr/mnd; down to the 100 kr step: 2 600. With a 50 kr step
        // half-up would give 2 650 (above Hurum's own price); rounding down gives 2 600.
        #expect(try Self.line(ledger, "sfo.plass_5d", "hurum", 2020).levelAfter == Money(kroner: 2600))
        let fifty = try Self.ledger("harmonise sfo.plass_5d to lowest round 50 kr")
        #expect(try Self.line(fifty, "sfo.plass_5d", "hurum", 2020).levelAfter == Money(kroner: 2600))
        #expect(fifty.checkInvariants().isEmpty)
    }

    @Test("Revenue excludes mva: renovasjon, stored including mva, is divided by 1,25")
    func revenueExcludesVAT() throws {
        let ledger = try Self.ledger("set royken.renovasjon.standard = 3 500 kr/år")
        // 3 382 × 1,031 = 3 486,842 → 3 487 incl. mva → 3 487 / 1,25 = 2 789,60 kr excl.;
        // 3 500 / 1,25 = 2 800 kr; 10,40 kr × 10 362 subscribers = 107 764,80 kr.
        let line = try Self.line(ledger, "renovasjon.standard", "royken", 2020)
        #expect(line.unitBefore == Money(ore: 278_960) && line.unitAfter == Money(kroner: 2800))
        #expect(line.change == Money(ore: 10_776_480))
        #expect(line.selvkost)
        #expect(!ledger.lines.contains { $0.municipality != "royken" })
    }

    @Test("By default every line ends equal: sfo.* to lowest from 2020 gives −11 594 188 kr in 2020; keep structure −11 596 037 kr")
    func everyLineEqual() throws {
        let ledger = try Self.ledger("harmonise sfo.* to lowest from 2020")
        #expect(ledger.totalsByYear[2020]?.revenueChange == Money(kroner: -11_594_188))
        for line in ["sfo.plass_5d", "sfo.plass_4d", "sfo.plass_3d", "sfo.ekstra_dag", "sfo.ferie_dag"] {
            let levels = Set(ledger.lines.filter { $0.itemText == line && $0.year == 2020 }.map(\.levelAfter))
            #expect(levels.count == 1, "\(line): \(levels)")
        }
        let kept = try Self.ledger("harmonise sfo.* to lowest from 2020 keep structure")
        #expect(kept.totalsByYear[2020]?.revenueChange == Money(kroner: -11_596_037))
    }

    @Test("A line the named municipality lacks follows the main line's factor, and the decision says so")
    func lineOneMunicipalityLacks() throws {
        let (output, errors) = Fixtures.run("harmonise vann.* to asker")
        #expect(errors.isEmpty, "\(errors)")
        #expect(output.contains("vann.fastledd følger hovedlinjen"), "\(output)")
    }

    @Test("A line without a volume gets no revenue: its amounts are missing, never 0")
    func missingVolume() throws {
        let ledger = try Self.ledger("harmonise sfo.* to asker keep structure")
        let extra = try Self.line(ledger, "sfo.ekstra_dag", "royken", 2020)
        #expect(extra.volume == nil && extra.before == nil && extra.after == nil && extra.change == nil)
        // 311 × 1,031 = 320,641 → 321; × 2 931 / 3 493 = 269,35… → 269 kr per day
        #expect(extra.unitBefore == Money(kroner: 321) && extra.unitAfter == Money(kroner: 269))
        #expect(ledger.totalsByYear[2020]?.missingLines == 4)
    }

    @Test("A coverage rate changes the volume and, with the netto unit cost, the cost")
    func coverage() throws {
        let ledger = try Self.ledger("coverage barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5 in royken = 90 %")
        // Ratio 90 / 85,8; children 1 279 × 90 / 85,8 = 1 341,608… → 1 341,61.
        // Unit cost 204 630 000 / 1 279 = 159 992,18 kr (oppvekst.barnehage netto, estimated);
        // 2020: × 1,031 = 164 951,94 kr. Before 164 951,94 × 1 279 = 210 973 531,26;
        // after × 1 341,61 = 221 301 172,22; change 10 327 640,96 kr.
        let line = try Self.line(ledger, "barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5", "royken", 2020)
        #expect(line.kind == .cost)
        #expect(line.volume == DecimalNumber(significand: 134_161, scale: 2))
        #expect(line.before == Money(ore: 21_097_353_126))
        #expect(line.after == Money(ore: 22_130_117_222))
        #expect(line.changePerUser == Money(ore: 16_495_194))
        #expect(line.status == .estimated)
    }

    @Test("A subsidy rate harmonised to the lowest lowers the cost by rate change × places")
    func subsidy() throws {
        let ledger = try Self.ledger("harmonise driftstilskudd_private_barnehager.ordinaer_0_2 to lowest")
        // Asker 219 400 × 1,031 = 226 201,4 → 226 201; Røyken 199 833 × 1,031 = 206 027,823 → 206 028.
        // Asker: (206 028 − 226 201) × 728 children 0-2 in private barnehager = −14 685 944 kr.
        let asker = try Self.line(ledger, "driftstilskudd_private_barnehager.ordinaer_0_2", "asker", 2020)
        #expect(asker.kind == .cost && asker.change == Money(kroner: -14_685_944))
        #expect(asker.netEffect == Money(kroner: -14_685_944))
    }

    @Test("A deflator override and nominal prices change the baseline levels")
    func deflatorAndNominal() throws {
        let zero = try Self.ledger("deflator 2020 = 0 %\nharmonise sfo.plass_5d to asker")
        #expect(try Self.line(zero, "sfo.plass_5d", "royken", 2020).levelBefore == Money(kroner: 3388))
        let nominal = try Self.ledger("harmonise sfo.plass_5d to asker", prices: .nominal)
        // 3 388 × 1,031² = 3 601,31… → 3 601; Asker 2 843 × 1,031² = 3 021,99… → 3 022.
        let line = try Self.line(nominal, "sfo.plass_5d", "royken", 2021)
        #expect(line.levelBefore == Money(kroner: 3601) && line.levelAfter == Money(kroner: 3022))
    }

    @Test("Volume growth compounds yearly and is rounded to two decimals")
    func growth() throws {
        let ledger = try Self.ledger("growth sfo = 2 %\nharmonise sfo.plass_5d to asker")
        // 435 × 1,02² = 452,574 → 452,57 pupils in 2021
        #expect(
            try Self.line(ledger, "sfo.plass_5d", "royken", 2021).volume == DecimalNumber(significand: 45_257, scale: 2)
        )
    }

    @Test("The annual basis equalises annual amounts whatever the billed months")
    func annualBasis() throws {
        let ledger = try Self.ledger("harmonise sfo.plass_5d to asker annual")
        // Asker 2 931 × 10 months = 29 310 kr a year; Røyken goes to 29 310, not 2 931 × 11 = 32 241.
        #expect(try Self.line(ledger, "sfo.plass_5d", "royken", 2020).unitAfter == Money(kroner: 29_310))
    }

    @Test("A decision that changes nothing leaves no line and is reported")
    func ineffective() throws {
        // Every municipality has 3 040 kr/mnd from 1.8.2019 (maksimalpris).
        let ledger = try Self.ledger("harmonise barnehage.full_plass_5d to lowest")
        #expect(ledger.lines.isEmpty && ledger.ineffective == [0])
    }

    @Test("Adopting Asker's SFO moderation rules records the changes but no amount")
    func rules() throws {
        let ledger = try Self.ledger("harmonise sfo.moderasjon to asker")
        #expect(ledger.lines.isEmpty)
        #expect(ledger.ruleChanges.map(\.municipality) == ["royken", "hurum"])
        #expect(ledger.ruleChanges.first?.after.contains("threshold_75pct_G = 2,8 G") == true)
    }

    @Test("Raising vann above the cost base gives a selvkost warning with the excess")
    func selvkost() throws {
        let ledger = try Self.ledger("harmonise vann.* by 10 %")
        let warning = try #require(ledger.selvkostWarnings.first { $0.year == 2020 })
        // With unchanged volumes the excess over the baseline revenue is the ledger's change.
        #expect(warning.excess == ledger.total { $0.year == 2020 && $0.group == "vann" }.revenueChange)
        #expect(warning.excess > .zero)
    }

    @Test("Later decisions start where earlier ones left the price, and the chain adds up")
    func chain() throws {
        let ledger = try Self.ledger("harmonise sfo.* by -5 %\nharmonise royken.sfo.plass_5d to lowest")
        // Røyken 3 493 × 0,95 = 3 318,35 → 3 318; then to lowest (Hurum's own 2 648).
        let first = try Self.line(ledger, "sfo.plass_5d", "royken", 2020, decision: 0)
        let second = try Self.line(ledger, "sfo.plass_5d", "royken", 2020, decision: 1)
        #expect(first.levelAfter == Money(kroner: 3318) && second.levelBefore == Money(kroner: 3318))
        #expect(second.levelAfter == Money(kroner: 2648))
        let total = LedgerTotal(chaining: [first, second])
        #expect(total.revenueChange == (first.change ?? .zero) + (second.change ?? .zero))
        #expect(total.revenueBefore == first.before)
        #expect(ledger.checkInvariants().isEmpty)
    }
}
