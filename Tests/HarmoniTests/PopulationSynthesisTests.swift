import Foundation
import Testing

@testable import Harmoni

@Suite("HouseholdPopulation synthesis")
struct PopulationSynthesisTests {
    static func synthetic(_ seed: UInt64 = 1) throws -> HouseholdPopulation {
        try Synthesis.nyeAsker(Fixtures.dataset, seed: seed).get()
    }

    @Test("the synthetic population has the dataset's households, persons by age group and users per fee line")
    func calibrationEqualities() throws {
        let population = try Self.synthetic()
        let dataset = Fixtures.dataset
        for municipality in dataset.mergingMunicipalities {
            let targets = try SynthesisTargets.read(dataset, municipality, year: 2019).get()
            let indices = population.indices(in: municipality)
            #expect(Int64(indices.count) == targets.households, "households in \(municipality)")
            let persons = indices.flatMap { population.persons(of: $0) }
            for band in targets.ages {
                let count = persons.filter { (band.low...band.high).contains($0.age) }.count
                #expect(Int64(count) == band.persons, "ages \(band.low)-\(band.high) in \(municipality)")
            }
            let day = try #require(CalendarDate(year: 2019, month: 1, day: 1))
            let block = try #require(dataset.population(municipality, on: day))
            #expect(Int64(persons.count) == block.total)
            for (line, places) in targets.barnehage {
                #expect(Int64(persons.filter { $0.barnehage == line }.count) == places, "barnehage \(line) in \(municipality)")
            }
            for (line, places) in targets.sfo {
                #expect(Int64(persons.filter { $0.sfo == line }.count) == places, "sfo \(line) in \(municipality)")
            }
            #expect(Int64(persons.filter { $0.kulturskoleSubjects > 0 }.count) == targets.kulturskole)
            #expect(Int64(persons.filter { $0.praktiskBistandHoursPerMonth > 0 }.count) == targets.praktiskBistand)
            #expect(Int64(persons.filter { $0.trygghetsalarm }.count) == targets.trygghetsalarm)
        }
    }

    @Test("the same seed gives byte-identical files, another seed another population")
    func determinism() throws {
        let first = try Self.synthetic(7)
        let again = try Self.synthetic(7)
        let other = try Self.synthetic(8)
        #expect(PopulationCSV.households(first) == PopulationCSV.households(again))
        #expect(PopulationCSV.persons(first) == PopulationCSV.persons(again))
        #expect(PopulationCSV.persons(first) != PopulationCSV.persons(other))
    }

    @Test("synthesis runs", .disabled("timing probe"))
    func timing() throws {
        let clock = ContinuousClock()
        var population: HouseholdPopulation?
        let synth = clock.measure { population = try? Self.synthetic() }
        let pop = try #require(population)
        let scenario = ScenarioState()
        let run = clock.measure { _ = try? PopulationRun.run(pop, baseline: SimulationBaseline(Fixtures.dataset), scenario: scenario) }
        print("PROBE synth \(synth) run \(run) households \(pop.households.count) persons \(pop.persons.count)")
    }
}
