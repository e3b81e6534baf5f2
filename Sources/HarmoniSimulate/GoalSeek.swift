import HarmoniModel

/// The answer of a goal-seek: the harmonised level of a group's main line at which nye Asker's
/// revenue from the group equals the goal, and how close it came.
public struct GoalSeekResult: Sendable, Hashable {
    /// The service or subsidy scheme.
    public var group: String
    /// The line the level is for (the group's main line; the other lines follow its factor).
    public var main: ItemKey
    /// True when the target is a group (other lines follow the main line), false for one line.
    public var isGroup: Bool
    /// The year whose revenue is balanced.
    public var year: Int
    /// The level found, in kroner of the period's first year, per ``period`` and in the stored mva form.
    public var level: Money
    /// What the level is per (the main line's period, or a year for the annual basis).
    public var period: PricePeriod
    /// The mva form of the level.
    public var vat: VATForm
    /// The revenue to reach (excluding mva): the baseline's revenue from the same lines, or the amount given.
    public var goal: Money
    /// nye Asker's revenue at the level.
    public var revenue: Money
    /// The revenue one rounding step below and above the level.
    public var revenueBelow: Money
    /// The revenue one rounding step above the level.
    public var revenueAbove: Money
    /// The rounding step the level honours.
    public var step: Money
    /// How many levels were tried.
    public var evaluations: Int
    /// Lines of the group without a volume (left out of both sides: their revenue is unknown).
    public var linesWithoutVolume: [String]

    /// `revenue - goal`: what is left over at the level found.
    public var residual: Money { revenue - goal }
}

/// Goal-seek on the step grid of the rounding rule.
///
/// The revenue of a group is a non-decreasing step function of the main line's level (every line
/// moves by the same factor, each rounded). The search doubles an upper bound until the revenue
/// reaches the goal, bisects to the lowest level on the grid that reaches it, and returns whichever
/// of that level and the one a step below is closer to the goal (the lower on a tie). The residual
/// is therefore at most the revenue of one rounding step.
enum GoalSeek {
    static func solve(model: SimulationModel, decision: LevelDecision, unit: HarmonisationUnit)
        throws(SimulationError) -> GoalSeekResult
    {
        guard case .neutral(let givenGoal, let givenYear) = decision.rule else { throw .goalUnreachable(unit.group) }
        let year = givenYear ?? decision.phasing.targetYear(firstYear: model.firstYear)
        guard model.years.contains(year) else { throw .yearOutsidePeriod(year, model.years) }
        let catalog = model.catalog
        let slots = catalog.slots
        // Catalog positions of the unit's items: line by line, municipalities in merger order.
        let items = unit.keyIDs.flatMap { keyID in
            (0..<slots.municipalityCount).compactMap { slots.position(keyID: keyID, municipality: $0) }
        }
        let mainKey = unit.main(catalog)
        let withVolume = items.filter { model.volume(at: $0, year) != nil }
        guard !withVolume.isEmpty,
            let mainPosition = slots.position(keyID: unit.mainID, municipality: 0)
                ?? items.first(where: { catalog.items[$0].key == mainKey })
        else { throw .noVolume(unit.group) }
        let main = catalog.items[mainPosition]
        let period: PricePeriod = decision.basis == .annual ? .year : main.period
        var probe = decision
        probe.phasing = .atOnce(from: nil)
        // What every evaluation needs of an item with a volume, worked out once.
        let volumes = withVolume.map { position in model.volume(at: position, year).map { ExactFraction(decimal: $0) } }
        let ownAnnuals = withVolume.map { model.ownAnnual(at: $0, year) }
        // An amount beyond ``Money/limit`` stops the search: no level that far can be the answer.
        func amount(_ annual: Money, _ i: Int, _ volume: ExactFraction) throws(SimulationError) -> Money {
            let position = withVolume[i]
            guard let amount = model.amount(model.unitExcludingVAT(annual, at: position), volume) else {
                throw .amountTooLarge(catalog.items[position].key.description, catalog.items[position].municipality, year)
            }
            return amount
        }
        var goal = Money.zero
        for i in withVolume.indices {
            if let volume = volumes[i] { goal += try amount(ownAnnuals[i], i, volume) }
        }
        goal = givenGoal ?? goal
        // Where each item with a volume stands in `withVolume` (targets come by catalog position).
        var slotOf: [Int: Int] = [:]
        for (i, position) in withVolume.enumerated() { slotOf[position] = i }
        var evaluations = 0
        var annuals = ownAnnuals
        // One planner, its level changed for each evaluation (a planner holds a copy of the model).
        var planner = LevelPlanner(model: model, decision: probe)
        func revenue(_ steps: Int64) throws(SimulationError) -> Money {
            evaluations += 1
            planner.decision.rule = .amount(Money(ore: steps * stepOre), period: period)
            for i in annuals.indices { annuals[i] = ownAnnuals[i] }
            for (position, target) in try planner.targets(unit, year) {
                if let i = slotOf[position] { annuals[i] = target * planner.periods(position) }
            }
            var total = Money.zero
            for i in withVolume.indices {
                guard let volume = volumes[i] else { continue }
                total += try amount(annuals[i], i, volume)
            }
            return total
        }
        let stepOre = max(
            1, (decision.roundingStep ?? planner.rounding(mainPosition).step).ore)
        let own = withVolume.filter { catalog.items[$0].key == mainKey }.map { planner.ownLevel($0, year) }
        func result(_ chosen: Int64) throws(SimulationError) -> GoalSeekResult {
            GoalSeekResult(
                group: unit.group, main: mainKey, isGroup: unit.keyIDs.count > 1, year: year,
                level: Money(ore: chosen * stepOre), period: period, vat: main.vat, goal: goal,
                revenue: try revenue(chosen),
                revenueBelow: try revenue(chosen - 1), revenueAbove: try revenue(chosen + 1), step: Money(ore: stepOre),
                evaluations: evaluations,
                linesWithoutVolume: items.filter { model.volume(at: $0, year) == nil }.map {
                    "\(catalog.items[$0].municipality).\(catalog.items[$0].key)"
                })
        }
        // Search levels up to 2²⁰ times the highest own level (and never beyond ±1 000 000 000 kr).
        let limit =
            min(Int64(100_000_000_000), max(Int64(100), (own.map { $0.ore.magnitude }.max() ?? 1).clampedToInt64) << 20)
            / stepOre
        var high = min(limit, max(1, (own.max() ?? main.level).ore * 2 / stepOre + 1))
        while try revenue(high) < goal {
            guard high < limit else { throw .goalUnreachable(unit.group) }
            high = min(limit, high * 2)
        }
        // Levels stay at or above zero unless the line is a deduction (a negative own level).
        let bottom: Int64 = (own.min() ?? .zero) >= .zero ? 0 : -limit
        var low: Int64 = 0
        while try revenue(low) >= goal {
            if low == bottom {
                let atBottom = try revenue(low)
                if atBottom == (try revenue(high)) { throw .levelDoesNotMatter(unit.group) }
                if atBottom == goal { return try result(low) }
                throw .goalUnreachable(unit.group)
            }
            low = max(bottom, low == 0 ? -high : low * 2)
        }
        // Invariant: revenue(low) < goal <= revenue(high).
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if try revenue(middle) >= goal { high = middle } else { low = middle }
        }
        let atHigh = try revenue(high)
        let atLow = try revenue(low)
        return try result((atHigh - goal).ore.magnitude < (goal - atLow).ore.magnitude ? high : low)
    }
}

extension UInt64 {
    /// The value as an `Int64`, or `Int64.max` when it is larger.
    fileprivate var clampedToInt64: Int64 { Int64(exactly: self) ?? Int64.max }
}
