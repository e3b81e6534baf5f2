import HarmoniModel
import HarmoniReport

/// Municipalities that share one value, in merger order of the first of them.
public struct MunicipalityGroup<Wrapped: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// The municipalities, in ``Dataset/mergingMunicipalities`` order.
    public var municipalities: [MunicipalityID]
    /// The value they share (`nil`: none of them has one).
    public var value: Wrapped?

    /// Groups `(municipality, value)` pairs by equal value, keeping the order of first appearance.
    static func grouping(_ pairs: [(MunicipalityID, Wrapped?)]) -> [MunicipalityGroup] {
        var groups: [MunicipalityGroup] = []
        for (municipality, value) in pairs {
            if let index = groups.firstIndex(where: { $0.value == value }) {
                groups[index].municipalities.append(municipality)
            } else {
                groups.append(MunicipalityGroup(municipalities: [municipality], value: value))
            }
        }
        return groups
    }
}

/// A parameter of a rule and its value, as the dataset states it (`barn_2 = 30 %`).
public struct RuleParameter: Sendable, Hashable, Codable {
    /// `barn_2`, `threshold_75pct_G`, …
    public var parameter: String
    /// `30 %`, `2,8 G`, `none`, …
    public var value: Value
}

/// What kind of rule differs.
public enum RuleKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Søskenmoderasjon: a discount for the second and later child.
    case siblingDiscount = "sibling_discount"
    /// Inntektsmoderasjon: a reduction for incomes under a multiple of G.
    case incomeModeration = "income_moderation"
    /// Friplass: a free place under an income threshold.
    case friplass
    /// Fritak: no charge under an income threshold.
    case exemption
    /// Maks betalte timer: a cap on paid hours per month by income band in G.
    case paidHourCap = "paid_hour_cap"
    /// Deltidsandel: a part-time place as a share of a full place.
    case partTimeShare = "part_time_share"
    /// Flerfagsrabatt: a discount from the second subject.
    case multiSubjectDiscount = "multi_subject_discount"
    /// Any other rule (stipulated consumption, payment terms, free choice of provider, …).
    case other

    /// The kind of a dataset rule name (`soskenmoderasjon` → ``siblingDiscount``).
    public init(rule: String) {
        switch rule {
        case "soskenmoderasjon": self = .siblingDiscount
        case "moderasjon": self = .incomeModeration
        case "friplass": self = .friplass
        case "fritak": self = .exemption
        case "maks_betalte_timer": self = .paidHourCap
        case "deltidsandel": self = .partTimeShare
        case "flerfagsrabatt": self = .multiSubjectDiscount
        default: self = .other
        }
    }
}

/// How a service is priced in one municipality: a fixed amount, a price per quantity, or both.
public struct TariffShape: Sendable, Hashable, Codable {
    /// True if a line charges a fixed amount per month, semester or year (a place, a subscription).
    public var fixedPart: Bool
    /// The quantities priced per unit (m³, litre of bin, m²), in declaration order.
    public var perQuantity: [PricePeriod]
    /// The model stated by the municipality's `tariffmodell` rule (`structure`, `fastledd`).
    public var model: [RuleParameter]
}

/// A structural difference between the municipalities' fee schedules, beyond price levels.
public enum StructuralFinding: Sendable, Hashable, Codable {
    /// Fee lines some municipalities have and others lack (a category one municipality lacks).
    case categoryLacking(service: ServiceID, lines: [LineID], presentIn: [MunicipalityID], lackingIn: [MunicipalityID], status: Status)
    /// Monthly fees billed a different number of months a year.
    case billedMonths(service: ServiceID, groups: [MunicipalityGroup<[Int]>], status: Status)
    /// A discount, band, threshold or other rule that differs or that only some have.
    case rule(service: ServiceID, rule: String, kind: RuleKind, groups: [MunicipalityGroup<[RuleParameter]>], status: Status)
    /// A different tariff shape: flat vs two-part, per litre vs per subscription.
    case tariffShape(service: ServiceID, groups: [MunicipalityGroup<TariffShape>], status: Status)
    /// Fee lines whose prices are valid for different periods (a price change on different dates).
    case validity(service: ServiceID, lines: [LineID], groups: [MunicipalityGroup<[Validity]>], status: Status)
    /// The public record lacks the service's fees in these municipalities.
    case missing(service: ServiceID, municipalities: [MunicipalityID], note: String)

    /// The service the finding is about.
    public var service: ServiceID {
        switch self {
        case .categoryLacking(let s, _, _, _, _), .billedMonths(let s, _, _), .rule(let s, _, _, _, _),
            .tariffShape(let s, _, _), .validity(let s, _, _, _), .missing(let s, _, _):
            return s
        }
    }

    /// The weakest status of the values behind the finding (`estimated` for a missing value).
    public var status: Status {
        switch self {
        case .categoryLacking(_, _, _, _, let s), .billedMonths(_, _, let s), .rule(_, _, _, _, let s),
            .tariffShape(_, _, let s), .validity(_, _, _, let s):
            return s
        case .missing: return .estimated
        }
    }

    /// A stable machine name of the kind: `category`, `billed_months`, `rule`, `tariff_shape`,
    /// `validity`, `missing`.
    public var kindKey: String {
        switch self {
        case .categoryLacking: return "category"
        case .billedMonths: return "billed_months"
        case .rule: return "rule"
        case .tariffShape: return "tariff_shape"
        case .validity: return "validity"
        case .missing: return "missing"
        }
    }
}
