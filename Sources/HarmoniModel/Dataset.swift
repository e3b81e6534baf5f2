/// Everything Harmoni knows about the merging municipalities: one immutable value.
///
/// Collections keep the order of the dataset files (files sorted by name, blocks in file order),
/// so output never depends on hashing. Lookups of fees, volumes, rules and parameters use tables
/// built on first use (``LookupCache``; changing a collection starts its table afresh); the
/// other, small collections are scanned.
public struct Dataset: Sendable, Hashable, Codable {
    // Stored in `storedMunicipalities`; a change starts the id lookup table afresh (the national
    // tables have 782 municipalities, looked up once per population and reform row).
    public var municipalities: [Municipality] {
        get { storedMunicipalities }
        set {
            storedMunicipalities = newValue
            municipalityTable = LookupCache()
        }
        _modify {
            LookupCache.renew(&municipalityTable)
            yield &storedMunicipalities
        }
    }
    public var areas: [Area] = []
    public var services: [Service] = []
    /// Display names of fee lines (`line` blocks), in file order.
    public var lineNames: [LineName] = []
    public var sources: [Source] = []
    /// The year the dataset's figures describe, as its `dataset { baseline_year = … }` block says
    /// (`nil` for a dataset without one, e.g. one built in code).
    public var declaredBaselineYear: Int?
    /// The year fee references read from and the simulator lifts prices and volumes from:
    /// ``declaredBaselineYear``, or ``defaultBaselineYear`` when the dataset names none.
    public var baselineYear: Int { declaredBaselineYear ?? Self.defaultBaselineYear }
    /// The baseline year of a dataset that declares none: 2019, the year before the 2020 mergers.
    public static let defaultBaselineYear = 2019
    // Fees, rules, parameters and volumes are stored in `stored…`; changing one (in place, by
    // `_modify`, so `append` does not copy the array) starts its lookup table afresh.
    public var fees: [Fee] {
        get { storedFees }
        set {
            storedFees = newValue
            feeTable = LookupCache()
        }
        _modify {
            LookupCache.renew(&feeTable)
            yield &storedFees
        }
    }
    public var rules: [Rule] {
        get { storedRules }
        set {
            storedRules = newValue
            ruleTable = LookupCache()
        }
        _modify {
            LookupCache.renew(&ruleTable)
            yield &storedRules
        }
    }
    public var parameters: [Parameter] {
        get { storedParameters }
        set {
            storedParameters = newValue
            parameterTable = LookupCache()
        }
        _modify {
            LookupCache.renew(&parameterTable)
            yield &storedParameters
        }
    }
    public var populations: [Population] = []
    public var volumes: [Volume] {
        get { storedVolumes }
        set {
            storedVolumes = newValue
            volumeTable = LookupCache()
        }
        _modify {
            LookupCache.renew(&volumeTable)
            yield &storedVolumes
        }
    }
    public var coverages: [Coverage] = []
    public var budgets: [Budget] = []
    public var subsidies: [Subsidy] = []
    public var missing: [MissingValue] = []
    public var households: [Household] = []
    /// Published income calibration points (medians, bounds, household counts), not a distribution.
    public var incomePoints: [IncomePoint] = []
    /// The reform rows: which old municipality became part of which new one (``MergerPart``).
    public var mergers: [MergerPart] = []
    /// The range rules of estimates (``RangeRule``), in file order.
    public var rangeRules: [RangeRule] = []

    private var storedMunicipalities: [Municipality] = []
    private var municipalityTable = LookupCache<[MunicipalityID: Int]>()
    private var storedFees: [Fee] = []
    private var storedRules: [Rule] = []
    private var storedParameters: [Parameter] = []
    private var storedVolumes: [Volume] = []
    private var feeTable = LookupCache<FeeTable>()
    private var ruleTable = LookupCache<RuleTable>()
    private var parameterTable = LookupCache<ParameterTable>()
    private var volumeTable = LookupCache<VolumeTable>()

    /// The values under their public names (the lookup tables are not coded).
    private enum CodingKeys: String, CodingKey {
        case storedMunicipalities = "municipalities"
        case areas, services, lineNames, sources, declaredBaselineYear
        case storedFees = "fees"
        case storedRules = "rules"
        case storedParameters = "parameters"
        case populations
        case storedVolumes = "volumes"
        case coverages, budgets, subsidies, missing, households, incomePoints, mergers, rangeRules
    }

    public init() {}

    /// A municipality by id.
    public func municipality(_ id: MunicipalityID) -> Municipality? {
        let table = municipalityTable.table {
            var table: [MunicipalityID: Int] = [:]
            for (i, m) in storedMunicipalities.enumerated() where table[m.id] == nil { table[m.id] = i }
            return table
        }
        return table[id].map { storedMunicipalities[$0] }
    }

    /// A service by id.
    public func service(_ id: ServiceID) -> Service? { services.first { $0.id == id } }

    /// The display name of a fee line (`line` block), if the dataset has one.
    public func lineName(_ key: FeeKey) -> LineName? { lineNames.first { $0.key == key } }

    /// An area by id.
    public func area(_ id: AreaID) -> Area? { areas.first { $0.id == id } }

    /// A source by id.
    public func source(_ id: SourceID) -> Source? { sources.first { $0.id == id } }

    /// The fee rows of a line in a municipality (several when the price changes during the year).
    public func fees(_ municipality: MunicipalityID, _ key: FeeKey) -> [Fee] {
        feeTable.table { FeeTable(fees) }.rows[FeeTable.Pair(municipality: municipality, key: key)] ?? []
    }

    /// The fee in force on `date`, if any.
    public func fee(_ municipality: MunicipalityID, _ key: FeeKey, on date: CalendarDate) -> Fee? {
        fees(municipality, key).first { $0.provenance.validity.contains(date) }
    }

    /// The distinct fee lines of a service across all municipalities, in dataset order.
    public func lines(of service: ServiceID) -> [FeeKey] {
        feeTable.table { FeeTable(fees) }.lines[service] ?? []
    }

    /// The rules of a municipality's service (`rule` optional), in dataset order.
    public func rules(_ municipality: MunicipalityID, _ service: ServiceID, rule: String? = nil) -> [Rule] {
        let rows = ruleTable.table { RuleTable(rules) }.rows[RuleTable.Pair(municipality: municipality, service: service)] ?? []
        guard let rule else { return rows }
        return rows.filter { $0.rule == rule }
    }

    /// The parameter values in model use with a given name and line, in dataset order.
    public func parameters(_ parameter: String, line: String? = nil) -> [Parameter] {
        let rows = parameterTable.table { ParameterTable(parameters) }.rows[parameter] ?? []
        guard let line else { return rows }
        return rows.filter { $0.line == line }
    }

    /// The parameter in model use valid on `date`.
    public func parameter(_ parameter: String, line: String, on date: CalendarDate) -> Parameter? {
        parameters(parameter, line: line).first { $0.provenance.validity.contains(date) }
    }

    /// The grunnbeløp G in force on `date` (it changes on 1 May).
    public func grunnbelop(on date: CalendarDate) -> Money? {
        parameter("grunnbelop", line: "G", on: date)?.value.quantity?.money
    }

    /// The volumes of a municipality's fee line.
    public func volumes(_ municipality: MunicipalityID, _ key: FeeKey) -> [Volume] {
        volumeTable.table { VolumeTable(volumes) }.rows[FeeTable.Pair(municipality: municipality, key: key)] ?? []
    }

    /// The population count of a municipality on a date.
    public func population(_ municipality: MunicipalityID, on date: CalendarDate) -> Population? {
        populations.first { $0.municipality == municipality && $0.date == date }
    }

    /// A household by id.
    public func household(_ id: HouseholdID) -> Household? { households.first { $0.id == id } }

    /// The income calibration points of a region (`royken`, `nasjonal`, …) in file order.
    public func incomePoints(_ region: String) -> [IncomePoint] { incomePoints.filter { $0.region == region } }

    /// Missing values recorded for a municipality's service.
    public func missing(_ municipality: MunicipalityID, _ service: ServiceID) -> MissingValue? {
        missing.first { $0.municipality == municipality && $0.service == service && $0.figure?.kind != .budget }
    }
}
