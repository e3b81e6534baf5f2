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
/// municipality's rulebook for one year, remembering each distinct profile's result (households
/// with equal profiles cost the same: the engine is a function of the profile).
public struct PopulationPricer {
    /// The services a cost is split into; anything else is counted under the last (`annet`).
    public static let services: [ServiceID] = [
        "barnehage", "sfo", "praktisk_bistand", "trygghetsalarm", "vann", "avlop", "renovasjon", "feiing", "annet",
    ]
    /// The services with income-tested rules (moderation, friplass, 6 % cap, gratis kjernetid,
    /// sibling discounts, praktisk bistand bands, trygghetsalarm exemption).
    public static let incomeTested: [ServiceID] = ["barnehage", "sfo", "praktisk_bistand", "trygghetsalarm"]

    let dataset: Dataset
    let municipality: MunicipalityID
    let year: Int
    let book: Rulebook
    private var memo: [HouseholdProfile: ServiceCosts] = [:]

    /// A pricer under `municipality`'s rulebook in `dataset` for `year`.
    public init(_ dataset: Dataset, municipality: MunicipalityID, year: Int) {
        self.dataset = dataset
        self.municipality = municipality
        self.year = year
        book = Rulebook(dataset, municipality: municipality, year: year)
    }

    /// The profile's annual cost by service: the engine's priced lines summed per service.
    public mutating func cost(_ profile: HouseholdProfile) -> ServiceCosts {
        if let known = memo[profile] { return known }
        let cost = dataset.householdCost(profile, in: municipality, year: year, book: book)
        var amounts = Array(repeating: Money.zero, count: Self.services.count)
        for line in cost.lines where line.state == .priced {
            let index = Self.services.firstIndex(of: line.service) ?? Self.services.count - 1
            amounts[index] += line.amount
        }
        let result = ServiceCosts(amounts: amounts)
        memo[profile] = result
        return result
    }

    /// The dataset without sibling discounts: with profiles without income it prices every place
    /// at its list price (volume × price, the ledger's arithmetic).
    public static func listPrices(_ dataset: Dataset) -> Dataset {
        var list = dataset
        list.rules = dataset.rules.filter { $0.rule != "soskenmoderasjon" }
        return list
    }
}
