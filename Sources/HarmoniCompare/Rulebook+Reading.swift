import HarmoniModel

/// A value read from one rule row, with the row (its municipality, status, method and source).
public struct RuleValue<Wrapped: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// The typed value: a rate, a multiple of G, an amount, hours.
    public var value: Wrapped
    /// The row it was read from: the municipality's own, or `nasjonal`.
    public var rule: Rule

    /// True when the row is a national rule rather than the municipality's own.
    public var isNational: Bool { rule.municipality == .national }
}

/// A rule whose value changes during the year (maksimalpris, income limit, minimum age), in date order.
public struct DatedRule<Wrapped: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// The rows touching the year, in date order.
    public var values: [RuleValue<Wrapped>]

    /// The value in force on `date`, if any.
    public func value(on date: CalendarDate) -> RuleValue<Wrapped>? {
        index(on: date).map { values[$0] }
    }

    /// The position in ``values`` of the row in force on `date`, if any (reading one field of it
    /// copies nothing else).
    public func index(on date: CalendarDate) -> Int? {
        values.firstIndex { $0.rule.provenance.validity.contains(date) }
    }
}

extension Dataset {
    /// The rows of a rule parameter of `municipality` touching `year`, in date order.
    func ruleRows(_ municipality: MunicipalityID, _ service: ServiceID, _ rule: String, _ parameter: String, year: Int)
        -> [Rule]
    {
        rules(municipality, service, rule: rule).filter { $0.parameter == parameter && $0.provenance.validity.touches(year: year) }
            .sorted { ($0.provenance.validity.from ?? .startOf(year: 1)) < ($1.provenance.validity.from ?? .startOf(year: 1)) }
    }

    /// The row valid on 31 December of `year`, or the last row touching the year.
    func ruleRow(_ municipality: MunicipalityID, _ service: ServiceID, _ rule: String, _ parameter: String, year: Int)
        -> Rule?
    {
        let rows = ruleRows(municipality, service, rule, parameter, year: year)
        return rows.last { $0.provenance.validity.contains(.endOf(year: year)) } ?? rows.last
    }

    /// A percentage rule (`30 %`) as a rate.
    func percentRule(_ municipality: MunicipalityID, _ service: ServiceID, _ rule: String, _ parameter: String, year: Int)
        -> RuleValue<Rate>?
    {
        ruleRow(municipality, service, rule, parameter, year: year).flatMap { row in
            guard let q = row.value.quantity, q.unit == .percent, let rate = q.number.asPercentRate else { return nil }
            return RuleValue(value: rate, rule: row)
        }
    }

    /// A multiple-of-G rule (`2,8 G`) as a ratio.
    func gRule(_ municipality: MunicipalityID, _ service: ServiceID, _ rule: String, _ parameter: String, year: Int)
        -> RuleValue<Rate>?
    {
        ruleRow(municipality, service, rule, parameter, year: year).flatMap { row in
            guard let q = row.value.quantity, q.unit == .grunnbelop, let rate = q.number.asRatio else { return nil }
            return RuleValue(value: rate, rule: row)
        }
    }

    /// A plain quantity rule (`20 timer/uke`, `10 mnd`, `3 år`) as its number.
    func numberRule(_ municipality: MunicipalityID, _ service: ServiceID, _ rule: String, _ parameter: String, year: Int)
        -> RuleValue<DecimalNumber>?
    {
        ruleRow(municipality, service, rule, parameter, year: year).flatMap { row in
            row.value.quantity.map { RuleValue(value: $0.number, rule: row) }
        }
    }

    /// A money rule by date (`2 990 kr/mnd` then `3 040 kr/mnd`).
    func datedMoneyRule(_ municipality: MunicipalityID, _ service: ServiceID, _ rule: String, _ parameter: String, year: Int)
        -> DatedRule<Money>
    {
        DatedRule(
            values: ruleRows(municipality, service, rule, parameter, year: year).compactMap { row in
                row.value.quantity?.money.map { RuleValue(value: $0, rule: row) }
            })
    }

    /// A number rule by date (`3 år` then `2 år`).
    func datedNumberRule(_ municipality: MunicipalityID, _ service: ServiceID, _ rule: String, _ parameter: String, year: Int)
        -> DatedRule<DecimalNumber>
    {
        DatedRule(
            values: ruleRows(municipality, service, rule, parameter, year: year).compactMap { row in
                row.value.quantity.map { RuleValue(value: $0.number, rule: row) }
            })
    }

    /// The more generous of the municipality's own discount and the national one (the larger rate).
    func generousDiscount(_ own: RuleValue<Rate>?, _ national: RuleValue<Rate>?) -> RuleValue<Rate>? {
        guard let own else { return national }
        guard let national else { return own }
        return national.value > own.value ? national : own
    }
}
