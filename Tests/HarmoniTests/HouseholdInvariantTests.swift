import Foundation
import Testing

@testable import Harmoni

/// Invariants of the households' before/after over seeded random scenarios, and of the datasets
/// `Simulator.prices` builds.
@Suite("Household invariants")
struct HouseholdInvariantTests {
    static let baseline = SimulationBaseline(Fixtures.dataset)

    /// Every household's change in `year`.
    static func changes(_ scenario: ScenarioState, year: Int, steps: Bool = false) throws -> [HouseholdChange] {
        try HouseholdImpact.changes(baseline: baseline, scenario: scenario, year: year, steps: steps).changes
    }

    @Test("Without decisions, after equals before for every household; before never depends on the decisions")
    func noDecisions() throws {
        let seed = SplitMix64.seed(default: 2_019_1231)
        print("HouseholdInvariantTests.noDecisions seed \(seed) (replay with HARMONI_SEED=\(seed))")
        var rng = SplitMix64(seed: seed)
        let generator = ScenarioGenerator(baseline: Self.baseline)
        for number in 0..<40 {
            let scenario = generator.scenario(&rng)
            var bare = scenario
            bare.decisions = []
            let year = Int.random(in: scenario.period, using: &rng)
            let withDecisions = try Simulator.prices(baseline: Self.baseline, scenario: scenario, year: year)
            let without = try Simulator.prices(baseline: Self.baseline, scenario: bare, year: year)
            #expect(without.after == without.before, "seed \(seed) scenario \(number)")
            #expect(withDecisions.before == without.before, "seed \(seed) scenario \(number)")
            for household in Fixtures.dataset.households {
                let change = HouseholdChange(household, before: without.before, after: without.after, year: year)
                #expect(change.before == change.after, "seed \(seed) scenario \(number) \(household.id)")
                #expect(change.allTotals.allSatisfy { $0.change == .zero && $0.rate == .zero })
            }
        }
    }

    @Test("Harmonising to lowest never raises any household's cost, line by line, in any year")
    func lowestNeverRaises() throws {
        let seed = SplitMix64.seed(default: 2_020_0101)
        print("HouseholdInvariantTests.lowestNeverRaises seed \(seed) (replay with HARMONI_SEED=\(seed))")
        var rng = SplitMix64(seed: seed)
        // The groups and lines the typical households pay, and the areas holding them.
        let targets: [DecisionTarget] = [
            .group("sfo"), .group("barnehage"), .group("vann"), .group("avlop"), .group("praktisk_bistand"),
            .group("trygghetsalarm"), .line(group: "sfo", line: "plass_5d"), .line(group: "barnehage", line: "kost"),
            .line(group: "barnehage", line: "full_plass_5d"), .line(group: "renovasjon", line: "grunnbelop"),
            .line(group: "vann", line: "vannmalerleie"), .area("oppvekst"), .area("helse"), .area("klima"),
        ]
        var lowered = 0
        for number in 0..<25 {
            var scenario = ScenarioState()
            if Bool.random(using: &rng) { scenario.prices = .nominal }
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let from = Int.random(in: 2020...2023, using: &rng)
                let phasings: [Phasing] = [
                    .atOnce(from: nil), .atOnce(from: from), .linear(from: 2020, to: from),
                    .path(from: nil, shares: [Rate(percent: 30), Rate(percent: 60), .one]),
                ]
                let decision = LevelDecision(
                    verb: .harmonise, target: targets.pick(&rng),
                    municipalities: Bool.random(using: &rng) ? nil : [Fixtures.mergingMunicipalities.pick(&rng)],
                    rule: .lowest, phasing: phasings.pick(&rng),
                    roundingStep: [nil, Money(kroner: 1), Money(kroner: 10), Money(kroner: 100)].pick(&rng),
                    mode: Bool.random(using: &rng) ? .structure : .each,
                    basis: Int.random(in: 0..<4, using: &rng) == 0 ? .annual : .price)
                if (try? Simulator.validate(Decision(.level(decision)), baseline: Self.baseline, scenario: scenario))
                    != nil
                {
                    scenario.decisions.append(Decision(.level(decision)))
                }
            }
            let year = Int.random(in: scenario.period, using: &rng)
            let statements = scenario.canonicalStatements.joined(separator: "\n")
            for change in try Self.changes(scenario, year: year) {
                for (before, after) in zip(change.before, change.after) {
                    #expect(
                        after.total <= before.total,
                        "seed \(seed) scenario \(number) \(change.household) \(after.municipality) \(year)\n\(statements)"
                    )
                    for (old, new) in zip(before.lines, after.lines) {
                        #expect(new.amount <= old.amount, "seed \(seed) scenario \(number) \(new.id)\n\(statements)")
                    }
                    if after.total < before.total { lowered += 1 }
                }
            }
        }
        // The scenarios must bite: many households pay less somewhere.
        #expect(lowered > 20, "lowered \(lowered)")
    }

    @Test("The year's dataset: one row per line valid the whole year, G, rules and incomes lifted")
    func yearDataset() throws {
        let prices = try Simulator.prices(
            baseline: Fixtures.dataset, scenario: HouseholdChangeTests.scenario("harmonise sfo.moderasjon to asker"),
            year: 2022)
        let before = prices.before
        // Asker SFO 2 843 × 1,031 = 2 931,133 → 2 931, valid all of 2022, still carried forward.
        let sfo = before.fees("asker", FeeKey("sfo", "plass_5d"))
        #expect(sfo.count == 1)
        #expect(sfo.first?.amount == Money(kroner: 2_931))
        #expect(sfo.first?.provenance.validity == .year(2022))
        #expect(sfo.first?.provenance.status == .carriedForward)
        // Barnehage had two rows in 2019; the one of 31.12 (3 040) is lifted: 3 134,24 → 3 134.
        #expect(before.fees("asker", FeeKey("barnehage", "full_plass_5d")).map(\.amount) == [Money(kroner: 3_134)])
        // G of 31.12.2019, 99 858 × 1,031 = 102 953,598 → 102 954, all year.
        #expect(before.grunnbelop(on: .startOf(year: 2022)) == Money(kroner: 102_954))
        #expect(before.grunnbelop(on: .endOf(year: 2022)) == Money(kroner: 102_954))
        // Maksimalpris as a rule: 3 040 → 3 134; the national cap 210 → 216,51 → 217.
        let book = Rulebook(before, municipality: "hurum", year: 2022)
        #expect(book.barnehage.maksimalpris.value(on: .endOf(year: 2022))?.value == Money(kroner: 3_134))
        #expect(book.praktiskBistand.nationalCap?.value == Money(kroner: 217))
        #expect(
            before.household("b_enslig_300k").flatMap { HouseholdProfile($0).income }
                == .kronerPerYear(Money(kroner: 309_300)))
        // The rule decision: Hurum reads Asker's bands after, none before.
        #expect(Rulebook(before, municipality: "hurum", year: 2022).sfo.moderationBands.isEmpty)
        let bands = Rulebook(prices.after, municipality: "hurum", year: 2022).sfo.moderationBands
        #expect(bands.map(\.reduction.value) == [Rate(percent: 75), Rate(percent: 50)])
        #expect(bands.allSatisfy { $0.reduction.rule.municipality == "hurum" })
    }

    @Test("A rule decision from a later year leaves the earlier years alone")
    func ruleFromYear() throws {
        let scenario = HouseholdChangeTests.scenario("harmonise sfo.moderasjon to asker from 2022")
        let early = try Self.changes(scenario, year: 2021, steps: true)
        let late = try Self.changes(scenario, year: 2022, steps: true)
        let b = try #require(Fixtures.dataset.households.firstIndex { $0.id == "b_enslig_300k" })
        #expect(early[b].allTotals.allSatisfy { $0.change == .zero })
        #expect(late[b].totals(at: 2).change == Money(kroner: -14_564))
    }

    @Test("A year outside the period is an error")
    func yearOutsidePeriod() {
        #expect(throws: SimulationError.self) {
            try Simulator.prices(baseline: Fixtures.dataset, scenario: ScenarioState(), year: 2019)
        }
    }
}
