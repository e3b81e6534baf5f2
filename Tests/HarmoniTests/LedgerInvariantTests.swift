import Foundation
import Testing

@testable import Harmoni

/// Random scenarios over the shipped dataset: every decision kind, rule, phasing and rounding.
struct ScenarioGenerator {
    let baseline: SimulationBaseline
    var dataset: Dataset { baseline.dataset }
    var catalog: Catalog { baseline.catalog }

    init(baseline: SimulationBaseline) { self.baseline = baseline }

    func scenario(_ rng: inout SplitMix64) -> ScenarioState {
        var scenario = ScenarioState()
        if Int.random(in: 0..<4, using: &rng) == 0 { scenario.prices = .nominal }
        if Int.random(in: 0..<5, using: &rng) == 0 {
            scenario.deflatorOverrides.append(
                YearRate(
                    year: Int.random(in: 2020...2023, using: &rng),
                    rate: Rate(percent: Int64.random(in: 0...5, using: &rng))))
        }
        if Int.random(in: 0..<5, using: &rng) == 0 {
            scenario.growth.append(
                VolumeGrowth(service: nil, rule: .rate(Rate(basisPoints: Int64.random(in: -300...300, using: &rng)))))
        }
        for _ in 0..<Int.random(in: 1...5, using: &rng) {
            let decision = self.decision(&rng)
            if (try? Simulator.validate(decision, baseline: baseline, scenario: scenario)) != nil {
                scenario.decisions.append(decision)
            }
        }
        return scenario
    }

    private func decision(_ rng: inout SplitMix64) -> Decision {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0:
            let coverages = dataset.coverages.filter { Fixtures.mergingMunicipalities.contains($0.municipality) }
            let coverage = coverages[Int.random(in: 0..<coverages.count, using: &rng)]
            let factor = Int64.random(in: 80...120, using: &rng)
            let value = DecimalNumber(
                significand: coverage.value.number.significand * factor, scale: coverage.value.number.scale + 2)
            return Decision(
                .coverage(
                    CoverageDecision(
                        service: coverage.service, indicator: coverage.indicator, municipality: coverage.municipality,
                        value: Quantity(value, coverage.value.unit),
                        fromYear: Bool.random(using: &rng) ? nil : Int.random(in: 2020...2023, using: &rng))))
        case 1:
            let rules = dataset.rules.filter { Fixtures.mergingMunicipalities.contains($0.municipality) }
            let rule = rules[Int.random(in: 0..<rules.count, using: &rng)]
            let source = Fixtures.mergingMunicipalities[Int.random(in: 0..<3, using: &rng)]
            return Decision(.rules(RuleDecision(service: rule.service, rule: rule.rule, source: source, fromYear: nil)))
        default:
            return Decision(.level(level(&rng)))
        }
    }

    private func level(_ rng: inout SplitMix64) -> LevelDecision {
        let item = catalog.items[Int.random(in: 0..<catalog.items.count, using: &rng)]
        let target: DecisionTarget
        switch Int.random(in: 0..<6, using: &rng) {
        case 0, 1: target = .line(group: item.key.group, line: item.key.line)
        case 2, 3, 4: target = .group(item.key.group)
        default: target = .area(item.area)
        }
        let rule: LevelRule
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: rule = .lowest
        case 1: rule = .highest
        case 2: rule = .mean
        case 3: rule = .weighted
        case 4: rule = .municipality(Fixtures.mergingMunicipalities[Int.random(in: 0..<3, using: &rng)])
        case 5:
            let percent = Int64.random(in: 70...130, using: &rng)
            rule = .amount(Money(ore: item.level.ore * percent / 100), period: item.period == .once ? nil : item.period)
        case 6: rule = .neutral(goal: nil, year: nil)
        default: rule = .change(Rate(basisPoints: Int64.random(in: -2000...2000, using: &rng)))
        }
        let phasing: Phasing
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: phasing = .atOnce(from: nil)
        case 1: phasing = .atOnce(from: Int.random(in: 2020...2023, using: &rng))
        case 2:
            let from = Int.random(in: 2020...2022, using: &rng)
            phasing = .linear(from: from, to: Int.random(in: from...2023, using: &rng))
        default: phasing = .path(from: nil, shares: [Rate(percent: 30), Rate(percent: 60), .one])
        }
        let steps: [Money?] = [nil, Money(kroner: 1), Money(kroner: 10), Money(kroner: 100), Money(ore: 1)]
        var municipalities: [MunicipalityID]?
        if Int.random(in: 0..<4, using: &rng) == 0 {
            municipalities = [Fixtures.mergingMunicipalities[Int.random(in: 0..<3, using: &rng)]]
        }
        return LevelDecision(
            verb: rule == .neutral(goal: nil, year: nil) ? .solve : .harmonise, target: target,
            municipalities: municipalities,
            rule: rule, phasing: phasing, roundingStep: steps[Int.random(in: 0..<steps.count, using: &rng)],
            mode: Bool.random(using: &rng) ? .structure : .each,
            basis: Int.random(in: 0..<4, using: &rng) == 0 ? .annual : .price)
    }
}

@Suite("Ledger invariants")
struct LedgerInvariantTests {
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["HARMONI_SEED"].flatMap { UInt64($0) } ?? 20_200_101
    }

    @Test("The invariants hold over 2 000 seeded random scenarios, and the skyggebudsjett adds up")
    func randomScenarios() {
        let seed = Self.seed
        print("LedgerInvariantTests seed \(seed) (replay with HARMONI_SEED=\(seed))")
        var rng = SplitMix64(seed: seed)
        let baseline = SimulationBaseline(Fixtures.dataset)
        let generator = ScenarioGenerator(baseline: baseline)
        var decisions = 0
        var lines = 0
        for number in 0..<2_000 {
            let scenario = generator.scenario(&rng)
            decisions += scenario.decisions.count
            let ledger = Simulator.run(baseline: baseline, scenario: scenario)
            lines += ledger.lines.count
            let violations = ledger.checkInvariants()
            #expect(
                ledger.problems.isEmpty,
                "seed \(seed) scenario \(number): \(ledger.problems.map(\.en))\n\(scenario.canonicalStatements)")
            #expect(
                violations.isEmpty,
                "seed \(seed) scenario \(number): \(violations.prefix(3))\n\(scenario.canonicalStatements.joined(separator: "\n"))"
            )
            let budget = ShadowBudget.build(dataset: Fixtures.dataset, ledger: ledger)
            #expect(BudgetTests.rowsAddUp(budget).isEmpty, "seed \(seed) scenario \(number)")
            if !violations.isEmpty || !ledger.problems.isEmpty { break }
        }
        // The generator must exercise the simulator, not produce empty scenarios.
        #expect(decisions > 4_000 && lines > 20_000, "decisions \(decisions), lines \(lines)")
    }

    @Test("checkInvariants catches a total that no longer matches its lines")
    func catchesTotals() throws {
        var ledger = try SimulatorTests.ledger("harmonise sfo.* to asker")
        ledger.lines[0].after = (ledger.lines[0].after ?? .zero) + Money(ore: 1)
        let violations = ledger.checkInvariants()
        #expect(violations.contains { $0.contains("total of year 2020") })
        #expect(violations.contains { $0.contains("change is not after − before") } == false)
    }

    @Test("checkInvariants catches a zero change, a raise under to lowest and a missed target")
    func catchesRules() throws {
        var ledger = try SimulatorTests.ledger("harmonise sfo.plass_5d to lowest over 2020...2021")
        let index = try #require(ledger.lines.firstIndex { $0.year == 2021 })
        var tampered = ledger.lines[index]
        tampered.unitAfter = tampered.unitBefore + Money(kroner: 1)
        ledger.lines[index] = tampered
        let violations = ledger.checkInvariants()
        #expect(violations.contains { $0.contains("raised a price") })
        #expect(violations.contains { $0.contains("not at its target") })
        var zero = try SimulatorTests.ledger("harmonise sfo.plass_5d to asker")
        zero.lines[0].after = zero.lines[0].before
        zero.lines[0].unitAfter = zero.lines[0].unitBefore
        #expect(zero.checkInvariants().contains { $0.contains("zero change") })
    }
}
