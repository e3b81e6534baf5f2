/// The compare statements: `show services`, `show fees`, `show diff`, `show household`
/// (docs/LANGUAGE.md, «Comparing the three municipalities»). Each reads its words, asks the diff
/// engine (HarmoniCompare) for a pure result on the session's dataset, and returns tables.
enum CompareStatements {
    static var all: [StatementSpec] { [services, fees, diff, household] }

    static let diff = StatementSpec(
        words: ["show", "diff"], usage: "show diff <tjeneste|tjeneste.*|tjeneste.linje|område> [after [in <år>]] [per year|per month|as published]",
        summary: (
            "Sammenligner gebyrene i Asker, Røyken og Hurum side om side, med strukturelle forskjeller.",
            "Compares the fees of Asker, Røyken and Hurum side by side, with structural differences."
        ),
        example: "show diff sfo per month",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context, skipping: 1)
            let scope = try CompareWords.scope(&words, state.dataset)
            let afterRange = words.here
            let after = words.keyword("after") != nil
            var chosenYear: Int?
            if after, words.keyword("in") != nil {
                let e = try words.expression()
                chosenYear = try SyntaxValues(state, context).year(e)
            }
            let basis = try CompareWords.basis(&words)
            try words.expectEnd()
            let language = CompareWords.tag(state.language)
            guard after else {
                let dataset = state.dataset
                let comparison = dataset.compare(scope, basis: basis, year: state.baselineYear)
                let findings = dataset.structuralFindings(in: scope, year: state.baselineYear)
                return [
                    .table(comparison.table(dataset, language: language)),
                    .table(StructuralFinding.table(findings, scope: scope, year: state.baselineYear, dataset, language: language)),
                ]
            }
            return try diffAfter(scope, basis: basis, year: chosenYear, at: afterRange, state, context)
        })

    /// `show diff <scope> after [in <year>]`: the prices after the scenario's decisions side by
    /// side, in the year asked (the period's last by default, when every phased decision is in
    /// force), in the scenario's kroner: the same comparison, on the scenario's prices of that
    /// year (``ScenarioPrices/after``).
    static func diffAfter(
        _ scope: ComparisonScope, basis: ComparisonBasis, year: Int?, at range: SourceRange, _ state: SessionState,
        _ context: StatementContext
    ) throws(Diagnostic) -> [Output] {
        let year = year ?? state.scenario.period.upperBound
        let prices: ScenarioPrices
        do throws(SimulationError) {
            prices = try Simulator.prices(baseline: state.baseline, scenario: state.scenario, year: year)
        } catch {
            throw context.error(error.nb, error.en, range, code: error.code)
        }
        let language = CompareWords.tag(state.language)
        let dataset = prices.after
        var table = dataset.compare(scope, basis: basis, year: year).table(dataset, language: language)
        let nb = language == .nb
        let count = state.scenario.decisions.count
        table.title += nb ? " – etter vedtakene" : " – after the decisions"
        let kroner = prices.index.basis == .fixed
            ? (nb ? "faste \(state.scenario.period.lowerBound)-kroner" : "fixed \(state.scenario.period.lowerBound) kroner")
            : (nb ? "løpende kroner" : "nominal kroner")
        table.notes.insert(
            nb
                ? "Etter vedtakene: prisene i \(year) med scenariets \(count) vedtak, i \(kroner) (før vedtakene: «show diff» uten «after»)."
                : "After the decisions: the prices in \(year) with the scenario's \(count) decisions, in \(kroner) (before the decisions: «show diff» without «after»).",
            at: 0)
        for problem in prices.problems {
            table.notes.append((nb ? "Ikke brukt: " : "Not applied: ") + (nb ? problem.nb : problem.en))
        }
        let findings = dataset.structuralFindings(in: scope, year: year)
        return [
            .table(table),
            .table(StructuralFinding.table(findings, scope: scope, year: year, dataset, language: language)),
        ]
    }


    static let services = StatementSpec(
        words: ["show", "services"], usage: "show services",
        summary: ("Viser tjenestene med gebyrer, område og hvilke kommuner som har linjer.",
            "Shows the services with fees, their area and which municipalities have lines."),
        example: "show services",
        action: { command, state, context throws(Diagnostic) in
            let words = WordReader(command, context, skipping: 1)
            try words.expectEnd()
            return [.table(state.dataset.servicesTable(year: state.baselineYear, language: CompareWords.tag(state.language)))]
        })

    static let fees = StatementSpec(
        words: ["show", "fees"], usage: "show fees [<tjeneste|tjeneste.linje|område>]",
        summary: ("Viser gebyrene som publisert, med status og kilde.", "Shows the fees as published, with status and source."),
        example: "show fees barnehage",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context, skipping: 1)
            let dataset = state.dataset
            let language = CompareWords.tag(state.language)
            if words.atEnd {
                var tables: [Output] = []
                let shown = dataset.services.filter { service in
                    !dataset.lines(of: service.id).isEmpty || dataset.missing.contains { $0.service == service.id }
                }
                for service in shown {
                    tables.append(.table(dataset.feesTable(.service(service.id), year: state.baselineYear, language: language)))
                }
                return tables
            }
            let scope = try CompareWords.scope(&words, dataset)
            try words.expectEnd()
            return [.table(dataset.feesTable(scope, year: state.baselineYear, language: language))]
        })

    static let household = StatementSpec(
        words: ["show", "household"], usage: "show household [\"<id eller del av beskrivelsen>\" [in <år>] [nominal]]",
        summary: (
            "Viser en typehusholdnings årlige kostnad i hver kommune, linje for linje; før og etter vedtakene "
                + "når scenariet har vedtak.",
            "Shows a typical household's annual cost in each municipality, line by line; before and after the "
                + "decisions when the scenario has decisions."
        ),
        example: "show household \"a_familie_750k\"",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context, skipping: 1)
            let dataset = state.dataset
            let language = CompareWords.tag(state.language)
            if words.atEnd { return [.table(CompareWords.householdList(dataset, language))] }
            let chosen = try CompareWords.household(&words, dataset)
            return try HouseholdStatements.household(chosen, command, from: words.index, state, context)
        })
}

/// Reading the words the compare statements share: a scope, a basis, a household.
enum CompareWords {
    /// The table language for the session language.
    static func tag(_ language: DisplayLanguage) -> DisplayLanguageTag { language == .nb ? .nb : .en }

    /// `sfo`, `sfo.*`, `sfo.plass_5d` or `oppvekst`; an unknown name is an error listing the known ones.
    static func scope(_ words: inout WordReader, _ dataset: Dataset) throws(Diagnostic) -> ComparisonScope {
        let path = try words.path()
        let context = words.context
        let names = path.parts.map(\.name)
        let serviceIDs = dataset.services.map(\.id)
        func unknown() -> Diagnostic {
            let services = serviceIDs.map(\.rawValue).joined(separator: ", ")
            let areas = dataset.areas.map(\.id.rawValue).joined(separator: ", ")
            let hint = Suggestion.phrase(
                for: names.first ?? "", in: serviceIDs.map(\.rawValue) + dataset.areas.map(\.id.rawValue))
            return context.error(
                "ukjent tjeneste eller område «\(path.text)»\(hint.nb); tjenester: \(services); områder: \(areas)",
                "unknown service or area «\(path.text)»\(hint.en); services: \(services); areas: \(areas)", path.range,
                code: "unknown-scope")
        }
        guard let first = names.first else { throw unknown() }
        let service = ServiceID(first)
        if path.wildcard || names.count == 1 {
            if serviceIDs.contains(service), names.count == 1 { return .service(service) }
            if !path.wildcard, dataset.area(AreaID(first)) != nil { return .area(AreaID(first)) }
            throw unknown()
        }
        guard names.count == 2, serviceIDs.contains(service) else { throw unknown() }
        let key = FeeKey(service, LineID(names[1]))
        let lines = dataset.lines(of: service)
        guard lines.contains(key) else {
            let known = lines.map(\.line.rawValue).joined(separator: ", ")
            let hint = Suggestion.phrase(Suggestion.closest(to: names[1], in: lines.map(\.line.rawValue)).map { "\(first).\($0)" })
            throw context.error(
                "ukjent gebyrlinje «\(path.text)»\(hint.nb); linjer i \(first): \(known)",
                "unknown fee line «\(path.text)»\(hint.en); lines in \(first): \(known)", path.range, code: "unknown-scope")
        }
        return .line(key)
    }

    /// A household by id, or by a case-insensitive part of its id, definition or Norwegian
    /// description (`"to barn"`); a quoted string or a bare name. No match or several matches is
    /// an error naming the households with their descriptions.
    static func household(_ words: inout WordReader, _ dataset: Dataset) throws(Diagnostic) -> Household {
        let range = words.here
        let text: String
        if case .expression(let e)? = words.peek, case .string = e.kind {
            text = try words.string().text
        } else {
            text = try words.path().text
        }
        if let exact = dataset.households.first(where: { $0.id.rawValue == text }) { return exact }
        let needle = text.lowercased()
        let matches = dataset.households.filter {
            $0.id.rawValue.lowercased().contains(needle)
                || [$0.definition(english: false), $0.definition(english: true), $0.displayName(english: false), $0.displayName(english: true)]
                    .contains { $0?.lowercased().contains(needle) ?? false }
        }
        if matches.count == 1, let only = matches.first { return only }
        let nb = words.context.language == .nb
        let known = (matches.isEmpty ? dataset.households : matches).map { household in
            household.id.rawValue + (household.definition(english: !nb).map { " (\($0))" } ?? "")
        }.joined(separator: "; ")
        throw words.context.error(
            matches.isEmpty ? "ingen typehusholdning passer «\(text)»; kjente: \(known)" : "flere typehusholdninger passer «\(text)»: \(known)",
            matches.isEmpty ? "no typical household matches «\(text)»; known: \(known)" : "several typical households match «\(text)»: \(known)",
            range, code: matches.isEmpty ? "unknown-household" : "ambiguous-household")
    }

    /// The typical households with their definitions (what `show household` alone prints).
    static func householdList(_ dataset: Dataset, _ language: DisplayLanguageTag) -> Table {
        let nb = language == .nb
        var table = Table(
            kind: "households", title: nb ? "Typehusholdninger" : "Typical households",
            columns: [Column("household", nb ? "Husholdning" : "Household"), Column("definition", nb ? "Beskrivelse" : "Definition")])
        for household in dataset.households {
            table.rows.append([.text(household.id.rawValue), .text(household.definition(english: !nb) ?? "")])
        }
        table.notes.append(nb ? "Vis én med «vis husholdning \"<navn>\"»." : "Show one with «show household \"<name>\"».")
        return table
    }

    /// `per year` / `per år`, `per month` / `per måned` / `per mnd`, `as published` / `som publisert`;
    /// per year when nothing follows.
    static func basis(_ words: inout WordReader) throws(Diagnostic) -> ComparisonBasis {
        guard !words.atEnd else { return .perYear }
        if words.keyword("per") != nil {
            switch try words.expectKeyword("year", "år", "month", "måned", "mnd") {
            case "year", "år": return .perYear
            default: return .perMonth
            }
        }
        if words.keyword("as") != nil {
            try words.expectKeyword("published")
            return .asPublished
        }
        if words.keyword("som") != nil {
            try words.expectKeyword("publisert")
            return .asPublished
        }
        try words.expectKeyword("per", "as", "som")
        return .perYear
    }
}
