/// A municipality of the merger, the new municipality, or the national level.
public struct Municipality: Sendable, Hashable, Codable {
    /// `asker`, `royken`, `hurum`, `nye_asker`, `nasjonal`.
    public var id: MunicipalityID
    /// Kommunenummer: `0220`, `0627`, `0628`, `3025`; `0000` for national.
    public var number: String
    /// Display name: `Asker`, `Røyken`, `Hurum`.
    public var name: String

    public init(id: MunicipalityID, number: String, name: String) {
        self.id = id
        self.number = number
        self.name = name
    }
}

/// A tjenesteområde (service area) of the seed documents, e.g. «Oppvekst, undervisning, kunnskap».
public struct Area: Sendable, Hashable, Codable {
    public var id: AreaID
    /// Display name in Norwegian.
    public var name: String
    /// Display name in English (`name_en`), if the dataset has one.
    public var nameEN: String?
    public init(id: AreaID, name: String, nameEN: String? = nil) {
        self.id = id
        self.name = name
        self.nameEN = nameEN
    }

    /// The name in the output language (`name_en` in English where the dataset has it).
    public func displayName(english: Bool) -> String { english ? nameEN ?? name : name }
}

/// A municipal service with fees: barnehage, SFO, kulturskole, renovasjon, …
public struct Service: Sendable, Hashable, Codable {
    public var id: ServiceID
    /// Display name in Norwegian.
    public var name: String
    /// The tjenesteområde the service belongs to.
    public var area: AreaID
    /// True when fees may not exceed cost (selvkost): vann, avløp, renovasjon, slam, feiing, byggesak.
    public var selvkost: Bool
    /// Display name in English (`name_en`), if the dataset has one.
    public var nameEN: String?

    public init(id: ServiceID, name: String, area: AreaID, selvkost: Bool, nameEN: String? = nil) {
        self.id = id
        self.name = name
        self.area = area
        self.selvkost = selvkost
        self.nameEN = nameEN
    }

    /// The name in the output language (`name_en` in English where the dataset has it).
    public func displayName(english: Bool) -> String { english ? nameEN ?? name : name }
}

/// The display name of one fee line of a service (`line sfo.plass_5d { name = "Plass 5 dager i
/// uken" }`): what tables show in place of the id `sfo.plass_5d`.
public struct LineName: Sendable, Hashable, Codable {
    /// Service and line: `sfo.plass_5d`.
    public var key: FeeKey
    /// Display name in Norwegian: «Plass 5 dager i uken».
    public var name: String
    /// Display name in English (`name_en`), if the dataset has one.
    public var nameEN: String?

    public init(key: FeeKey, name: String, nameEN: String? = nil) {
        self.key = key
        self.name = name
        self.nameEN = nameEN
    }

    /// The name in the output language (`name_en` in English where the dataset has it).
    public func displayName(english: Bool) -> String { english ? nameEN ?? name : name }
}

/// One fee line of one municipality (brukerbetaling or gebyr): an amount per period.
public struct Fee: Sendable, Hashable, Codable {
    public var municipality: MunicipalityID
    /// Service and line: `sfo.plass_5d`.
    public var key: FeeKey
    /// The amount as stored (see ``vat``). Setting another amount drops ``fractionalAmount``, so a
    /// changed price is never shadowed by the exact digits of the old one.
    public var amount: Money {
        didSet { if amount != oldValue { fractionalAmount = nil } }
    }
    /// What the amount is counted per.
    public var period: PricePeriod
    /// Months billed per year, for monthly fees (barnehage 11, Asker SFO 10).
    public var billedMonths: Int?
    /// Whether ``amount`` includes, excludes or carries no mva.
    public var vat: VATForm
    public var provenance: Provenance
    /// The price exactly as printed when it has fractions of an øre, else `nil`.
    ///
    /// Only a price per unit of use (per m³, per litre of bin, per m²) may have them, up to four
    /// decimals: Røyken's vann 15,344 kr/m³ excl. mva is Lier's 19,18 kr/m³ incl. mva ÷ 1,25,
    /// exact. ``amount`` then holds the price rounded half-up to whole øre (for display and for the
    /// simulator, whose levels are whole øre), while household costs and comparisons multiply the
    /// usage by this exact price and round the product once (``exactPriceMicroKroner``).
    public var fractionalAmount: DecimalNumber?

    public init(
        municipality: MunicipalityID, key: FeeKey, amount: Money, period: PricePeriod, billedMonths: Int?,
        vat: VATForm, provenance: Provenance, fractionalAmount: DecimalNumber? = nil
    ) {
        self.municipality = municipality
        self.key = key
        self.amount = amount
        self.period = period
        self.billedMonths = billedMonths
        self.vat = vat
        self.provenance = provenance
        self.fractionalAmount = fractionalAmount
    }

    /// The exact price in millionths of a krone (µkr): ``fractionalAmount`` when set, else
    /// ``amount`` (1 øre = 10 000 µkr). At most four decimals, so this is always exact.
    public var exactPriceMicroKroner: Int128 {
        if let fraction = fractionalAmount, let micro = fraction.scaled(to: 6) { return Int128(micro) }
        return Int128(amount.ore) * 10_000
    }
}

/// A discount, band, threshold or flag: `asker.sfo.moderasjon.threshold_75pct_G = 2,8 G`.
public struct Rule: Sendable, Hashable, Codable {
    public var municipality: MunicipalityID
    public var service: ServiceID
    /// The rule: `soskenmoderasjon`, `moderasjon`, `maks_betalte_timer`, …
    public var rule: String
    /// The parameter within the rule: `barn_2`, `threshold_75pct_G`, …
    public var parameter: String
    public var value: Value
    public var provenance: Provenance

    public init(
        municipality: MunicipalityID, service: ServiceID, rule: String, parameter: String, value: Value,
        provenance: Provenance
    ) {
        self.municipality = municipality
        self.service = service
        self.rule = rule
        self.parameter = parameter
        self.value = value
        self.provenance = provenance
    }
}

/// A national parameter: G, maksimalpris, deflator, mva, a national reference value.
public struct Parameter: Sendable, Hashable, Codable {
    /// `grunnbelop`, `kommunal_deflator`, `mva`, `ref_sfo_pris`, …
    public var parameter: String
    /// `G`, `arlig_vekst`, …
    public var line: String
    public var value: Value
    /// `outcome`, `forecast`, `reference`, …
    public var kind: String
    /// Which publication the figure is from.
    public var vintage: String
    /// False for older or later vintages kept for transparency only.
    public var useInModel: Bool
    public var provenance: Provenance

    public init(
        parameter: String, line: String, value: Value, kind: String, vintage: String, useInModel: Bool,
        provenance: Provenance
    ) {
        self.parameter = parameter
        self.line = line
        self.value = value
        self.kind = kind
        self.vintage = vintage
        self.useInModel = useInModel
        self.provenance = provenance
    }
}

/// Residents by age group on a date (SSB table 07459).
public struct Population: Sendable, Hashable, Codable {
    public var municipality: MunicipalityID
    /// The count date (1 January).
    public var date: CalendarDate
    /// Age group → persons, in the order of the dataset (`age_0`, `age_1_5`, …).
    public var groups: [AgeGroupCount]
    /// All residents.
    public var total: Int64
    public var provenance: Provenance

    public init(
        municipality: MunicipalityID, date: CalendarDate, groups: [AgeGroupCount], total: Int64,
        provenance: Provenance
    ) {
        self.municipality = municipality
        self.date = date
        self.groups = groups
        self.total = total
        self.provenance = provenance
    }

    /// Persons in a group, by attribute name (`age_1_5`).
    public func count(_ group: String) -> Int64? { groups.first { $0.group == group }?.persons }
}

/// Persons in one age group.
public struct AgeGroupCount: Sendable, Hashable, Codable {
    public var group: String
    public var persons: Int64
    public init(group: String, persons: Int64) {
        self.group = group
        self.persons = persons
    }
}

/// Users, places, pupils, subscribers or quantities for a fee line or service.
public struct Volume: Sendable, Hashable, Codable {
    /// The largest volume Harmoni computes with (10¹², with two decimals after growth): a volume
    /// beyond it in a dataset, or grown beyond it, is an error («volumet er for stort»).
    public static let limit = DecimalNumber(significand: 1_000_000_000_000, scale: 0)

    public var municipality: MunicipalityID
    public var key: FeeKey
    /// The count (may have decimals, e.g. an estimated share of a population).
    public var value: DecimalNumber
    /// What is counted: `barn`, `elever`, `abonnenter`, `m3/år`, …
    public var counts: String
    public var provenance: Provenance

    public init(municipality: MunicipalityID, key: FeeKey, value: DecimalNumber, counts: String, provenance: Provenance) {
        self.municipality = municipality
        self.key = key
        self.value = value
        self.counts = counts
        self.provenance = provenance
    }
}

/// A dekningsgrad (coverage rate): the share of a population group that receives a service.
public struct Coverage: Sendable, Hashable, Codable {
    public var municipality: MunicipalityID
    public var service: ServiceID
    /// `andel_barn_i_kommunale_bhg`, …
    public var indicator: String
    /// The rate as written (`43,6 %`, or a plain number with the printed unit `per 1000`).
    public var value: Quantity
    public var numerator: DecimalNumber?
    public var denominator: DecimalNumber?
    public var provenance: Provenance

    public init(
        municipality: MunicipalityID, service: ServiceID, indicator: String, value: Quantity,
        numerator: DecimalNumber?, denominator: DecimalNumber?, provenance: Provenance
    ) {
        self.municipality = municipality
        self.service = service
        self.indicator = indicator
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.provenance = provenance
    }
}

/// A budget frame of a tjenesteområde or a part of it, in kroner (datasets write `tkr`).
public struct Budget: Sendable, Hashable, Codable {
    public var municipality: MunicipalityID
    public var area: AreaID
    /// The budget line: `barnehage`, `grunnskole`, `sum`, …
    public var line: String
    /// `netto_driftsramme_plan`, `netto_driftsutgifter`, `brutto_…`: never add brutto to netto.
    public var measure: String
    public var amount: Money
    public var provenance: Provenance

    public init(
        municipality: MunicipalityID, area: AreaID, line: String, measure: String, amount: Money,
        provenance: Provenance
    ) {
        self.municipality = municipality
        self.area = area
        self.line = line
        self.measure = measure
        self.amount = amount
        self.provenance = provenance
    }
}

/// A tilskudd (subsidy) rate or amount: driftstilskudd per place, grant totals, shares of a pot.
public struct Subsidy: Sendable, Hashable, Codable {
    public var municipality: MunicipalityID
    /// `driftstilskudd_private_barnehager`, …
    public var scheme: String
    /// `ordinaer_0_2`, …
    public var line: String
    public var value: Quantity
    public var provenance: Provenance

    public init(municipality: MunicipalityID, scheme: String, line: String, value: Quantity, provenance: Provenance) {
        self.municipality = municipality
        self.scheme = scheme
        self.line = line
        self.value = value
        self.provenance = provenance
    }
}

/// A value the public record lacks (e.g. feiing): reported as missing, never as 0.
///
/// Either a whole service (`missing asker.feiing`, ``figure`` `nil`) or one figure
/// (`missing kristiansand.sfo.plass_5d { kind = fee … }`); a budget figure's ``service`` is its
/// tjenesteområde's id.
public struct MissingValue: Sendable, Hashable, Codable {
    public var municipality: MunicipalityID
    public var service: ServiceID
    /// What is missing and what is needed, in Norwegian.
    public var note: String
    /// The one figure missing, if the record is that precise.
    public var figure: MissingFigure?
    public init(municipality: MunicipalityID, service: ServiceID, note: String, figure: MissingFigure? = nil) {
        self.municipality = municipality
        self.service = service
        self.note = note
        self.figure = figure
    }
}

/// A typehusholdning: a typical household whose annual cost shows what a harmonisation means.
public struct Household: Sendable, Hashable, Codable {
    public var id: HouseholdID
    /// The attributes in dataset order (`household_income`, `child_1_barnehage`, …).
    public var attributes: [HouseholdAttribute]

    public init(id: HouseholdID, attributes: [HouseholdAttribute]) {
        self.id = id
        self.attributes = attributes
    }

    /// An attribute's value by name.
    public func value(_ name: String) -> Value? { attributes.first { $0.name == name }?.value }

    /// The one-sentence definition, if given.
    public var definition: String? {
        if case .text(let text) = value("definition") { return text }
        return nil
    }

    /// The definition in the report's language: `definition_en` for English where the dataset
    /// has it, else `definition`.
    public func definition(english: Bool) -> String? {
        if english, case .text(let text) = value("definition_en") { return text }
        return definition
    }

    /// The name for tables and titles: `name` (or `name_en` in English), else the id.
    public func displayName(english: Bool) -> String {
        if english, case .text(let text) = value("name_en") { return text }
        if case .text(let text) = value("name") { return text }
        return id.rawValue
    }
}

/// One member, usage or income of a typical household.
public struct HouseholdAttribute: Sendable, Hashable, Codable {
    public var name: String
    public var value: Value
    /// The comment above it in the dataset (the source row's note).
    public var note: String?
    public init(name: String, value: Value, note: String? = nil) {
        self.name = name
        self.value = value
        self.note = note
    }
}

/// A published income calibration point (`income-2018.tsv`): a median income, a lower bound or a
/// household count for a municipality or the whole country.
///
/// These are *not* a household income distribution (none was published): a population model
/// calibrates a distribution against them. The region may lie outside the merger (Bærum, an upper
/// bound next to Asker; the national median), so it is a name and a kommunenummer, not a
/// reference to a ``Municipality``.
public struct IncomePoint: Sendable, Hashable, Codable {
    /// The first part of the block id: `royken`, `asker`, `hurum`, `baerum`, `nasjonal`.
    public var region: String
    /// Kommunenummer as printed (`0219`); `0000` for the whole country.
    public var municipalityNumber: String
    /// Display name (`Bærum`, `Hele landet`).
    public var municipalityName: String
    /// What is measured: `medianinntekt_personer_17_pluss`, `privathusholdninger`, …
    public var measure: String
    public var value: Value
    public var provenance: Provenance

    public init(
        region: String, municipalityNumber: String, municipalityName: String, measure: String, value: Value,
        provenance: Provenance
    ) {
        self.region = region
        self.municipalityNumber = municipalityNumber
        self.municipalityName = municipalityName
        self.measure = measure
        self.value = value
        self.provenance = provenance
    }
}
