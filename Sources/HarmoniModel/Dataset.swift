/// Everything Harmoni knows about the merging municipalities: one immutable value.
///
/// Collections keep the order of the dataset files (files sorted by name, blocks in file order),
/// so output never depends on hashing. Lookups scan or use the indexes built on creation.
public struct Dataset: Sendable, Hashable, Codable {
    public var municipalities: [Municipality] = []
    public var areas: [Area] = []
    public var services: [Service] = []
    public var sources: [Source] = []
    public var fees: [Fee] = []
    public var rules: [Rule] = []
    public var parameters: [Parameter] = []
    public var populations: [Population] = []
    public var volumes: [Volume] = []
    public var coverages: [Coverage] = []
    public var budgets: [Budget] = []
    public var subsidies: [Subsidy] = []
    public var missing: [MissingValue] = []
    public var households: [Household] = []

    public init() {}

    /// The three old municipalities being merged, in the order Asker, Røyken, Hurum.
    public static let mergingMunicipalities: [MunicipalityID] = ["asker", "royken", "hurum"]

    /// A municipality by id.
    public func municipality(_ id: MunicipalityID) -> Municipality? { municipalities.first { $0.id == id } }

    /// A service by id.
    public func service(_ id: ServiceID) -> Service? { services.first { $0.id == id } }

    /// An area by id.
    public func area(_ id: AreaID) -> Area? { areas.first { $0.id == id } }

    /// A source by id.
    public func source(_ id: SourceID) -> Source? { sources.first { $0.id == id } }

    /// The fee rows of a line in a municipality (several when the price changes during the year).
    public func fees(_ municipality: MunicipalityID, _ key: FeeKey) -> [Fee] {
        fees.filter { $0.municipality == municipality && $0.key == key }
    }

    /// The fee in force on `date`, if any.
    public func fee(_ municipality: MunicipalityID, _ key: FeeKey, on date: CalendarDate) -> Fee? {
        fees.first { $0.municipality == municipality && $0.key == key && $0.provenance.validity.contains(date) }
    }

    /// The distinct fee lines of a service across all municipalities, in dataset order.
    public func lines(of service: ServiceID) -> [FeeKey] {
        var seen: Set<FeeKey> = []
        var result: [FeeKey] = []
        for fee in fees where fee.key.service == service && seen.insert(fee.key).inserted {
            result.append(fee.key)
        }
        return result
    }

    /// The rules of a municipality's service (`rule` optional), in dataset order.
    public func rules(_ municipality: MunicipalityID, _ service: ServiceID, rule: String? = nil) -> [Rule] {
        rules.filter { $0.municipality == municipality && $0.service == service && (rule == nil || $0.rule == rule) }
    }

    /// The parameter values in model use with a given name and line, in dataset order.
    public func parameters(_ parameter: String, line: String? = nil) -> [Parameter] {
        parameters.filter { $0.parameter == parameter && $0.useInModel && (line == nil || $0.line == line) }
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
        volumes.filter { $0.municipality == municipality && $0.key == key }
    }

    /// The population count of a municipality on a date.
    public func population(_ municipality: MunicipalityID, on date: CalendarDate) -> Population? {
        populations.first { $0.municipality == municipality && $0.date == date }
    }

    /// A household by id.
    public func household(_ id: HouseholdID) -> Household? { households.first { $0.id == id } }

    /// Missing values recorded for a municipality's service.
    public func missing(_ municipality: MunicipalityID, _ service: ServiceID) -> MissingValue? {
        missing.first { $0.municipality == municipality && $0.service == service }
    }
}
