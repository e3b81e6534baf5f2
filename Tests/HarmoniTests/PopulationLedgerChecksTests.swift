import Foundation
import Testing
import HarmoniPopulation

@testable import Harmoni

/// The population's revenue per fee line at list price against the ledger's volume × price, for
/// the services beyond SFO (docs/POPULATION.md, «Ledger checks»).
@Suite("Population: list-price revenue against the ledger, service by service")
struct PopulationLedgerChecksTests {
    static let checked: [ServiceID] = ["barnehage", "sfo", "praktisk_bistand", "trygghetsalarm", "vann", "avlop", "renovasjon"]

    /// Seed 1 priced for 2020 (own rulebooks) with every checked service harmonised to its lowest level.
    static let priced: (run: PopulationRun, ledger: Ledger)? = {
        guard let population = try? Synthesis.nyeAsker(Fixtures.dataset, seed: 1).get() else { return nil }
        let session = Fixtures.session()
        let decisions = checked.map { "harmonise \($0).* to lowest" }.joined(separator: "\n")
        _ = Fixtures.run("period 2020...2020\n" + decisions, in: session)
        let scenario = session.state.scenario
        guard
            let run = try? PopulationRun.run(
                population, baseline: SimulationBaseline(Fixtures.dataset), scenario: scenario, everyRulebook: false)
        else { return nil }
        return (run, Simulator.run(baseline: Fixtures.dataset, scenario: scenario, prices: scenario.prices))
    }()

    /// The ledger's revenue before the decisions for a service in a municipality (kr excl. mva), summed over its lines.
    static func ledgerBefore(_ ledger: Ledger, _ service: ServiceID, _ municipality: MunicipalityID) -> Money {
        let lines = ledger.lines.filter {
            $0.group == service.rawValue && $0.municipality == municipality && $0.year == 2020 && $0.kind == .revenue
        }
        let first = Dictionary(grouping: lines, by: \.item).compactMapValues { $0.min { $0.decision < $1.decision } }
        return first.values.compactMap(\.before).reduce(Money.zero, +)
    }

    @Test("probe")
    func probe() throws {
        let (run, ledger) = try #require(Self.priced)
        for service in Self.checked {
            for municipality in run.rulebooks {
                let (_, _, list, _) = run.revenue(year: 0, municipality: municipality, service: service)
                print("PROBE \(service) \(municipality) population \(list) ledger \(Self.ledgerBefore(ledger, service, municipality))")
            }
        }
    }
}
