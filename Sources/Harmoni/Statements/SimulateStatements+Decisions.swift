import HarmoniSimulate

/// The decision statements: `harmonise`, `set`, `solve`, `coverage`.
extension SimulateStatements {
    /// The typed syntax of a statement of the command grammar (HarmoniLanguage's
    /// `CommandGrammar`); a problem of shape is an error at its word.
    static func syntax(_ command: Command, _ context: StatementContext) throws(Diagnostic) -> CommandSyntax {
        do throws(CommandSyntaxError) {
            if let syntax = try CommandGrammar.parse(command, file: context.file) { return syntax }
        } catch {
            throw context.error(error.message, error.range)
        }
        throw context.error(
            "ukjent setning «\(command.keyword.name)»", "unknown statement «\(command.keyword.name)»", command.keyword.range)
    }

    /// A bare name as a value (`lowest`, `asker`), canonical, with its range.
    private static func bareName(_ e: Expression) -> String? {
        guard case .path(let p) = e.kind, p.parts.count == 1, !p.wildcard else { return nil }
        return Vocabulary.canonical(p.parts[0].name)
    }

    /// `harmonise <target> to <rule> | by <rate> [each] [annual] [from …|over …|path …] [round …]`.
    static func harmonise(_ command: Command, _ state: inout SessionState, _ context: StatementContext)
        throws(Diagnostic) -> [Output]
    {
        guard case .harmonise(let syntax) = try self.syntax(command, context) else { return [] }
        let values = SyntaxValues(state, context)
        let path = syntax.target
        let (target, municipalities) = try resolve(path, state, context)
        if case .rule(let service, let rule) = target {
            let example = state.dataset.mergingMunicipalities.first?.rawValue ?? "asker"
            guard case .to(_, let value) = syntax.goal, let name = bareName(value),
                state.dataset.mergingMunicipalities.contains(MunicipalityID(name))
            else {
                let at: SourceRange
                switch syntax.goal {
                case .to(_, let value): at = value.range
                case .by(let keyword, _): at = keyword.range
                }
                throw error(.ruleNeedsMunicipality(target.text, example: example), at, context)
            }
            var from: Int?
            for option in syntax.options {
                guard case .from(_, let year) = option else {
                    throw context.error(.expected("«from» eller slutten av setningen", "«from» or the end of the statement", found: "«\(context.file.slice(option.range))»"), option.range)
                }
                from = try values.year(year)
            }
            let decision = Decision(
                .rules(RuleDecision(service: service, rule: rule, source: MunicipalityID(name), fromYear: from)))
            return try record(decision, state: &state, context: context, range: path.range)
        }
        let rule: LevelRule
        var basis = LevelBasis.price
        switch syntax.goal {
        case .by(_, let value):
            rule = .change(try values.rate(value))
        case .to(_, let value):
            if let name = bareName(value), let named = namedRule(name, state) {
                rule = named
            } else {
                if let name = bareName(value), state.binding(name) == nil {
                    throw DecisionSuggestions.unknownLevel(name, state.dataset, value.range, context)
                }
                let (amount, period, _) = try values.price(value, allowNegative: hasRebate(target, state))
                rule = .amount(amount, period: period)
                if period == .year, annualTarget(target, state) { basis = .annual }
            }
        }
        let options = try values.options(syntax.options)
        let decision = LevelDecision(
            verb: .harmonise, target: target, municipalities: municipalities, rule: rule, phasing: options.phasing,
            roundingStep: options.roundingStep, mode: options.mode, basis: options.basis == .annual ? .annual : basis)
        return try record(Decision(.level(decision)), state: &state, context: context, range: path.range)
    }

    /// `set <line|group> = <amount> [annual] [from …|over …|path …] [round …]`.
    static func set(_ command: Command, _ state: inout SessionState, _ context: StatementContext) throws(Diagnostic)
        -> [Output]
    {
        guard case .set(let syntax) = try self.syntax(command, context) else { return [] }
        let values = SyntaxValues(state, context)
        let path = syntax.target
        let (target, municipalities) = try resolve(path, state, context)
        if case .rule = target { throw error(.ruleNeedsMunicipality(target.text, example: state.dataset.mergingMunicipalities.first?.rawValue ?? "asker"), path.range, context) }
        let (amount, period, _) = try values.price(syntax.value, allowNegative: hasRebate(target, state))
        let options = try values.options(syntax.options)
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
        guard case .solve(let syntax) = try self.syntax(command, context) else { return [] }
        let values = SyntaxValues(state, context)
        let path = syntax.target
        let (target, municipalities) = try resolve(path, state, context)
        if case .rule = target { throw error(.ruleNeedsMunicipality(target.text, example: state.dataset.mergingMunicipalities.first?.rawValue ?? "asker"), path.range, context) }
        var goal: Money?
        if let value = syntax.goal {
            let (amount, period, range) = try values.amount(value)
            guard period == nil || period == .year else {
                throw context.error(
                    "målet er en årsinntekt i kr, f.eks. = 40 000 000 kr",
                    "the goal is an annual revenue in kr, e.g. = 40 000 000 kr", range, code: "type")
            }
            goal = amount
        }
        let year = try syntax.year.map { (year) throws(Diagnostic) in try values.year(year.value) }
        let options = try values.options(syntax.options)
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
        guard case .coverage(let syntax) = try self.syntax(command, context) else { return [] }
        let values = SyntaxValues(state, context)
        let path = syntax.target
        let name = syntax.municipality.name
        guard state.dataset.mergingMunicipalities.contains(MunicipalityID(name)) else {
            throw DecisionSuggestions.unknownMunicipality(name, syntax.municipality.range, state.dataset, context)
        }
        let e = syntax.value
        let quantity: Quantity
        switch try Evaluator(state, context).evaluate(e) {
        case .rate(let rate): quantity = Quantity(rate.percent, .percent)
        case .number(let number): quantity = Quantity(number)
        default:
            throw context.error(
                "forventet en dekningsgrad, f.eks. 90 %", "expected a coverage rate, e.g. 90 %", e.range, code: "type")
        }
        let from = try syntax.from.map { (from) throws(Diagnostic) in try values.year(from.value) }
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
            notes = try Simulator.validate(decision, baseline: state.baseline, scenario: state.scenario, cache: &state.ledgers)
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
        let catalog = state.baseline.catalog
        let keys: [ItemKey]
        switch target {
        case .line(let group, let line): keys = catalog.keys(inGroup: group).filter { $0.line == line }
        case .group(let group): keys = catalog.keys(inGroup: group)
        default: return true
        }
        return keys.contains { key in state.dataset.mergingMunicipalities.contains { catalog.item(key, $0).map { $0.level.ore < 0 } ?? false } }
    }

    private static func annualTarget(_ target: DecisionTarget, _ state: SessionState) -> Bool {
        let catalog = state.baseline.catalog
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
