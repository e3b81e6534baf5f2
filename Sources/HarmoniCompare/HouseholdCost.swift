import HarmoniModel
import HarmoniReport

/// A rule applied to a household's line, in words (`søskenmoderasjon 30 % (barn 2)`).
public struct HouseholdAdjustment: Sendable, Hashable, Codable {
    /// The text in Norwegian bokmål.
    public var nb: String
    /// The text in English.
    public var en: String
    /// The text in a language.
    public func text(_ language: DisplayLanguageTag) -> String { language == .nb ? nb : en }
}

/// Whether a household line could be priced.
public enum HouseholdLineState: Sendable, Hashable, Codable {
    /// Priced: ``HouseholdCostLine/amount`` holds the annual cost.
    case priced
    /// The municipality has no such line in the dataset.
    case notOffered
    /// The public record lacks the fee (feiing): never counted as 0.
    case missing(note: String)
}

/// One line of a household's annual cost in one municipality.
public struct HouseholdCostLine: Sendable, Hashable, Codable {
    /// A stable id that lines up the same line across municipalities (`barnehage.child_1_barnehage`).
    public var id: String
    /// The service the line belongs to.
    public var service: ServiceID
    /// Row labels in Norwegian and English.
    public var labelNB: String
    /// The English row label.
    public var labelEN: String
    /// Priced, not offered, or missing from the record.
    public var state: HouseholdLineState
    /// Kroner per year including mva (zero unless ``state`` is ``HouseholdLineState/priced``).
    public var amount: Money
    /// The weakest status of the fee and rule rows used.
    public var status: Status
    /// True if a row used is flagged `low confidence`.
    public var lowConfidence: Bool
    /// Kinds of estimate among the rows used.
    public var estimateKinds: [String]
    /// The rules that changed the amount, in the order applied.
    public var adjustments: [HouseholdAdjustment]
    /// Sources of the rows used, in first-use order.
    public var sources: [SourceID]
}

/// A typical household's annual cost in one municipality under its complete rulebook.
public struct HouseholdCost: Sendable, Hashable, Codable {
    /// The household.
    public var household: HouseholdID
    /// The municipality whose rulebook applies.
    public var municipality: MunicipalityID
    /// The year priced.
    public var year: Int
    /// Lines in profile order: barnehage, kost, SFO, praktisk bistand, trygghetsalarm, vann, avløp,
    /// renovasjon, feiing.
    public var lines: [HouseholdCostLine]

    /// The sum of the priced lines (exact, øre).
    public var total: Money { lines.filter { $0.state == .priced }.reduce(.zero) { $0 + $1.amount } }
    /// The weakest status of the priced lines.
    public var status: Status { lines.filter { $0.state == .priced }.map(\.status).max() ?? .published }
    /// True when no line is missing from the record (otherwise the total leaves it out).
    public var isComplete: Bool { !lines.contains { if case .missing = $0.state { return true } else { return false } } }
}

/// What a line's computation used and changed: statuses, estimate kinds, sources, adjustments.
/// With `explain` false (``HouseholdCostDetail/amountsOnly``) it records nothing and builds no
/// text: the texts are autoclosures, evaluated only when explaining.
struct Trace {
    let explain: Bool
    var status = Status.published
    var lowConfidence = false
    var kinds: [String] = []
    var sources: [SourceID] = []
    var adjustments: [HouseholdAdjustment] = []

    init(explain: Bool) { self.explain = explain }

    mutating func use(_ provenance: Provenance) {
        guard explain else { return }
        status = max(status, provenance.status)
        lowConfidence = lowConfidence || provenance.isLowConfidence
        if let kind = provenance.estimateKind, !kinds.contains(kind) { kinds.append(kind) }
        if let source = provenance.source, !sources.contains(source) { sources.append(source) }
    }

    mutating func use<T>(_ rule: RuleValue<T>) { if explain { use(rule.rule.provenance) } }

    mutating func adjust(_ nb: @autoclosure () -> String, _ en: @autoclosure () -> String) {
        guard explain else { return }
        let adjustment = HouseholdAdjustment(nb: nb(), en: en())
        if !adjustments.contains(adjustment) { adjustments.append(adjustment) }
    }

    func line(
        _ id: @autoclosure () -> String, _ service: ServiceID, _ nb: @autoclosure () -> String, _ en: @autoclosure () -> String,
        _ amount: Money
    ) -> HouseholdCostLine {
        guard explain else { return .amountOnly(service, .priced, amount) }
        return HouseholdCostLine(
            id: id(), service: service, labelNB: nb(), labelEN: en(), state: .priced, amount: amount, status: status,
            lowConfidence: lowConfidence, estimateKinds: kinds, adjustments: adjustments, sources: sources)
    }
}

extension HouseholdCostLine {
    /// A line that could not be priced: not offered, or missing from the record.
    static func unpriced(_ id: String, _ service: ServiceID, _ nb: String, _ en: String, _ state: HouseholdLineState)
        -> HouseholdCostLine
    {
        HouseholdCostLine(
            id: id, service: service, labelNB: nb, labelEN: en, state: state, amount: .zero, status: .published,
            lowConfidence: false, estimateKinds: [], adjustments: [], sources: [])
    }

    /// A line of ``HouseholdCostDetail/amountsOnly``: service, state and amount, no texts.
    static func amountOnly(_ service: ServiceID, _ state: HouseholdLineState, _ amount: Money) -> HouseholdCostLine {
        HouseholdCostLine(
            id: "", service: service, labelNB: "", labelEN: "", state: state, amount: amount, status: .published,
            lowConfidence: false, estimateKinds: [], adjustments: [], sources: [])
    }
}

extension Dataset {
    /// A household's annual cost in `municipality` in `year`, line by line, under the municipality's
    /// complete ``Rulebook``. Every line is computed month by month with the price and G in force on
    /// the first day of the month; see ``HouseholdCost`` for the order of lines and the documented
    /// choices in docs/LANGUAGE.md (show household).
    public func householdCost(_ household: Household, in municipality: MunicipalityID, year: Int) -> HouseholdCost {
        HouseholdEngine(self, municipality: municipality, year: year).cost(HouseholdProfile(household), id: household.id)
    }

    /// The household's cost in Asker, Røyken and Hurum, in that order.
    public func householdCosts(_ household: Household, year: Int) -> [HouseholdCost] {
        mergingMunicipalities.map { householdCost(household, in: $0, year: year) }
    }
}

/// Everything one household-in-a-municipality computation reads.
struct HouseholdContext {
    let dataset: Dataset
    let municipality: MunicipalityID
    let year: Int
    let profile: HouseholdProfile
    let book: Rulebook
    /// False for ``HouseholdCostDetail/amountsOnly``: no labels, statuses, sources or adjustments.
    let explain: Bool
    /// G on the first day of each month of the year (index month − 1), read once per engine.
    let grunnbelop: [Money?]
    /// When given, every comparison of the income is recorded in it (population pricing).
    let reads: HouseholdIncomeReads?

    /// The first day of each of the given months.
    func days(_ months: [Int]) -> [CalendarDate] { months.compactMap { CalendarDate(year: year, month: $0, day: 1) } }

    /// The rows of a line valid in the year.
    func rows(_ key: FeeKey) -> [Fee] { dataset.fees(municipality, key).filter { $0.provenance.validity.touches(year: year) } }

    /// A fresh trace for one line.
    func trace() -> Trace { Trace(explain: explain) }

    /// Not offered, or missing when the record lacks the service.
    func absent(_ id: @autoclosure () -> String, _ key: FeeKey, _ nb: @autoclosure () -> String, _ en: @autoclosure () -> String)
        -> HouseholdCostLine
    {
        let state: HouseholdLineState = dataset.missing(municipality, key.service).map { .missing(note: $0.note) } ?? .notOffered
        guard explain else { return .amountOnly(key.service, state, .zero) }
        return .unpriced(id(), key.service, nb(), en(), state)
    }
}
