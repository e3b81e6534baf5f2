import HarmoniSimulate

/// The simulate statements: scenario settings (`period`, `deflator`, `prices`, `growth`),
/// decisions (`harmonise`, `set`, `solve`, `coverage`) and results (`show impact`, `show budget`).
/// See docs/LANGUAGE.md, «Simulating the budget impact».
enum SimulateStatements {
    static var all: [StatementSpec] {
        settings + [
            StatementSpec(
                words: ["harmonise"], usage:
                    "harmonise <linje|tjeneste.*|område|tjeneste.regel> to <lowest|highest|mean|weighted|kommune|beløp> | by <prosent> [each] [annual] [from <år> | over <år>...<år> | path [<andeler>]] [round <beløp>]",
                summary: (
                    "Harmoniserer priser, tilskuddssatser eller regler i de tre kommunene.",
                    "Harmonises prices, subsidy rates or rules across the three municipalities."
                ),
                example: "harmonise sfo.* to asker over 2020...2021 round 1 kr", action: harmonise),
            StatementSpec(
                words: ["set"], usage:
                    "set [kommune.]<linje|tjeneste.*> = <beløp> [annual] [from <år> | over … | path …] [round <beløp>]",
                summary: (
                    "Setter en pris eller sats til et gitt beløp (i faste kroner for periodens første år).",
                    "Sets a price or rate to a given amount (in kroner of the period's first year)."
                ),
                example: "set trygghetsalarm.abonnement = 250 kr/mnd from 2020", action: set),
            StatementSpec(
                words: ["solve"], usage:
                    "solve <linje|tjeneste.*|område> neutral | = <beløp> [in <år>] [annual] [from … | over … | path …] [round <beløp>]",
                summary: (
                    "Finner det harmoniserte nivået som gjør inntekten budsjettnøytral (eller lik et beløp).",
                    "Finds the harmonised level that makes revenue budget-neutral (or equal to an amount)."
                ),
                example: "solve kulturskole.* neutral round 10 kr", action: solve),
            StatementSpec(
                words: ["coverage"], usage: "coverage <tjeneste.indikator> in <kommune> = <verdi> [from <år>]",
                summary: (
                    "Setter en dekningsgrad i én gammel kommune; volum × enhetskostnad gir kostnaden.",
                    "Sets a coverage rate in one old municipality; volume × unit cost gives the cost."
                ),
                example: "coverage barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5 in royken = 90 %", action: coverage),
            StatementSpec(
                words: ["show", "impact"], usage: "show impact [by area | by municipality | by service | by household] [in <år>] [nominal]",
                summary: (
                    "Viser virkningen av vedtakene: linje for linje eller samlet.",
                    "Shows the impact of the decisions, line by line or grouped."
                ),
                example: "show impact by area in 2021", action: showImpact),
            StatementSpec(
                words: ["show", "budget"], usage: "show budget [nominal]",
                summary: (
                    "Viser skyggebudsjettet per tjenesteområde og år i 1 000 kr.",
                    "Shows the shadow budget per service area and year in 1 000 kr."
                ),
                example: "show budget", action: showBudget),
        ]
    }

    static func showImpact(_ command: Command, _ state: inout SessionState, _ context: StatementContext)
        throws(Diagnostic) -> [Output]
    {
        var words = SimulateWords(command, context, skipping: 1)
        var grouping: ImpactGrouping?
        var byHousehold = false
        var year: Int?
        var prices = state.scenario.prices
        while !words.atEnd {
            if words.keyword("by") != nil {
                if words.keyword("household", "households", "husholdning", "husholdninger") != nil {
                    byHousehold = true
                    continue
                }
                guard let name = words.keyword("area", "municipality", "service"),
                    let chosen = ImpactGrouping(rawValue: name)
                else {
                    throw context.error(
                        .expected(
                            "«area», «municipality», «service» eller «household»",
                            "«area», «municipality», «service» or «household»",
                            found: words.found), words.here)
                }
                grouping = chosen
            } else if words.keyword("in") != nil {
                let range = words.here
                let chosen = try words.year(state)
                guard state.scenario.period.contains(chosen) else {
                    throw error(
                        SimulationError(
                            code: "year-outside-period", nb: "året \(chosen) er utenfor perioden",
                            en: "the year \(chosen) is outside the period"), range, context)
                }
                year = chosen
            } else if let basis = words.keyword("nominal", "fixed") {
                prices = PriceBasis(rawValue: basis) ?? .fixed
            } else {
                throw context.error(
                    .expected("«by», «in» eller «nominal»", "«by», «in» or «nominal»", found: words.found), words.here)
            }
        }
        if byHousehold {
            return try HouseholdStatements.impactByHousehold(state, year: year, prices: prices, command, context)
        }
        let ledger = try simulate(&state, prices: prices, command: command, context: context)
        return [
            .table(
                ImpactReport.table(ledger, dataset: state.dataset, grouping: grouping, year: year, language: tag(state))
            )
        ]
    }

    static func showBudget(_ command: Command, _ state: inout SessionState, _ context: StatementContext)
        throws(Diagnostic) -> [Output]
    {
        var words = SimulateWords(command, context, skipping: 1)
        var prices = state.scenario.prices
        if let basis = words.keyword("nominal", "fixed") { prices = PriceBasis(rawValue: basis) ?? .fixed }
        try words.expectEnd(("«nominal» eller slutten av setningen", "«nominal» or the end of the statement"))
        let ledger = try simulate(&state, prices: prices, command: command, context: context)
        let budget = ShadowBudget.build(dataset: state.dataset, ledger: ledger)
        return [.table(budget.table(dataset: state.dataset, language: tag(state)))]
    }

    /// Runs the simulator; a problem that stops it becomes an error at the statement.
    private static func simulate(
        _ state: inout SessionState, prices: PriceBasis, command: Command, context: StatementContext
    ) throws(Diagnostic) -> Ledger {
        let ledger = Simulator.run(baseline: state.baseline, scenario: state.scenario, prices: prices, cache: &state.ledgers)
        if ledger.index == nil, let problem = ledger.problems.first {
            throw error(problem, command.keyword.range, context)
        }
        return try PopulationStatements.extend(ledger, state, prices: prices, command: command, context: context)
    }

    /// The target of a decision: a municipality prefix (`hurum.`) is taken off and returned.
    static func resolve(_ path: Path, _ state: SessionState, _ context: StatementContext) throws(Diagnostic)
        -> (DecisionTarget, [MunicipalityID]?)
    {
        var names = path.parts.map(\.name)
        var municipalities: [MunicipalityID]?
        if names.count >= 2, state.dataset.mergingMunicipalities.contains(MunicipalityID(names[0])) {
            municipalities = [MunicipalityID(names[0])]
            names.removeFirst()
        }
        let dataset = state.dataset
        let catalog = state.baseline.catalog  // prepared once per dataset state
        switch (names.count, path.wildcard) {
        case (1, _):
            if catalog.hasGroup(names[0]) { return (.group(names[0]), municipalities) }
            if dataset.area(AreaID(names[0])) != nil { return (.area(AreaID(names[0])), municipalities) }
        case (2, false):
            if catalog.keys(inGroup: names[0]).contains(where: { $0.line == names[1] }) {
                return (.line(group: names[0], line: names[1]), municipalities)
            }
            if dataset.rules.contains(where: { $0.service.rawValue == names[0] && $0.rule == names[1] }),
                municipalities == nil
            {
                return (.rule(service: ServiceID(names[0]), rule: names[1]), nil)
            }
        default: break
        }
        // The «mente du …?» hint is looked for only when the target is unknown.
        var problem = SimulationError.unknownTargetText(path.text)
        let hint = DecisionSuggestions.targetHint(path, dataset, catalog)
        problem.nb += hint.nb
        problem.en += hint.en
        throw error(problem, path.range, context)
    }
}

extension SimulationError {
    /// «x» is not a target.
    static func unknownTargetText(_ text: String) -> SimulationError {
        SimulationError(
            code: "unknown-target",
            nb: "«\(text)» er verken en gebyrlinje, en tjeneste, en tilskuddsordning, en regel eller et tjenesteområde",
            en: "«\(text)» is neither a fee line, a service, a subsidy scheme, a rule nor a service area")
    }
}
