import HarmoniModel

extension Dataset {
    /// The structural differences between Asker, Røyken and Hurum within `scope` in `year`.
    ///
    /// Order: service by service (``services(in:)``, then services that only hold rules for the
    /// scope's services, such as `vann_avlop` for `vann`), and within a service: missing fees, lacking
    /// lines, billed months, tariff shape, rules (in dataset order of first appearance), validity.
    /// Rules are read as valid on 31 December of the year (or the last row of the year); a
    /// threshold in kroner (`…_kr`) derived from one in G (`…_G`) is not compared twice.
    public func structuralFindings(in scope: ComparisonScope, year: Int) -> [StructuralFinding] {
        var findings: [StructuralFinding] = []
        for service in findingServices(scope) {
            var keys = lines(of: service)
            if case .line(let key) = scope, key.service == service { keys = [key] }
            findings += missingFindings(service)
            findings += lackingFindings(service, keys, year)
            findings += billedMonthFindings(service, keys, year)
            findings += tariffFindings(service, year)
            findings += ruleFindings(service, year)
            findings += validityFindings(service, keys, year)
        }
        return findings
    }

    /// The scope's services plus rule-only services whose id joins one of them (`vann_avlop`).
    func findingServices(_ scope: ComparisonScope) -> [ServiceID] {
        var result = services(in: scope)
        for candidate in services.map(\.id) where !result.contains(candidate) && lines(of: candidate).isEmpty {
            let parts = candidate.rawValue.split(separator: "_").map(String.init)
            if parts.count > 1, result.contains(where: { parts.contains($0.rawValue) }) { result.append(candidate) }
        }
        return result
    }

    /// The rows of a line valid in the year, per municipality.
    func rows(_ municipality: MunicipalityID, _ key: FeeKey, _ year: Int) -> [Fee] {
        fees(municipality, key).filter { $0.provenance.validity.touches(year: year) }
    }

    /// A municipality's rules for a service in the year: one row per (rule, parameter), the one
    /// valid on 31 December or else the year's last, in dataset order.
    func yearRules(_ municipality: MunicipalityID, _ service: ServiceID, _ year: Int) -> [Rule] {
        var result: [Rule] = []
        for rule in rules(municipality, service) where rule.provenance.validity.touches(year: year) {
            if let index = result.firstIndex(where: { $0.rule == rule.rule && $0.parameter == rule.parameter }) {
                if !result[index].provenance.validity.contains(.endOf(year: year)) { result[index] = rule }
            } else {
                result.append(rule)
            }
        }
        return result
    }

    private func missingFindings(_ service: ServiceID) -> [StructuralFinding] {
        let gaps = mergingMunicipalities.compactMap { missing($0, service) }
        guard let first = gaps.first else { return [] }
        return [.missing(service: service, municipalities: gaps.map(\.municipality), note: first.note)]
    }

    private func lackingFindings(_ service: ServiceID, _ keys: [FeeKey], _ year: Int) -> [StructuralFinding] {
        var groups: [(present: [MunicipalityID], lines: [LineID], status: Status)] = []
        for key in keys {
            let present = mergingMunicipalities.filter { !rows($0, key, year).isEmpty }
            let lacking = mergingMunicipalities.filter { !present.contains($0) && missing($0, service) == nil }
            guard !lacking.isEmpty, !present.isEmpty else { continue }
            let status = present.flatMap { rows($0, key, year) }.map(\.provenance.status).max() ?? .published
            if let index = groups.firstIndex(where: { $0.present == present }) {
                groups[index].lines.append(key.line)
                groups[index].status = max(groups[index].status, status)
            } else {
                groups.append((present, [key.line], status))
            }
        }
        return groups.map { group in
            .categoryLacking(
                service: service, lines: group.lines, presentIn: group.present,
                lackingIn: mergingMunicipalities.filter { m in !group.present.contains(m) && missing(m, service) == nil },
                status: group.status)
        }
    }

    private func billedMonthFindings(_ service: ServiceID, _ keys: [FeeKey], _ year: Int) -> [StructuralFinding] {
        var pairs: [(MunicipalityID, [Int]?)] = []
        var status = Status.published
        for municipality in mergingMunicipalities {
            let monthly = keys.flatMap { rows(municipality, $0, year) }.filter { $0.period == .month }
            var months = Array(Set(monthly.map { $0.billedMonths ?? 12 })).sorted()
            status = max(status, monthly.map(\.provenance.status).max() ?? .published)
            if months.isEmpty, let rule = yearRules(municipality, service, year).first(where: { $0.rule == "betalte_maaneder" }),
                let count = rule.value.quantity?.number.wholeValue
            {
                months = [Int(count)]
                status = max(status, rule.provenance.status)
            }
            pairs.append((municipality, months.isEmpty ? nil : months))
        }
        let groups = MunicipalityGroup.grouping(pairs).filter { $0.value != nil }
        guard groups.count > 1 else { return [] }
        return [.billedMonths(service: service, groups: groups, status: status)]
    }

    private func tariffFindings(_ service: ServiceID, _ year: Int) -> [StructuralFinding] {
        let keys = lines(of: service)
        var pairs: [(MunicipalityID, TariffShape?)] = []
        var status = Status.published
        for municipality in mergingMunicipalities {
            let used = keys.flatMap { rows(municipality, $0, year) }
            let model = yearRules(municipality, service, year).filter { $0.rule == "tariffmodell" }
            status = max(status, (used.map(\.provenance.status) + model.map(\.provenance.status)).max() ?? .published)
            guard !used.isEmpty || !model.isEmpty else {
                pairs.append((municipality, nil))
                continue
            }
            var perQuantity: [PricePeriod] = []
            for fee in used where [.cubicMetre, .litreOfBinPerYear, .squareMetre].contains(fee.period) {
                if !perQuantity.contains(fee.period) { perQuantity.append(fee.period) }
            }
            let shape = TariffShape(
                fixedPart: used.contains { [.month, .semester, .year].contains($0.period) }, perQuantity: perQuantity,
                model: model.map { RuleParameter(parameter: $0.parameter, value: $0.value) })
            pairs.append((municipality, shape))
        }
        let groups = MunicipalityGroup.grouping(pairs).filter { $0.value != nil }
        guard groups.count > 1 else { return [] }
        return [.tariffShape(service: service, groups: groups, status: status)]
    }

    private func ruleFindings(_ service: ServiceID, _ year: Int) -> [StructuralFinding] {
        let byMunicipality = mergingMunicipalities.map { ($0, yearRules($0, service, year)) }
        var names: [String] = []
        for (_, rules) in byMunicipality {
            for rule in rules where !["betalte_maaneder", "tariffmodell"].contains(rule.rule) && !names.contains(rule.rule) {
                names.append(rule.rule)
            }
        }
        var findings: [StructuralFinding] = []
        for name in names {
            var pairs: [(MunicipalityID, [RuleParameter]?)] = []
            var status = Status.published
            for (municipality, rules) in byMunicipality {
                let own = rules.filter { $0.rule == name }
                let compared = own.filter { rule in
                    !(rule.parameter.hasSuffix("_kr")
                        && own.contains { $0.parameter == String(rule.parameter.dropLast(3)) + "_G" })
                }
                status = max(status, compared.map(\.provenance.status).max() ?? .published)
                pairs.append((municipality, compared.isEmpty ? nil : compared.map { RuleParameter(parameter: $0.parameter, value: $0.value) }))
            }
            let groups = MunicipalityGroup.grouping(pairs)
            guard groups.count > 1 else { continue }
            findings.append(.rule(service: service, rule: name, kind: RuleKind(rule: name), groups: groups, status: status))
        }
        return findings
    }

    private func validityFindings(_ service: ServiceID, _ keys: [FeeKey], _ year: Int) -> [StructuralFinding] {
        var merged: [(lines: [LineID], groups: [MunicipalityGroup<[Validity]>], status: Status)] = []
        for key in keys {
            var pairs: [(MunicipalityID, [Validity]?)] = []
            var status = Status.published
            for municipality in mergingMunicipalities {
                let used = rows(municipality, key, year)
                status = max(status, used.map(\.provenance.status).max() ?? .published)
                let periods = used.map(\.provenance.validity).sorted {
                    ($0.from ?? .startOf(year: 1), $0.to ?? .endOf(year: 9999)) < ($1.from ?? .startOf(year: 1), $1.to ?? .endOf(year: 9999))
                }
                pairs.append((municipality, periods.isEmpty ? nil : periods))
            }
            let groups = MunicipalityGroup.grouping(pairs).filter { $0.value != nil }
            guard groups.count > 1 else { continue }
            if let index = merged.firstIndex(where: { $0.groups == groups }) {
                merged[index].lines.append(key.line)
                merged[index].status = max(merged[index].status, status)
            } else {
                merged.append(([key.line], groups, status))
            }
        }
        return merged.map { .validity(service: service, lines: $0.lines, groups: $0.groups, status: $0.status) }
    }
}
