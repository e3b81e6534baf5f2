import HarmoniModel
import HarmoniReport

/// The budget-impact simulator: a pure function from a baseline dataset and a scenario to a ledger.
///
/// Order of work: the price index (deflator per year), the volumes of each year (2019 volumes,
/// growth settings, coverage decisions), the coverage cost lines, then the price and subsidy-rate
/// decisions in the order made (each a chain link from what the earlier ones left), rule adoptions
/// and selvkost checks. Amounts exclude mva; the price basis is the scenario's (fixed first-year
/// kroner unless nominal is asked for).
public enum Simulator {
    /// Runs a scenario on a baseline.
    public static func run(baseline: Dataset, scenario: ScenarioState) -> Ledger {
        run(baseline: baseline, scenario: scenario, prices: scenario.prices)
    }

    /// Runs a scenario on a baseline in the given price basis.
    public static func run(baseline: Dataset, scenario: ScenarioState, prices: PriceBasis) -> Ledger {
        run(baseline: SimulationBaseline(baseline), scenario: scenario, prices: prices)
    }

    /// Runs a scenario on a prepared baseline, in the scenario's price basis or the one given.
    public static func run(baseline: SimulationBaseline, scenario: ScenarioState, prices: PriceBasis? = nil) -> Ledger {
        switch start(baseline, scenario, basis: prices ?? scenario.prices) {
        case .failure(let stopped): return stopped.ledger
        case .success(let progress): return finish(progress)
        }
    }

    /// The problem of size a scenario's settings give before any decision (an amount, a volume or
    /// the price index beyond Harmoni's limits, in fixed or nominal prices), or `nil`. Other
    /// problems (a missing deflator) are not reported: a period may be set before its deflators.
    public static func checkLimits(baseline: SimulationBaseline, scenario: ScenarioState) -> SimulationError? {
        for basis in [PriceBasis.fixed, .nominal] {
            switch SimulationModel.make(baseline, scenario: scenario, basis: basis) {
            case .failure(let error) where error.isTooLarge: return error
            case .failure: return nil
            case .success(var model):
                var run = Run(decisions: scenario.decisions)
                run.applyCoverage(&model)
                if let problem = run.problems.first(where: \.isTooLarge) { return problem }
            }
        }
        return nil
    }

    /// Checks that a decision can be applied on top of a scenario; returns notes (e.g. services of an
    /// area that were skipped) or throws why it cannot.
    public static func validate(_ decision: Decision, baseline: Dataset, scenario: ScenarioState)
        throws(SimulationError) -> [LocalizedText]
    {
        try validate(decision, baseline: SimulationBaseline(baseline), scenario: scenario)
    }

    /// ``validate(_:baseline:scenario:)`` on a prepared baseline; a decision whose run would form
    /// an amount beyond ``Money/limit`` (in fixed or nominal prices) is refused too.
    public static func validate(_ decision: Decision, baseline: SimulationBaseline, scenario: ScenarioState)
        throws(SimulationError) -> [LocalizedText]
    {
        var cache = LedgerCache()
        return try validate(decision, baseline: baseline, scenario: scenario, cache: &cache)
    }

    /// ``validate(_:baseline:scenario:)`` with the runs through `cache` (``LedgerCache``): a
    /// session's runs of the scenario continue with the new decision instead of starting over.
    public static func validate(
        _ decision: Decision, baseline: SimulationBaseline, scenario: ScenarioState, cache: inout LedgerCache
    ) throws(SimulationError) -> [LocalizedText] {
        let notes = try validateAlone(decision, baseline: baseline, scenario: scenario)
        var after = scenario
        after.decisions.append(decision)
        for basis in [PriceBasis.fixed, .nominal] {
            let ledger = run(baseline: baseline, scenario: after, prices: basis, cache: &cache)
            if ledger.index == nil, let problem = ledger.problems.first, problem.isTooLarge { throw problem }
            if let problem = ledger.problems.first(where: \.isTooLarge) { throw problem }
        }
        return notes
    }

    private static func validateAlone(_ decision: Decision, baseline: SimulationBaseline, scenario: ScenarioState)
        throws(SimulationError) -> [LocalizedText]
    {
        let model = try SimulationModel.make(baseline, scenario: scenario, basis: .fixed).get()
        for year in [decision.startYear, decisionEnd(decision)].compactMap({ $0 }) where !model.years.contains(year) {
            throw .yearOutsidePeriod(year, model.years)
        }
        switch decision.action {
        case .level(let level):
            try checkRange(level)
            let planner = LevelPlanner(model: model, decision: level)
            var (units, notes) = try planner.units()
            for unit in units {
                if case .neutral = level.rule {
                    _ = try GoalSeek.solve(model: model, decision: level, unit: unit)
                } else {
                    let targets = try planner.targets(unit, model.firstYear)
                    if level.basis == .price, !level.rule.isChange, let note = billingNote(targets, planner) {
                        notes.append(note)
                    }
                }
            }
            return notes
        case .coverage(let coverage):
            let link = try CoverageLink.make(coverage, model: model)
            guard link.ratio.signum >= 0, (ExactFraction(100) - link.ratio).signum >= 0 else {
                throw .outOfRange(coverage.value.description)
            }
            return []
        case .rules(let rules):
            guard
                !model.dataset.rules(rules.source, rules.service, rule: rules.rule).isEmpty
                    || model.catalog.municipalities.contains(where: {
                        !model.dataset.rules($0, rules.service, rule: rules.rule).isEmpty
                    })
            else { throw .unknownTarget("\(rules.service).\(rules.rule)") }
            return []
        }
    }

    /// When equal prices still give different annual amounts because billed months differ (SFO:
    /// Asker 10, Røyken and Hurum 11), a note with the months and the annual amounts in the first
    /// year: the harmonisation equalises the monthly price, not what a year costs.
    private static func billingNote(_ targets: [(position: Int, target: Money)], _ planner: LevelPlanner)
        -> LocalizedText?
    {
        let slots = planner.model.catalog.slots
        let items = planner.model.catalog.items
        guard let first = targets.first else { return nil }
        let sameLine = targets.filter { items[$0.position].key == items[first.position].key }
        let months = sameLine.map { slots.periodsPerYear[$0.position] }
        guard items[first.position].period == .month, Set(months).count > 1,
            Set(sameLine.map(\.target)).count == 1
        else { return nil }
        let parts = sameLine.map { entry in
            let item = items[entry.position]
            let annual = entry.target * slots.periodsPerYear[entry.position]
            let name = planner.model.dataset.municipality(item.municipality)?.name ?? item.municipality.rawValue
            return (name, slots.periodsPerYear[entry.position], NorwegianFormat.money(annual))
        }
        let key = items[first.position].key
        let fee = FeeKey(ServiceID(key.group), LineID(key.line))
        let lineNB = "«" + DisplayNames.serviceLine(fee, in: planner.model.dataset, nb: true) + "»"
        let lineEN = "«" + DisplayNames.serviceLine(fee, in: planner.model.dataset, nb: false) + "»"
        let nb = parts.map { "\($0.0) \($0.1) mnd: \($0.2)" }.joined(separator: ", ")
        let en = parts.map { "\($0.0) \($0.1) months: \($0.2)" }.joined(separator: ", ")
        return LocalizedText(
            "Betalte måneder er fortsatt ulike for \(lineNB), så årsbeløpet er ulikt (\(nb) i året); «annual» (lik årspris) gir like årsbeløp",
            "Billed months still differ for \(lineEN), so the annual amount differs (\(en) a year); «annual» gives equal annual amounts")
    }

    /// Goal-seek for a `solve` decision on top of a scenario: one result per group of the target.
    /// Levels are in fixed first-year kroner.
    public static func solve(_ decision: LevelDecision, baseline: Dataset, scenario: ScenarioState)
        throws(SimulationError) -> [GoalSeekResult]
    {
        try solve(decision, baseline: SimulationBaseline(baseline), scenario: scenario)
    }

    /// ``solve(_:baseline:scenario:)`` on a prepared baseline.
    public static func solve(_ decision: LevelDecision, baseline: SimulationBaseline, scenario: ScenarioState)
        throws(SimulationError) -> [GoalSeekResult]
    {
        var model = try SimulationModel.make(baseline, scenario: scenario, basis: .fixed).get()
        var run = Run(decisions: scenario.decisions)
        run.applyCoverage(&model)
        var results: [GoalSeekResult] = []
        for unit in try LevelPlanner(model: model, decision: decision).units().units {
            results.append(try GoalSeek.solve(model: model, decision: decision, unit: unit))
        }
        return results
    }

    /// Amounts up to 1 milliard kr, changes from above −100 % to 1 000 %, steps up to 1 000 000 kr:
    /// beyond these the arithmetic could leave `Int64` øre.
    private static func checkRange(_ level: LevelDecision) throws(SimulationError) {
        let billion = Int64(100_000_000_000)
        switch level.rule {
        case .amount(let amount, _):
            guard amount.ore.magnitude <= billion else { throw .outOfRange(NorwegianFormat.money(amount)) }
        case .change(let rate):
            guard rate > Rate(percent: -100), rate <= Rate(percent: 1000) else { throw .outOfRange(rate.description) }
        case .neutral(let goal, _):
            if let goal, goal.ore.magnitude > billion * 100 { throw .outOfRange(NorwegianFormat.money(goal)) }
        default: break
        }
        if let step = level.roundingStep, step > Money(kroner: 1_000_000) {
            throw .outOfRange(NorwegianFormat.money(step))
        }
    }

    private static func decisionEnd(_ decision: Decision) -> Int? {
        guard case .level(let level) = decision.action else { return nil }
        switch level.phasing {
        case .linear(_, let to): return to
        default:
            if case .neutral(_, let year) = level.rule { return year }
            return nil
        }
    }

    /// The same model in fixed prices (goal-seek works in first-year kroner).
    static func fixedModel(_ model: SimulationModel, _ baseline: SimulationBaseline) -> SimulationModel {
        guard case .success(var fixed) = SimulationModel.make(baseline, scenario: model.scenario, basis: .fixed)
        else { return model }
        var run = Run(decisions: model.scenario.decisions)
        run.applyCoverage(&fixed)
        return fixed
    }
}
