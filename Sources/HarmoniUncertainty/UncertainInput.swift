import HarmoniModel

/// Where an estimated value sits in a ``Dataset``: the collection and the row's index.
public enum InputRef: Sendable, Hashable {
    case fee(Int)
    case rule(Int)
    case parameter(Int)
    case volume(Int)
    case coverage(Int)
    case budget(Int)
    case subsidy(Int)

    /// The dataset block kind (`fee`, `volume`, …), as range rules name it.
    public var blockKind: String {
        switch self {
        case .fee: return "fee"
        case .rule: return "rule"
        case .parameter: return "parameter"
        case .volume: return "volume"
        case .coverage: return "coverage"
        case .budget: return "budget"
        case .subsidy: return "subsidy"
        }
    }
}

/// One estimated figure with its range: the value the dataset holds (central) and the plausible
/// low and high ends its ``RangeRule`` gives. All three are exact decimals in the value's own unit
/// (kroner for money); `low ≤ central ≤ high`, and `low < high`.
public struct UncertainInput: Sendable, Hashable {
    public var ref: InputRef
    /// The block id (`hurum.sfo.plass_5d`), with the validity when the same id has several rows.
    public var id: String
    /// The unit the value is written in (`kr/mnd`, `%`, …), if any.
    public var unit: Unit?
    /// True for amounts of money (fee and budget amounts, money quantities).
    public var isMoney: Bool
    public var central: DecimalNumber
    public var low: DecimalNumber
    public var high: DecimalNumber
    /// The rule that gave the range.
    public var rule: RangeRule
    /// The municipality the value belongs to.
    public var municipality: MunicipalityID
    /// The service (or scheme, or area) the value belongs to.
    public var service: String

    /// The value as text in Norwegian form with its unit: `2 568 kr/mnd`, `3,1 %`.
    public func text(_ value: DecimalNumber) -> String {
        let number = NorwegianFormat.decimal(value.normalized, grouping: true)
        guard let unit else { return number }
        return number + " " + unit.symbol
    }
}

/// Every estimated value of a dataset that a range rule covers, in dataset order (fees, rules,
/// parameters in model use, volumes, coverage rates, budgets, subsidies).
public enum UncertainInputs {
    /// The inputs with a non-empty range.
    public static func make(_ dataset: Dataset) -> [UncertainInput] {
        var inputs: [UncertainInput] = []
        func add(
            _ ref: InputRef, _ id: String, _ validity: Validity, _ provenance: Provenance, _ value: DecimalNumber,
            unit: Unit?, money: Bool, municipality: MunicipalityID, service: String,
            counterparts: () -> [DecimalNumber] = { [] }
        ) {
            guard let rule = dataset.rangeRule(for: provenance, blockKind: ref.blockKind) else { return }
            let others = rule.method == .spread ? counterparts() : []
            guard let bounds = EstimateBounds.bounds(value, rule: rule, provenance: provenance, money: money, others: others)
            else { return }
            inputs.append(
                UncertainInput(
                    ref: ref, id: id, unit: unit, isMoney: money, central: value, low: bounds.low, high: bounds.high,
                    rule: rule, municipality: municipality, service: service))
        }
        let merging = dataset.mergingMunicipalities
        for (i, fee) in dataset.fees.enumerated() {
            let value = DecimalNumber(money: fee.amount)
            add(
                .fee(i), "\(fee.municipality).\(fee.key)", fee.provenance.validity, fee.provenance, value,
                unit: fee.period.unit, money: true, municipality: fee.municipality, service: fee.key.service.rawValue
            ) {
                merging.filter { $0 != fee.municipality }.flatMap { other in
                    dataset.fees(other, fee.key).filter {
                        $0.period == fee.period && $0.vat == fee.vat && $0.provenance.status != .estimated
                            && $0.provenance.validity.overlaps(fee.provenance.validity)
                    }.map { DecimalNumber(money: $0.amount) }
                }
            }
        }
        for (i, rule) in dataset.rules.enumerated() {
            guard case .quantity(let q) = rule.value else { continue }
            add(
                .rule(i), "\(rule.municipality).\(rule.service).\(rule.rule).\(rule.parameter)", rule.provenance.validity,
                rule.provenance, q.number, unit: q.unit, money: q.unit?.isMoney ?? false,
                municipality: rule.municipality, service: rule.service.rawValue
            ) {
                merging.filter { $0 != rule.municipality }.flatMap { other in
                    dataset.rules(other, rule.service, rule: rule.rule).filter {
                        $0.parameter == rule.parameter && $0.provenance.status != .estimated
                    }.compactMap { other -> DecimalNumber? in
                        guard case .quantity(let oq) = other.value, oq.unit == q.unit else { return nil }
                        return oq.number
                    }
                }
            }
        }
        for (i, parameter) in dataset.parameters.enumerated() where parameter.useInModel {
            guard case .quantity(let q) = parameter.value else { continue }
            add(
                .parameter(i), "nasjonal.\(parameter.parameter).\(parameter.line)", parameter.provenance.validity,
                parameter.provenance, q.number, unit: q.unit, money: q.unit?.isMoney ?? false,
                municipality: "nasjonal", service: parameter.parameter)
        }
        for (i, volume) in dataset.volumes.enumerated() {
            add(
                .volume(i), "volum \(volume.municipality).\(volume.key)", volume.provenance.validity, volume.provenance,
                volume.value, unit: nil, money: false, municipality: volume.municipality,
                service: volume.key.service.rawValue)
        }
        for (i, coverage) in dataset.coverages.enumerated() {
            add(
                .coverage(i), "dekningsgrad \(coverage.municipality).\(coverage.service).\(coverage.indicator)",
                coverage.provenance.validity, coverage.provenance, coverage.value.number, unit: coverage.value.unit,
                money: false, municipality: coverage.municipality, service: coverage.service.rawValue)
        }
        for (i, budget) in dataset.budgets.enumerated() {
            add(
                .budget(i), "budsjett \(budget.municipality).\(budget.area).\(budget.line)", budget.provenance.validity,
                budget.provenance, DecimalNumber(money: budget.amount), unit: .kroner, money: true,
                municipality: budget.municipality, service: budget.area.rawValue)
        }
        for (i, subsidy) in dataset.subsidies.enumerated() {
            add(
                .subsidy(i), "tilskudd \(subsidy.municipality).\(subsidy.scheme).\(subsidy.line)",
                subsidy.provenance.validity, subsidy.provenance, subsidy.value.number, unit: subsidy.value.unit,
                money: subsidy.value.unit?.isMoney ?? false, municipality: subsidy.municipality, service: subsidy.scheme)
        }
        return disambiguated(inputs, dataset)
    }

    /// Ids that occur more than once get their validity (`… (fra 2019-08-01)`, `… (2021)`).
    private static func disambiguated(_ inputs: [UncertainInput], _ dataset: Dataset) -> [UncertainInput] {
        var counts: [String: Int] = [:]
        for input in inputs { counts[input.id, default: 0] += 1 }
        return inputs.map { input in
            guard counts[input.id, default: 0] > 1, let validity = validity(input.ref, dataset) else { return input }
            var copy = input
            if let from = validity.from, let to = validity.to, from == .startOf(year: from.year), to == .endOf(year: from.year) {
                copy.id += " (\(from.year))"
            } else if let from = validity.from {
                copy.id += " (fra \(from))"
            }
            return copy
        }
    }

    static func validity(_ ref: InputRef, _ dataset: Dataset) -> Validity? {
        switch ref {
        case .fee(let i): return dataset.fees[i].provenance.validity
        case .rule(let i): return dataset.rules[i].provenance.validity
        case .parameter(let i): return dataset.parameters[i].provenance.validity
        case .volume(let i): return dataset.volumes[i].provenance.validity
        case .coverage(let i): return dataset.coverages[i].provenance.validity
        case .budget(let i): return dataset.budgets[i].provenance.validity
        case .subsidy(let i): return dataset.subsidies[i].provenance.validity
        }
    }
}

extension DecimalNumber {
    /// An amount of money in kroner, exact to the øre (trailing zeros dropped).
    public init(money: Money) { self = DecimalNumber(significand: money.ore, scale: 2).normalized }
}
