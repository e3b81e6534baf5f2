import Testing

@testable import Harmoni
@testable import HarmoniCompare

@Suite("Comparisons: lowest, highest, spread and weighted mean")
struct CompareStatisticsTests {
    let dataset = Fixtures.dataset

    func row(_ service: ServiceID, _ line: LineID) throws -> ComparisonRow {
        let comparison = dataset.compare(.line(FeeKey(service, line)), year: 2019)
        return try #require(comparison.rows.first)
    }

    @Test("SFO full place: lowest Hurum, highest Røyken, spread in kr and %, volume-weighted mean")
    func sfoFullPlace() throws {
        let s = try #require(try row("sfo", "plass_5d").statistics)
        // per year: Asker 28 430, Røyken 37 268, Hurum 2 568 × 11 = 28 248
        #expect(s.lowest == Money(kroner: 28_248))
        #expect(s.lowestIn == ["hurum"])
        #expect(s.highest == Money(kroner: 37_268))
        #expect(s.highestIn == ["royken"])
        // 37 268 − 28 248 = 9 020 kr; 9 020 / 28 248 = 31,93 % → 31,9 %
        #expect(s.spread == Money(kroner: 9_020))
        #expect(s.spreadRate == Rate(ppm: 319_000))
        // (28 430 × 1 221 + 37 268 × 435 + 28 248 × 153) / (1 221 + 435 + 153)
        // = (34 713 030 + 16 211 580 + 4 321 944) / 1 809 = 55 246 554 / 1 809 = 30 539,8308… → 30 539,83 kr
        #expect(s.weightedMean == Money(ore: 3_053_983))
        #expect(s.weightedMeanStatus == .estimated)
        #expect(s.lowestStatus == .estimated)
    }

    @Test("Equal values: every municipality is lowest and highest, spread 0")
    func equal() throws {
        let s = try #require(try row("barnehage", "full_plass_5d").statistics)
        #expect(s.spread == .zero)
        #expect(s.lowestIn == ["asker", "royken", "hurum"])
        #expect(s.spreadRate == .zero)
    }

    @Test("No weighted mean when a municipality with a value has no volume; it says which")
    func missingVolume() throws {
        let s = try #require(try row("sfo", "ekstra_dag").statistics)
        #expect(s.weightedMean == nil)
        #expect(s.volumesMissing == ["asker", "royken", "hurum"])
    }

    @Test("A line only one municipality has gets no statistics")
    func single() throws {
        let row = try row("renovasjon", "grunnbelop")
        #expect(row.statistics == nil)
        #expect(row.values[1].value == .notOffered)
    }

    @Test("A service whose fees the record lacks is one row of missing values, never 0")
    func missing() throws {
        let comparison = dataset.compare(.service("feiing"), year: 2019)
        let row = try #require(comparison.rows.first)
        #expect(comparison.rows.count == 1)
        #expect(row.line == nil)
        #expect(row.values.allSatisfy { if case .missing = $0.value { return true } else { return false } })
    }

    @Test("An area compares every line of every service in it, service by service")
    func area() {
        let comparison = dataset.compare(.area("oppvekst"), year: 2019)
        // barnehage: 4 places + kost + kost_lavest + kost_hoyest; sfo: 3 places + ekstra_dag + ferie_dag
        #expect(comparison.rows.count == 12)
        #expect(comparison.rows.first?.key == FeeKey("barnehage", "full_plass_5d"))
        #expect(comparison.rows.last?.key == FeeKey("sfo", "ferie_dag"))
    }

    @Test("Half-up division sends ties away from zero for gains and losses")
    func halfUp() {
        #expect(Exact.divideHalfUp(5, 2) == 3)
        #expect(Exact.divideHalfUp(-5, 2) == -3)
        #expect(Exact.divideHalfUp(4, 3) == 1)
        #expect(Exact.divideHalfUp(-4, 3) == -1)
    }

    @Test("The spread rate rounds half-up to 0,1 % and is undefined for a lowest of 0 or less")
    func spreadRate() {
        // 1 / 8 = 12,5 % exactly; 1 / 3 = 33,33… % → 33,3 %; 1 / 1 600 = 0,0625 % → 0,1 %
        #expect(Exact.rateToTenthPercent(Money(kroner: 1), of: Money(kroner: 8)) == Rate(ppm: 125_000))
        #expect(Exact.rateToTenthPercent(Money(kroner: 1), of: Money(kroner: 3)) == Rate(ppm: 333_000))
        #expect(Exact.rateToTenthPercent(Money(kroner: 1), of: Money(kroner: 1_600)) == Rate(ppm: 1_000))
        #expect(Exact.rateToTenthPercent(Money(kroner: 1), of: .zero) == nil)
        #expect(Exact.rateToTenthPercent(Money(kroner: 1), of: Money(kroner: -264)) == nil)
    }

    @Test("The weighted mean weighs with decimal volumes exactly")
    func weightedMean() {
        // (100 × 0,5 + 200 × 1,5) / 2 = 350 / 2 = 175 kr
        let mean = Exact.weightedMean([
            (Money(kroner: 100), DecimalNumber(significand: 5, scale: 1)), (Money(kroner: 200), DecimalNumber(significand: 15, scale: 1)),
        ])
        #expect(mean == Money(kroner: 175))
        #expect(Exact.weightedMean([]) == nil)
    }
}
