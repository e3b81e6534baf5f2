import HarmoniModel

/// Level decisions (`harmonise`, `set`, `solve`) applied unit by unit and year by year.
extension Run {
    mutating func applyLevel(_ decision: LevelDecision, index: Int, model: SimulationModel, solveModel: SimulationModel)
    {
        do throws(SimulationError) {
            // One planner for the decision (a planner holds a copy of the model: made once).
            var planner = LevelPlanner(model: model, decision: decision)
            let (units, unitNotes) = try planner.units()
            notes += unitNotes
            for unit in units {
                if case .neutral = decision.rule {
                    let result = try GoalSeek.solve(model: solveModel, decision: decision, unit: unit)
                    planner.decision.rule = .amount(result.level, period: result.period)
                }
                try applyUnit(unit, planner, index: index, model: model)
            }
        } catch {
            problems.append(error)
        }
    }

    private mutating func applyUnit(
        _ unit: HarmonisationUnit, _ planner: borrowing LevelPlanner, index: Int, model: SimulationModel
    )
        throws(SimulationError)
    {
        let decision = planner.decision
        let yearCount = model.years.count
        if state.isEmpty {
            state = Array(repeating: nil, count: model.catalog.items.count * yearCount)
            // A first guess of one line per item saves regrowing (and copying) the lines.
            reserveLines(min(model.catalog.items.count, 4_096))
        }
        // Targets are computed again only when their inputs change from year to year; and while
        // they do not, an item whose share, previous amount and volume are also the year before's
        // gets the same next amount and line (only the year differs).
        var last: (year: Int, targets: [(position: Int, target: Money)])?
        var memo: [YearResult] = []
        var memoShare = ExactFraction.zero
        for year in model.years {
            let share = decision.phasing.share(in: year, firstYear: model.firstYear)
            guard !share.isZero else { continue }
            let targets: [(position: Int, target: Money)]
            var reusable = false
            if let last, model.targetInputsRepeat(from: last.year, to: year) {
                targets = last.targets
                reusable = share == memoShare && memo.count == targets.count
            } else {
                targets = try planner.targets(unit, year)
                last = (year, targets)
            }
            if !reusable {
                memo = []
                memo.reserveCapacity(targets.count)
                memoShare = share
            }
            for (k, (item, target)) in targets.enumerated() {
                let slot = item * yearCount + (year - model.firstYear)
                let previous = state[slot] ?? model.ownAnnual(at: item, year)
                let volume = model.volume(at: item, year)
                if reusable, memo[k].previous == previous, Run.identical(memo[k].volume, volume) {
                    guard memo[k].next != previous else { continue }
                    state[slot] = memo[k].next
                    if memo[k].line >= 0 {
                        var line = lines[memo[k].line]
                        line.year = year
                        append(line, item: item)
                    }
                    continue
                }
                guard SimulationModel.annualFits(target, planner.periods(item)) else {
                    throw model.catalog.items.withElement(at: item) {
                        SimulationError.amountTooLarge($0.pointee.key.description, $0.pointee.municipality, year)
                    }
                }
                let next = planner.phased(previous: previous, item: item, target: target, share: share)
                var made = -1
                if next != previous {
                    state[slot] = next
                    let line = try line(
                        item, year, previous, next, target: target * planner.periods(item), decision: index,
                        model: model)
                    // A change that vanishes once mva is taken out (or on a zero volume) is no change.
                    if line.unitChange != .zero, line.change != .zero {
                        made = lines.count
                        append(line, item: item)
                    }
                }
                let result = YearResult(previous: previous, volume: volume, next: next, line: made)
                if reusable { memo[k] = result } else { memo.append(result) }
            }
        }
    }

    /// What one item came to in a year, reused for the next year when nothing it depends on
    /// changed: the amounts, and the index of its line in ``lines`` (-1 for none).
    private struct YearResult {
        var previous: Money
        var volume: DecimalNumber?
        var next: Money
        var line: Int
    }

    /// True when two volumes are the same number written the same way (equal values written
    /// differently count as different: the line is then computed again, never wrongly reused).
    private static func identical(_ a: DecimalNumber?, _ b: DecimalNumber?) -> Bool {
        a?.significand == b?.significand && a?.scale == b?.scale
    }

    private func line(
        _ position: Int, _ year: Int, _ previous: Money, _ next: Money, target: Money, decision: Int,
        model: SimulationModel
    ) throws(SimulationError) -> LedgerLine {
        let made = model.catalog.items.withElement(at: position) { item in
            line(item.pointee, position, year, previous, next, target: target, decision: decision, model: model)
        }
        guard let made else {
            let item = model.catalog.items[position]
            throw .amountTooLarge(item.key.description, item.municipality, year)
        }
        return made
    }

    /// ``line(_:_:_:_:target:decision:model:)`` with the item read in place.
    private func line(
        _ item: borrowing BaselineItem, _ position: Int, _ year: Int, _ previous: Money, _ next: Money, target: Money,
        decision: Int, model: SimulationModel
    ) -> LedgerLine? {
        let volume = model.volume(at: position, year)
        let unitBefore = model.unitExcludingVAT(previous, at: position)
        let unitAfter = model.unitExcludingVAT(next, at: position)
        let periods = item.periodsPerYear
        let perPeriod = { (annual: Money) -> Money in
            // Over one period the level is the annual amount itself.
            periods == 1 ? annual : annual.multiplied(byFraction: 1, over: periods, rounding: .ore) ?? annual
        }
        var amounts: (before: Money, after: Money)?
        if let volume {
            let fraction = ExactFraction(decimal: volume)
            // Beyond ``Money/limit``: the caller stops the decision with «beløpet er for stort».
            guard let before = model.amount(unitBefore, fraction), let after = model.amount(unitAfter, fraction) else {
                return nil
            }
            amounts = (before, after)
        }
        return LedgerLine(
            kind: item.key.kind == .fee ? .revenue : .cost, area: item.area, group: item.key.group, item: item.key.line,
            municipality: item.municipality, year: year, volume: volume, levelBefore: perPeriod(previous),
            levelAfter: perPeriod(next), ownUnit: model.unitExcludingVAT(model.ownAnnual(at: position, year), at: position),
            targetUnit: model.unitExcludingVAT(target, at: position), unitBefore: unitBefore, unitAfter: unitAfter,
            before: amounts?.before, after: amounts?.after,
            users: item.countsUsers ? volume : nil, changePerUser: item.countsUsers ? unitAfter - unitBefore : nil,
            decision: decision, status: item.status, selvkost: item.selvkost, sources: item.sources)
    }
}
