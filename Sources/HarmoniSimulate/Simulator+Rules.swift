import HarmoniModel

extension Run {
    /// Rule adoptions: each municipality other than the source takes the source's parameters of
    /// the rule (and loses parameters the source lacks). Only changes are recorded; their revenue
    /// effect is not computed because the dataset has no income distribution of the users.
    mutating func applyRules(_ model: SimulationModel) {
        for (index, decision) in decisions.enumerated() {
            guard case .rules(let rule) = decision.action else { continue }
            let source = Run.parameters(model.dataset.rules(rule.source, rule.service, rule: rule.rule))
            for municipality in model.catalog.municipalities where municipality != rule.source {
                let own = Run.parameters(model.dataset.rules(municipality, rule.service, rule: rule.rule))
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
        for line in lines where line.selvkost && !services.contains(line.group) { services.append(line.group) }
        var warnings: [SelvkostWarning] = []
        for service in services {
            for year in model.years {
                var revenue = Money.zero
                var base = Money.zero
                for item in model.catalog.items where item.key.group == service && item.key.kind == .fee {
                    guard let baseVolume = model.baselineVolume(item, year), let volume = model.volume(item, year)
                    else {
                        continue
                    }
                    let own = model.ownAnnual(item, year)
                    let annual = state[StateKey(key: item.key, municipality: item.municipality, year: year)] ?? own
                    base += model.amount(model.unitExcludingVAT(own, item), baseVolume)
                    revenue += model.amount(model.unitExcludingVAT(annual, item), volume)
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
