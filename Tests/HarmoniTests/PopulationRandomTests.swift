import Foundation
import Testing
import HarmoniPopulation

@testable import Harmoni

/// The fast population pricing against the plain one on random populations: households of any
/// municipality with random places (every barnehage and SFO line, also lines a municipality does
/// not offer), ages, care, dwellings and incomes (uniform, and crowded around the thresholds), and
/// households without an income. Every total, every revenue sum and every ledger line equal, to the øre.
@Suite("Population: the fast pricing equals the plain one on random populations")
struct PopulationRandomTests {
    static let barnehage: [LineID?] = [nil, "full_plass_5d", "redusert_4d", "redusert_3d", "halv_plass", "kost_hoyest"]
    static let sfo: [LineID?] = [nil, "plass_5d", "plass_4d", "plass_3d"]

    /// A random population of `count` households drawn from `seed`.
    static func population(seed: UInt64, count: Int) -> HouseholdPopulation {
        var random = SeededGenerator(seed: seed)
        let municipalities = Fixtures.dataset.mergingMunicipalities
        let g: Int64 = 101_351  // G from 1.5.2020, kroner: incomes crowd around its multiples
        var households: [PopulationHousehold] = []
        var persons: [PopulationPerson] = []
        var personID: Int64 = 0
        for index in 0..<count {
            let id = Int64(index + 1)
            let income: Int64?
            switch random.below(4) {
            case 0: income = nil
            case 1: income = Int64(random.below(1_500_000))
            default:
                let multiple = Int64([2, 3, 4, 5, 6][random.below(5)]) * 1_000 + Int64([0, 500, 800][random.below(3)])
                income = max(0, g * multiple / 1_000 + Int64(random.below(40_001)) - 20_000)
            }
            households.append(
                PopulationHousehold(
                    id: id, municipality: municipalities[random.below(municipalities.count)], incomeKroner: income,
                    dwellingSquareMetres: Int64(random.below(200)), waterCubicMetres: Int64([0, 80, 120, 150][random.below(4)]),
                    binLitres: Int64([0, 140, 240][random.below(3)]), chimneys: Int64(random.below(3))))
            for _ in 0..<random.below(6) {
                personID += 1
                let age = Int64(random.below(95))
                let child = age <= 12
                persons.append(
                    PopulationPerson(
                        household: id, id: personID, age: age,
                        barnehage: child && age <= 6 ? barnehage[random.below(barnehage.count)] : nil,
                        sfo: child && age >= 5 ? sfo[random.below(sfo.count)] : nil,
                        praktiskBistandHoursPerMonth: age >= 60 && random.below(3) == 0 ? Int64(random.below(30)) : 0,
                        trygghetsalarm: age >= 65 && random.below(3) == 0))
            }
        }
        return HouseholdPopulation(households: households, persons: persons, origin: .loaded(directory: "random"), status: .own)
    }

    @Test("random populations, every rulebook, two years", arguments: [UInt64(11), 12, 13])
    func randomPopulation(_ seed: UInt64) throws {
        let population = Self.population(seed: seed, count: 400)
        let fast = PopulationRun.run(population, baseline: Fixtures.dataset, prices: PopulationFastPathTests.prices, everyRulebook: true)
        let plain = PopulationRun.reference(
            population, baseline: Fixtures.dataset, prices: PopulationFastPathTests.prices, everyRulebook: true)
        let nonZero = PopulationFastPathTests.expectEqual(fast, plain)
        #expect(nonZero > population.households.count, "the comparison has priced households to compare")
        let scenario = PopulationFastPathTests.setup.scenario
        let fastLines = PopulationLedger.lines(fast, population: population, scenario: scenario, dataset: Fixtures.dataset)
        let plainLines = PopulationLedger.lines(plain, population: population, scenario: scenario, dataset: Fixtures.dataset)
        #expect(!fastLines.isEmpty, "the scenario's income rules give ledger lines")
        #expect(fastLines == plainLines, "every ledger line equal to the øre")
    }

    @Test("random population, own rulebook only")
    func ownRulebook() throws {
        let population = Self.population(seed: 21, count: 400)
        let fast = PopulationRun.run(population, baseline: Fixtures.dataset, prices: PopulationFastPathTests.prices, everyRulebook: false)
        let plain = PopulationRun.reference(
            population, baseline: Fixtures.dataset, prices: PopulationFastPathTests.prices, everyRulebook: false)
        PopulationFastPathTests.expectEqual(fast, plain)
    }
}
