import HarmoniCompare
import HarmoniModel

/// A household's annual cost split by service (øre, incl. mva as the household pays it).
public struct ServiceCosts: Sendable, Hashable {
    /// Amount per service, in ``PopulationPricer/services`` order.
    public var amounts: [Money]
    /// The sum of the amounts.
    public var total: Money { amounts.reduce(.zero, +) }
}

/// Prices population households with the household engine under one dataset and one
/// municipality's rulebook for one year, amounts only (``HouseholdCostDetail/amountsOnly``: the
/// engine's own rules, no texts). ``cost(_:)`` remembers each distinct profile's result
/// (households with equal profiles cost the same: the engine is a function of the profile).
public struct PopulationPricer {
    /// The services a cost is split into; anything else is counted under the last (`annet`).
    public static let services: [ServiceID] = [
        "barnehage", "sfo", "praktisk_bistand", "trygghetsalarm", "vann", "avlop", "renovasjon", "feiing", "annet",
    ]
    /// The services with income-tested rules (moderation, friplass, 6 % cap, gratis kjernetid,
    /// sibling discounts, praktisk bistand bands, trygghetsalarm exemption).
    public static let incomeTested: [ServiceID] = ["barnehage", "sfo", "praktisk_bistand", "trygghetsalarm"]

    /// The engine (dataset, municipality, year, rulebook).
    let engine: HouseholdEngine
    /// Amounts only (the population's paths), or every line explained (the reference path: the
    /// same amounts, through the texts `show household` prints).
    let detail: HouseholdCostDetail
    var dataset: Dataset { engine.dataset }
    var book: Rulebook { engine.book }
    private var memo: [HouseholdProfile: ServiceCosts] = [:]
    /// Engine calls made (for the benchmark's notes).
    public private(set) var pricings = 0

    /// A pricer under `municipality`'s rulebook in `dataset` for `year`.
    public init(_ dataset: Dataset, municipality: MunicipalityID, year: Int, detail: HouseholdCostDetail = .amountsOnly) {
        engine = HouseholdEngine(dataset, municipality: municipality, year: year)
        self.detail = detail
    }

    /// The profile's annual cost by service: the engine's priced lines summed per service.
    public mutating func cost(_ profile: HouseholdProfile) -> ServiceCosts {
        if let known = memo[profile] { return known }
        let result = price(profile)
        memo[profile] = result
        return result
    }

    /// The profile's cost, not remembered; with `reads`, the engine records its comparisons of the
    /// income there (the incomes that cost the same).
    public mutating func price(_ profile: HouseholdProfile, reads: HouseholdIncomeReads? = nil) -> ServiceCosts {
        pricings += 1
        let cost = engine.cost(profile, detail: detail, reads: reads)
        var amounts = Array(repeating: Money.zero, count: Self.services.count)
        for line in cost.lines where line.state == .priced {
            let index = Self.services.firstIndex(of: line.service) ?? Self.services.count - 1
            amounts[index] += line.amount
        }
        return ServiceCosts(amounts: amounts)
    }

    /// The dataset without sibling discounts: with profiles without income it prices every place
    /// at its list price (volume × price, the ledger's arithmetic).
    public static func listPrices(_ dataset: Dataset) -> Dataset {
        var list = dataset
        list.rules = dataset.rules.filter { $0.rule != "soskenmoderasjon" }
        return list
    }
}
