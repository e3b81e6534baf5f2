import HarmoniCompare
import HarmoniModel
import HarmoniReport

/// The typical households' change under a scenario: their annual cost in each old municipality
/// before and after the decisions in a year, priced by the diff engine on ``ScenarioPrices``.
public enum HouseholdImpact {
    /// Every household of the dataset (in dataset order) in `year`, and the prices behind them.
    /// `steps` names the decisions that changed each household's cost (one more pricing per
    /// decision that changed a fee or rule in the year).
    public static func changes(
        baseline: SimulationBaseline, scenario: ScenarioState, year: Int, prices: PriceBasis? = nil, steps: Bool = true
    ) throws(SimulationError) -> (changes: [HouseholdChange], prices: ScenarioPrices) {
        try changes(
            of: baseline.dataset.households, baseline: baseline, scenario: scenario, year: year, prices: prices,
            steps: steps)
    }

    /// The given households in `year`, and the prices behind them.
    public static func changes(
        of households: [Household], baseline: SimulationBaseline, scenario: ScenarioState, year: Int,
        prices: PriceBasis? = nil, steps: Bool = true
    ) throws(SimulationError) -> (changes: [HouseholdChange], prices: ScenarioPrices) {
        let priced = try Simulator.prices(
            baseline: baseline, scenario: scenario, year: year, prices: prices, steps: steps)
        let made = priced.steps.map { (decision: $0.decision, dataset: $0.dataset) }
        let changes = households.map { household in
            HouseholdChange(household, before: priced.before, after: priced.after, steps: made, year: year)
        }
        return (changes, priced)
    }

    /// The year a household table shows when none is asked for: the period's last.
    public static func defaultYear(_ scenario: ScenarioState) -> Int { scenario.period.upperBound }

    /// How a table came to its year (or years).
    public enum YearChoice: Sendable, Hashable {
        /// The user named the year (`in 2021`).
        case given
        /// None was named: the period's last year.
        case periodEnd
        /// Every year of the period, one column each.
        case every
    }

    /// The decision labels and the notes that say which year, which kroner and how money was lifted.
    public static func context(
        _ prices: ScenarioPrices, scenario: ScenarioState, year choice: YearChoice, language: DisplayLanguageTag = .nb
    ) -> HouseholdChangeContext {
        let en = language == .en
        var notes: [String] = []
        for problem in prices.problems {
            notes.append((en ? "Not simulated: " : "Ikke simulert: ") + (en ? problem.en : problem.nb))
        }
        let year = prices.year
        switch choice {
        case .given: notes.append((en ? "Year: " : "År: ") + "\(year).")
        case .periodEnd:
            notes.append(
                en
                    ? "Year: \(year) (the period's last; choose another with «in <year>»)."
                    : "År: \(year) (periodens siste; velg et annet med «i <år>»).")
        case .every: break
        }
        notes.append(
            ReportNotes.priceBasis(
                prices.index, basis: prices.index.basis, firstYear: scenario.period.lowerBound, en: en))
        notes.append(steadyYearNote(prices, every: choice == .every, en: en))
        return HouseholdChangeContext(
            labels: scenario.decisions.enumerated().map {
                $0.element.label(index: $0.offset, dataset: prices.before, firstYear: scenario.period.lowerBound, nb: !en)
            }, notes: notes)
    }

    /// How a year is priced: fees, rules and G of 31.12.2019, money lifted by the year's factor.
    static func steadyYearNote(_ prices: ScenarioPrices, every: Bool, en: Bool) -> String {
        let factor = prices.factor.decimal(places: 6).map { NorwegianFormat.decimal($0, grouping: true) } ?? "?"
        let base = prices.index.baselineYear
        let year = every ? (en ? "Each year" : "Hvert år") : "\(prices.year)"
        let times = every ? (en ? "the year's deflator factor" : "årets deflatorfaktor") : factor
        return en
            ? "\(year) is priced as a whole year with the fees, rules and G in force on 31.12.\(base). Amounts in kroner (prices, incomes in kroner, G, maksimalpris, income limits, national caps) are the \(base) amounts × \(times), rounded like prices (whole kroner, øre for amounts with øre), so each household stands as far from every limit as in \(base). Before: no decisions; after: the scenario's decisions; they differ only by the decisions."
            : "\(year) prises som et helt år med gebyrene, reglene og G som gjaldt 31.12.\(base). Kronebeløp (priser, inntekt i kroner, G, maksimalpris, inntektsgrenser, nasjonale tak) er \(base)-beløpet × \(times), avrundet som prisene (hele kroner, øre for beløp med øre), så hver husholdning står like langt fra grensene som i \(base). Før: uten vedtak; etter: med scenariets vedtak; de skiller seg bare ved vedtakene."
    }
}
