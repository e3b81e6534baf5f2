import Foundation
import Testing
import HarmoniPopulation

@testable import Harmoni

/// The population's revenue per fee line at list price against the ledger's volume × price, for
/// the services beyond SFO (docs/POPULATION.md, «Ledger checks»).
@Suite("Population: list-price revenue against the ledger, service by service")
struct PopulationLedgerChecksTests {
    static let checked: [ServiceID] = ["barnehage", "sfo", "praktisk_bistand", "trygghetsalarm", "vann", "avlop", "renovasjon"]

    /// Seed 1 priced for 2020 (own rulebooks, list prices), and the ledgers of «every checked
    /// service to its lowest level» and «… to its highest»: between them every fee line whose price
    /// differs between the municipalities has a ledger line (volume × price before).
    static let priced: (run: PopulationRun, ledgers: [Ledger])? = {
        guard let population = try? Synthesis.nyeAsker(Fixtures.dataset, seed: 1).get() else { return nil }
        var run: PopulationRun?
        var ledgers: [Ledger] = []
        for level in ["lowest", "highest"] {
            let session = Fixtures.session()
            let decisions = checked.map { "harmonise \($0).* to \(level)" }.joined(separator: "\n")
            _ = Fixtures.run("period 2020...2020\n" + decisions, in: session)
            let scenario = session.state.scenario
            ledgers.append(Simulator.run(baseline: Fixtures.dataset, scenario: scenario, prices: scenario.prices))
            if run == nil {
                run = try? PopulationRun.run(
                    population, baseline: SimulationBaseline(Fixtures.dataset), scenario: scenario, everyRulebook: false)
            }
        }
        return run.map { ($0, ledgers) }
    }()

    /// The ledgers' revenue before the decisions per fee line of a service in a municipality (kr
    /// excl. mva): the first decision's line, from whichever ledger has it.
    static func ledgerBefore(_ ledgers: [Ledger], _ service: ServiceID, _ municipality: MunicipalityID) -> [String: (Money, DecimalNumber?)] {
        var items: [String: (Money, DecimalNumber?)] = [:]
        for ledger in ledgers {
            let lines = ledger.lines.filter {
                $0.group == service.rawValue && $0.municipality == municipality && $0.year == 2020 && $0.kind == .revenue
            }
            for (item, rows) in Dictionary(grouping: lines, by: \.item) where items[item] == nil {
                if let first = rows.min(by: { $0.decision < $1.decision }), let before = first.before { items[item] = (before, first.volume) }
            }
        }
        return items
    }

    /// The fee lines of a service in a municipality with a volume in the dataset.
    static func linesWithVolume(_ service: ServiceID, _ municipality: MunicipalityID) -> Set<String> {
        Set(Fixtures.dataset.volumes.filter { $0.municipality == municipality && $0.key.service == service }.map { $0.key.line.rawValue })
    }

    /// Where the ledger has every priced line of a service (SFO: plass_3d/4d/5d in all three), the
    /// population's list-price revenue equals it to the øre. Where it does not, the difference is
    /// stated, not hidden: barnehage places are at the national maksimalpris in all three (no price
    /// differs, so no ledger line; only kost has one); vann and avløp have ledger lines for the m³
    /// price only (the population also pays fastledd and meter rent, incl. mva, on its own m³);
    /// praktisk bistand, trygghetsalarm and renovasjon have no line whose price differs.
    @Test("list-price revenue equals the ledger where the ledger has every line; the other services are named")
    func revenueAgainstLedger() throws {
        let (run, ledgers) = try #require(Self.priced)
        for municipality in run.rulebooks {
            let sfo = Self.ledgerBefore(ledgers, "sfo", municipality)
            #expect(Set(sfo.keys) == Self.linesWithVolume("sfo", municipality).subtracting(["elever_i_alt"]))
            let (_, _, list, _) = run.revenue(year: 0, municipality: municipality, service: "sfo")
            #expect(list == sfo.values.map(\.0).reduce(Money.zero, +), "SFO \(municipality)")
            #expect(Set(Self.ledgerBefore(ledgers, "barnehage", municipality).keys) == ["kost"], "barnehage \(municipality)")
            for service in ["vann", "avlop"] as [ServiceID] {
                let items = Self.ledgerBefore(ledgers, service, municipality)
                #expect(Set(items.keys) == ["forbruk_m3"], "\(service) \(municipality)")
                let (_, _, paid, _) = run.revenue(year: 0, municipality: municipality, service: service)
                #expect(paid > items.values.map(\.0).reduce(Money.zero, +), "\(service) \(municipality): incl. mva and fixed parts")
            }
            for service in ["praktisk_bistand", "trygghetsalarm", "renovasjon"] as [ServiceID] {
                #expect(Self.ledgerBefore(ledgers, service, municipality).isEmpty, "\(service) \(municipality)")
            }
        }
    }
}
