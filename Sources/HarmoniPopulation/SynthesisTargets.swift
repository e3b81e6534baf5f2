import HarmoniModel

/// A band of single-year ages and how many persons it holds.
public struct AgeBand: Sendable, Hashable {
    /// Lowest age in the band.
    public var low: Int64
    /// Highest age in the band.
    public var high: Int64
    /// Persons in the band.
    public var persons: Int64

    /// A band `low...high` holding `persons`.
    public init(low: Int64, high: Int64, persons: Int64) {
        self.low = low
        self.high = high
        self.persons = persons
    }
}

/// What the synthetic population of one municipality must match: households, persons by age and
/// users per fee line (each with the status of the figure it comes from).
public struct SynthesisTargets: Sendable, Hashable {
    /// The old municipality.
    public var municipality: MunicipalityID
    /// Private households.
    public var households: Int64
    /// Status of the household count.
    public var householdStatus: Status
    /// Disjoint single-year bands, youngest first, summing to the population.
    public var ages: [AgeBand]
    /// Barnehage places per line (kommunale places: the fee revenue's volume), dataset order.
    public var barnehage: [(line: LineID, places: Int64)]
    /// SFO places per line.
    public var sfo: [(line: LineID, places: Int64)]
    /// Kulturskole pupils.
    public var kulturskole: Int64
    /// Praktisk bistand recipients.
    public var praktiskBistand: Int64
    /// Trygghetsalarm users.
    public var trygghetsalarm: Int64

    /// Targets given directly (the Norway-sized benchmark builds them from population-norway.tsv).
    public init(
        municipality: MunicipalityID, households: Int64, householdStatus: Status, ages: [AgeBand],
        barnehage: [(line: LineID, places: Int64)], sfo: [(line: LineID, places: Int64)], kulturskole: Int64,
        praktiskBistand: Int64, trygghetsalarm: Int64
    ) {
        self.municipality = municipality
        self.households = households
        self.householdStatus = householdStatus
        self.ages = ages
        self.barnehage = barnehage
        self.sfo = sfo
        self.kulturskole = kulturskole
        self.praktiskBistand = praktiskBistand
        self.trygghetsalarm = trygghetsalarm
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.municipality == b.municipality && a.households == b.households && a.ages == b.ages
            && a.barnehage.map(\.places) == b.barnehage.map(\.places) && a.sfo.map(\.places) == b.sfo.map(\.places)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(municipality) }

    /// The single-year bands of a population count: the eight disjoint groups, split further where
    /// the block gives finer groups (1-2 / 3-5, 75+ inside 67-79, 90+ inside 80+). Counts come
    /// from `count(group)` (`age_1_5` …); missing finer groups leave the coarse band whole.
    public static func bands(_ count: (String) -> Int64?) -> [AgeBand] {
        var bands: [AgeBand] = []
        func add(_ low: Int64, _ high: Int64, _ persons: Int64?) { bands.append(AgeBand(low: low, high: high, persons: max(0, persons ?? 0))) }
        add(0, 0, count("age_0"))
        if let all = count("age_1_5"), let young = count("age_1_2") {
            add(1, 2, young)
            add(3, 5, all - young)
        } else {
            add(1, 5, count("age_1_5"))
        }
        add(6, 9, count("age_6_9"))
        add(10, 15, count("age_10_15"))
        add(16, 19, count("age_16_19"))
        add(20, 66, count("age_20_66"))
        let oldest = count("age_80_plus") ?? 0
        if let mid = count("age_67_79"), let over75 = count("age_75_plus"), over75 >= oldest, over75 - oldest <= mid {
            add(67, 74, mid - (over75 - oldest))
            add(75, 79, over75 - oldest)
        } else {
            add(67, 79, count("age_67_79"))
        }
        if let over90 = count("age_90_plus"), over90 <= oldest {
            add(80, 89, oldest - over90)
            add(90, 100, over90)
        } else {
            add(80, 100, oldest)
        }
        return bands
    }

    /// The targets of a municipality from the dataset: households and users from its volumes,
    /// ages from its population block of 1 January of `year`; `nil` (with the reason) if the dataset lacks one.
    public static func read(_ dataset: Dataset, _ municipality: MunicipalityID, year: Int) -> Result<SynthesisTargets, MissingAssumptions> {
        guard let date = CalendarDate(year: year, month: 1, day: 1), let block = dataset.population(municipality, on: date) else {
            return .failure(MissingAssumptions(names: ["population \(municipality.rawValue) \(year)-01-01"]))
        }
        func volume(_ service: ServiceID, _ line: LineID) -> Int64 {
            dataset.volumes(municipality, FeeKey(service, line)).first?.value.wholeValue ?? 0
        }
        let householdRow = dataset.volumes(municipality, FeeKey("husholdninger", "privathusholdninger")).first
        let households = householdRow?.value.wholeValue ?? 0
        return .success(
            SynthesisTargets(
                municipality: municipality, households: households,
                householdStatus: householdRow?.provenance.status ?? .estimated, ages: bands { block.count($0) },
                barnehage: PopulationLines.places("barnehage", dataset).map { ($0, volume("barnehage", $0)) },
                sfo: PopulationLines.places("sfo", dataset).map { ($0, volume("sfo", $0)) },
                kulturskole: volume("kulturskole", "ordinaer_undervisning"),
                praktiskBistand: volume("praktisk_bistand", "mottakere"),
                trygghetsalarm: volume("trygghetsalarm", "abonnement")))
    }
}
