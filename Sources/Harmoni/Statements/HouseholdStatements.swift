import HarmoniCompare
import HarmoniSimulate

/// What a scenario means for the typical households (docs/LANGUAGE.md, «What a scenario means for the typical households»): `show households`
/// (every household × municipality before and after), the before/after form of `show household`,
/// and `show impact by household` (the change per year).
enum HouseholdStatements {
    static var all: [StatementSpec] { [households] }

    static let households = StatementSpec(
        words: ["show", "households"], usage: "show households [in <år>] [nominal]",
        summary: (
            "Viser hver typehusholdnings årlige kostnad i hver kommune før og etter vedtakene, med endring i kr og %.",
            "Shows each typical household's annual cost in each municipality before and after the decisions, with the change in kr and %."
        ),
        example: "show households in 2021",
        action: { command, state, context throws(Diagnostic) in
            var words = SimulateWords(command, context, skipping: 1)
            let options = try Options.read(&words, state)
            let year = options.year ?? HouseholdImpact.defaultYear(state.scenario)
            let (changes, prices) = try compute(state.dataset.households, state, year, options, command, context)
            let language = SimulateStatements.tag(state)
            let notes = HouseholdImpact.context(
                prices, scenario: state.scenario, year: options.year == nil ? .periodEnd : .given, language: language)
            return [.table(HouseholdChange.summaryTable(changes, prices.after, context: notes, language: language))]
        })

    /// `in <year>` and `nominal | fixed`, in any order (as in `show impact`).
    struct Options {
        var year: Int?
        var prices: PriceBasis?

        /// True when the user asked for a year or a price basis.
        var given: Bool { year != nil || prices != nil }

        static func read(_ words: inout SimulateWords, _ state: SessionState) throws(Diagnostic) -> Options {
            var options = Options()
            while !words.atEnd {
                if words.keyword("in") != nil {
                    let range = words.here
                    let chosen = try words.year(state)
                    guard state.scenario.period.contains(chosen) else {
                        throw SimulateStatements.error(
                            .yearOutsidePeriod(chosen, state.scenario.period), range, words.context)
                    }
                    options.year = chosen
                } else if let basis = words.keyword("nominal", "fixed") {
                    options.prices = PriceBasis(rawValue: basis)
                } else {
                    throw words.context.error(
                        .expected("«i <år>» eller «løpende»", "«in <year>» or «nominal»", found: words.found),
                        words.here)
                }
            }
            return options
        }
    }

    /// `show household "<name>" [in <year>] [nominal]` after the name: the plain 2019 table when
    /// the scenario has no decisions and no option is given, else before/after in the year.
    static func household(
        _ household: Household, _ command: Command, from index: Int, _ state: SessionState, _ context: StatementContext
    ) throws(Diagnostic) -> [Output] {
        var words = SimulateWords(command, context, skipping: index)
        let options = try Options.read(&words, state)
        let dataset = state.dataset
        let language = CompareWords.tag(state.language)
        guard options.given || !state.scenario.decisions.isEmpty else {
            let costs = dataset.householdCosts(household, year: state.baselineYear)
            return [.table(HouseholdCost.table(costs, household: household, dataset, language: language))]
        }
        let year = options.year ?? HouseholdImpact.defaultYear(state.scenario)
        let (changes, prices) = try compute([household], state, year, options, command, context)
        let notes = HouseholdImpact.context(
            prices, scenario: state.scenario, year: options.year == nil ? .periodEnd : .given, language: language)
        return changes.map { .table($0.table(household, prices.after, context: notes, language: language)) }
    }

    /// `show impact by household [in <year>] [nominal]`: the change of every household in every
    /// year of the period (or the one year asked for).
    static func impactByHousehold(
        _ state: SessionState, year: Int?, prices: PriceBasis, _ command: Command, _ context: StatementContext
    ) throws(Diagnostic) -> [Output] {
        let options = Options(year: nil, prices: prices)
        let years = year.map { [$0] } ?? Array(state.scenario.period)
        var byYear: [[HouseholdChange]] = []
        var first: ScenarioPrices?
        let baseline = state.baseline
        for chosen in years {
            let (changes, priced) = try compute(
                state.dataset.households, state, chosen, options, command, context, baseline)
            byYear.append(changes)
            first = first ?? priced
        }
        guard let first else { return [] }
        let language = SimulateStatements.tag(state)
        let notes = HouseholdImpact.context(first, scenario: state.scenario, year: .every, language: language)
        return [.table(HouseholdChange.yearTable(byYear, first.after, context: notes, language: language))]
    }

    /// Prices the households; a problem that stops the simulator is an error at the statement.
    private static func compute(
        _ households: [Household], _ state: SessionState, _ year: Int, _ options: Options, _ command: Command,
        _ context: StatementContext, _ baseline: SimulationBaseline? = nil
    ) throws(Diagnostic) -> (changes: [HouseholdChange], prices: ScenarioPrices) {
        do throws(SimulationError) {
            return try HouseholdImpact.changes(
                of: households, baseline: baseline ?? state.baseline, scenario: state.scenario,
                year: year, prices: options.prices ?? state.scenario.prices)
        } catch {
            throw SimulateStatements.error(error, command.keyword.range, context)
        }
    }
}
