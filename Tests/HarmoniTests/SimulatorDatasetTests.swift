import Testing

@testable import Harmoni
@testable import HarmoniCompare
@testable import HarmoniPopulation
@testable import HarmoniSimulate
@testable import HarmoniUncertainty

/// What the simulator takes from the dataset rather than from code (issue 12, item 6): the
/// baseline year, the area of a line; and the one half-up division every module rounds with.
@Suite("Simulator reads the dataset: baseline year, undeclared services, one half-up division")
struct SimulatorDatasetTests {
    @Test("The baseline year is the dataset's baseline_year; 2019 when a dataset names none")
    func baselineYear() throws {
        #expect(Fixtures.dataset.declaredBaselineYear == 2019)
        #expect(Dataset().declaredBaselineYear == nil)
        #expect(Dataset().baselineYear == 2019)
        let (diagnostics, loaded) = MiniDataset.load(MarkedSource("dataset other_2020 {\n  baseline_year = 2021\n}\n"))
        #expect(diagnostics.isEmpty)
        #expect(loaded.baselineYear == 2021)
        var dataset = Fixtures.dataset
        dataset.declaredBaselineYear = 2020
        #expect(SimulationBaseline(dataset).year == 2020)
        #expect(SimulationBaseline(Fixtures.dataset).year == 2019)
        #expect(SessionState(dataset: dataset, datasetPaths: []).baselineYear == 2020)
    }

    @Test("Shadow budget and impact notes name the dataset's baseline year, not 2019")
    func shadowBudgetYear() throws {
        var dataset = Fixtures.dataset
        dataset.declaredBaselineYear = 2020
        let session = Session(state: SessionState(dataset: dataset, datasetPaths: [Fixtures.datasetsFolder]))
        let result = Fixtures.run(
            "period 2021...2022\ndeflator 2021 = 2 %\ndeflator 2022 = 2 %\nharmonise sfo.* to lowest\nshow budget\nshow impact",
            in: session)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.output.contains("netto 2020"))
        #expect(!result.output.contains("netto 2019"))
        #expect(result.output.contains("2020-tall er løftet til 2021"))
        #expect(result.output.contains("datasettets 2020-volumer"))
    }

    @Test("A fee of a service the dataset does not declare is left out of the catalog and named, never put in «klima»")
    func undeclaredService() throws {
        var dataset = Fixtures.dataset
        var fee = try #require(dataset.fees.first { $0.municipality == "asker" && $0.key.service == "sfo" })
        fee.key = FeeKey("brann", "feiing")
        dataset.fees.append(fee)
        let catalog = SimulationBaseline(dataset).catalog
        #expect(catalog.skipped.contains("asker.brann.feiing"))
        #expect(!catalog.items.contains { $0.key.group == "brann" })
        #expect(catalog.items.count == SimulationBaseline(Fixtures.dataset).catalog.items.count)
    }

    @Test("The loader refuses a fee of an unknown service at the service's position")
    func unknownServiceIsPositioned() throws {
        let source = MarkedSource(MiniDataset.fee([:], id: "asker.1️⃣brann.plass"))
        let (diagnostics, dataset) = MiniDataset.load(source)
        let error = try #require(diagnostics.first)
        #expect(error.message.code == "unknown-reference")
        #expect(error.message.nb == "ukjent tjeneste «brann»")
        #expect(error.range.start == source["1️⃣"])
        #expect(dataset.fees.isEmpty)
    }

    @Test(
        "Every module's half-up division is RoundingRule.divide: ties away from zero, both signs",
        arguments: [(Int64(5), Int64(2), Int64(3)), (-5, 2, -3), (7, 3, 2), (-7, 3, -2), (8, 3, 3), (-8, 3, -3), (1, 4, 0), (0, 9, 0)])
    func halfUp(_ numerator: Int64, _ denominator: Int64, _ expected: Int64) {
        #expect(RoundingRule.divide(Int128(numerator), by: Int128(denominator), mode: .halfUp) == Int128(expected))
        #expect(Exact.divideHalfUp(Int128(numerator), Int128(denominator)) == Int128(expected))
        #expect(DistributionRow.divide(numerator, denominator) == expected)
    }

    @Test("Decimals round half-up to places with the same division", arguments: [
        (DecimalNumber(significand: 12_345, scale: 3), 2, Int64(1_235)), (DecimalNumber(significand: -12_345, scale: 3), 2, -1_235),
        (DecimalNumber(significand: 12_344, scale: 3), 2, 1_234), (DecimalNumber(significand: 12_449, scale: 3), 1, 124),
        (DecimalNumber(significand: 5, scale: 25), 2, 0), (DecimalNumber(significand: 125, scale: 1), 2, 1_250),
    ])
    func decimalHalfUp(_ value: DecimalNumber, _ places: Int, _ expected: Int64) {
        #expect(value.roundedScaled(to: places) == expected)
    }
}
