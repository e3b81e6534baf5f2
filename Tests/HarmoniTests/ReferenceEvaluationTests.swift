import Foundation
import Testing

@testable import Harmoni

/// The fast run against the plain ``ReferenceEvaluation`` (issue 12): every ledger line equal.
@Suite("Reference evaluation")
struct ReferenceEvaluationTests {
    @Test("The fast run and the reference agree on every line of 2 000 seeded random scenarios, in both price bases")
    func randomScenarios() {
        let seed = LedgerInvariantTests.seed
        print("ReferenceEvaluationTests seed \(seed) (replay with HARMONI_SEED=\(seed))")
        var rng = SplitMix64(seed: seed)
        let baseline = SimulationBaseline(Fixtures.dataset)
        let generator = ScenarioGenerator(baseline: baseline)
        var lines = 0
        var failures = 0
        for number in 0..<2_000 {
            let scenario = generator.scenario(&rng)
            for basis in [PriceBasis.fixed, .nominal] {
                let fast = Simulator.run(baseline: baseline, scenario: scenario, prices: basis)
                let reference = ReferenceEvaluation.run(baseline: baseline, scenario: scenario, prices: basis)
                lines += fast.lines.count
                let context = "seed \(seed) scenario \(number) \(basis):\n\(scenario.canonicalStatements.joined(separator: "\n"))"
                #expect(fast.problems.map(\.code) == reference.problems.map(\.code), "\(context)")
                #expect(fast.lines.count == reference.lines.count, "\(context)")
                if let k = fast.lines.indices.first(where: { $0 < reference.lines.count && fast.lines[$0] != reference.lines[$0] }) {
                    Issue.record("line \(k) differs\nfast      \(fast.lines[k])\nreference \(reference.lines[k])\n\(context)")
                }
                if fast.lines != reference.lines || fast.problems.map(\.code) != reference.problems.map(\.code) {
                    failures += 1
                }
            }
            if failures >= 3 { break }
        }
        // The scenarios must make lines to compare.
        #expect(lines > 40_000, "lines \(lines)")
    }

    @Test("The reference gives the flagship's −11 594 188 kr for SFO at the lowest price in 2020")
    func flagship() throws {
        let session = Fixtures.session()
        let result = session.run(SourceFile(name: "<test>", text: "harmonise sfo.* to lowest from 2020"))
        #expect(result.diagnostics.isEmpty)
        let reference = ReferenceEvaluation.run(
            baseline: SimulationBaseline(Fixtures.dataset), scenario: session.state.scenario)
        let change = reference.lines.filter { $0.year == 2020 }.compactMap(\.change).reduce(Money.zero, +)
        #expect(change == Money(kroner: -11_594_188))
    }

    @Test("A line the reference computes differently is found: a tampered ledger does not match")
    func detects() throws {
        let baseline = SimulationBaseline(Fixtures.dataset)
        let session = Fixtures.session()
        _ = session.run(SourceFile(name: "<test>", text: "harmonise sfo.* to highest over 2020...2022"))
        var fast = Simulator.run(baseline: baseline, scenario: session.state.scenario).lines
        let reference = ReferenceEvaluation.run(baseline: baseline, scenario: session.state.scenario).lines
        #expect(fast == reference)
        let last = try #require(fast.indices.last)
        fast[last].after = (fast[last].after ?? .zero) + Money(ore: 1)
        #expect(fast != reference)
    }
}
