import HarmoniModel

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
        let prices = prices ?? scenario.prices
        var model: SimulationModel
        switch SimulationModel.make(baseline, scenario: scenario, basis: prices) {
        case .failure(let problem):
            return Ledger(
                lines: [], problems: [problem], index: nil, period: scenario.period, decisions: scenario.decisions)
        case .success(let made): model = made
        }
        var run = Run(decisions: scenario.decisions)
        run.applyCoverage(&model)
        let solveModel = prices == .fixed ? model : fixedModel(model, baseline)
        for (index, decision) in scenario.decisions.enumerated() {
            guard case .level(let level) = decision.action else { continue }
            run.applyLevel(level, index: index, model: model, solveModel: solveModel)
        }
        run.applyRules(model)
        let warnings = run.selvkostWarnings(model)
        let touched = run.decisionsWithLines.union(run.ruleChanges.map(\.decision))
        let ineffective = scenario.decisions.indices.filter { !touched.contains($0) }
        let lines = run.takeOrderedLines(model.catalog)
        var ledger = Ledger(
            lines: lines, ruleChanges: run.ruleChanges, selvkostWarnings: warnings,
            ineffective: ineffective,
            notes: run.notes, problems: run.problems, index: model.index, period: scenario.period,
            decisions: scenario.decisions)
        ledger.growth = scenario.growth
        return ledger
    }

    /// Checks that a decision can be applied on top of a scenario; returns notes (e.g. services of an
    /// area that were skipped) or throws why it cannot.
    public static func validate(_ decision: Decision, baseline: Dataset, scenario: ScenarioState)
        throws(SimulationError) -> [LocalizedText]
    {
        try validate(decision, baseline: SimulationBaseline(baseline), scenario: scenario)
    }

    /// ``validate(_:baseline:scenario:)`` on a prepared baseline.
    public static func validate(_ decision: Decision, baseline: SimulationBaseline, scenario: ScenarioState)
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
            let (units, notes) = try planner.units()
            for unit in units {
                if case .neutral = level.rule {
                    _ = try GoalSeek.solve(model: model, decision: level, unit: unit)
                } else {
                    _ = try planner.targets(unit, model.firstYear)
                }
            }
            return notes
        case .coverage(let coverage):
            let link = try CoverageLink.make(coverage, model: model)
            guard link.ratio.numerator >= 0, (ExactFraction(100) - link.ratio).numerator >= 0 else {
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
    private static func fixedModel(_ model: SimulationModel, _ baseline: SimulationBaseline) -> SimulationModel {
        guard case .success(var fixed) = SimulationModel.make(baseline, scenario: model.scenario, basis: .fixed)
        else { return model }
        var run = Run(decisions: model.scenario.decisions)
        run.applyCoverage(&fixed)
        return fixed
    }
}

/// The mutable state of one run: lines so far and the annual amount each item has reached.
struct Run {
    let decisions: [Decision]
    /// The lines in the order made; ``takeOrderedLines(_:)`` gives the ledger's order.
    private(set) var lines: [LedgerLine] = []
    /// The catalog position of each line's item (-1 for a coverage line).
    private var lineItems: [Int] = []
    var ruleChanges: [RuleChange] = []
    var notes: [LocalizedText] = []
    var problems: [SimulationError] = []
    /// The annual amount per unit (stored mva form) after the decisions so far, per catalog
    /// position and year (slot `position × years + year − first year`); empty until a level decision.
    private(set) var state: [Money?] = []

    init(decisions: [Decision]) { self.decisions = decisions }

    /// Adds a line; `item` is the catalog position of its item, -1 for a coverage line.
    mutating func append(_ line: consuming LedgerLine, item: Int) {
        lines.append(line)
        lineItems.append(item)
    }

    /// The decisions that made at least one line.
    var decisionsWithLines: Set<Int> {
        var decisions: Set<Int> = []
        lines.forEachInPlace { _, line in decisions.insert(line.pointee.decision) }
        return decisions
    }

    /// The annual amount an item has reached in `year`, if a decision changed it.
    func reached(_ position: Int, _ year: Int, _ model: SimulationModel) -> Money? {
        let slot = position * model.years.count + (year - model.firstYear)
        return slot >= 0 && slot < state.count ? state[slot] : nil
    }

    /// Ledger order: year, decision, item in dataset order (an item's `group.line` text at its
    /// first position; coverage lines after every item unless their text is an item's),
    /// municipality in merger order. The sort is stable, so lines with equal keys keep the order made.
    /// The run gives its lines up (they are moved into place, not copied).
    mutating func takeOrderedLines(_ catalog: Catalog) -> [LedgerLine] {
        let slots = catalog.slots
        var keys: [LineOrder] = []
        keys.reserveCapacity(lines.count)
        lines.forEachInPlace { i, line in
            let item = lineItems[i]
            if item >= 0 {
                keys.append(
                    LineOrder(
                        year: line.pointee.year, decision: line.pointee.decision, item: slots.textOrder[item],
                        municipality: slots.municipalityOrder[item]))
            } else {
                keys.append(
                    LineOrder(
                        year: line.pointee.year, decision: line.pointee.decision,
                        item: slots.firstPositionByText[line.pointee.itemText] ?? Int.max,
                        municipality: slots.municipalityIndex[line.pointee.municipality] ?? slots.municipalityCount))
            }
        }
        let order = lines.indices.sorted { keys[$0] < keys[$1] }
        var ordered = lines
        lines = []
        lineItems = []
        ordered.permute(by: order)
        return ordered
    }

    /// A line's place in the ledger, compared field by field in this order.
    private struct LineOrder: Comparable {
        var year: Int
        var decision: Int
        var item: Int
        var municipality: Int

        static func < (a: LineOrder, b: LineOrder) -> Bool {
            if a.year != b.year { return a.year < b.year }
            if a.decision != b.decision { return a.decision < b.decision }
            if a.item != b.item { return a.item < b.item }
            return a.municipality < b.municipality
        }
    }

    mutating func applyLevel(_ decision: LevelDecision, index: Int, model: SimulationModel, solveModel: SimulationModel)
    {
        do throws(SimulationError) {
            let (units, unitNotes) = try LevelPlanner(model: model, decision: decision).units()
            notes += unitNotes
            for unit in units {
                var effective = decision
                if case .neutral = decision.rule {
                    let result = try GoalSeek.solve(model: solveModel, decision: decision, unit: unit)
                    effective.rule = .amount(result.level, period: result.period)
                }
                try applyUnit(unit, effective, index: index, model: model)
            }
        } catch {
            problems.append(error)
        }
    }

    private mutating func applyUnit(
        _ unit: HarmonisationUnit, _ decision: LevelDecision, index: Int, model: SimulationModel
    )
        throws(SimulationError)
    {
        let planner = LevelPlanner(model: model, decision: decision)
        let yearCount = model.years.count
        if state.isEmpty { state = Array(repeating: nil, count: model.catalog.items.count * yearCount) }
        // Targets are computed again only when their inputs change from year to year.
        var last: (year: Int, targets: [(position: Int, target: Money)])?
        for year in model.years {
            let share = decision.phasing.share(in: year, firstYear: model.firstYear)
            guard share.numerator != 0 else { continue }
            let targets: [(position: Int, target: Money)]
            if let last, model.targetInputsRepeat(from: last.year, to: year) {
                targets = last.targets
            } else {
                targets = try planner.targets(unit, year)
                last = (year, targets)
            }
            for (item, target) in targets {
                let slot = item * yearCount + (year - model.firstYear)
                let previous = state[slot] ?? model.ownAnnual(at: item, year)
                let next = planner.phased(previous: previous, item: item, target: target, share: share)
                guard next != previous else { continue }
                state[slot] = next
                let made = line(
                    item, year, previous, next, target: target * planner.periods(item), decision: index, model: model)
                // A change that vanishes once mva is taken out (or on a zero volume) is no change.
                guard made.unitChange != .zero, made.change != .zero else { continue }
                append(made, item: item)
            }
        }
    }

    private func line(
        _ position: Int, _ year: Int, _ previous: Money, _ next: Money, target: Money, decision: Int,
        model: SimulationModel
    ) -> LedgerLine {
        let item = model.catalog.items[position]
        let volume = model.volume(at: position, year)
        let unitBefore = model.unitExcludingVAT(previous, at: position)
        let unitAfter = model.unitExcludingVAT(next, at: position)
        let perPeriod = { (annual: Money) -> Money in
            // Over one period the level is the annual amount itself.
            item.periodsPerYear == 1
                ? annual : annual.multiplied(byFraction: 1, over: item.periodsPerYear, rounding: .ore) ?? annual
        }
        let volumeFraction = volume.map { ExactFraction(decimal: $0) }
        return LedgerLine(
            kind: item.key.kind == .fee ? .revenue : .cost, area: item.area, group: item.key.group, item: item.key.line,
            municipality: item.municipality, year: year, volume: volume, levelBefore: perPeriod(previous),
            levelAfter: perPeriod(next), ownUnit: model.unitExcludingVAT(model.ownAnnual(at: position, year), at: position),
            targetUnit: model.unitExcludingVAT(target, at: position), unitBefore: unitBefore, unitAfter: unitAfter,
            before: volumeFraction.map { model.amount(unitBefore, $0) },
            after: volumeFraction.map { model.amount(unitAfter, $0) },
            users: item.countsUsers ? volume : nil, changePerUser: item.countsUsers ? unitAfter - unitBefore : nil,
            decision: decision, status: item.status, selvkost: item.selvkost, sources: item.sources)
    }
}
