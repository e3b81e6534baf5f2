import HarmoniSimulate

/// The scenario settings: `period`, `deflator`, `prices`, `growth`.
extension SimulateStatements {
    static var settings: [StatementSpec] {
        [
            StatementSpec(
                words: ["period"], usage: "period <år>...<år>",
                summary: (
                    "Setter årene som simuleres (standard 2020...2023).",
                    "Sets the years simulated (default 2020...2023)."
                ),
                example: "period 2020...2023", action: period),
            StatementSpec(
                words: ["deflator"], usage: "deflator <år>[...<år>] = <prosent>",
                summary: (
                    "Overstyrer den kommunale deflatoren for ett år eller flere.",
                    "Overrides the kommunal deflator for one year or several."
                ),
                example: "deflator 2021 = 0 %", action: deflator),
            StatementSpec(
                words: ["prices"], usage: "prices fixed | nominal",
                summary: (
                    "Velger faste kroner for periodens første år (standard) eller løpende kroner.",
                    "Chooses fixed kroner of the period's first year (default) or nominal kroner."
                ),
                example: "prices nominal", action: prices),
            StatementSpec(
                words: ["growth"], usage: "growth <tjeneste|all> = <prosent> | population <aldersgruppe>",
                summary: (
                    "Setter årlig volumvekst for en tjeneste eller alle.",
                    "Sets yearly volume growth for a service or all."
                ),
                example: "growth barnehage = population age_1_5", action: growth),
        ]
    }

    static func period(_ command: Command, _ state: inout SessionState, _ context: StatementContext) throws(Diagnostic)
        -> [Output]
    {
        guard case .period(let syntax) = try syntax(command, context) else { return [] }
        let range = syntax.years.range
        let years = try SyntaxValues(state, context).years(syntax.years)
        guard years.lowerBound > state.baselineYear, years.count <= 10 else {
            throw context.error(
                "perioden må begynne etter \(state.baselineYear) og vare høyst 10 år",
                "the period must start after \(state.baselineYear) and last at most 10 years",
                range, code: "period")
        }
        try withinLimits(&state, range, context) { $0.period = years }
        return SettingText.confirm("Periode: \(years.lowerBound)...\(years.upperBound).", "Period: \(years.lowerBound)...\(years.upperBound).", state)
    }

    static func deflator(_ command: Command, _ state: inout SessionState, _ context: StatementContext)
        throws(Diagnostic) -> [Output]
    {
        guard case .deflator(let syntax) = try syntax(command, context) else { return [] }
        let values = SyntaxValues(state, context)
        let range = syntax.years.range
        let years = try values.yearOrYears(syntax.years)
        guard years.lowerBound > state.baselineYear else {
            throw context.error(
                "deflatoren gjelder år etter \(state.baselineYear)",
                "the deflator applies to years after \(state.baselineYear)", range, code: "deflator")
        }
        let rate = try values.rate(syntax.rate)
        guard rate >= Rate(percent: -100) else {
            throw context.error(
                "deflatoren kan ikke være under -100 %", "the deflator cannot be below -100 %", range, code: "deflator")
        }
        try withinLimits(&state, range, context) {
            for year in years {
                $0.deflatorOverrides.removeAll { $0.year == year }
                $0.deflatorOverrides.append(YearRate(year: year, rate: rate))
            }
        }
        let shown = years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)...\(years.upperBound)"
        let percent = NorwegianFormat.percent(rate)
        return SettingText.confirm("Deflator \(shown): \(percent).", "Deflator \(shown): \(percent).", state)
    }

    static func prices(_ command: Command, _ state: inout SessionState, _ context: StatementContext) throws(Diagnostic)
        -> [Output]
    {
        guard case .prices(let syntax) = try syntax(command, context),
            let basis = PriceBasis(rawValue: syntax.basis.canonical)
        else { return [] }
        state.scenario.prices = basis
        state.scenario.hasUnsavedChanges = true
        return basis == .fixed
            ? SettingText.confirm("Priser: faste kroner for periodens første år.", "Prices: fixed kroner of the period's first year.", state)
            : SettingText.confirm("Priser: løpende kroner.", "Prices: nominal kroner.", state)
    }

    static func growth(_ command: Command, _ state: inout SessionState, _ context: StatementContext) throws(Diagnostic)
        -> [Output]
    {
        guard case .growth(let syntax) = try syntax(command, context) else { return [] }
        let path = syntax.target
        var service: String?
        let catalog = state.baseline.catalog
        let name = path.text
        if name != "all" && name != "alle" {
            guard path.parts.count == 1, catalog.hasGroup(name) || state.dataset.service(ServiceID(name)) != nil else {
                throw context.error(
                    "ukjent tjeneste «\(name)»; bruk en tjeneste eller «all»",
                    "unknown service «\(name)»; use a service or «all»", path.range, code: "unknown-target")
            }
            service = name
        }
        let rule: VolumeGrowth.Rule
        switch syntax.value {
        case .population(_, let groupPath):
            let group = groupPath.text
            guard state.dataset.populations.contains(where: { $0.count(group) != nil }) else {
                throw context.error(
                    "ukjent aldersgruppe «\(group)» (f.eks. age_1_5, age_6_9, age_80)",
                    "unknown age group «\(group)» (e.g. age_1_5, age_6_9, age_80)", groupPath.range,
                    code: "unknown-age-group")
            }
            rule = .population(group)
        case .rate(let value):
            let rateRange = value.range
            let rate = try SyntaxValues(state, context).rate(value)
            guard rate >= Rate(percent: -100) else {
                throw context.error(
                    "veksten kan ikke være under -100 %", "growth cannot be below -100 %", rateRange, code: "growth")
            }
            rule = .rate(rate)
        }
        try withinLimits(&state, command.keyword.range, context) {
            $0.growth.removeAll { $0.service == service }
            $0.growth.append(VolumeGrowth(service: service, rule: rule))
        }
        let who = service ?? (state.language == .nb ? "alle tjenester" : "every service")
        switch rule {
        case .rate(let rate):
            let percent = NorwegianFormat.percent(rate)
            return SettingText.confirm("Volumvekst for \(who): \(percent) per år.", "Volume growth for \(who): \(percent) a year.", state)
        case .population(let group):
            return SettingText.confirm(
                "Volumvekst for \(who): følger befolkningen \(group).", "Volume growth for \(who): follows the population \(group).", state)
        }
    }

    /// Applies a settings change to the scenario, or throws at `range` (changing nothing) when the
    /// simulation could not compute with it: an amount, a volume or the price index beyond Harmoni's
    /// limits («beløpet er for stort …»).
    private static func withinLimits(
        _ state: inout SessionState, _ range: SourceRange, _ context: StatementContext,
        _ change: (inout ScenarioState) -> Void
    ) throws(Diagnostic) {
        var scenario = state.scenario
        change(&scenario)
        if let problem = Simulator.checkLimits(baseline: state.baseline, scenario: scenario) {
            throw error(problem, range, context)
        }
        state.scenario = scenario
        state.scenario.hasUnsavedChanges = true
    }
}
