import Foundation
import Testing

@testable import Harmoni

/// The household engine's amounts-only detail against its explaining one, and its record of the
/// income read: the same rule code, so the same amounts; an income in the recorded range costs
/// the same, one just outside it may not.
@Suite("Household engine: amounts only and the record of what it read")
struct HouseholdEngineTests {
    @Test("amounts only gives every line's service, state and amount of the full detail, for every typical household")
    func amountsOnly() {
        let dataset = Fixtures.dataset
        var priced = 0
        for household in dataset.households {
            let profile = HouseholdProfile(household)
            for municipality in dataset.mergingMunicipalities {
                let engine = HouseholdEngine(dataset, municipality: municipality, year: 2019)
                let full = engine.cost(profile)
                let amounts = engine.cost(profile, detail: .amountsOnly)
                #expect(full.lines.map(\.service) == amounts.lines.map(\.service))
                #expect(full.lines.map(\.state) == amounts.lines.map(\.state))
                #expect(full.lines.map(\.amount) == amounts.lines.map(\.amount), "\(household.id) in \(municipality)")
                #expect(amounts.lines.allSatisfy { $0.labelNB.isEmpty && $0.adjustments.isEmpty && $0.sources.isEmpty })
                #expect(full.lines.allSatisfy { !$0.labelNB.isEmpty })
                priced += full.lines.filter { $0.state == .priced && $0.amount != .zero }.count
            }
        }
        #expect(priced > 10, "the households have priced lines to compare")
    }

    @Test("an income inside the recorded range costs the same; the range's ceiling is where a rule changes")
    func incomeRange() throws {
        let dataset = Fixtures.dataset
        let engine = HouseholdEngine(dataset, municipality: "asker", year: 2019)
        var profile = HouseholdProfile(id: "test", definition: "")
        profile.sfoChildren = [ChildPlace.place(attribute: "child_1_sfo", line: FeeKey("sfo", "plass_5d"), age: 7)]
        profile.income = .kronerPerYear(Money(kroner: 150_000))
        let reads = HouseholdReads()
        let cost = engine.cost(profile, detail: .amountsOnly, reads: reads).total
        #expect(reads.holds(for: Money(kroner: 150_000).ore))
        #expect(reads.ceiling < Int64.max, "Asker's SFO moderation compares the income")
        var inside = profile
        inside.income = .kronerPerYear(Money(ore: reads.ceiling - 1))
        #expect(engine.cost(inside, detail: .amountsOnly).total == cost)
        var above = profile
        above.income = .kronerPerYear(Money(ore: reads.ceiling))
        #expect(engine.cost(above, detail: .amountsOnly).total > cost, "at the ceiling the moderation stops")
    }
}
