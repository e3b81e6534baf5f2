import Testing

@testable import Harmoni
@testable import HarmoniCompare

/// Each typical household in each municipality, line by line. Expected values are computed by hand
/// from the dataset: barnehage 2 990 kr/mnd January–June and 3 040 kr/mnd August–December (11
/// billed months, July free); G 96 883 until 30 April and 99 858 from 1 May 2019.
@Suite("Typical households: annual cost under each municipality's rulebook")
struct HouseholdCostTests {
    let dataset = Fixtures.dataset

    func cost(_ id: HouseholdID, _ municipality: MunicipalityID, in data: Dataset? = nil) throws -> HouseholdCost {
        let data = data ?? dataset
        return data.householdCost(try #require(data.household(id)), in: municipality, year: 2019)
    }

    func amounts(_ cost: HouseholdCost) -> [String: Money] {
        Dictionary(uniqueKeysWithValues: cost.lines.map { ($0.id, $0.amount) })
    }

    // (a) 750 000 kr: above every income limit. Child 1 full price 6 × 2 990 + 5 × 3 040 = 33 140;
    // child 2 with 30 % sibling discount 6 × 2 093 + 5 × 2 128 = 12 558 + 10 640 = 23 198.
    @Test(
        "Household (a): two barnehage places with sibling discount, kost for two, one SFO place",
        arguments: [
            // kost: Asker 286 × 11 × 2 = 6 292; SFO 2 843 × 10 = 28 430; sum 33 140 + 23 198 + 6 292 + 28 430 = 91 060
            ("asker", 6_292, 28_430, 91_060),
            // kost: Røyken 446 × 11 × 2 = 9 812; SFO 3 388 × 11 = 37 268; sum 103 418
            ("royken", 9_812, 37_268, 103_418),
            // kost: Hurum 373 × 11 × 2 = 8 206; SFO 2 568 × 11 = 28 248; sum 92 792
            ("hurum", 8_206, 28_248, 92_792),
        ] as [(String, Int64, Int64, Int64)])
    func familyA(municipality: String, kost: Int64, sfo: Int64, total: Int64) throws {
        let cost = try cost("a_familie_750k", MunicipalityID(municipality))
        let lines = amounts(cost)
        #expect(lines["barnehage.child_1_barnehage"] == Money(kroner: 33_140))
        #expect(lines["barnehage.child_2_barnehage"] == Money(kroner: 23_198))
        #expect(lines["barnehage.kost"] == Money(kroner: kost))
        #expect(lines["sfo.child_3_sfo"] == Money(kroner: sfo))
        #expect(cost.total == Money(kroner: total))
        #expect(cost.isComplete)
    }

    // (b) 300 000 kr: under the national limits (533 500 / 548 500) → 6 % cap and gratis kjernetid.
    // Cap 6 % × 300 000 / 11 = 1 636,3636… → 1 636,36 kr/mnd; kjernetid × 21/41 = 838,1356… → 838,14;
    // 11 × 838,14 = 9 219,54 kr in every municipality.
    @Test(
        "Household (b): 6 % cap and gratis kjernetid in barnehage, the municipality's SFO rule",
        arguments: [
            // Asker SFO: 2,8 G ≤ 300 000 < 4,5 G in every month → 50 %: 1 421,50 × 10 = 14 215; kost 286 × 11 = 3 146
            // sum 9 219,54 + 3 146 + 14 215 = 26 580,54
            ("asker", 314_600, 1_421_500, 2_658_054),
            // Røyken: 3 G = 290 649 (Jan–Apr) / 299 574 (May–) ≤ 300 000 → no friplass: 3 388 × 11 = 37 268; kost 446 × 11 = 4 906
            // sum 9 219,54 + 4 906 + 37 268 = 51 393,54
            ("royken", 490_600, 3_726_800, 5_139_354),
            // Hurum: no SFO rule found: 2 568 × 11 = 28 248; kost 373 × 11 = 4 103; sum 41 570,54
            ("hurum", 410_300, 2_824_800, 4_157_054),
        ] as [(String, Int64, Int64, Int64)])
    func singleParentB(municipality: String, kostOre: Int64, sfoOre: Int64, totalOre: Int64) throws {
        let cost = try cost("b_enslig_300k", MunicipalityID(municipality))
        let lines = amounts(cost)
        #expect(lines["barnehage.child_1_barnehage"] == Money(ore: 921_954))
        #expect(lines["barnehage.kost"] == Money(ore: kostOre))
        #expect(lines["sfo.child_2_sfo"] == Money(ore: sfoOre))
        #expect(cost.total == Money(ore: totalOre))
    }

    // (c) 2,5 G: in the 2–3 G band every month → at most 2 paid hours: 2 × 497 = 994 × 12 = 11 928;
    // trygghetsalarm above 2 G: 258 × 12 = 3 096; sum 15 024 (Røyken and Hurum use Asker's rules, estimated).
    @Test("Household (c): praktisk bistand capped at 2 paid hours, trygghetsalarm", arguments: ["asker", "royken", "hurum"])
    func pensionerC(municipality: String) throws {
        let cost = try cost("c_pensjonist_2_5G", MunicipalityID(municipality))
        let lines = amounts(cost)
        #expect(lines["praktisk_bistand.timepris"] == Money(kroner: 11_928))
        #expect(lines["trygghetsalarm.abonnement"] == Money(kroner: 3_096))
        #expect(cost.total == Money(kroner: 15_024))
        #expect(cost.status == (municipality == "asker" ? .carriedForward : .estimated))
    }

    // (d) 150 m³, Asker (only per-m³ prices and meter rent): vann 15,66 × 150 × 1,25 = 2 936,25;
    // avløp 18,83 × 150 × 1,25 = 3 530,625 → 3 530,63; meter 231,09 × 1,25 = 288,8625 → 288,86.
    @Test("Household (d) in Asker: water, wastewater, meter rent, renovasjon; no fastledd; feiing missing")
    func dwellingDAsker() throws {
        let cost = try cost("d_ssb_standardbolig", "asker")
        let lines = amounts(cost)
        #expect(lines["vann.forbruk_m3"] == Money(ore: 293_625))
        #expect(lines["avlop.forbruk_m3"] == Money(ore: 353_063))
        #expect(lines["vann.vannmalerleie"] == Money(ore: 28_886))
        // Grunnbeløp 1 408,43 + 140 l × 15,08 = 2 111,20 excl. → 3 519,63; sum 10 275,37.
        #expect(lines["renovasjon"] == Money(ore: 351_963))
        #expect(cost.total == Money(ore: 1_027_537))
        let fixed = try #require(cost.lines.first { $0.id == "vann.fastledd" })
        #expect(fixed.state == .notOffered)
        let feiing = try #require(cost.lines.first { $0.id == "feiing" })
        #expect(feiing.state != .priced)
    }

    // (d) in Røyken and Hurum (Viva IKS' two-part tariff at Lier's 2019 rates, neighbour reference):
    // vann 15,344 kr/m³ × 150 = 2 301,60 excl. × 1,25 = 2 877,00 (exact: Lier's 19,18 × 150);
    // avløp 27,84 × 150 = 4 176 × 1,25 = 5 220; fastledd vann and avløp 739,20 × 1,25 = 924 each;
    // no meter rent; RfD standard 3 382 incl. mva; sum 2 877 + 5 220 + 924 + 924 + 3 382 = 13 327.
    @Test("Household (d) in Røyken and Hurum: fastledd vann + fastledd avløp + 150 m³ × the exact m³ price", arguments: ["royken", "hurum"])
    func dwellingDTwoPart(municipality: String) throws {
        let cost = try cost("d_ssb_standardbolig", MunicipalityID(municipality))
        let lines = amounts(cost)
        #expect(lines["vann.forbruk_m3"] == Money(kroner: 2_877))
        #expect(lines["avlop.forbruk_m3"] == Money(kroner: 5_220))
        #expect(lines["vann.fastledd"] == Money(kroner: 924))
        #expect(lines["avlop.fastledd"] == Money(kroner: 924))
        #expect(cost.lines.first { $0.id == "vann.vannmalerleie" }?.state == .notOffered)
        #expect(lines["renovasjon"] == Money(kroner: 3_382))
        #expect(cost.total == Money(kroner: 13_327))
        #expect(!cost.isComplete)
        let fixed = try #require(cost.lines.first { $0.id == "vann.fastledd" })
        #expect(fixed.status == .estimated)
        #expect(fixed.estimateKinds == ["neighbour reference"])
        #expect(fixed.lowConfidence)
    }

    /// A copy of household (b) with another income (and optionally a child's age).
    func variant(income: HouseholdIncome, age: Int? = nil, extraChildren: Int = 0) throws -> Dataset {
        var data = dataset
        let index = try #require(data.households.firstIndex { $0.id == "b_enslig_300k" })
        var household = data.households[index]
        for i in household.attributes.indices {
            switch household.attributes[i].name {
            case "household_income":
                if case .kronerPerYear(let money) = income {
                    household.attributes[i].value = .quantity(Quantity(DecimalNumber(significand: money.ore, scale: 2), .kronerPerYear))
                }
            case "child_1_barnehage": if let age { household.attributes[i].note = "age \(age)" }
            default: break
            }
        }
        for n in 0..<extraChildren {
            household.attributes.append(HouseholdAttribute(name: "child_\(n + 3)_barnehage", value: .reference(["barnehage", "full_plass_5d"])))
        }
        data.households[index] = household
        return data
    }

    @Test("Income exactly at 2,8 G is not under it (<); one øre less is, from May when G changes")
    func thresholdAndGByMonth() throws {
        // 279 602,40 = 2,8 × 99 858: never under 2,8 G → 50 % all year: 1 421,50 × 10 = 14 215
        let at = try variant(income: .kronerPerYear(Money(ore: 27_960_240)))
        #expect(amounts(try cost("b_enslig_300k", "asker", in: at))["sfo.child_2_sfo"] == Money(kroner: 14_215))
        // 279 602,39: January–April G 96 883 → 2,8 G = 271 272,40, not under → 50 %: 4 × 1 421,50 = 5 686;
        // from May under 2,8 G → 75 %: 2 843 × 0,25 = 710,75 × 6 billed months (May, Jun, Sep–Dec) = 4 264,50
        let below = try variant(income: .kronerPerYear(Money(ore: 27_960_239)))
        #expect(amounts(try cost("b_enslig_300k", "asker", in: below))["sfo.child_2_sfo"] == Money(ore: 995_050))
    }

    @Test("Røyken's friplass under 3 G makes barnehage, kost and SFO free")
    func friplass() throws {
        // 280 000 < 3 × 96 883 = 290 649 and < 299 574 → free place incl. kost, free SFO place
        let data = try variant(income: .kronerPerYear(Money(kroner: 280_000)))
        let lines = amounts(try cost("b_enslig_300k", "royken", in: data))
        #expect(lines["barnehage.child_1_barnehage"] == .zero)
        #expect(lines["barnehage.kost"] == .zero)
        #expect(lines["sfo.child_2_sfo"] == .zero)
        // Hurum has no friplass: the 6 % cap and kjernetid apply: 6 % × 280 000 / 11 = 1 527,27; × 21/41 = 782,2602… → 782,26 × 11 = 8 604,86
        #expect(amounts(try cost("b_enslig_300k", "hurum", in: data))["barnehage.child_1_barnehage"] == Money(ore: 860_486))
    }

    @Test("Gratis kjernetid follows the minimum age by month: a two-year-old gets it from August")
    func kjernetidAge() throws {
        // Age 2: January–June minimum age 3 → only the cap: 6 × 1 636,36 = 9 818,16;
        // August–December minimum age 2 → 5 × 838,14 = 4 190,70; sum 14 008,86
        let data = try variant(income: .kronerPerYear(Money(kroner: 300_000)), age: 2)
        #expect(amounts(try cost("b_enslig_300k", "asker", in: data))["barnehage.child_1_barnehage"] == Money(ore: 1_400_886))
    }

    @Test("The third and later barnehage child gets 50 % (after the income rules)")
    func thirdChild() throws {
        // 750 000: no income rules. Third child: 6 × 1 495 + 5 × 1 520 = 8 970 + 7 600 = 16 570
        let data = try variant(income: .kronerPerYear(Money(kroner: 750_000)), extraChildren: 2)
        let lines = amounts(try cost("b_enslig_300k", "asker", in: data))
        #expect(lines["barnehage.child_1_barnehage"] == Money(kroner: 33_140))
        #expect(lines["barnehage.child_3_barnehage"] == Money(kroner: 23_198))
        #expect(lines["barnehage.child_4_barnehage"] == Money(kroner: 16_570))
    }

    @Test("Praktisk bistand is free under 2 G in Asker; without the rule the national cap of 210 kr/mnd applies")
    func praktiskBistandUnder2G() throws {
        var data = dataset
        let index = try #require(data.households.firstIndex { $0.id == "c_pensjonist_2_5G" })
        let at = try #require(data.households[index].attributes.firstIndex { $0.name == "household_income_G" })
        data.households[index].attributes[at].value = .quantity(Quantity(DecimalNumber(significand: 15, scale: 1), .grunnbelop))
        #expect(amounts(try cost("c_pensjonist_2_5G", "asker", in: data))["praktisk_bistand.timepris"] == .zero)
        #expect(amounts(try cost("c_pensjonist_2_5G", "asker", in: data))["trygghetsalarm.abonnement"] == .zero)
        // Without Asker's own exemption: 4 × 497 = 1 988 kr/mnd, capped at the national 210 → 210 × 12 = 2 520
        data.rules.removeAll { $0.municipality == "asker" && $0.service == "praktisk_bistand" && $0.rule == "fritak" }
        #expect(amounts(try cost("c_pensjonist_2_5G", "asker", in: data))["praktisk_bistand.timepris"] == Money(kroner: 2_520))
    }

    @Test("The rulebook takes the more generous of the municipality's and the national sibling discount")
    func generousRule() throws {
        var data = dataset
        let index = try #require(data.rules.firstIndex { $0.municipality == "asker" && $0.service == "barnehage" && $0.parameter == "barn_2" })
        data.rules[index].value = .quantity(Quantity(DecimalNumber(20), .percent))
        // Asker's own 20 % is less generous than the national minimum 30 %: 30 % applies
        let book = Rulebook(data, municipality: "asker", year: 2019)
        #expect(book.barnehage.siblingDiscountSecond?.value == Rate(percent: 30))
        #expect(book.barnehage.siblingDiscountSecond?.isNational == true)
        data.rules[index].value = .quantity(Quantity(DecimalNumber(40), .percent))
        #expect(Rulebook(data, municipality: "asker", year: 2019).barnehage.siblingDiscountSecond?.value == Rate(percent: 40))
    }

    @Test("The rulebook reads bands, thresholds and national rules from the dataset")
    func rulebook() {
        let asker = Rulebook(dataset, municipality: "asker", year: 2019)
        #expect(asker.sfo.moderationBands.map(\.underG.value) == [Rate(ppm: 2_800_000), Rate(ppm: 4_500_000)])
        #expect(asker.sfo.moderationBands.map(\.reduction.value) == [Rate(percent: 75), Rate(percent: 50)])
        #expect(asker.praktiskBistand.paidHourCaps.map(\.hours.value) == [2, 3, 4, 6, 8].map { DecimalNumber($0) })
        #expect(asker.praktiskBistand.paidHourCaps.last?.toG == nil)
        #expect(asker.praktiskBistand.nationalCap?.value == Money(kroner: 210))
        #expect(asker.barnehage.maksimalpris.values.map(\.value) == [Money(kroner: 2_990), Money(kroner: 3_040)])
        #expect(asker.barnehage.friplassUnderG == nil)
        let royken = Rulebook(dataset, municipality: "royken", year: 2019)
        #expect(royken.barnehage.friplassUnderG?.value == Rate(ppm: 3_000_000))
        #expect(royken.barnehage.friplassIncludesKost)
        #expect(Rulebook(dataset, municipality: "hurum", year: 2019).sfo.moderationBands.isEmpty)
    }

    @Test("The profile reads every attribute of the shipped households and lists the ones that price nothing")
    func profiles() throws {
        let a = HouseholdProfile(try #require(dataset.household("a_familie_750k")))
        #expect(a.barnehageChildren.map(\.age) == [4, 2])
        #expect(a.kostChildren == 2)
        #expect(a.sfoChildren.map(\.line) == [FeeKey("sfo", "plass_5d")])
        #expect(a.unpriced.isEmpty)
        let d = HouseholdProfile(try #require(dataset.household("d_ssb_standardbolig")))
        #expect(d.binLitres == DecimalNumber(140))
        #expect(d.renovasjonCategory == FeeKey("renovasjon", "standard"))
        #expect(d.unpriced == ["bra", "bruksenheter", "mva"])
    }
}
