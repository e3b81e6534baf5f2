import HarmoniSimulate

/// The decision statements: `harmonise`, `set`, `solve`, `coverage`.
extension SimulateStatements {
    /// `harmonise <target> to <rule> | by <rate> [each] [annual] [from …|over …|path …] [round …]`.
    static func harmonise(_ command: Command, _ state: inout SessionState, _ context: StatementContext)
        throws(Diagnostic) -> [Output]
    {
        var words = SimulateWords(command, context)
        let path = try words.path()
        let (target, municipalities) = try resolve(path, state, context)
        if case .rule(let service, let rule) = target {
            guard words.keyword("to") != nil, let name = words.peekName,
                state.dataset.mergingMunicipalities.contains(MunicipalityID(name))
            else {
                throw error(.ruleNeedsMunicipality(target.text, example: state.dataset.mergingMunicipalities.first?.rawValue ?? "asker"), words.here, context)
            }
            _ = try words.value(("en kommune", "a municipality"))
            var from: Int?
            if words.keyword("from") != nil { from = try words.year(state) }
            try words.expectEnd()
            let decision = Decision(
                .rules(RuleDecision(service: service, rule: rule, source: MunicipalityID(name), fromYear: from)))
            return try record(decision, state: &state, context: context, range: path.range)
        }
        let rule: LevelRule
        var basis = LevelBasis.price
        if words.keyword("by") != nil {
            rule = .change(try words.rate(state))
        } else if words.keyword("to") != nil {
            if let name = words.peekName, let named = namedRule(name, state) {
                _ = try words.value(("en regel", "a rule"))
                rule = named
            } else {
                if let name = words.peekName, state.binding(name) == nil {
                    throw DecisionSuggestions.unknownLevel(name, state.dataset, words.here, context)
                }
                let (amount, period, _) = try words.price(state, allowNegative: hasRebate(target, state))
                rule = .amount(amount, period: period)
                if period == .year, annualTarget(target, state) { basis = .annual }
            }
        } else {
            throw context.error(.expected("«to» eller «by»", "«to» or «by»", found: words.found), words.here)
        }
        let options = try words.options(state)
        let decision = LevelDecision(
            verb: .harmonise, target: target, municipalities: municipalities, rule: rule, phasing: options.phasing,
            roundingStep: options.roundingStep, mode: options.mode, basis: options.basis == .annual ? .annual : basis)
        return try record(Decision(.level(decision)), state: &state, context: context, range: path.range)
    }

    /// `set <line|group> = <amount> [annual] [from …|over …|path …] [round …]`.
    static func set(_ command: Command, _ state: inout SessionState, _ context: StatementContext) throws(Diagnostic)
        -> [Output]
    {
        var words = SimulateWords(command, context)
        let path = try words.path()
        let (target, municipalities) = try resolve(path, state, context)
        if case .rule = target { throw error(.ruleNeedsMunicipality(target.text, example: state.dataset.mergingMunicipalities.first?.rawValue ?? "asker"), path.range, context) }
        try words.expectEquals()
        let (amount, period, _) = try words.price(state, allowNegative: hasRebate(target, state))
        let options = try words.options(state, allowEach: false)
        let annual = options.basis == .annual || (period == .year && annualTarget(target, state))
        let decision = LevelDecision(
            verb: .set, target: target, municipalities: municipalities, rule: .amount(amount, period: period),
            phasing: options.phasing, roundingStep: options.roundingStep, basis: annual ? .annual : .price)
        return try record(Decision(.level(decision)), state: &state, context: context, range: path.range)
    }

    /// `solve <target> neutral | = <amount> [in <year>] [annual] [from …|over …|path …] [round …]`.
    static func solve(_ command: Command, _ state: inout SessionState, _ context: StatementContext) throws(Diagnostic)
        -> [Output]
    {
        var words = SimulateWords(command, context)
        let path = try words.path()
        let (target, municipalities) = try resolve(path, state, context)
        if case .rule = target { throw error(.ruleNeedsMunicipality(target.text, example: state.dataset.mergingMunicipalities.first?.rawValue ?? "asker"), path.range, context) }
        var goal: Money?
        if words.keyword("neutral") == nil {
            guard words.nextIsEquals else {
                throw context.error(
                    .expected("«neutral» eller «=»", "«neutral» or «=»", found: words.found), words.here)
            }
            try words.expectEquals()
            let (amount, period, range) = try words.amount(state)
            guard period == nil || period == .year else {
                throw context.error(
                    "målet er en årsinntekt i kr, f.eks. = 40 000 000 kr",
                    "the goal is an annual revenue in kr, e.g. = 40 000 000 kr", range, code: "type")
            }
            goal = amount
        }
        var year: Int?
        if words.keyword("in") != nil { year = try words.year(state) }
        let options = try words.options(state, allowEach: false)
        let decision = LevelDecision(
            verb: .solve, target: target, municipalities: municipalities, rule: .neutral(goal: goal, year: year),
            phasing: options.phasing, roundingStep: options.roundingStep, basis: options.basis)
        let results: [GoalSeekResult]
        do throws(SimulationError) {
            results = try Simulator.solve(decision, baseline: state.baseline, scenario: state.scenario)
        } catch {
            throw self.error(error, path.range, context)
        }
        var outputs = try record(Decision(.level(decision)), state: &state, context: context, range: path.range)
        outputs.append(.table(SolveTable.table(results, dataset: state.dataset, language: tag(state))))
        return outputs
    }

    /// `coverage <service>.<indicator> in <municipality> = <value> [from <year>]`.
    static func coverage(_ command: Command, _ state: inout SessionState, _ context: StatementContext)
        throws(Diagnostic) -> [Output]
    {
        var words = SimulateWords(command, context)
        let path = try words.path()
        guard path.parts.count == 2, !path.wildcard else {
            throw context.error(
                "forventet tjeneste.indikator, f.eks. barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5",
                "expected service.indicator, e.g. barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5", path.range,
                code: "unknown-target")
        }
        guard words.keyword("in") != nil else {
            throw context.error(.expected("«in»", "«in»", found: words.found), words.here)
        }
        let municipalityRange = words.here
        guard let name = words.peekName, state.dataset.mergingMunicipalities.contains(MunicipalityID(name)) else {
            throw DecisionSuggestions.unknownMunicipality(words.peekName, municipalityRange, state.dataset, context)
        }
        _ = try words.value(("en kommune", "a municipality"))
        try words.expectEquals()
        let e = try words.value(("en dekningsgrad (f.eks. 90 %)", "a coverage rate (e.g. 90 %)"))
        let quantity: Quantity
        switch try Evaluator(state, context).evaluate(e) {
        case .rate(let rate): quantity = Quantity(rate.percent, .percent)
        case .number(let number): quantity = Quantity(number)
        default:
            throw context.error(
                "forventet en dekningsgrad, f.eks. 90 %", "expected a coverage rate, e.g. 90 %", e.range, code: "type")
        }
        var from: Int?
        if words.keyword("from") != nil { from = try words.year(state) }
        try words.expectEnd()
        let decision = CoverageDecision(
            service: ServiceID(path.parts[0].name), indicator: path.parts[1].name, municipality: MunicipalityID(name),
            value: quantity, fromYear: from)
        return try record(Decision(.coverage(decision)), state: &state, context: context, range: path.range)
    }

    /// Checks a decision against the scenario, appends it and confirms it.
    static func record(_ decision: Decision, state: inout SessionState, context: StatementContext, range: SourceRange)
        throws(Diagnostic) -> [Output]
    {
        let notes: [LocalizedText]
        do throws(SimulationError) {
            notes = try Simulator.validate(decision, baseline: state.baseline, scenario: state.scenario)
        } catch {
            throw self.error(error, range, context)
        }
        state.scenario.decisions.append(decision)
        state.scenario.hasUnsavedChanges = true
        let en = state.language == .en
        let index = state.scenario.decisions.count - 1
        var text = (en ? "Decision " : "Vedtak ") + decision.label(
            index: index, dataset: state.dataset, firstYear: state.scenario.period.lowerBound, nb: !en)
        for note in notes { text += "\n  " + note.text(english: en) }
        return [.text(text)]
    }

    static func error(_ error: SimulationError, _ range: SourceRange, _ context: StatementContext) -> Diagnostic {
        context.error(error.nb, error.en, range, code: error.code)
    }

    static func tag(_ state: SessionState) -> DisplayLanguageTag { state.language == .en ? .en : .nb }

    private static func namedRule(_ name: String, _ state: SessionState) -> LevelRule? {
        switch name {
        case "lowest": return .lowest
        case "highest": return .highest
        case "mean": return .mean
        case "weighted": return .weighted
        default:
            let id = MunicipalityID(name)
            return state.dataset.mergingMunicipalities.contains(id) ? .municipality(id) : nil
        }
    }

    /// True when an amount per year for the target means an annual basis (its main line is priced
    /// per month or semester).
    /// True if a line of the target is below zero in the baseline (a deduction such as
    /// `renovasjon.komposteringsfratrekk`): only then may its new price be negative.
    private static func hasRebate(_ target: DecisionTarget, _ state: SessionState) -> Bool {
        let catalog = Catalog(dataset: state.dataset, baselineYear: state.baselineYear)
        let keys: [ItemKey]
        switch target {
        case .line(let group, let line): keys = catalog.keys(inGroup: group).filter { $0.line == line }
        case .group(let group): keys = catalog.keys(inGroup: group)
        default: return true
        }
        return keys.contains { key in state.dataset.mergingMunicipalities.contains { catalog.item(key, $0).map { $0.level.ore < 0 } ?? false } }
    }

    private static func annualTarget(_ target: DecisionTarget, _ state: SessionState) -> Bool {
        let catalog = Catalog(dataset: state.dataset, baselineYear: state.baselineYear)
        let key: ItemKey?
        switch target {
        case .line(let group, let line): key = catalog.keys(inGroup: group).first { $0.line == line }
        case .group(let group): key = catalog.mainLine(ofGroup: group) ?? catalog.keys(inGroup: group).first
        default: key = nil
        }
        guard let key, let item = state.dataset.mergingMunicipalities.lazy.compactMap({ catalog.item(key, $0) }).first else {
            return false
        }
        return item.period == .month || item.period == .semester
    }
}
