import Testing

@testable import Harmoni

/// The typical households before and after a scenario, checked by hand.
///
/// Fixed 2020-kroner: every year is the 2019 figure × 1,031 (the 2020 deflator), rounded like prices
/// (whole kroner, or øre for amounts with øre). The year is the steady year 2023: fees, rules and G
/// of 31.12.2019, lifted.
///
/// The lifted figures used below:
/// - barnehage full place 3 040 × 1,031 = 3 134,24 → 3 134; maksimalpris 3 040 → 3 134 (no cap).
/// - kost: Asker 286 × 1,031 = 294,866 → 295; Røyken 446 → 459,826 → 460; Hurum 373 → 384,563 → 385.
/// - SFO plass_5d: Asker 2 843 × 1,031 = 2 931,133 → 2 931 (10 months); Røyken 3 388 → 3 493,028 →
///   3 493 (11 months); Hurum ≈ 2 568 → 2 647,608 → 2 648 (11 months).
/// - G 99 858 × 1,031 = 102 953,598 → 102 954; b's income 300 000 × 1,031 = 309 300; the national
///   income limit 548 500 × 1,031 = 565 503,5 → 565 504.
@Suite("Households before and after a scenario")
struct HouseholdChangeTests {
    /// The scenario the statements build.
    static func scenario(_ statements: String) -> ScenarioState {
        let session = Fixtures.session()
        let result = session.run(SourceFile(name: "<test>", text: statements))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message.en))")
        return session.state.scenario
    }

    /// One household's change under the statements' scenario.
    static func change(_ id: String, _ statements: String, year: Int = 2023, prices: PriceBasis? = nil) throws
        -> HouseholdChange
    {
        let household = try #require(Fixtures.dataset.household(HouseholdID(id)))
        let (changes, _) = try HouseholdImpact.changes(
            of: [household], baseline: SimulationBaseline(Fixtures.dataset), scenario: scenario(statements), year: year,
            prices: prices)
        return try #require(changes.first)
    }

    static func line(_ cost: HouseholdCost, _ id: String) -> HouseholdCostLine? { cost.lines.first { $0.id == id } }

    @Test("a_familie_750k under harmonise sfo.* to lowest: only SFO moves, Asker and Røyken down to Hurum's 2 648 kr")
    func familyToLowest() throws {
        let change = try Self.change("a_familie_750k", "harmonise sfo.* to lowest")
        // Before, each: barnehage 3 134 × 11 = 34 474; second child 3 134 × 0,7 = 2 193,80 × 11 = 24 131,80.
        // Asker: 34 474 + 24 131,80 + kost 295 × 2 × 11 = 6 490 + SFO 2 931 × 10 = 29 310 → 94 405,80.
        // Røyken: 34 474 + 24 131,80 + 460 × 22 = 10 120 + 3 493 × 11 = 38 423 → 107 148,80.
        // Hurum: 34 474 + 24 131,80 + 385 × 22 = 8 470 + 2 648 × 11 = 29 128 → 96 203,80.
        // After: lowest 5-day place = Hurum's 2 648. Asker 2 648 × 10 = 26 480 (−2 830);
        // Røyken 2 648 × 11 = 29 128 (−9 295); Hurum unchanged.
        let expected: [(before: Int64, after: Int64, rate: Int64?)] = [
            (9_440_580, 9_157_580, -30_000),  // −2 830 / 94 405,80 = −2,998 % → −3,0 %
            (10_714_880, 9_785_380, -87_000),  // −9 295 / 107 148,80 = −8,675 % → −8,7 %
            (9_620_380, 9_620_380, 0),
        ]
        for (index, totals) in change.allTotals.enumerated() {
            #expect(totals.before == Money(ore: expected[index].before), "\(totals.municipality)")
            #expect(totals.after == Money(ore: expected[index].after), "\(totals.municipality)")
            #expect(totals.rate == expected[index].rate.map { Rate(ppm: $0) }, "\(totals.municipality)")
        }
        #expect(Self.line(change.after[0], "sfo.child_3_sfo")?.amount == Money(kroner: 26_480))
        #expect(change.decisions == [[0], [0], []])
    }

    @Test("b_enslig_300k under harmonise sfo.* to lowest: Asker's 50 % moderation halves the saving")
    func singleToLowest() throws {
        let change = try Self.change("b_enslig_300k", "harmonise sfo.* to lowest")
        // Barnehage, each: 6 %-tak 6 % × 309 300 / 11 = 1 687,0909 → 1 687,09; kjernetid × 21/41 =
        // 864,1193 → 864,12; × 11 = 9 505,32.
        // Asker: + kost 295 × 11 = 3 245 + SFO (income 309 300 < 4,5 × 102 954 = 463 293, not < 2,8 G =
        // 288 271,20): 2 931 × 50 % = 1 465,50 × 10 = 14 655 → 27 405,32. After: 2 648 × 50 % × 10 = 13 240.
        // Røyken: + 460 × 11 = 5 060 + 3 493 × 11 = 38 423 (no friplass: 309 300 ≥ 3 × 102 954 = 308 862)
        // → 52 988,32. After: 29 128.
        // Hurum: + 385 × 11 = 4 235 + 29 128 → 42 868,32, unchanged.
        let expected: [(before: Int64, after: Int64, rate: Int64?)] = [
            (2_740_532, 2_599_032, -52_000),  // −1 415 / 27 405,32 = −5,163 % → −5,2 %
            (5_298_832, 4_369_332, -175_000),  // −9 295 / 52 988,32 = −17,542 % → −17,5 %
            (4_286_832, 4_286_832, 0),
        ]
        for (index, totals) in change.allTotals.enumerated() {
            #expect(totals.before == Money(ore: expected[index].before), "\(totals.municipality)")
            #expect(totals.after == Money(ore: expected[index].after), "\(totals.municipality)")
            #expect(totals.rate == expected[index].rate.map { Rate(ppm: $0) }, "\(totals.municipality)")
        }
        #expect(Self.line(change.before[0], "barnehage.child_1_barnehage")?.amount == Money(ore: 950_532))
        #expect(Self.line(change.after[0], "sfo.child_2_sfo")?.amount == Money(kroner: 13_240))
    }

    @Test("b_enslig_300k under harmonise sfo.moderasjon to asker: Røyken and Hurum get 50 % off SFO")
    func singleModeration() throws {
        let change = try Self.change("b_enslig_300k", "harmonise sfo.moderasjon to asker")
        // Income 309 300 is under 4,5 G (463 293) but not under 2,8 G (288 271,20): Asker's 50 % band.
        // Røyken: 3 493 × 50 % = 1 746,50 × 11 = 19 211,50 (was 38 423: −19 211,50); Røyken keeps its
        // own friplass (3 G = 308 862), which b is above. Hurum: 2 648 × 50 % = 1 324 × 11 = 14 564
        // (was 29 128: −14 564). Asker unchanged.
        let expected: [(before: Int64, after: Int64, rate: Int64?)] = [
            (2_740_532, 2_740_532, 0),
            (5_298_832, 3_377_682, -363_000),  // −19 211,50 / 52 988,32 = −36,256 % → −36,3 %
            (4_286_832, 2_830_432, -340_000),  // −14 564 / 42 868,32 = −33,974 % → −34,0 %
        ]
        for (index, totals) in change.allTotals.enumerated() {
            #expect(totals.before == Money(ore: expected[index].before), "\(totals.municipality)")
            #expect(totals.after == Money(ore: expected[index].after), "\(totals.municipality)")
            #expect(totals.rate == expected[index].rate.map { Rate(ppm: $0) }, "\(totals.municipality)")
        }
        let hurum = try #require(Self.line(change.after[2], "sfo.child_2_sfo"))
        #expect(hurum.adjustments.map(\.nb) == ["inntektsmoderasjon 50 % (inntekt under 4,5 G)"])
        #expect(change.decisions == [[], [0], [0]])
    }

    @Test("a_familie_750k under harmonise sfo.moderasjon to asker: income above 4,5 G, nothing changes")
    func familyModeration() throws {
        let change = try Self.change("a_familie_750k", "harmonise sfo.moderasjon to asker")
        // 750 000 × 1,031 = 773 250 ≥ 4,5 × 102 954 = 463 293: no band applies anywhere.
        // The totals are those before in familyToLowest: 94 405,80, 107 148,80, 96 203,80.
        #expect(
            change.allTotals.map(\.before) == [Money(ore: 9_440_580), Money(ore: 10_714_880), Money(ore: 9_620_380)])
        #expect(change.allTotals.map(\.change) == [.zero, .zero, .zero])
        #expect(change.decisions == [[], [], []])
    }

    @Test("A price derived from an estimate stays an estimate; one derived from Asker's price does not")
    func statusCarried() throws {
        // to lowest takes Hurum's estimated 2 648: Asker's and Røyken's SFO lines become estimates,
        // low confidence like Hurum's.
        let lowest = try Self.change("a_familie_750k", "harmonise sfo.* to lowest")
        let asker = try #require(Self.line(lowest.after[0], "sfo.child_3_sfo"))
        #expect(asker.status == .estimated && asker.lowConfidence)
        #expect(Self.line(lowest.before[0], "sfo.child_3_sfo")?.status == .carriedForward)
        // to asker takes Asker's carried-forward 2 931: Hurum's line is no longer an estimate.
        let toAsker = try Self.change("a_familie_750k", "harmonise sfo.* to asker")
        let hurum = try #require(Self.line(toAsker.after[2], "sfo.child_3_sfo"))
        #expect(hurum.status == .carriedForward && !hurum.lowConfidence)
        #expect(hurum.amount == Money(kroner: 2_931 * 11))  // 32 241
        #expect(Self.line(toAsker.before[2], "sfo.child_3_sfo")?.status == .estimated)
    }

    @Test("Nominal kroner lift each year by every deflator since 2019")
    func nominal() throws {
        let change = try Self.change("a_familie_750k", "harmonise sfo.* to lowest", year: 2021, prices: .nominal)
        // 2021 nominal: 1,031 × 1,031 = 1,062961. Asker 2 843 × 1,062961 = 3 021,998 → 3 022;
        // Hurum 2 568 × 1,062961 = 2 729,684 → 2 730 (the lowest). Asker: 3 022 × 10 = 30 220 → 27 300.
        let asker = try #require(Self.line(change.before[0], "sfo.child_3_sfo"))
        #expect(asker.amount == Money(kroner: 30_220))
        #expect(Self.line(change.after[0], "sfo.child_3_sfo")?.amount == Money(kroner: 27_300))
        #expect(change.totals(at: 0).change == Money(kroner: -2_920))
    }

    @Test("The decisions that change a household are named per municipality, in order")
    func decisionsNamed() throws {
        let statements = "harmonise sfo.* to lowest\nharmonise barnehage.kost to lowest\nharmonise vann.* to highest"
        // Kost to lowest: Asker's 295 is lowest, so Røyken and Hurum move; vann does not touch family a.
        let family = try Self.change("a_familie_750k", statements)
        #expect(family.decisions == [[0], [0, 1], [1]])
        // Kost: Røyken 460 → 295: (460 − 295) × 22 = 3 630 less; Hurum (385 − 295) × 22 = 1 980 less.
        #expect(family.totals(at: 1).change == Money(kroner: -9_295 - 3_630))
        #expect(family.totals(at: 2).change == Money(kroner: -1_980))
        let pensioner = try Self.change("c_pensjonist_2_5G", statements)
        #expect(pensioner.decisions == [[], [], []])
    }

    @Test("Phasing: the change grows year by year toward the target")
    func phasing() throws {
        let statements = "harmonise sfo.* to asker over 2020...2023"
        // Hurum 2 648 → Asker's 2 931: a quarter of 283 a year. 2020: 2 648 + 70,75 = 2 718,75 → 2 719:
        // (2 719 − 2 648) × 11 = 781. 2023: at 2 931: 283 × 11 = 3 113.
        #expect(try Self.change("a_familie_750k", statements, year: 2020).totals(at: 2).change == Money(kroner: 781))
        #expect(try Self.change("a_familie_750k", statements, year: 2023).totals(at: 2).change == Money(kroner: 3_113))
    }
}
