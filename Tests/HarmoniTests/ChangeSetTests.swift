import Foundation
import Testing

@testable import Harmoni
@testable import HarmoniCompare

/// `old.applying(new.difference(from: old)) == new`, on the shipped dataset and on thousands of
/// seeded random models. The seed is printed; rerun a failure with `HARMONI_SEED=<seed>`.
@Suite("Change sets: difference and applying")
struct ChangeSetTests {
    let dataset = Fixtures.dataset

    @Test("A changed fee is one typed change with its old and new value, keyed by line and date")
    func oneChange() throws {
        var scenario = dataset
        let index = try #require(scenario.fees.firstIndex { $0.municipality == "hurum" && $0.key == FeeKey("sfo", "plass_5d") })
        scenario.fees[index].amount = Money(kroner: 2_843)
        let changes = scenario.difference(from: dataset)
        #expect(changes.changes.count == 1)
        let change = try #require(changes.fees.first)
        #expect(change.key == "hurum.sfo.plass_5d@2019-01-01")
        #expect(change.old?.amount == Money(kroner: 2_568))
        #expect(change.new?.amount == Money(kroner: 2_843))
        #expect(try dataset.applying(changes) == scenario)
    }

    @Test("Equal datasets have an empty change set, and applying it changes nothing")
    func empty() throws {
        let changes = dataset.difference(from: dataset)
        #expect(changes.isEmpty)
        #expect(try dataset.applying(changes) == dataset)
    }

    @Test("Additions, removals and changes across collections round-trip on the shipped dataset")
    func shipped() throws {
        var scenario = dataset
        scenario.fees.removeAll { $0.key.service == "renovasjon" && $0.municipality == "royken" }
        scenario.rules[3].value = .quantity(Quantity(DecimalNumber(40), .percent))
        scenario.volumes.append(scenario.volumes[0])
        scenario.volumes[scenario.volumes.count - 1].municipality = "nye_asker"
        scenario.households.swapAt(0, 3)
        let changes = scenario.difference(from: dataset)
        #expect(changes.fees.count == 11)
        #expect(changes.fees.allSatisfy { if case .removed = $0 { true } else { false } })
        #expect(changes.rules.count == 1)
        #expect(changes.volumes.count == 1)
        #expect(try dataset.applying(changes) == scenario)
        #expect(try scenario.applying(dataset.difference(from: scenario)) == dataset)
    }

    @Test("A change set applied to a dataset it was not made from throws a conflict")
    func conflict() throws {
        var scenario = dataset
        scenario.fees[0].amount = Money(kroner: 1)
        let changes = scenario.difference(from: dataset)
        var other = dataset
        other.fees.remove(at: 0)
        #expect(throws: ChangeSetConflict.self) { try other.applying(changes) }
        do {
            _ = try other.applying(changes)
        } catch {
            #expect(error.collection == "fees")
            #expect(error.key == dataset.fees[0].changeKey)
        }
    }

    @Test("A change set survives JSON encoding unchanged")
    func codable() throws {
        var scenario = dataset
        scenario.fees[5].amount = Money(kroner: 9_999)
        scenario.missing.removeAll()
        let changes = scenario.difference(from: dataset)
        let data = try JSONEncoder().encode(changes)
        #expect(try JSONDecoder().decode(ChangeSet.self, from: data) == changes)
    }

    @Test("The change table lists every change with before and after")
    func table() throws {
        var scenario = dataset
        let index = try #require(scenario.fees.firstIndex { $0.municipality == "hurum" && $0.key == FeeKey("sfo", "plass_5d") })
        scenario.fees[index].amount = Money(kroner: 2_843)
        let table = scenario.difference(from: dataset).table(title: "Endringer")
        #expect(table.columns.map(\.key) == ChangeSet.columnKeys)
        #expect(TextTable.cellText(table.rows[0][4]) == "2 843 kr/mnd (estimated)")
        #expect(TextTable.cellText(table.rows[0][2]) == "endret")
    }

    @Test("Round trip over thousands of seeded random models, independent and mutated")
    func randomRoundTrip() throws {
        let seed = ProcessInfo.processInfo.environment["HARMONI_SEED"].flatMap(UInt64.init) ?? 20_191_105
        print("ChangeSet round trip: seed \(seed) (rerun with HARMONI_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        var checked = 0
        var nonEmpty = 0
        for round in 0..<3_000 {
            let old = RandomModel.dataset(&random)
            let new = round % 2 == 0 ? RandomModel.dataset(&random) : RandomModel.mutate(old, &random)
            let changes = new.difference(from: old)
            if !changes.isEmpty { nonEmpty += 1 }
            let roundTrips = try old.applying(changes) == new
            #expect(roundTrips, "old.applying(new.difference(from: old)) != new: seed \(seed), round \(round)")
            if round % 10 == 0 {
                let again = new.difference(from: old) == changes
                #expect(again, "difference is not deterministic: seed \(seed), round \(round)")
            }
            if !roundTrips { break }
            checked += 1
        }
        #expect(checked == 3_000)
        #expect(nonEmpty > 2_500)
    }
}

/// Random datasets drawn from small pools of ids, so versions share, lose and gain elements.
enum RandomModel {
    static let municipalities: [MunicipalityID] = ["asker", "royken", "hurum", "nasjonal"]
    static let services: [ServiceID] = ["sfo", "barnehage", "vann"]
    static let lines: [LineID] = ["a", "b", "c"]
    static let dates = [(2019, 1, 1), (2019, 8, 1), (2020, 1, 1)].compactMap { CalendarDate(year: $0.0, month: $0.1, day: $0.2) }

    static func pick<T>(_ items: [T], _ g: inout SplitMix64) -> T { items[Int.random(in: 0..<items.count, using: &g)] }

    static func provenance(_ g: inout SplitMix64) -> Provenance {
        Provenance(
            validity: Validity(from: Bool.random(using: &g) ? pick(dates, &g) : nil, to: nil),
            status: pick(Status.allCases, &g), method: pick(["", "as printed", "estimated (mean of the other two)"], &g),
            source: Bool.random(using: &g) ? "kilde" : nil, note: Bool.random(using: &g) ? "low confidence" : nil)
    }

    static func number(_ g: inout SplitMix64) -> DecimalNumber {
        DecimalNumber(significand: Int64.random(in: -500...50_000, using: &g), scale: Int.random(in: 0...2, using: &g))
    }

    static func list<T>(_ g: inout SplitMix64, _ make: (inout SplitMix64) -> T) -> [T] {
        (0..<Int.random(in: 0...5, using: &g)).map { _ in make(&g) }
    }

    static func dataset(_ g: inout SplitMix64) -> Dataset {
        var d = Dataset()
        d.municipalities = list(&g) { g in Municipality(id: pick(municipalities, &g), number: pick(["0220", "0627"], &g), name: pick(["A", "B"], &g)) }
        d.areas = list(&g) { g in Area(id: pick(["oppvekst", "helse"], &g), name: pick(["O", "H"], &g)) }
        d.services = list(&g) { g in Service(id: pick(services, &g), name: "S", area: "oppvekst", selvkost: Bool.random(using: &g)) }
        d.sources = list(&g) { g in Source(id: pick(["kilde", "annen"], &g), title: pick(["T", "U"], &g)) }
        d.fees = list(&g) { g in fee(&g) }
        d.rules = list(&g) { g in
            Rule(
                municipality: pick(municipalities, &g), service: pick(services, &g), rule: pick(["moderasjon", "friplass"], &g),
                parameter: pick(["x", "y"], &g), value: .quantity(Quantity(number(&g), .percent)), provenance: provenance(&g))
        }
        d.parameters = list(&g) { g in
            Parameter(
                parameter: "grunnbelop", line: pick(["G", "snitt"], &g), value: .quantity(Quantity(number(&g), .kroner)), kind: "outcome",
                vintage: pick(["2019", "2020"], &g), useInModel: Bool.random(using: &g), provenance: provenance(&g))
        }
        d.populations = list(&g) { g in
            Population(
                municipality: pick(municipalities, &g), date: pick(dates, &g), groups: [AgeGroupCount(group: "age_0", persons: Int64.random(in: 0...9, using: &g))],
                total: Int64.random(in: 0...99, using: &g), provenance: provenance(&g))
        }
        d.volumes = list(&g) { g in
            Volume(municipality: pick(municipalities, &g), key: FeeKey(pick(services, &g), pick(lines, &g)), value: number(&g), counts: "barn", provenance: provenance(&g))
        }
        d.coverages = list(&g) { g in
            Coverage(
                municipality: pick(municipalities, &g), service: pick(services, &g), indicator: pick(["andel", "per_1000"], &g),
                value: Quantity(number(&g), .percent), numerator: nil, denominator: Bool.random(using: &g) ? number(&g) : nil, provenance: provenance(&g))
        }
        d.budgets = list(&g) { g in
            Budget(municipality: pick(municipalities, &g), area: "oppvekst", line: pick(["sum", "barnehage"], &g), measure: "netto", amount: Money(kroner: Int64.random(in: 0...9_999, using: &g)), provenance: provenance(&g))
        }
        d.subsidies = list(&g) { g in
            Subsidy(municipality: pick(municipalities, &g), scheme: "driftstilskudd", line: pick(lines, &g).rawValue, value: Quantity(number(&g), .kroner), provenance: provenance(&g))
        }
        d.missing = list(&g) { g in MissingValue(municipality: pick(municipalities, &g), service: pick(services, &g), note: pick(["mangler", "ukjent"], &g)) }
        d.households = list(&g) { g in
            Household(id: pick(["a", "b", "c"], &g), attributes: [HouseholdAttribute(name: "adults", value: .quantity(Quantity(number(&g))))])
        }
        return d
    }

    static func fee(_ g: inout SplitMix64) -> Fee {
        Fee(
            municipality: pick(municipalities, &g), key: FeeKey(pick(services, &g), pick(lines, &g)),
            amount: Money(ore: Int64.random(in: -10_000...1_000_000, using: &g)), period: pick(PricePeriod.allCases, &g),
            billedMonths: Bool.random(using: &g) ? Int.random(in: 10...12, using: &g) : nil, vat: pick(VATForm.allCases, &g),
            provenance: provenance(&g))
    }

    /// A copy with a few edits: changed values, insertions, removals and moves.
    static func mutate(_ old: Dataset, _ g: inout SplitMix64) -> Dataset {
        var d = old
        let donor = dataset(&g)
        edit(&d.fees, donor.fees, &g) { fee, g in fee.amount = Money(ore: Int64.random(in: 0...999_999, using: &g)) }
        edit(&d.rules, donor.rules, &g) { rule, g in rule.value = .quantity(Quantity(number(&g), .percent)) }
        edit(&d.volumes, donor.volumes, &g) { volume, g in volume.value = number(&g) }
        edit(&d.households, donor.households, &g) { household, _ in household.attributes.removeAll() }
        edit(&d.municipalities, donor.municipalities, &g) { municipality, _ in municipality.name += "!" }
        edit(&d.parameters, donor.parameters, &g) { parameter, g in parameter.useInModel = Bool.random(using: &g) }
        edit(&d.budgets, donor.budgets, &g) { budget, _ in budget.amount += Money(kroner: 1) }
        edit(&d.missing, donor.missing, &g) { missing, _ in missing.note += "." }
        return d
    }

    static func edit<E>(_ items: inout [E], _ donor: [E], _ g: inout SplitMix64, _ change: (inout E, inout SplitMix64) -> Void) {
        for _ in 0..<Int.random(in: 0...3, using: &g) {
            switch Int.random(in: 0...3, using: &g) {
            case 0 where !items.isEmpty: change(&items[Int.random(in: 0..<items.count, using: &g)], &g)
            case 1 where !donor.isEmpty: items.insert(pick(donor, &g), at: Int.random(in: 0...items.count, using: &g))
            case 2 where !items.isEmpty: items.remove(at: Int.random(in: 0..<items.count, using: &g))
            case 3 where items.count > 1: items.swapAt(Int.random(in: 0..<items.count, using: &g), Int.random(in: 0..<items.count, using: &g))
            default: break
            }
        }
    }
}
