import HarmoniSimulate
import HarmoniUncertainty

/// The uncertainty statements: `ranges on|off`, `show sensitivity`, `sweep` (docs/UNCERTAINTY.md),
/// and the wrapper that gives the tables of `show fees|diff|household|households|impact|budget`
/// their ranges while `ranges on` is in force.
enum UncertaintyStatements {
    static var all: [StatementSpec] {
        [
            StatementSpec(
                words: ["ranges"], usage: "ranges on | off",
                summary: (
                    "Viser en lav–høy-ramme ved hvert anslag og hvert resultat som hviler på anslag.",
                    "Shows a low–high range beside every estimate and every result that rests on estimates."
                ),
                example: "ranges on", action: ranges),
            StatementSpec(
                words: ["show", "sensitivity"],
                usage: "show sensitivity [for <tjeneste|område>] [in <år>]",
                summary: (
                    "Rangerer anslagene etter hvor mye rammen deres flytter resultatet (inntektsendringen per år).",
                    "Ranks the estimates by how much their range moves the result (the revenue change per year)."
                ),
                example: "show sensitivity", action: showSensitivity),
            StatementSpec(
                words: ["sweep"],
                usage:
                    "sweep <kommune.tjeneste.linje | volume … | coverage … | rule … | deflator <år>> from <a> to <b> step <s> [show <tjeneste|område>]",
                summary: (
                    "Viser resultatet mens ett tall varierer: en pris, et volum, en dekningsgrad eller årets deflator.",
                    "Shows the result as one input varies: a price, a volume, a coverage rate or a year's deflator."
                ),
                example: "sweep deflator 2021 from 0 % to 4 % step 1 %", action: sweep),
        ]
    }

    /// The `show` statements whose tables get ranges.
    static let rangedShows: Set<[String]> = [
        ["show", "fees"], ["show", "diff"], ["show", "household"], ["show", "households"], ["show", "impact"],
        ["show", "budget"],
    ]

    /// The specs with the ranged `show` statements wrapped: when ranges are on, the statement is
    /// run again on the datasets of a ``Propagation`` and its tables get range columns.
    static func wrapping(_ specs: [StatementSpec]) -> [StatementSpec] {
        specs.map { spec in
            guard rangedShows.contains(spec.words) else { return spec }
            var wrapped = spec
            let inner = spec.action
            wrapped.action = { command, state, context throws(Diagnostic) in
                let outputs = try inner(command, &state, context)
                guard state.showsRanges else { return outputs }
                return ranged(outputs, state: state) { baseline in
                    var copy = state
                    copy.setDataset(prepared: baseline)
                    return (try? inner(command, &copy, context)) ?? []
                }
            }
            return wrapped
        }
    }

    /// Every table of `outputs` with ranges from the same statement run on the propagation's
    /// datasets (matched by position among the tables); each run on a baseline made from the
    /// session's prepared one (``SimulationBaseline/setting(_:)``), not prepared again.
    static func ranged(_ outputs: [Output], state: SessionState, rerun: (SimulationBaseline) -> [Output]) -> [Output] {
        let inputs = UncertainInputs.make(state.dataset)
        guard !inputs.isEmpty, outputs.contains(where: { if case .table = $0 { true } else { false } }) else {
            return outputs
        }
        let propagation = Propagation(inputs: inputs)
        let samples: [[Table]] = propagation.combinations().map { values in
            tables(rerun(state.baseline.setting(Array(zip(inputs, values)))))
        }
        var index = 0
        let language = SimulateStatements.tag(state)
        return outputs.map { output in
            guard case .table(let table) = output else { return output }
            defer { index += 1 }
            let same = samples.compactMap { $0.count > index && $0[index].kind == table.kind ? $0[index] : nil }
            var result = TableRanges.ranged(table, samples: same, language: language)
            if result.columns.count != table.columns.count {
                result.notes.append(note(propagation, language == .en))
            }
            return .table(result)
        }
    }

    private static func tables(_ outputs: [Output]) -> [Table] {
        outputs.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    /// The line under a ranged table that says what the range is.
    static func note(_ propagation: Propagation, _ english: Bool) -> String {
        english
            ? "(low … high): the smallest and largest value over \(propagation.evaluations) evaluations with the \(propagation.inputs.count) estimates moved within their ranges (all low, all high and \(propagation.draws) seeded random draws, half at the ends, half mixed)."
            : "(lav … høy): minste og største verdi over \(propagation.evaluations) beregninger der de \(propagation.inputs.count) anslagene flyttes innenfor rammene sine (alle lave, alle høye og \(propagation.draws) tilfeldige trekk med fast frø, halvparten i endene, halvparten blandet)."
    }

    // MARK: - ranges on|off

    static func ranges(_ command: Command, _ state: inout SessionState, _ context: StatementContext)
        throws(Diagnostic) -> [Output]
    {
        var words = WordReader(command, context)
        let choice = try words.expectKeyword("on", "off", "på", "av")
        try words.expectEnd()
        state.showsRanges = choice == "on" || choice == "på"
        return []
    }

    // MARK: - show sensitivity

    static func showSensitivity(_ command: Command, _ state: inout SessionState, _ context: StatementContext)
        throws(Diagnostic) -> [Output]
    {
        var words = WordReader(command, context, skipping: 1)
        var result = ResultSpec.total
        var year: Int?
        while !words.atEnd {
            if words.keyword("for") != nil {
                result = try self.result(&words, state, context)
            } else if words.keyword("in", "i") != nil {
                year = try self.year(&words, state, context)
            } else {
                throw context.error(.expected("«for» eller «in»", "«for» or «in»", found: found(words, context)), words.here)
            }
        }
        let sensitivity = Sensitivity.rank(baseline: state.baseline, scenario: state.scenario, result: result)
        let table = SensitivityTable.table(
            sensitivity, result: result, period: state.scenario.period, tornadoYear: year ?? state.scenario.period.upperBound,
            dataset: state.dataset, language: SimulateStatements.tag(state))
        return [.table(table)]
    }

    // MARK: - sweep

    static func sweep(_ command: Command, _ state: inout SessionState, _ context: StatementContext)
        throws(Diagnostic) -> [Output]
    {
        var words = WordReader(command, context)
        let (target, label, targetRange) = try self.target(&words, state, context)
        try words.expectKeyword("from", "fra")
        let first = try quantity(&words, context)
        let from = first.number
        try words.expectKeyword("to", "til")
        let to = try number(&words, context)
        try words.expectKeyword("step", "steg")
        let stepRange = words.here
        let step = try number(&words, context)
        var result = ResultSpec.total
        if words.keyword("show", "vis") != nil { result = try self.result(&words, state, context) }
        try words.expectEnd()
        guard let points = Sweep.points(from: from, to: to, step: step) else {
            throw context.error(
                "«from … to … step …» må gå oppover med et positivt steg og gi høyst \(Sweep.maximumPoints) punkter",
                "«from … to … step …» must rise by a positive step and give at most \(Sweep.maximumPoints) points",
                stepRange, code: "sweep-points")
        }
        let rows = Sweep.run(target, points: points, dataset: state.dataset, scenario: state.scenario, result: result)
        if let problem = rows.first(where: { !$0.problems.isEmpty })?.problems.first {
            throw SimulateStatements.error(problem, targetRange, context)
        }
        let table = SweepTable.table(
            rows.map { ($0.value, $0.result) }, label: label + (first.unit.map { " (\($0.symbol))" } ?? ""), result: result, period: state.scenario.period,
            language: SimulateStatements.tag(state))
        return [.table(table)]
    }

    /// `deflator <år>` or a dataset value's id, optionally after `volume`, `coverage`, `rule`, `subsidy`.
    private static func target(_ words: inout WordReader, _ state: SessionState, _ context: StatementContext)
        throws(Diagnostic) -> (Sweep.Target, String, SourceRange)
    {
        let start = words.here
        if words.keyword("deflator") != nil {
            let year = try self.year(&words, state, context)
            return (.deflator(year: year), "deflator \(year)", start)
        }
        let kinds = ["volume": "volume", "volum": "volume", "coverage": "coverage", "dekningsgrad": "coverage",
            "rule": "rule", "regel": "rule", "subsidy": "subsidy", "tilskudd": "subsidy"]
        var kind = "fee"
        if let name = words.peekName, let chosen = kinds[name] {
            _ = words.keyword(name)
            kind = chosen
        }
        let pathRange = words.here
        let path = try words.path()
        let refs = Sweep.refs(kind: kind, path: path.parts.map(\.name), state.dataset)
        guard !refs.isEmpty, !path.wildcard else {
            throw context.error(
                "fant ingen verdi «\(path.text)» å variere (en gebyrlinje «kommune.tjeneste.linje», eller «volume …», «coverage …», «rule …», «subsidy …», «deflator <år>»)",
                "found no value «\(path.text)» to vary (a fee line «municipality.service.line», or «volume …», «coverage …», «rule …», «subsidy …», «deflator <year>»)",
                pathRange, code: "sweep-target")
        }
        return (.values(refs), (kind == "fee" ? "" : kind + " ") + path.text, pathRange)
    }

    /// A service (fee group) or a tjenesteområde.
    private static func result(_ words: inout WordReader, _ state: SessionState, _ context: StatementContext)
        throws(Diagnostic) -> ResultSpec
    {
        let range = words.here
        let path = try words.path()
        let name = path.parts.map(\.name).joined(separator: ".")
        if name == "total" || name == "alt" { return .total }
        if state.dataset.area(AreaID(name)) != nil { return .area(AreaID(name)) }
        if state.dataset.service(ServiceID(name)) != nil || state.dataset.subsidies.contains(where: { $0.scheme == name }) {
            return .group(name)
        }
        throw context.error(
            "«\(name)» er verken en tjeneste, en tilskuddsordning eller et tjenesteområde",
            "«\(name)» is neither a service, a subsidy scheme nor a service area", range, code: "unknown-result")
    }

    private static func year(_ words: inout WordReader, _ state: SessionState, _ context: StatementContext)
        throws(Diagnostic) -> Int
    {
        let range = words.here
        let value = try number(&words, context)
        guard let year = value.wholeValue, state.scenario.period.contains(Int(year)) else {
            throw context.error(
                "forventet et år i perioden \(state.scenario.period.lowerBound)–\(state.scenario.period.upperBound)",
                "expected a year in the period \(state.scenario.period.lowerBound)–\(state.scenario.period.upperBound)",
                range, code: "year-outside-period")
        }
        return Int(year)
    }

    /// A number literal (with any unit), negative with a leading minus.
    private static func number(_ words: inout WordReader, _ context: StatementContext) throws(Diagnostic) -> DecimalNumber {
        try quantity(&words, context).number
    }

    /// A number literal with its unit, negative with a leading minus.
    private static func quantity(_ words: inout WordReader, _ context: StatementContext) throws(Diagnostic) -> Quantity {
        let range = words.here
        let e = try words.expression()
        switch e.kind {
        case .number(let n, let unit, _): return Quantity(n, unit)
        case .unary(.negate, let inner):
            if case .number(let n, let unit, _) = inner.kind {
                return Quantity(DecimalNumber(significand: -n.significand, scale: n.scale), unit)
            }
        default: break
        }
        throw context.error(.expected("et tall", "a number", found: "«\(context.file.slice(e.range))»"), range)
    }

    private static func found(_ words: WordReader, _ context: StatementContext) -> String {
        guard let word = words.peek else { return "slutten av setningen" }
        return "«\(context.file.slice(word.range))»"
    }
}
