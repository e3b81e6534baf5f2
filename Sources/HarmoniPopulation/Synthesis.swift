import HarmoniModel

/// The seeded generator of a synthetic population (docs/POPULATION.md, «Method»).
///
/// Per municipality, with a generator seeded from the seed and the municipality's position:
/// persons by single-year age band (exactly the block's counts); fee users drawn without
/// replacement among the eligible ages (barnehage 1-5, SFO 6-9, kulturskole 6-15, praktisk
/// bistand 67+, trygghetsalarm 75+ then 67+), exactly the dataset's volumes where there are enough
/// persons; children 0-19 grouped into families by the family-size shares, with one or two adults
/// 20-66; persons 67+ alone or in pairs; the other adults spread over the remaining households.
/// Incomes: adults' personal incomes log-normal (σ from the dataset), pensioners at a share of the
/// median, scaled so the median of persons 20+ equals the municipality's median exactly, then
/// lifted to the baseline year; a household's income is the sum of its adults'. Integer
/// arithmetic throughout (``SeededGenerator``, ``FixedExp``): the same seed gives the same
/// population on every machine.
public enum Synthesis {
    /// The synthetic population of nye Asker's three municipalities from the dataset.
    public static func nyeAsker(_ dataset: Dataset, seed: UInt64, year: Int = 2019) -> Result<HouseholdPopulation, MissingAssumptions> {
        let assumptions: SynthesisAssumptions
        switch SynthesisAssumptions.read(dataset) {
        case .success(let read): assumptions = read
        case .failure(let missing): return .failure(missing)
        }
        var builder = PopulationBuilder()
        for (position, municipality) in dataset.mergingMunicipalities.enumerated() {
            switch SynthesisTargets.read(dataset, municipality, year: year) {
            case .success(let targets):
                let median = assumptions.medianIncome[municipality] ?? .zero
                builder.add(targets, median: median, assumptions, seed: seed, stream: UInt64(position))
            case .failure(let missing): return .failure(missing)
            }
        }
        return .success(builder.population(seed: seed))
    }

    /// One municipality's households, appended to `builder` (the Norway-sized benchmark calls this per municipality).
    public static func add(
        _ targets: SynthesisTargets, median: Money, _ assumptions: SynthesisAssumptions, seed: UInt64, stream: UInt64,
        to builder: inout PopulationBuilder
    ) {
        builder.add(targets, median: median, assumptions, seed: seed, stream: stream)
    }
}

/// Collects households and persons with running ids (households from 1, persons from 1).
public struct PopulationBuilder: Sendable {
    public private(set) var households: [PopulationHousehold] = []
    public private(set) var persons: [PopulationPerson] = []
    /// The median personal income of persons 20+ reached per municipality (income-year kroner).
    public private(set) var medians: [MunicipalityID: Int64] = [:]

    public init() {}

    /// The population built so far.
    public func population(seed: UInt64) -> HouseholdPopulation {
        var population = HouseholdPopulation(households: households, persons: persons, origin: .synthetic(seed: seed), status: .estimated)
        population.personIncomeMedians = medians
        return population
    }

    /// Takes the households out (the Norway-sized benchmark prices and drops them per municipality).
    public mutating func drain() -> (households: [PopulationHousehold], persons: [PopulationPerson]) {
        defer {
            households.removeAll(keepingCapacity: true)
            persons.removeAll(keepingCapacity: true)
        }
        return (households, persons)
    }

    mutating func add(_ targets: SynthesisTargets, median: Money, _ a: SynthesisAssumptions, seed: UInt64, stream: UInt64) {
        var random = SeededGenerator(seed: seed ^ (0xA076_1D64_78BD_642F &* (stream &+ 1)))
        var people = MunicipalityPeople(targets.ages, &random)
        people.assignUsers(targets, a, &random)
        let groups = people.households(targets.households, a, &random)
        medians[targets.municipality] = people.drawIncomes(median: median, a, &random)
        let firstPerson = Int64(persons.count) + 1
        var nextPerson = firstPerson
        var nextHousehold = Int64(households.count) + 1
        for members in groups {
            var income: Int64 = 0
            for member in members {
                var person = people.persons[member]
                person.household = nextHousehold
                person.id = nextPerson
                nextPerson += 1
                income += people.incomes[member]
                persons.append(person)
            }
            households.append(
                PopulationHousehold(
                    id: nextHousehold, municipality: targets.municipality, incomeKroner: income,
                    dwellingSquareMetres: a.dwelling.squareMetres, waterCubicMetres: a.dwelling.water,
                    binLitres: a.dwelling.binLitres, chimneys: a.dwelling.chimneys))
            nextHousehold += 1
        }
    }
}
