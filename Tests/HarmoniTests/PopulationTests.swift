import Foundation
import Testing

@testable import Harmoni

@Suite("Population: typical households, extracts, pricing invariants")
struct PopulationTests {
    /// The four typical households of the dataset as one population household each, in Asker.
    /// Household c's income is 2,5 G; as kroner it is given as 2,5 × G from 1 May 2019
    /// (249 645 kr): the same bands in every month (between 2 G and 3 G all year).
    static func typicalPopulation(in municipality: MunicipalityID) -> HouseholdPopulation {
        let households = [
            PopulationHousehold(id: 1, municipality: municipality, incomeKroner: 750_000, dwellingSquareMetres: 0, waterCubicMetres: 0, binLitres: 0, chimneys: 0),
            PopulationHousehold(id: 2, municipality: municipality, incomeKroner: 300_000, dwellingSquareMetres: 0, waterCubicMetres: 0, binLitres: 0, chimneys: 0),
            PopulationHousehold(id: 3, municipality: municipality, incomeKroner: 249_645, dwellingSquareMetres: 0, waterCubicMetres: 0, binLitres: 0, chimneys: 0),
            PopulationHousehold(id: 4, municipality: municipality, incomeKroner: nil, dwellingSquareMetres: 120, waterCubicMetres: 150, binLitres: 140, chimneys: 1),
        ]
        let persons = [
            PopulationPerson(household: 1, id: 1, age: 4, barnehage: "full_plass_5d"),
            PopulationPerson(household: 1, id: 2, age: 2, barnehage: "full_plass_5d"),
            PopulationPerson(household: 1, id: 3, age: 7, sfo: "plass_5d"),
            PopulationPerson(household: 1, id: 4, age: 40), PopulationPerson(household: 1, id: 5, age: 40),
            PopulationPerson(household: 2, id: 6, age: 4, barnehage: "full_plass_5d"),
            PopulationPerson(household: 2, id: 7, age: 6, sfo: "plass_5d"),
            PopulationPerson(household: 2, id: 8, age: 35),
            PopulationPerson(household: 3, id: 9, age: 82, praktiskBistandHoursPerMonth: 4, trygghetsalarm: true),
            PopulationPerson(household: 4, id: 10, age: 50),
        ]
        return HouseholdPopulation(households: households, persons: persons, origin: .loaded(directory: "test"), status: .own)
    }

    @Test("the four typical households loaded as a population cost exactly what show household says", arguments: ["asker", "royken", "hurum"])
    func typicalHouseholds(_ name: String) throws {
        let municipality = MunicipalityID(name)
        let dataset = Fixtures.dataset
        let population = Self.typicalPopulation(in: municipality)
        let profiles = PopulationProfiles(dataset)
        var pricer = PopulationPricer(dataset, municipality: municipality, year: 2019)
        let ids = ["a_familie_750k", "b_enslig_300k", "c_pensjonist_2_5G", "d_ssb_standardbolig"]
        for (index, id) in ids.enumerated() {
            let household = try #require(dataset.household(HouseholdID(id)))
            let expected = dataset.householdCost(household, in: municipality, year: 2019).total
            let got = pricer.cost(profiles.profile(population, index)).total
            #expect(got == expected, "\(id) in \(name): \(got) vs show household \(expected)")
        }
    }

    @Test("a bad extract reports every bad field at file:line:column and loads nothing")
    func importErrors() throws {
        let households = """
            household_id,kommune,income_kr,dwelling_m2,water_m3,bin_litres,chimneys
            1,asker,500000,120,150,140,1
            2,oslo,400000,120,150,140,1
            3,hurum,-5,120,150,140,1
            1,royken,100,x,150,140,1

            """
        let persons = """
            household_id,person_id,age,barnehage,sfo,kulturskole,praktisk_bistand_timer,trygghetsalarm
            1,1,4,full_plass_5d,none,0,0,0
            9,2,40,none,none,0,0,0
            1,1,7,none,plass_9d,0,0,0

            """
        let result = PopulationCSV.read(
            households: households, persons: persons, names: ("h.csv", "p.csv"), dataset: Fixtures.dataset, directory: "x")
        guard case .failure(let failure) = result else {
            Issue.record("a bad extract was loaded")
            return
        }
        let positions = failure.issues.map { "\($0.file):\($0.line):\($0.column)" }
        #expect(positions == ["h.csv:3:3", "h.csv:4:9", "h.csv:5:1", "h.csv:5:14", "p.csv:3:1", "p.csv:4:3", "p.csv:4:12"])
        let texts = failure.issues.map { $0.text(english: false) }
        #expect(texts[0].contains("ukjent kommune «oslo»"))
        #expect(texts[1].contains("negativ inntekt"))
        #expect(texts[2].contains("husholdning 1 finnes fra før"))
        #expect(texts[3].contains("«x» i dwelling_m2 er ikke et heltall"))
        #expect(texts[4].contains("ingen husholdning 9"))
        #expect(texts[5].contains("person 1 finnes fra før"))
        #expect(texts[6].contains("ukjent sfo-linje «plass_9d»"))
    }

    @Test("an extract written by export population reads back the same population")
    func roundTrip() throws {
        let population = Self.typicalPopulation(in: "royken")
        let read = PopulationCSV.read(
            households: PopulationCSV.households(population), persons: PopulationCSV.persons(population),
            names: ("h.csv", "p.csv"), dataset: Fixtures.dataset, directory: "test")
        let back = try read.get()
        #expect(back.households == population.households)
        #expect(back.persons == population.persons)
    }

    /// The synthetic population priced for 2020 under «harmonise sfo.* to lowest» and Asker's SFO moderation.
    static let priced: (population: HouseholdPopulation, run: PopulationRun, ledger: Ledger, scenario: ScenarioState)? = {
        guard let population = try? Synthesis.nyeAsker(Fixtures.dataset, seed: 3).get() else { return nil }
        let session = Fixtures.session()
        _ = Fixtures.run("period 2020...2020\nharmonise sfo.* to lowest\nharmonise sfo.moderasjon to asker", in: session)
        let scenario = session.state.scenario
        guard let run = try? PopulationRun.run(population, baseline: SimulationBaseline(Fixtures.dataset), scenario: scenario)
        else { return nil }
        let ledger = Simulator.run(baseline: Fixtures.dataset, scenario: scenario, prices: scenario.prices)
        return (population, run, ledger, scenario)
    }()

    @Test("at list price the population's SFO revenue is the ledger's volume × price, to the øre")
    func listRevenueEqualsLedger() throws {
        let (_, run, ledger, _) = try #require(Self.priced)
        var compared = 0
        for municipality in Fixtures.dataset.mergingMunicipalities {
            let lines = ledger.lines.filter { $0.group == "sfo" && $0.municipality == municipality && $0.year == 2020 && $0.kind == .revenue }
            // A municipality whose SFO lines the ledger cannot price (no volume, or no change) has
            // nothing to compare with.
            guard lines.contains(where: { ($0.before ?? .zero) != .zero }) else { continue }
            compared += 1
            let first = Dictionary(grouping: lines, by: \.item).compactMapValues { $0.min { $0.decision < $1.decision } }
            let ledgerBefore = first.values.compactMap(\.before).reduce(Money.zero, +)
            let ledgerAfter = Dictionary(grouping: lines, by: \.item).compactMapValues { $0.max { $0.decision < $1.decision } }
                .values.compactMap(\.after).reduce(Money.zero, +)
            let (_, _, listBefore, listAfter) = run.revenue(year: 0, municipality: municipality, service: "sfo")
            #expect(listBefore == ledgerBefore, "\(municipality) before")
            #expect(listAfter == ledgerAfter, "\(municipality) after")
        }
        #expect(compared >= 2, "at least Asker and Røyken change price")
    }

    @Test("the sum of household changes is the ledger's list-price change plus the population's lines, to the øre")
    func householdChangesAddUp() throws {
        let (population, run, ledger, scenario) = try #require(Self.priced)
        let lines = PopulationLedger.lines(run, population: population, scenario: scenario, dataset: Fixtures.dataset)
        #expect(lines.contains { $0.municipality == "royken" && $0.group == "sfo" }, "Asker's moderation in Røyken has a number")
        for (r, municipality) in run.rulebooks.enumerated() {
            var households = Money.zero
            for index in population.indices(in: municipality) {
                households += run.total(year: 0, household: index, rulebook: r, after: true)
                    - run.total(year: 0, household: index, rulebook: r, after: false)
            }
            let listChange = ledger.lines.filter { $0.municipality == municipality && $0.year == 2020 && $0.group == "sfo" }
                .compactMap(\.change).reduce(Money.zero, +)
            let population = lines.filter { $0.municipality == municipality }.compactMap(\.change).reduce(Money.zero, +)
            #expect(households == listChange + population, "\(municipality)")
        }
    }

    @Test("with no decision the population's lines are empty and every household's change is 0")
    func noDecisionNoChange() throws {
        let population = Self.typicalPopulation(in: "hurum")
        let run = try PopulationRun.run(population, baseline: SimulationBaseline(Fixtures.dataset), scenario: ScenarioState(), years: [2020])
        #expect(PopulationLedger.lines(run, population: population, scenario: ScenarioState(), dataset: Fixtures.dataset).isEmpty)
        for index in population.households.indices {
            #expect(run.total(year: 0, household: index, rulebook: 2, after: true) == run.total(year: 0, household: index, rulebook: 2, after: false))
        }
    }

    @Test("fixed-point e^x matches known values to a millionth")
    func fixedExp() {
        for (x, expected) in [(0.0, 1.0), (1.0, 2.718281828), (-1.0, 0.367879441), (2.5, 12.18249396), (-3.3, 0.036883167)] {
            let q = FixedExp.expQ32(Int64(x * 4_294_967_296))
            let value = Double(q) / 4_294_967_296
            #expect(abs(value - expected) / expected < 1e-6, "e^\(x) = \(value)")
        }
    }
}
