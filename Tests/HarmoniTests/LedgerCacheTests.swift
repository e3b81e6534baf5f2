import Foundation
import Testing

@testable import Harmoni

/// The session's ledger cache (issue 12, "prepared once"): a run continued from the previous
/// decision list gives exactly the ledger of a run from nothing.
@Suite("Ledger cache: continued runs")
struct LedgerCacheTests {
    @Test("Decisions added one at a time through the cache give the ledger of a fresh run, in both price bases")
    func continuedEqualsFresh() {
        let seed = LedgerInvariantTests.seed
        var rng = SplitMix64(seed: seed &+ 12)
        let baseline = SimulationBaseline(Fixtures.dataset)
        let generator = ScenarioGenerator(baseline: baseline)
        var compared = 0
        for number in 0..<150 {
            let full = generator.scenario(&rng)
            var cache = LedgerCache()
            for count in 0...full.decisions.count {
                var scenario = full
                scenario.decisions = Array(full.decisions.prefix(count))
                for basis in [PriceBasis.fixed, .nominal] {
                    let cached = Simulator.run(baseline: baseline, scenario: scenario, prices: basis, cache: &cache)
                    let fresh = Simulator.run(baseline: baseline, scenario: scenario, prices: basis)
                    #expect(cached == fresh, "seed \(seed) scenario \(number), \(count) decisions, \(basis)")
                    compared += 1
                }
            }
        }
        #expect(compared > 600)
    }

    @Test("A REPL sequence of decisions and show impact continues the cached run instead of starting over")
    func sessionContinues() throws {
        let session = Fixtures.session()
        var text = ""
        for decision in ["harmonise sfo.* to lowest", "harmonise barnehage.* to asker", "harmonise kulturskole.* by -5 %"] {
            text += decision + "\nshow impact\n"
        }
        let result = session.run(SourceFile(name: "<test>", text: text))
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message.en))")
        let ledgers = session.state.ledgers
        // The first decision starts one run per basis; every later check and table continues one.
        #expect(ledgers.started == 2)
        #expect(ledgers.continued == 7)
        let fresh = Simulator.run(baseline: session.state.baseline, scenario: session.state.scenario)
        var cache = session.state.ledgers
        #expect(Simulator.run(baseline: session.state.baseline, scenario: session.state.scenario, cache: &cache) == fresh)
    }

    @Test("A coverage decision, a changed setting or a changed dataset starts the run again")
    func invalidation() throws {
        let session = Fixtures.session()
        _ = session.run(SourceFile(name: "<test>", text: "harmonise sfo.* to lowest\nshow impact"))
        let before = session.state.ledgers.started
        _ = session.run(SourceFile(name: "<test>", text: "period 2020...2022\nshow impact"))
        #expect(session.state.ledgers.started == before + 1)
        let corrected = session.run(SourceFile(name: "<test>", text: "baseline hurum.sfo.plass_5d = 2 700 kr/mnd source \"Hurum kommune\"\n"))
        #expect(corrected.diagnostics.isEmpty, "\(corrected.diagnostics.map(\.message.en))")
        #expect(session.state.ledgers.count == 0)
        let fresh = Simulator.run(baseline: session.state.baseline, scenario: session.state.scenario)
        var cache = session.state.ledgers
        #expect(Simulator.run(baseline: session.state.baseline, scenario: session.state.scenario, cache: &cache) == fresh)
    }
}
