import Foundation
import Testing
import HarmoniPopulation

@testable import Harmoni

/// The fast population pricing (households split into people and dwelling parts, incomes above
/// every income rule's reach priced once) against the plain one (every household's whole profile
/// priced by the household engine): the same totals and revenue, to the øre.
@Suite("Population: the fast pricing equals the plain one")
struct PopulationFastPathTests {
    /// The HP 2020 decisions (VA to the weighted level, Asker's SFO moderation) plus «sfo.* to
    /// lowest», for 2020 and 2021.
    static let prices: [ScenarioPrices] = setup.prices

    /// The scenario of ``prices`` and its prices.
    static let setup: (scenario: ScenarioState, prices: [ScenarioPrices]) = {
        let session = Fixtures.session()
        _ = Fixtures.run(
            """
            period 2020...2021
            harmonise vann.* to weighted over 2020...2021
            harmonise avlop.* to weighted over 2020...2021
            harmonise sfo.* to lowest
            harmonise sfo.moderasjon to asker
            """, in: session)
        let scenario = session.state.scenario
        let baseline = SimulationBaseline(Fixtures.dataset)
        return (scenario, scenario.period.compactMap { try? Simulator.prices(baseline: baseline, scenario: scenario, year: $0) })
    }()

    /// Every `step`-th household of the synthetic population of seed `seed`, with its persons.
    static func sample(seed: UInt64, step: Int) throws -> HouseholdPopulation {
        let full = try Synthesis.nyeAsker(Fixtures.dataset, seed: seed).get()
        var households: [PopulationHousehold] = []
        var persons: [PopulationPerson] = []
        for index in stride(from: 0, to: full.households.count, by: step) {
            households.append(full.households[index])
            persons += full.persons(of: index)
        }
        return HouseholdPopulation(households: households, persons: persons, origin: full.origin, status: full.status)
    }

    /// Compares every total and every revenue sum of the two runs; returns how many totals differ from 0.
    @discardableResult
    static func expectEqual(_ fast: PopulationRun, _ plain: PopulationRun) -> Int {
        #expect(fast.years == plain.years)
        #expect(fast.householdCount == plain.householdCount)
        var nonZero = 0
        var mismatches = 0
        for y in fast.years.indices {
            for household in 0..<fast.householdCount {
                for r in fast.rulebooks.indices {
                    for after in [false, true] {
                        let a = fast.total(year: y, household: household, rulebook: r, after: after)
                        let b = plain.total(year: y, household: household, rulebook: r, after: after)
                        if a != .zero { nonZero += 1 }
                        if a != b, mismatches < 5 {
                            mismatches += 1
                            Issue.record("household \(household) year \(y) rulebook \(r) after \(after): fast \(a), plain \(b)")
                        }
                    }
                }
            }
            for municipality in fast.rulebooks {
                for service in PopulationPricer.services {
                    let a = fast.revenue(year: y, municipality: municipality, service: service)
                    let b = plain.revenue(year: y, municipality: municipality, service: service)
                    #expect(a == b, "revenue \(municipality) \(service) year \(y)")
                }
            }
        }
        return nonZero
    }

    @Test("a seeded sample of nye Asker, every rulebook, two years", arguments: [(UInt64(1), 9), (UInt64(5), 11)])
    func seededSample(_ seed: UInt64, _ step: Int) throws {
        let population = try Self.sample(seed: seed, step: step)
        #expect(Self.prices.count == 2)
        let fast = PopulationRun.run(population, baseline: Fixtures.dataset, prices: Self.prices, everyRulebook: true)
        let plain = PopulationRun.reference(population, baseline: Fixtures.dataset, prices: Self.prices, everyRulebook: true)
        let nonZero = Self.expectEqual(fast, plain)
        #expect(nonZero > population.households.count, "the comparison has priced households to compare")
    }

    @Test("own rulebook only, as the statements price")
    func ownRulebook() throws {
        let population = try Self.sample(seed: 2, step: 13)
        let fast = PopulationRun.run(population, baseline: Fixtures.dataset, prices: Self.prices, everyRulebook: false)
        let plain = PopulationRun.reference(population, baseline: Fixtures.dataset, prices: Self.prices, everyRulebook: false)
        Self.expectEqual(fast, plain)
    }

    /// Households with a barnehage child, an SFO child and care at incomes on both sides of every
    /// threshold's edge: 2 G, 2,8 G (Asker's SFO band), 3 G, 3,5 G, 4,5 G and 6 G at the G of
    /// January and of December, the income limit, and the incomes where the 6 % cap meets the
    /// maksimalpris (where the cap stops applying).
    @Test("incomes at the thresholds and where the 6 % cap stops applying")
    func thresholdIncomes() throws {
        let dataset = Fixtures.dataset
        let year = 2020
        let prices = try #require(Self.prices.first { $0.year == year })
        let book = Rulebook(prices.after, municipality: "asker", year: year)
        var kroner: [Int64] = [0, 1, 10_000_000]
        for month in [1, 12] {
            let day = try #require(CalendarDate(year: year, month: month, day: 1))
            let g = try #require(dataset.grunnbelop(on: day)).ore
            for multiple in [2_000_000, 2_800_000, 3_000_000, 3_500_000, 4_500_000, 6_000_000] as [Int64] {
                let edge = Int64((Int128(multiple) * Int128(g)) / 1_000_000 / 100)
                kroner += [edge - 1, edge, edge + 1]
            }
            let limit = try #require(book.barnehage.incomeLimit.value(on: day)).value.ore / 100
            kroner += [limit - 1, limit, limit + 1]
            let maximum = try #require(book.barnehage.maksimalpris.value(on: day)).value.ore
            let share = try #require(book.barnehage.incomeCapShare).value.ppm
            let meets = Int64(Int128(maximum) * Int128(book.barnehage.incomeCapMonths) * 1_000_000 / Int128(share) / 100)
            kroner += (-3...3).map { meets + $0 }
        }
        // The edges are the year's kroner; the run lifts the population's incomes to the year, so
        // take the baseline incomes that land on and around each edge.
        let million = Money(kroner: 1_000_000)
        let lifted = try #require(prices.index.lift(million, to: year, rounding: .standard(for: million))).ore / 100
        kroner = kroner.flatMap { edge in (-2...2).map { edge * 1_000_000 / lifted + $0 } }.filter { $0 >= 0 }
        var households: [PopulationHousehold] = []
        var persons: [PopulationPerson] = []
        var id: Int64 = 0
        for municipality in dataset.mergingMunicipalities {
            for income in kroner {
                id += 1
                households.append(
                    PopulationHousehold(
                        id: id, municipality: municipality, incomeKroner: income, dwellingSquareMetres: 100,
                        waterCubicMetres: 120, binLitres: 140, chimneys: 1))
                persons.append(PopulationPerson(household: id, id: id * 10, age: 4, barnehage: "full_plass_5d"))
                persons.append(PopulationPerson(household: id, id: id * 10 + 1, age: 2, barnehage: "full_plass_5d"))
                persons.append(PopulationPerson(household: id, id: id * 10 + 2, age: 7, sfo: "plass_5d"))
                persons.append(PopulationPerson(household: id, id: id * 10 + 3, age: 84, praktiskBistandHoursPerMonth: 9, trygghetsalarm: true))
            }
        }
        let population = HouseholdPopulation(households: households, persons: persons, origin: .loaded(directory: "test"), status: .own)
        let fast = PopulationRun.run(population, baseline: dataset, prices: [prices], everyRulebook: true)
        let plain = PopulationRun.reference(population, baseline: dataset, prices: [prices], everyRulebook: true)
        Self.expectEqual(fast, plain)
    }
}
