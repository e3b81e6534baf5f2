import Foundation
import Testing

@testable import Harmoni

/// The baseline prepared once (issue 12): a baseline made from a prepared one by moving estimates
/// equals one prepared from scratch, and the session keeps its baseline with its dataset.
@Suite("Prepared baseline")
struct PreparedBaselineTests {
    static func scenario() throws -> ScenarioState {
        let session = Fixtures.session()
        let result = session.run(
            SourceFile(
                name: "<test>",
                text: """
                    prices nominal
                    harmonise sfo.* to lowest
                    harmonise vann.* to weighted over 2020...2023
                    harmonise barnehage.* to asker
                    harmonise kulturskole.* to highest
                    """))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message.en))")
        return session.state.scenario
    }

    @Test("Every estimate at its low and at its high end: the derived baseline equals a fresh one")
    func eachInput() throws {
        let dataset = Fixtures.dataset
        let prepared = SimulationBaseline(dataset)
        let scenario = try Self.scenario()
        let inputs = UncertainInputs.make(dataset)
        #expect(inputs.count > 50)
        var kinds: Set<String> = []
        for input in inputs {
            for value in [input.low, input.high] {
                let derived = prepared.setting(input, to: value)
                let fresh = SimulationBaseline(dataset.setting(input, to: value))
                #expect(derived.catalog.items == fresh.catalog.items, "\(input.id) = \(value)")
                let a = Simulator.run(baseline: derived, scenario: scenario)
                let b = Simulator.run(baseline: fresh, scenario: scenario)
                #expect(a.lines == b.lines && a.ruleChanges == b.ruleChanges, "\(input.id) = \(value)")
            }
            kinds.insert(input.ref.blockKind)
        }
        // The shipped estimates exercise the fee and volume updates at least.
        #expect(kinds.isSuperset(of: ["fee", "volume"]), "\(kinds)")
    }

    @Test("Every estimate moved at once (a propagation draw): the derived baseline equals a fresh one")
    func allInputs() throws {
        let dataset = Fixtures.dataset
        let prepared = SimulationBaseline(dataset)
        let scenario = try Self.scenario()
        let propagation = Propagation(inputs: UncertainInputs.make(dataset), draws: 6)
        for values in propagation.combinations() {
            let pairs = Array(zip(propagation.inputs, values))
            let derived = prepared.setting(pairs)
            let fresh = SimulationBaseline(dataset.setting(pairs))
            #expect(derived.catalog.items == fresh.catalog.items)
            #expect(Simulator.run(baseline: derived, scenario: scenario).lines == Simulator.run(baseline: fresh, scenario: scenario).lines)
        }
    }

    @Test("The session's baseline follows its dataset: a baseline correction reprices the catalog")
    func sessionFollows() throws {
        let session = Fixtures.session()
        let before = try #require(session.state.baseline.catalog.item(ItemKey(.fee, "sfo", "plass_5d"), "asker"))
        let result = session.run(SourceFile(name: "<test>", text: "baseline asker.sfo.plass_5d = 3 001 kr/mnd billed 10 source \"Testverdi i testen\""))
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.map(\.message.en))")
        let after = try #require(session.state.baseline.catalog.item(ItemKey(.fee, "sfo", "plass_5d"), "asker"))
        #expect(before.level != after.level)
        #expect(after.level == Money(kroner: 3_001))
        #expect(session.state.baseline.catalog.items == SimulationBaseline(session.state.dataset).catalog.items)
    }
}
