import Testing

@testable import Harmoni
@testable import HarmoniCompare

/// Normalisation of fee lines to kr per year incl. mva, per month and as published. Every expected
/// value is computed by hand from the shipped dataset's published figures.
@Suite("Comparisons: normalising fee lines")
struct CompareNormalisationTests {
    let dataset = Fixtures.dataset
    let usage = StandardUsage(dataset: Fixtures.dataset)

    func perYear(_ municipality: MunicipalityID, _ service: ServiceID, _ line: LineID) throws -> NormalisedAmount {
        try #require(dataset.normalised(municipality, FeeKey(service, line), basis: .perYear, year: 2019, usage: usage))
    }

    @Test("A monthly fee is charged in its billed months: Asker SFO 10, Røyken SFO 11")
    func billedMonths() throws {
        // Asker: 2 843 kr/mnd × 10 billed months = 28 430 kr
        #expect(try perYear("asker", "sfo", "plass_5d").amount == Money(kroner: 28_430))
        // Røyken: 3 388 kr/mnd × 11 billed months = 37 268 kr
        #expect(try perYear("royken", "sfo", "plass_5d").amount == Money(kroner: 37_268))
    }

    @Test("A price change during the year is charged month by month; July is the free month")
    func priceChangeDuringTheYear() throws {
        // Barnehage: 6 × 2 990 (January–June) + 5 × 3 040 (August–December) = 17 940 + 15 200 = 33 140 kr
        let amount = try perYear("asker", "barnehage", "full_plass_5d")
        #expect(amount.amount == Money(kroner: 33_140))
        #expect(amount.rows.count == 2)
        #expect(amount.unit == .perYear)
    }

    @Test("A price excluding mva gets 25 % added on the annual amount, rounded half-up to øre")
    func vat() throws {
        // Vannmålerleie: 231,09 kr/år excl. × 1,25 = 288,8625 → 288,86 kr
        #expect(try perYear("asker", "vann", "vannmalerleie").amount == Money(ore: 28_886))
    }

    @Test("A price per m³ is multiplied by the standard household's 150 m³ a year, then mva")
    func perCubicMetre() throws {
        // Vann: 15,66 × 150 = 2 349,00 excl. × 1,25 = 2 936,25 kr
        let water = try perYear("asker", "vann", "forbruk_m3")
        #expect(water.amount == Money(ore: 293_625))
        #expect(water.usage?.value.amount == DecimalNumber(150))
        #expect(water.usage?.value.household == "d_ssb_standardbolig")
        // Avløp: 18,83 × 150 = 2 824,50 excl. × 1,25 = 3 530,625 → 3 530,63 kr (half-up)
        #expect(try perYear("asker", "avlop", "forbruk_m3").amount == Money(ore: 353_063))
    }

    @Test("A price per litre of bin is multiplied by the smallest bin of the line's size range")
    func perLitreBins() throws {
        // 2-hjul 140-360 l: 15,08 kr/l/år incl. × 140 l = 2 111,20 kr
        #expect(try perYear("asker", "renovasjon", "variabel_2hjul_140_360l").amount == Money(ore: 211_120))
        // 4-hjul 660-1000 l: 14,24 × 660 = 9 398,40 kr
        #expect(try perYear("asker", "renovasjon", "variabel_4hjul_660_1000l").amount == Money(ore: 939_840))
        // Container 1 100 l: 10,69 × 1 100 = 11 759 kr
        #expect(try perYear("asker", "renovasjon", "variabel_container_1100l").amount == Money(kroner: 11_759))
        #expect(usage.binLitres(for: "variabel_2hjul_140_360l").amount == DecimalNumber(140))
    }

    @Test("A price per hour uses the pensioner's 4 hours a month, twelve months")
    func perHour() throws {
        // Praktisk bistand: 497 kr/time × 4 timer × 12 = 23 856 kr (list price, before income rules)
        let amount = try perYear("asker", "praktisk_bistand", "timepris")
        #expect(amount.amount == Money(kroner: 23_856))
        #expect(amount.usage?.value.household == "c_pensjonist_2_5G")
    }

    @Test("A semester fee is charged twice a year")
    func semester() throws {
        // Kulturskole: 2 560 kr/semester × 2 = 5 120 kr
        #expect(try perYear("asker", "kulturskole", "ordinaer_undervisning").amount == Money(kroner: 5_120))
    }

    @Test("Prices per day and one-off fees have no standard usage and stay per use")
    func perUse() throws {
        let day = try perYear("asker", "sfo", "ekstra_dag")
        #expect(day.amount == Money(kroner: 184))
        #expect(day.unit == .perUse(.day))
        let once = try perYear("royken", "byggesak", "enebolig_200m2")
        #expect(once.amount == Money(kroner: 43_300))
        #expect(once.unit == .perUse(.once))
    }

    @Test("Per month is the annual amount divided by 12, rounded half-up to øre")
    func perMonth() throws {
        let key = FeeKey("barnehage", "full_plass_5d")
        // 33 140 / 12 = 2 761,666… → 2 761,67 kr
        let amount = try #require(dataset.normalised("asker", key, basis: .perMonth, year: 2019, usage: usage))
        #expect(amount.amount == Money(ore: 276_167))
        #expect(amount.unit == .perMonth)
        // A per-use price is not divided: 184 kr/dag stays 184 kr/dag
        let day = try #require(dataset.normalised("asker", FeeKey("sfo", "ekstra_dag"), basis: .perMonth, year: 2019, usage: usage))
        #expect(day.amount == Money(kroner: 184))
    }

    @Test("As published shows the price in force on 31 December in its own unit and mva form")
    func asPublished() throws {
        let place = try #require(
            dataset.normalised("asker", FeeKey("barnehage", "full_plass_5d"), basis: .asPublished, year: 2019, usage: usage))
        #expect(place.amount == Money(kroner: 3_040))
        #expect(place.unit == .published(.month, .none))
        let water = try #require(dataset.normalised("asker", FeeKey("vann", "forbruk_m3"), basis: .asPublished, year: 2019, usage: usage))
        #expect(water.amount == Money(ore: 1_566))
        #expect(water.unit.label(.nb) == "kr/m3 ekskl. mva")
    }

    @Test("A per-m³ price with fractions of an øre is kept exactly: 15,344 kr/m³ × 150 m³ × 1,25 = 2 877 kr")
    func fractionalPrice() throws {
        let fee = try #require(dataset.fees("royken", FeeKey("vann", "forbruk_m3")).first)
        #expect(fee.fractionalAmount == DecimalNumber(significand: 15_344, scale: 3))
        #expect(fee.amount == Money(ore: 1_534))  // 15,344 half-up to øre, for display and the simulator
        let amount = try #require(dataset.normalised("royken", FeeKey("vann", "forbruk_m3"), basis: .perYear, year: 2019, usage: usage))
        // With the rounded 15,34 it would be 2 301,00 × 1,25 = 2 876,25.
        #expect(amount.amount == Money(kroner: 2_877))
    }

    @Test("A per-m³ price that changes mid-year is charged each month's price for a twelfth of the usage")
    func perUsePriceChange() throws {
        var changed = dataset
        let index = try #require(changed.fees.firstIndex { $0.municipality == "hurum" && $0.key == FeeKey("vann", "forbruk_m3") })
        var first = changed.fees[index]
        var second = first
        first.amount = Money(kroner: 10)
        first.provenance.validity = Validity(from: CalendarDate(year: 2019, month: 1, day: 1), to: CalendarDate(year: 2019, month: 6, day: 30))
        second.amount = Money(kroner: 12)
        second.provenance.validity = Validity(from: CalendarDate(year: 2019, month: 7, day: 1), to: CalendarDate(year: 2019, month: 12, day: 31))
        changed.fees[index] = first
        changed.fees.insert(second, at: index + 1)
        // (6 × 10 + 6 × 12) = 132 kr × 150 m³ / 12 = 1 650,00 excl. × 1,25 = 2 062,50 kr
        let amount = try #require(changed.normalised("hurum", FeeKey("vann", "forbruk_m3"), basis: .perYear, year: 2019, usage: usage))
        #expect(amount.amount == Money(ore: 206_250))
    }

    @Test("Status, estimate kind and low confidence follow the rows used")
    func provenance() throws {
        let hurum = try perYear("hurum", "sfo", "plass_5d")
        #expect(hurum.status == .estimated)
        #expect(hurum.estimateKinds == ["national reference"])
        #expect(hurum.lowConfidence)
        #expect(try perYear("asker", "sfo", "plass_5d").status == .carriedForward)
    }

    @Test("A municipality without the line has no normalised amount")
    func absentLine() {
        #expect(dataset.normalised("asker", FeeKey("renovasjon", "standard"), basis: .perYear, year: 2019, usage: usage) == nil)
    }
}
