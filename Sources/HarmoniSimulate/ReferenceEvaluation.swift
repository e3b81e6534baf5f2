import HarmoniModel

/// A second, plain evaluation of a scenario, written to be read and checked by hand: year by
/// year, decision by decision, line by line, with no tables, no reuse of one year's results in
/// the next and no packed sort. The tests run it beside ``Simulator/run(baseline:scenario:prices:)``
/// on thousands of seeded random scenarios and require every ledger line to be equal to the øre.
///
/// What it shares with the fast run, and why: the price index, the catalog (what the lines are),
/// the units of a decision (which lines are harmonised together), the coverage lines (plain
/// already) and goal-seek (a search whose result is a level; the level is then applied here like
/// any `to <beløp>`). Everything that turns levels into amounts is written out again below.
public enum ReferenceEvaluation {
    /// The ledger lines (in ledger order) and problems of a scenario, computed plainly.
    public struct Result: Sendable {
        public var lines: [LedgerLine]
        public var problems: [SimulationError]
    }

    /// Evaluates a scenario in its own price basis, or the one given.
    public static func run(baseline: SimulationBaseline, scenario: ScenarioState, prices: PriceBasis? = nil) -> Result {
        let basis = prices ?? scenario.prices
        var model: SimulationModel
        switch SimulationModel.make(baseline, scenario: scenario, basis: basis) {
        case .failure(let problem): return Result(lines: [], problems: [problem])
        case .success(let made): model = made
        }
        // Coverage decisions first: they change the volumes every later line is computed on.
        var coverage = Run(decisions: scenario.decisions)
        coverage.applyCoverage(&model)
        var evaluation = Evaluation(model: model)
        evaluation.problems = coverage.problems
        var made: [(line: LedgerLine, position: Int?)] = coverage.lines.map { ($0, nil) }
        // Goal-seek works in first-year kroner, whatever the basis shown.
        var solveModel = model
        if basis != .fixed, case .success(var fixed) = SimulationModel.make(baseline, scenario: scenario, basis: .fixed) {
            var fixedCoverage = Run(decisions: scenario.decisions)
            fixedCoverage.applyCoverage(&fixed)
            solveModel = fixed
        }
        for (index, decision) in scenario.decisions.enumerated() {
            guard case .level(let level) = decision.action else { continue }
            do throws(SimulationError) {
                try evaluation.apply(level, index: index, solveModel: solveModel, into: &made)
            } catch {
                evaluation.problems.append(error)
            }
        }
        return Result(lines: ledgerOrder(made, model.catalog), problems: evaluation.problems)
    }

    /// Ledger order: year, decision, the first catalog position with the line's `group.line` text
    /// (coverage lines without one last), municipality in merger order, then the order made.
    private static func ledgerOrder(_ made: [(line: LedgerLine, position: Int?)], _ catalog: Catalog) -> [LedgerLine] {
        var firstByText: [String: Int] = [:]
        for (position, item) in catalog.items.enumerated() where firstByText[item.key.description] == nil {
            firstByText[item.key.description] = position
        }
        func key(_ entry: (line: LedgerLine, position: Int?)) -> (Int, Int, Int, Int) {
            let line = entry.line
            let text = firstByText[line.itemText] ?? Int.max
            let municipality =
                catalog.municipalities.firstIndex(of: line.municipality) ?? catalog.municipalities.count
            return (line.year, line.decision, text, municipality)
        }
        let keyed = made.enumerated().map { (key: key($0.element), order: $0.offset, line: $0.element.line) }
        return keyed.sorted { a, b in a.key != b.key ? a.key < b.key : a.order < b.order }.map(\.line)
    }
}

/// The state of one plain evaluation: the annual amount each item has reached per year.
private struct Evaluation {
    let model: SimulationModel
    /// The catalog position of each line of each municipality.
    let positions: [Line: Int]
    var reached: [Slot: Money] = [:]
    var problems: [SimulationError] = []

    struct Slot: Hashable {
        var position: Int
        var year: Int
    }

    struct Line: Hashable {
        var key: ItemKey
        var municipality: MunicipalityID
    }

    init(model: SimulationModel) {
        self.model = model
        var positions: [Line: Int] = [:]
        for (position, item) in model.catalog.items.enumerated() {
            let line = Line(key: item.key, municipality: item.municipality)
            if positions[line] == nil { positions[line] = position }
        }
        self.positions = positions
    }

    var catalog: Catalog { model.catalog }

    /// One level decision: unit by unit, year by year, item by item.
    mutating func apply(
        _ decision: LevelDecision, index: Int, solveModel: SimulationModel,
        into lines: inout [(line: LedgerLine, position: Int?)]
    ) throws(SimulationError) {
        let units = try LevelPlanner(model: model, decision: decision).units().units
        for unit in units {
            var applied = decision
            if case .neutral = decision.rule {
                let result = try GoalSeek.solve(model: solveModel, decision: decision, unit: unit)
                applied.rule = .amount(result.level, period: result.period)
            }
            for year in model.years {
                let share = applied.phasing.share(in: year, firstYear: model.firstYear)
                if share.isZero { continue }
                for (position, target) in try targets(applied, unit, year) {
                    let item = catalog.items[position]
                    let periods = periods(applied, item)
                    let previous = reached[Slot(position: position, year: year)] ?? ownAnnual(item, year)
                    guard SimulationModel.annualFits(target, periods) else {
                        throw .amountTooLarge(item.key.description, item.municipality, year)
                    }
                    let next = phased(applied, item, previous: previous, target: target, share: share)
                    if next == previous { continue }
                    reached[Slot(position: position, year: year)] = next
                    guard
                        let line = line(
                            item, year, previous: previous, next: next, target: target * periods, decision: index)
                    else { throw .amountTooLarge(item.key.description, item.municipality, year) }
                    // A change that vanishes once mva is taken out (or on a zero volume) is no change.
                    if line.unitChange != .zero, line.change != .zero { lines.append((line, position)) }
                }
            }
        }
    }

    // MARK: The item's own figures in a year

    /// The 2019 price lifted by the price index to `year`, rounded once (standard rounding).
    func ownLevel(_ item: BaselineItem, _ year: Int) -> Money {
        model.index.lift(item.level, to: year, rounding: .standard(for: item.level)) ?? item.level
    }

    /// Own level × billed periods per year.
    func ownAnnual(_ item: BaselineItem, _ year: Int) -> Money { ownLevel(item, year) * item.periodsPerYear }

    /// The own level in the decision's level space (price per period, or the annual amount).
    func ownLevel(_ decision: LevelDecision, _ item: BaselineItem, _ year: Int) -> Money {
        decision.basis == .price ? ownLevel(item, year) : ownAnnual(item, year)
    }

    /// Periods between the level space and the annual amount.
    func periods(_ decision: LevelDecision, _ item: BaselineItem) -> Int64 {
        decision.basis == .price ? item.periodsPerYear : 1
    }

    /// The decision's step, or standard rounding of the 2019 level (in the level space).
    func rounding(_ decision: LevelDecision, _ item: BaselineItem) -> LevelRounding {
        let base = decision.basis == .price ? item.level : item.level * item.periodsPerYear
        let step = decision.roundingStep ?? LevelRounding.standard(for: base).step
        return LevelRounding(step: step, direction: decision.rule.roundingDirection)
    }

    // MARK: Targets

    /// Each changed item's target level (level space) in `year`: the main line's target in each
    /// municipality the decision applies to, and the unit's other lines moved by the main line's
    /// factor (target ÷ own level).
    func targets(_ decision: LevelDecision, _ unit: HarmonisationUnit, _ year: Int) throws(SimulationError)
        -> [(position: Int, target: Money)]
    {
        let mainKey = unit.main(catalog)
        let keys = unit.keyIDs.map { catalog.slots.keys[$0] }
        let present = catalog.municipalities.compactMap { position(mainKey, $0) }
        guard let first = present.first else { return [] }
        try checkComparable(decision, present, mainKey)
        let common = try commonTarget(decision, present, year, rounding(decision, catalog.items[first]))
        var result: [(position: Int, target: Money)] = []
        for municipality in catalog.municipalities where decision.applies(to: municipality) {
            guard let main = position(mainKey, municipality) else { continue }
            let mainOwn = ownLevel(decision, catalog.items[main], year)
            let mainTarget: Money
            if case .change(let rate) = decision.rule {
                let changed = ExactFraction(mainOwn.ore) * ExactFraction(growth: rate)
                mainTarget = rounding(decision, catalog.items[main]).round(ore: changed) ?? mainOwn
            } else {
                guard let common else { continue }
                mainTarget = common
            }
            for key in keys {
                guard let position = position(key, municipality) else { continue }
                if key == mainKey {
                    if !unit.followsMain { result.append((position, mainTarget)) }
                    continue
                }
                let item = catalog.items[position]
                let own = ownLevel(decision, item, year)
                guard let factor = ExactFraction(mainTarget, over: mainOwn),
                    let target = rounding(decision, item).round(ore: factor * ExactFraction(own.ore))
                else { continue }
                result.append((position, target))
            }
        }
        return result
    }

    /// The catalog position of a line in a municipality, if it has the line.
    func position(_ key: ItemKey, _ municipality: MunicipalityID) -> Int? {
        positions[Line(key: key, municipality: municipality)]
    }

    /// The municipalities' lines must share a period (unless annual) and an mva form, and a given
    /// amount must be per that period.
    func checkComparable(_ decision: LevelDecision, _ present: [Int], _ main: ItemKey) throws(SimulationError) {
        let items = present.map { catalog.items[$0] }
        let first = items[0]
        let samePeriod = decision.basis == .annual || items.allSatisfy { $0.period == first.period }
        guard samePeriod, items.allSatisfy({ $0.vat == first.vat }) else { throw .notComparable(main.description) }
        if case .amount(_, let period) = decision.rule {
            let expected: PricePeriod = decision.basis == .annual ? .year : first.period
            let given = period ?? .once
            guard given == expected || (given == .once && expected == .year) else {
                throw .periodMismatch(main.description, expected: expected, found: period)
            }
        }
    }

    /// The level every municipality moves to; `nil` for a percent change.
    func commonTarget(_ decision: LevelDecision, _ present: [Int], _ year: Int, _ rounding: LevelRounding)
        throws(SimulationError) -> Money?
    {
        let items = present.map { catalog.items[$0] }
        let levels = items.map { ownLevel(decision, $0, year) }
        switch decision.rule {
        case .lowest: return rounding.round(levels.min() ?? .zero)
        case .highest: return rounding.round(levels.max() ?? .zero)
        case .mean:
            let sum = levels.reduce(Money.zero, +)
            return rounding.round(ore: ExactFraction(Int128(sum.ore), Int128(levels.count)) ?? .zero)
        case .weighted:
            // Σ level × volume ÷ Σ volume, on the volumes before coverage decisions.
            var weighted = ExactFraction.zero
            var total = ExactFraction.zero
            for (item, level) in zip(items, levels) {
                guard let volume = model.baselineVolume(item, year) else {
                    throw .missingVolumeForWeighted(item.key.description, item.municipality)
                }
                weighted = weighted + ExactFraction(level.ore) * ExactFraction(decimal: volume)
                total = total + ExactFraction(decimal: volume)
            }
            guard let mean = weighted / total else {
                throw .missingVolumeForWeighted(items[0].key.description, items[0].municipality)
            }
            return rounding.round(ore: mean)
        case .municipality(let id):
            guard let item = items.first(where: { $0.municipality == id }) else {
                throw .municipalityLacksLine(id, items[0].key.description)
            }
            return rounding.round(ownLevel(decision, item, year))
        case .amount(let amount, _):
            return rounding.round(ore: ExactFraction(amount.ore) * model.index.factorFromFirstYear(year))
        case .change, .neutral:
            return nil
        }
    }

    // MARK: Phasing and the line

    /// `share` of the way from `previous` (annual) to `target` (level space), rounded to the
    /// item's step; never past the target, never away from it, never against the rule's direction.
    func phased(_ decision: LevelDecision, _ item: BaselineItem, previous: Money, target: Money, share: ExactFraction)
        -> Money
    {
        let periods = periods(decision, item)
        let direction = decision.rule.roundingDirection
        let total = target * periods
        if direction == .floor && total > previous { return previous }
        if direction == .ceiling && total < previous { return previous }
        if share.isOne { return total }
        // In the level space: before + share × (target − before), to the nearest step.
        guard let before = ExactFraction(Int128(previous.ore), Int128(periods)) else { return previous }
        let gap = ExactFraction(target.ore) - before
        guard let candidate = rounding(decision, item).with(.nearest).round(ore: before + share * gap) else {
            return previous
        }
        let moved = ExactFraction(candidate.ore) - before
        if moved.isZero || (moved.signum > 0) != (gap.signum > 0) { return previous }
        let left = gap - moved
        if !left.isZero && (left.signum > 0) != (gap.signum > 0) { return total }
        return candidate * periods
    }

    /// The ledger line of an item whose annual amount goes from `previous` to `next` in `year`;
    /// `nil` when an amount would exceed ``Money/limit``.
    func line(_ item: BaselineItem, _ year: Int, previous: Money, next: Money, target: Money, decision: Int)
        -> LedgerLine?
    {
        let volume = model.volume(item, year)
        let unitBefore = model.unitExcludingVAT(previous, item)
        let unitAfter = model.unitExcludingVAT(next, item)
        var before: Money?
        var after: Money?
        if let volume {
            guard let b = model.amount(unitBefore, volume), let a = model.amount(unitAfter, volume) else { return nil }
            before = b
            after = a
        }
        // The level per period: the annual amount over the billed periods, to øre.
        func perPeriod(_ annual: Money) -> Money {
            if item.periodsPerYear == 1 { return annual }
            return annual.multiplied(byFraction: 1, over: item.periodsPerYear, rounding: .ore) ?? annual
        }
        return LedgerLine(
            kind: item.key.kind == .fee ? .revenue : .cost, area: item.area, group: item.key.group, item: item.key.line,
            municipality: item.municipality, year: year, volume: volume, levelBefore: perPeriod(previous),
            levelAfter: perPeriod(next), ownUnit: model.unitExcludingVAT(ownAnnual(item, year), item),
            targetUnit: model.unitExcludingVAT(target, item), unitBefore: unitBefore, unitAfter: unitAfter,
            before: before, after: after,
            users: item.countsUsers ? volume : nil, changePerUser: item.countsUsers ? unitAfter - unitBefore : nil,
            decision: decision, status: item.status, selvkost: item.selvkost, sources: item.sources)
    }
}
