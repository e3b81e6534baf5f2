import HarmoniModel

/// Builds the dataset of one steady year (see ``ScenarioPrices``) from the baseline, the levels a
/// scenario reached and the rule decisions in force.
struct YearPriceBuilder {
    let year: Int
    let model: SimulationModel
    /// The fee row in force at the end of the baseline year per item (fees only), in catalog order.
    private let rows: [(item: BaselineItem, row: Fee)]
    private let rowIndex: [ItemRef: Int]
    /// Rules in force at the end of the baseline year, moved to `year` and lifted.
    private let rules: [Rule]
    /// Parameters with G moved to `year` and lifted.
    private let parameters: [Parameter]
    /// Households with incomes in kroner lifted.
    private let households: [Household]

    init(model: SimulationModel, year: Int) throws(SimulationError) {
        self.year = year
        self.model = model
        let dataset = model.dataset
        let end = CalendarDate.endOf(year: model.baselineYear)
        var byLine: [ItemRef: [Fee]] = [:]
        for fee in dataset.fees {
            let ref = ItemRef(
                key: ItemKey(.fee, fee.key.service.rawValue, fee.key.line.rawValue), municipality: fee.municipality)
            byLine[ref, default: []].append(fee)
        }
        var rows: [(item: BaselineItem, row: Fee)] = []
        var rowIndex: [ItemRef: Int] = [:]
        for item in model.catalog.items where item.key.kind == .fee {
            let ref = ItemRef(key: item.key, municipality: item.municipality)
            let candidates = byLine[ref] ?? []
            guard let row = candidates.first(where: { $0.provenance.validity.contains(end) }) ?? candidates.last else {
                continue
            }
            rowIndex[ref] = rows.count
            rows.append((item, row))
        }
        self.rows = rows
        self.rowIndex = rowIndex
        let lift = Lift(index: model.index, year: year)
        var rules: [Rule] = []
        for rule in YearPriceBuilder.yearRules(dataset, baselineYear: model.baselineYear) { rules.append(try lift.rule(rule)) }
        self.rules = rules
        var parameters: [Parameter] = []
        var movedG = false
        for parameter in dataset.parameters {
            guard parameter.parameter == "grunnbelop", parameter.line == "G" else {
                parameters.append(parameter)
                continue
            }
            guard !movedG, parameter.useInModel, parameter.provenance.validity.contains(end) else { continue }
            parameters.append(try lift.parameter(parameter))
            movedG = true
        }
        self.parameters = parameters
        var households: [Household] = []
        for household in dataset.households { households.append(try lift.household(household)) }
        self.households = households
    }

    /// The price row of an item, if the catalog has one.
    func provenance(_ ref: ItemRef) -> Provenance? { rowIndex[ref].map { rows[$0].row.provenance } }

    /// The price rows a decision's rule reads for one unit (its target level), for an item it changes.
    func inputs(of decision: LevelDecision, unit: HarmonisationUnit, item: ItemRef) -> [Provenance] {
        let municipalities = model.dataset.mergingMunicipalities
        let catalog = model.catalog
        let mainKey = unit.main(catalog)
        func main(_ municipality: MunicipalityID) -> Provenance? {
            provenance(ItemRef(key: mainKey, municipality: municipality))
        }
        switch decision.rule {
        case .lowest, .highest, .mean, .weighted: return municipalities.compactMap(main)
        case .municipality(let source): return [main(source)].compactMap { $0 }
        case .change: return [main(item.municipality)].compactMap { $0 }
        case .amount: return []
        case .neutral:
            // Goal-seek balances the revenue of every line of the unit in every municipality.
            let keys = unit.keys(catalog)
            return municipalities.flatMap { m in keys.compactMap { provenance(ItemRef(key: $0, municipality: m)) } }
        }
    }

    /// The dataset of the year: fee rows at the levels reached (own lifted levels elsewhere), rules
    /// with the rule decisions applied in order, G and incomes lifted.
    func dataset(_ trail: PriceTrail, rules decisions: [RuleDecision]) -> Dataset {
        var dataset = model.dataset
        let merging = Set(model.dataset.mergingMunicipalities)
        var fees = dataset.fees.filter { !merging.contains($0.municipality) }
        for (item, row) in rows {
            let ref = ItemRef(key: item.key, municipality: item.municipality)
            var fee = row
            fee.provenance.validity = .year(year)
            if let annual = trail.annual[ref], let trace = trail.trace[ref] {
                fee.amount = annual.multiplied(byFraction: 1, over: item.periodsPerYear, rounding: .ore) ?? annual
                fee.provenance = changedProvenance(row.provenance, trace)
            } else {
                fee.amount = model.ownLevel(item, year)
            }
            fees.append(fee)
        }
        dataset.fees = fees
        dataset.rules = applying(decisions)
        dataset.parameters = parameters
        dataset.households = households
        return dataset
    }

    /// The provenance of a price a decision changed: its status and low-confidence flag from the
    /// trace, the method naming the decisions.
    private func changedProvenance(_ own: Provenance, _ trace: PriceTrace) -> Provenance {
        let labels = trace.decisions.map { model.scenario.decisions[$0].label(index: $0) }.joined(separator: "; ")
        let method =
            trace.status == .estimated
            ? "estimated (scenario level from an estimate): " + labels
            : "derived: scenario level: " + labels
        return Provenance(
            validity: .year(year), status: trace.status, method: method, source: own.source,
            note: trace.lowConfidence ? "low confidence" : nil, printedUnit: own.printedUnit)
    }

    /// The year's rules with rule decisions applied: each municipality other than the source has
    /// its rows of the rule replaced by copies of the source's (none if the source has none).
    private func applying(_ decisions: [RuleDecision]) -> [Rule] {
        var result = rules
        for decision in decisions {
            let adopted = rules.filter {
                $0.municipality == decision.source && $0.service == decision.service && $0.rule == decision.rule
            }
            for municipality in model.dataset.mergingMunicipalities where municipality != decision.source {
                result.removeAll {
                    $0.municipality == municipality && $0.service == decision.service && $0.rule == decision.rule
                }
                result += adopted.map { rule in
                    var copy = rule
                    copy.municipality = municipality
                    return copy
                }
            }
        }
        return result
    }

    /// One row per (municipality, service, rule, parameter) among the rows touching the baseline
    /// year: the one valid on 31 December, else the year's last (as the rulebook reads them).
    static func yearRules(_ dataset: Dataset, baselineYear: Int) -> [Rule] {
        struct Key: Hashable {
            var municipality: MunicipalityID
            var service: ServiceID
            var rule: String
            var parameter: String
        }
        var result: [Rule] = []
        var index: [Key: Int] = [:]
        let end = CalendarDate.endOf(year: baselineYear)
        for rule in dataset.rules where rule.provenance.validity.touches(year: baselineYear) {
            let key = Key(
                municipality: rule.municipality, service: rule.service, rule: rule.rule, parameter: rule.parameter)
            if let at = index[key] {
                if !result[at].provenance.validity.contains(end) { result[at] = rule }
            } else {
                index[key] = result.count
                result.append(rule)
            }
        }
        return result
    }
}

/// Lifting baseline money to a year by the price index, rounded like prices (whole kroner, or øre
/// for amounts with øre), and moving rows to the whole year.
struct Lift {
    let index: PriceIndex
    let year: Int

    /// Throws «beløpet er for stort» when the lifted amount would not fit.
    func money(_ amount: Money) throws(SimulationError) -> Money {
        guard let lifted = index.lift(amount, to: year, rounding: .standard(for: amount)), lifted.isWithinLimit else {
            throw .amountTooLarge(NorwegianFormat.money(amount), "nasjonal", year)
        }
        return lifted
    }

    /// A quantity in kroner lifted (`kr/år`, `kr/mnd` …); any other quantity as it is.
    func quantity(_ quantity: Quantity) throws(SimulationError) -> Quantity {
        guard let unit = quantity.unit, unit.isMoney, unit != .thousandKroner, let amount = quantity.money else {
            return quantity
        }
        return Quantity(DecimalNumber(significand: try money(amount).ore, scale: 2).normalized, unit)
    }

    func value(_ value: Value) throws(SimulationError) -> Value {
        guard case .quantity(let q) = value else { return value }
        return .quantity(try quantity(q))
    }

    func rule(_ rule: Rule) throws(SimulationError) -> Rule {
        var moved = rule
        moved.value = try value(rule.value)
        moved.provenance.validity = .year(year)
        return moved
    }

    func parameter(_ parameter: Parameter) throws(SimulationError) -> Parameter {
        var moved = parameter
        moved.value = try value(parameter.value)
        moved.provenance.validity = .year(year)
        return moved
    }

    func household(_ household: Household) throws(SimulationError) -> Household {
        var lifted = household
        for index in lifted.attributes.indices {
            lifted.attributes[index].value = try value(household.attributes[index].value)
        }
        return lifted
    }
}
