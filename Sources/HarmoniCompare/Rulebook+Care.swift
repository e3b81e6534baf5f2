import HarmoniModel

/// Praktisk bistand: free under a multiple of G (own rule), the national cap under 2 G, and a cap
/// on paid hours per month by income band in G.
public struct PraktiskBistandRules: Sendable, Hashable, Codable {
    /// No charge for income under this multiple of G (Asker 2 G; Røyken and Hurum estimated the same).
    public var freeUnderG: RuleValue<Rate>?
    /// The national maximum per month for income under ``nationalCapUnderG`` (210 kr/mnd).
    public var nationalCap: RuleValue<Money>?
    /// The income limit of the national cap, read from the rule name `maks_egenandel_under_2G` (2 G).
    public var nationalCapUnderG: Rate
    /// Paid-hour caps by income band, lowest band first.
    public var paidHourCaps: [PaidHourBand]

    init(_ dataset: Dataset, _ municipality: MunicipalityID, _ year: Int) {
        freeUnderG = dataset.gRule(municipality, "praktisk_bistand", "fritak", "free_under_G", year: year)
        let nationalRule = dataset.yearRules(.national, "praktisk_bistand", year).first { $0.rule.hasPrefix("maks_egenandel_under_") }
        nationalCap = nationalRule.flatMap { row in row.value.quantity?.money.map { RuleValue(value: $0, rule: row) } }
        nationalCapUnderG = nationalRule.flatMap { PaidHourBand.gBound($0.rule.dropFirst("maks_egenandel_under_".count)) }
            ?? Rate(ppm: 2 * Rate.ppmPerUnit)
        var bands: [PaidHourBand] = []
        for rule in dataset.yearRules(municipality, "praktisk_bistand", year) where rule.rule == "maks_betalte_timer" {
            guard let hours = rule.value.quantity?.number, let (from, to) = PaidHourBand.bounds(rule.parameter) else { continue }
            bands.append(PaidHourBand(fromG: from, toG: to, hours: RuleValue(value: hours, rule: rule)))
        }
        paidHourCaps = bands.sorted { $0.fromG < $1.fromG }
    }

    /// The band an income (as a multiple of G) falls in: `fromG ≤ income < toG`.
    public func band(forIncomeG income: Rate) -> PaidHourBand? {
        paidHourCaps.first { income >= $0.fromG && ($0.toG.map { income < $0 } ?? true) }
    }
}

/// A cap on paid hours a month for incomes in `fromG ..< toG` (an open top for the last band).
public struct PaidHourBand: Sendable, Hashable, Codable {
    /// The lower bound in G (inclusive).
    public var fromG: Rate
    /// `nil` for the top band (`income_over_6G`).
    public var toG: Rate?
    /// Paid hours a month at most.
    public var hours: RuleValue<DecimalNumber>

    /// Reads `income_2_3G` → (2, 3) and `income_over_6G` → (6, nil).
    static func bounds(_ parameter: String) -> (Rate, Rate?)? {
        guard parameter.hasPrefix("income_"), parameter.hasSuffix("G") else { return nil }
        let parts = parameter.dropFirst(7).dropLast().split(separator: "_")
        if parts.count == 2, parts[0] == "over", let from = gBound(parts[1]) { return (from, nil) }
        if parts.count == 2, let from = gBound(parts[0]), let to = gBound(parts[1]) { return (from, to) }
        return nil
    }

    /// A whole number of G in a rule name (`2G` or `2`) as a ratio.
    static func gBound(_ text: Substring) -> Rate? {
        let digits = text.hasSuffix("G") ? text.dropLast() : text
        return Int64(digits).map { Rate(ppm: $0 * Rate.ppmPerUnit) }
    }
}
