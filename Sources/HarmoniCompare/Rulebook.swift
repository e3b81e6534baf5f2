import HarmoniModel

/// One municipality's complete fee rulebook for a year, typed: sibling discounts, income bands in
/// G, friplass thresholds, barnehage maksimalpris, 6 % income cap and gratis kjernetid, praktisk
/// bistand exemption and paid-hour caps, trygghetsalarm exemption.
///
/// Interpreted from `Dataset.rules`: the municipality's own rules, and the national rules (`nasjonal`)
/// which apply in every municipality unless the municipality's own rule is more generous (a larger
/// sibling discount; a free service under 2 G instead of the national cap of 210 kr/mnd). A rule
/// that changes during the year (maksimalpris, income limit, minimum age for kjernetid) keeps every
/// row and is read month by month; any other rule is read as valid on 31 December.
public struct Rulebook: Sendable, Hashable, Codable {
    /// The municipality whose rulebook this is.
    public var municipality: MunicipalityID
    /// The year the rules are read for.
    public var year: Int
    /// Barnehage rules (with the national ones).
    public var barnehage: BarnehageRules
    /// SFO rules.
    public var sfo: SFORules
    /// Praktisk bistand rules (with the national cap).
    public var praktiskBistand: PraktiskBistandRules
    /// Trygghetsalarm: free under this multiple of G (Asker 2 G).
    public var trygghetsalarmFreeUnderG: RuleValue<Rate>?
    /// Kulturskole discounts.
    public var kulturskole: KulturskoleRules

    /// Reads the rulebook of `municipality` for `year` from the dataset.
    public init(_ dataset: Dataset, municipality: MunicipalityID, year: Int) {
        self.municipality = municipality
        self.year = year
        barnehage = BarnehageRules(dataset, municipality, year)
        sfo = SFORules(dataset, municipality, year)
        praktiskBistand = PraktiskBistandRules(dataset, municipality, year)
        trygghetsalarmFreeUnderG = dataset.gRule(municipality, "trygghetsalarm", "fritak", "free_under_G", year: year)
        kulturskole = KulturskoleRules(
            siblingDiscount: dataset.percentRule(municipality, "kulturskole", "soskenmoderasjon", "from_sibling_2", year: year),
            multiSubjectDiscount: dataset.percentRule(municipality, "kulturskole", "flerfagsrabatt", "from_subject_2", year: year))
    }
}

/// Barnehage: national maksimalpris, 6 % income cap and gratis kjernetid; sibling discounts; friplass.
public struct BarnehageRules: Sendable, Hashable, Codable {
    /// Discount for the second child (the more generous of own and national: 30 %).
    public var siblingDiscountSecond: RuleValue<Rate>?
    /// Discount for the third and later child (50 %).
    public var siblingDiscountThirdAndLater: RuleValue<Rate>?
    /// National maksimalpris for a full place per month, by date (2 990, then 3 040 from 1.8.2019).
    public var maksimalpris: DatedRule<Money>
    /// Redusert foreldrebetaling: at most this share of household income per place per year (6 %).
    public var incomeCapShare: RuleValue<Rate>?
    /// Households under this income get the income cap and gratis kjernetid, by date.
    public var incomeLimit: DatedRule<Money>
    /// Gratis kjernetid: free hours a week (20).
    public var kjernetidHoursPerWeek: RuleValue<DecimalNumber>?
    /// Minimum age in years for gratis kjernetid, by date (3, then 2 from 1.8.2019).
    public var kjernetidMinimumAge: DatedRule<DecimalNumber>
    /// Friplass: a free place for household income under this multiple of G (Røyken 3 G).
    public var friplassUnderG: RuleValue<Rate>?
    /// True when the friplass also covers kost (the rule's note mentions kost: Røyken).
    public var friplassIncludesKost: Bool
    /// The hours a week of a full place when gratis kjernetid is prorated: 41 (Harmoni's choice: the
    /// lower bound of SSB's full-time group «41 timer eller mer»); a full place pays (41 − 20) / 41.
    public var fullPlaceHoursPerWeek: DecimalNumber = DecimalNumber(41)
    /// The months a year the income cap is spread over (11: the rule's note, July free).
    public var incomeCapMonths: Int64 = 11

    init(_ dataset: Dataset, _ municipality: MunicipalityID, _ year: Int) {
        let national = MunicipalityID.national
        siblingDiscountSecond = dataset.generousDiscount(
            dataset.percentRule(municipality, "barnehage", "soskenmoderasjon", "barn_2", year: year),
            dataset.percentRule(national, "barnehage", "soskenmoderasjon", "barn_2", year: year))
        siblingDiscountThirdAndLater = dataset.generousDiscount(
            dataset.percentRule(municipality, "barnehage", "soskenmoderasjon", "barn_3_pluss", year: year),
            dataset.percentRule(national, "barnehage", "soskenmoderasjon", "barn_3_pluss", year: year))
        maksimalpris = dataset.datedMoneyRule(national, "barnehage", "maksimalpris", "full_plass_kr_mnd", year: year)
        incomeCapShare = dataset.percentRule(national, "barnehage", "inntektstak", "max_share_of_household_income_per_place", year: year)
        incomeLimit = dataset.datedMoneyRule(national, "barnehage", "inntektstak", "income_limit", year: year)
        kjernetidHoursPerWeek = dataset.numberRule(national, "barnehage", "gratis_kjernetid", "free_hours_per_week", year: year)
        kjernetidMinimumAge = dataset.datedNumberRule(national, "barnehage", "gratis_kjernetid", "min_age_years", year: year)
        friplassUnderG = dataset.gRule(municipality, "barnehage", "friplass", "income_under_G", year: year)
        friplassIncludesKost = friplassUnderG?.rule.provenance.note?.lowercased().contains("kost") ?? false
    }
}

/// SFO: billed months, sibling discount, income moderation bands in G, friplass.
public struct SFORules: Sendable, Hashable, Codable {
    /// Months billed a year (Asker 10, Røyken and Hurum 11), from the rule; fees carry their own.
    public var billedMonths: RuleValue<DecimalNumber>?
    /// Discount for every further child in SFO (0 % in all three).
    public var siblingDiscount: RuleValue<Rate>?
    /// Income moderation bands, lowest threshold first: the first band whose threshold the income
    /// is under applies (Asker: 75 % under 2,8 G, 50 % under 4,5 G).
    public var moderationBands: [IncomeBand]
    /// Friplass: a free SFO place for income under this multiple of G (Røyken 3 G).
    public var friplassUnderG: RuleValue<Rate>?

    init(_ dataset: Dataset, _ municipality: MunicipalityID, _ year: Int) {
        billedMonths = dataset.numberRule(municipality, "sfo", "betalte_maaneder", "months_per_year", year: year)
        siblingDiscount = dataset.percentRule(municipality, "sfo", "soskenmoderasjon", "any_child", year: year)
        friplassUnderG = dataset.gRule(municipality, "sfo", "friplass", "income_under_G", year: year)
        var bands: [IncomeBand] = []
        for rule in dataset.yearRules(municipality, "sfo", year) where rule.rule == "moderasjon" {
            let name = rule.parameter
            guard name.hasPrefix("threshold_"), name.hasSuffix("pct_G"), let percent = Int64(name.dropFirst(10).dropLast(5)),
                let threshold = dataset.gRule(municipality, "sfo", "moderasjon", name, year: year)
            else { continue }
            let reduction = dataset.yearRules(municipality, "sfo", year).first { candidate in
                candidate.rule == "moderasjon" && candidate.parameter.hasPrefix("reduction_")
                    && candidate.value.quantity?.number.asPercentRate == Rate(percent: percent)
            }
            if let reduction, let rate = reduction.value.quantity?.number.asPercentRate {
                bands.append(IncomeBand(underG: threshold, reduction: RuleValue(value: rate, rule: reduction)))
            }
        }
        moderationBands = bands.sorted { $0.underG.value < $1.underG.value }
    }
}

/// A reduction for household incomes under a multiple of G.
public struct IncomeBand: Sendable, Hashable, Codable {
    /// The threshold: income strictly under this multiple of G (Harmoni's choice: `<`, not `≤`).
    public var underG: RuleValue<Rate>
    /// The reduction of the monthly price.
    public var reduction: RuleValue<Rate>
}

/// Kulturskole discounts (not used by the typical households; compared as rules).
public struct KulturskoleRules: Sendable, Hashable, Codable {
    /// Discount from the second sibling (25 %).
    public var siblingDiscount: RuleValue<Rate>?
    /// Discount from the second subject (25 %).
    public var multiSubjectDiscount: RuleValue<Rate>?
}
