import HarmoniModel

extension Run {
    /// Rule adoptions: each municipality other than the source takes the source's parameters of
    /// the rule (and loses parameters the source lacks). Only changes are recorded; their revenue
    /// effect is not computed because the dataset has no income distribution of the users.
    mutating func applyRules(_ model: SimulationModel) {
        for (index, decision) in decisions.enumerated() {
            guard case .rules(let rule) = decision.action else { continue }
            let source = model.ruleTexts.parameters(rule.source, rule.service, rule.rule)
            for municipality in model.catalog.municipalities where municipality != rule.source {
                let own = model.ruleTexts.parameters(municipality, rule.service, rule.rule)
                guard own != source else { continue }
                ruleChanges.append(
                    RuleChange(
                        decision: index, municipality: municipality, service: rule.service, rule: rule.rule,
                        fromYear: rule.fromYear ?? model.firstYear, before: own, after: source))
            }
        }
    }

    /// `parameter = value` for the rows in force at the end of the baseline year (the last row of
    /// each parameter), in dataset order.
    static func parameters(_ rules: [Rule]) -> [String] {
        var seen: [String] = []
        var values: [String: String] = [:]
        for rule in rules {
            if values[rule.parameter] == nil { seen.append(rule.parameter) }
            values[rule.parameter] = rule.value.description
        }
        return seen.map { "\($0) = \(values[$0] ?? "")" }
    }

    /// Selvkost services whose revenue after the decisions exceeds the cost base in a year. The
    /// cost base is the three municipalities' baseline revenue from the service (own prices,
    /// baseline volumes), for want of selvkost accounts in the dataset.
    func selvkostWarnings(_ model: SimulationModel) -> [SelvkostWarning] {
        var services: [String] = []
        lines.forEachInPlace { _, line in
            if line.pointee.selvkost && !services.contains(line.pointee.group) { services.append(line.pointee.group) }
        }
        var warnings: [SelvkostWarning] = []
        for service in services {
            for year in model.years {
                var revenue = Money.zero
                var base = Money.zero
                let slots = model.catalog.slots
                for keyID in slots.groupKeyIDs[service] ?? [] where keyID >= 0 && slots.keys[keyID].kind == .fee {
                    for municipality in 0..<slots.municipalityCount {
                    guard let position = slots.position(keyID: keyID, municipality: municipality),
                        let baseVolume = model.baselineVolume(at: position, year),
                        let volume = model.volume(at: position, year)
                    else {
                        continue
                    }
                    let own = model.ownAnnual(at: position, year)
                    let annual = reached(position, year, model) ?? own
                    // Amounts beyond the limit have stopped their decision already (its problem is shown).
                    guard let b = model.amount(model.unitExcludingVAT(own, at: position), baseVolume),
                        let r = model.amount(model.unitExcludingVAT(annual, at: position), volume)
                    else { continue }
                    base += b
                    revenue += r
                    }
                }
                if revenue > base {
                    warnings.append(
                        SelvkostWarning(service: ServiceID(service), year: year, revenue: revenue, costBase: base))
                }
            }
        }
        return warnings
    }
}

/// ``Run/parameters(_:)`` of every municipality's rule of every service, computed once per
/// baseline (formatting the values is the costly part of a rule adoption).
struct RuleTexts: Sendable {
    private struct Key: Hashable {
        var municipality: MunicipalityID
        var service: ServiceID
        var rule: String
    }
    private let texts: [Key: [String]]

    init(_ dataset: Dataset) {
        var rows: [Key: [Rule]] = [:]
        for rule in dataset.rules {
            rows[Key(municipality: rule.municipality, service: rule.service, rule: rule.rule), default: []].append(rule)
        }
        texts = rows.mapValues(Run.parameters)
    }

    /// `parameter = value` of a municipality's rule of a service (as ``Dataset/rules(_:_:rule:)``
    /// and ``Run/parameters(_:)`` give them); empty when it has none.
    func parameters(_ municipality: MunicipalityID, _ service: ServiceID, _ rule: String) -> [String] {
        texts[Key(municipality: municipality, service: service, rule: rule)] ?? []
    }
}
