import HarmoniModel

/// A household of the population: where it lives, what it earns and the dwelling it pays for.
///
/// One row of `households.csv` (docs/POPULATION.md): `household_id, kommune, income_kr,
/// dwelling_m2, water_m3, bin_litres, chimneys`. Whole numbers only.
public struct PopulationHousehold: Sendable, Hashable, Codable {
    /// The household's id (unique in the population).
    public var id: Int64
    /// The old municipality the household lives in (`asker`, `royken`, `hurum`).
    public var municipality: MunicipalityID
    /// Gross household income in whole kroner a year (the baseline year's kroner); `nil` when the
    /// extract has none (then no income-tested rule applies, as for a typical household without one).
    public var incomeKroner: Int64?
    /// Dwelling area, BRA m² (read, not priced: the shipped rules stipulate water only without a meter).
    public var dwellingSquareMetres: Int64
    /// Water used, m³ a year (metered; avløp on the same volume); 0 = no water subscription.
    public var waterCubicMetres: Int64
    /// Litres of restavfall bin (Asker prices per litre; Røyken and Hurum use RfD's standard category).
    public var binLitres: Int64
    /// Chimneys (pipeløp) swept.
    public var chimneys: Int64

    /// A household with every field given.
    public init(
        id: Int64, municipality: MunicipalityID, incomeKroner: Int64?, dwellingSquareMetres: Int64,
        waterCubicMetres: Int64, binLitres: Int64, chimneys: Int64
    ) {
        self.id = id
        self.municipality = municipality
        self.incomeKroner = incomeKroner
        self.dwellingSquareMetres = dwellingSquareMetres
        self.waterCubicMetres = waterCubicMetres
        self.binLitres = binLitres
        self.chimneys = chimneys
    }
}

/// A person of the population: age on 1 January and the fee lines the person uses.
///
/// One row of `persons.csv`: `household_id, person_id, age, barnehage, sfo, kulturskole,
/// praktisk_bistand_timer, trygghetsalarm`.
public struct PopulationPerson: Sendable, Hashable, Codable {
    /// The household the person belongs to.
    public var household: Int64
    /// The person's id (unique in the population).
    public var id: Int64
    /// Age in whole years on 1 January of the baseline year.
    public var age: Int64
    /// The barnehage place line (`full_plass_5d`, `redusert_4d` …), or `nil` for none.
    public var barnehage: LineID?
    /// The SFO place line (`plass_5d` …), or `nil` for none.
    public var sfo: LineID?
    /// Kulturskole subjects (0 = none; not priced: the household engine prices no kulturskole line).
    public var kulturskoleSubjects: Int64
    /// Hours of praktisk bistand a month (0 = none).
    public var praktiskBistandHoursPerMonth: Int64
    /// True when the person has a trygghetsalarm.
    public var trygghetsalarm: Bool

    /// A person with every field given.
    public init(
        household: Int64, id: Int64, age: Int64, barnehage: LineID? = nil, sfo: LineID? = nil,
        kulturskoleSubjects: Int64 = 0, praktiskBistandHoursPerMonth: Int64 = 0, trygghetsalarm: Bool = false
    ) {
        self.household = household
        self.id = id
        self.age = age
        self.barnehage = barnehage
        self.sfo = sfo
        self.kulturskoleSubjects = kulturskoleSubjects
        self.praktiskBistandHoursPerMonth = praktiskBistandHoursPerMonth
        self.trygghetsalarm = trygghetsalarm
    }
}

/// Where a population comes from: the seeded generator or a file extract.
public enum PopulationOrigin: Sendable, Hashable, Codable {
    /// `population synthetic seed N`: calibrated to the dataset, an estimate.
    case synthetic(seed: UInt64)
    /// `population load "DIR"`: a register extract the municipality's staff supplied.
    case loaded(directory: String)
}

/// The households and persons of a population, persons grouped by household.
///
/// Households keep their input order (the generator writes them by municipality, then id);
/// persons keep input order within their household. ``persons(of:)`` hands out a household's
/// persons without searching.
public struct HouseholdPopulation: Sendable, Hashable, Codable {
    /// The households.
    public private(set) var households: [PopulationHousehold]
    /// The persons, grouped by household in household order.
    public private(set) var persons: [PopulationPerson]
    /// Where each household's persons start in ``persons`` (one more entry than households).
    private var starts: [Int]
    /// Synthetic or loaded.
    public var origin: PopulationOrigin
    /// The weakest status of what the population rests on: `estimated` for a synthetic one,
    /// `own` for a loaded extract (the municipality's own data).
    public var status: Status
    /// The median personal income of persons 20+ per municipality the synthesis reached (whole
    /// kroner of the income year, before the lift to the baseline year); empty for a loaded extract.
    public var personIncomeMedians: [MunicipalityID: Int64] = [:]

    /// Groups `persons` under `households` (a person whose household is not listed is dropped:
    /// the reader reports it before building a population).
    public init(households: [PopulationHousehold], persons: [PopulationPerson], origin: PopulationOrigin, status: Status) {
        var position: [Int64: Int] = [:]
        position.reserveCapacity(households.count)
        for (index, household) in households.enumerated() { position[household.id] = index }
        var counts = Array(repeating: 0, count: households.count + 1)
        for person in persons { if let at = position[person.household] { counts[at + 1] += 1 } }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var next = counts
        var grouped = [PopulationPerson?](repeating: nil, count: counts[households.count])
        for person in persons {
            guard let at = position[person.household] else { continue }
            grouped[next[at]] = person
            next[at] += 1
        }
        self.households = households
        self.persons = grouped.compactMap { $0 }
        self.starts = counts
        self.origin = origin
        self.status = status
    }

    /// The persons of the household at `index` in ``households``.
    public func persons(of index: Int) -> ArraySlice<PopulationPerson> { persons[starts[index]..<starts[index + 1]] }

    /// The households of one municipality, in order, with their index.
    public func indices(in municipality: MunicipalityID) -> [Int] {
        households.indices.filter { households[$0].municipality == municipality }
    }
}
