import HarmoniModel

/// Lines harmonised together: a main line whose target sets a factor, and the lines that follow it.
struct HarmonisationUnit: Sendable, Hashable {
    var group: String
    var main: ItemKey
    /// Every line of the unit, the main line included, in dataset order.
    var keys: [ItemKey]
}

/// Turns a level decision into units and computes each item's target level per year.
///
/// Levels live in the decision's level space: the price per period (``LevelBasis/price``) or the
/// annual amount per unit (``LevelBasis/annual``), always in the stored mva form.
struct LevelPlanner: Sendable {
    let model: SimulationModel
    let decision: LevelDecision

    /// The units of the decision, and notes on groups of an area that were skipped.
    func units() throws(SimulationError) -> (units: [HarmonisationUnit], notes: [LocalizedText]) {
        let catalog = model.catalog
        switch decision.target {
        case .line(let group, let line):
            let key =
                catalog.keys(inGroup: group).first { $0.line == line }
            guard let key else { throw .unknownTarget(decision.target.text) }
            return ([HarmonisationUnit(group: group, main: key, keys: [key])], [])
        case .group(let group):
            guard catalog.hasGroup(group) else { throw .unknownTarget(decision.target.text) }
            return (try groupUnits(group), [])
        case .area(let area):
            var units: [HarmonisationUnit] = []
            var notes: [LocalizedText] = []
            var firstError: SimulationError?
            for group in catalog.groups(inArea: area) {
                do throws(SimulationError) {
                    units += try groupUnits(group)
                } catch {
                    firstError = firstError ?? error
                    notes.append(LocalizedText("\(group) hoppet over: \(error.nb)", "\(group) skipped: \(error.en)"))
                }
            }
            if units.isEmpty { throw firstError ?? .unknownTarget(decision.target.text) }
            return (units, notes)
        case .rule:
            throw .unknownTarget(decision.target.text)
        }
    }

    private func groupUnits(_ group: String) throws(SimulationError) -> [HarmonisationUnit] {
        let keys = model.catalog.keys(inGroup: group)
        if decision.mode == .each || decision.rule.isChange {
            return keys.map { HarmonisationUnit(group: group, main: $0, keys: [$0]) }
        }
        guard let main = model.catalog.mainLine(ofGroup: group) else { throw .noCommonLine(group) }
        return [HarmonisationUnit(group: group, main: main, keys: keys)]
    }

    /// An item's own level in the decision's level space in `year`.
    func ownLevel(_ item: BaselineItem, _ year: Int) -> Money {
        decision.basis == .price ? model.ownLevel(item, year) : model.ownAnnual(item, year)
    }

    /// Periods per year between the level space and the annual amount (1 for the annual basis).
    func periods(_ item: BaselineItem) -> Int64 { decision.basis == .price ? item.periodsPerYear : 1 }

    /// The rounding of an item's levels: the decision's step, or standard rounding of its 2019 level.
    func rounding(_ item: BaselineItem) -> LevelRounding {
        let base = decision.basis == .price ? item.level : item.level * item.periodsPerYear
        let standard = LevelRounding.standard(for: base)
        return LevelRounding(step: decision.roundingStep ?? standard.step, direction: decision.rule.roundingDirection)
    }

    /// Each item's target level in `year` (level space), for the municipalities the decision changes.
    /// Throws when the rule cannot be computed (a missing volume for `weighted`, lines that are not
    /// comparable, a municipality without the line).
    func targets(_ unit: HarmonisationUnit, _ year: Int) throws(SimulationError) -> [(
        item: BaselineItem, target: Money
    )] {
        let catalog = model.catalog
        let present = catalog.municipalities.compactMap { catalog.item(unit.main, $0) }
        guard let first = present.first else { return [] }
        try checkComparable(present, unit)
        let common = try commonTarget(present, year, rounding(first))
        var result: [(item: BaselineItem, target: Money)] = []
        for municipality in catalog.municipalities where decision.applies(to: municipality) {
            guard let main = catalog.item(unit.main, municipality) else { continue }
            let mainTarget: Money
            if case .change(let rate) = decision.rule {
                mainTarget =
                    rounding(main).round(ore: ExactFraction(ownLevel(main, year).ore) * ExactFraction(growth: rate))
                    ?? ownLevel(main, year)
            } else {
                guard let common else { continue }
                mainTarget = common
            }
            let mainOwn = ownLevel(main, year)
            for key in unit.keys {
                guard let item = catalog.item(key, municipality) else { continue }
                if key == unit.main {
                    result.append((item, mainTarget))
                    continue
                }
                // Keep the municipality's structure: the line moves by the main line's factor.
                guard mainOwn.ore != 0, let factor = ExactFraction(mainTarget, over: mainOwn),
                    let target = rounding(item).round(ore: ExactFraction(ownLevel(item, year).ore) * factor)
                else { continue }
                result.append((item, target))
            }
        }
        return result
    }

    private func checkComparable(_ present: [BaselineItem], _ unit: HarmonisationUnit) throws(SimulationError) {
        guard let first = present.first else { return }
        let samePeriod = decision.basis == .annual || present.allSatisfy { $0.period == first.period }
        guard samePeriod, present.allSatisfy({ $0.vat == first.vat }) else {
            throw .notComparable(unit.main.description)
        }
        if case .amount(_, let period) = decision.rule {
            let expected: PricePeriod = decision.basis == .annual ? .year : first.period
            let given = period ?? .once
            let accepted = given == expected || (given == .once && expected == .year)
            guard accepted else { throw .periodMismatch(unit.main.description, expected: expected, found: period) }
        }
    }

    /// The level every municipality moves to, or `nil` for a percent change (each its own).
    private func commonTarget(_ present: [BaselineItem], _ year: Int, _ rounding: LevelRounding)
        throws(SimulationError) -> Money?
    {
        let levels = present.map { ownLevel($0, year) }
        switch decision.rule {
        case .lowest: return rounding.round(levels.min() ?? .zero)
        case .highest: return rounding.round(levels.max() ?? .zero)
        case .mean:
            let sum = levels.reduce(Money.zero, +)
            return rounding.round(ore: ExactFraction(Int128(sum.ore), Int128(levels.count)) ?? .zero)
        case .weighted:
            var weighted = ExactFraction.zero
            var total = ExactFraction.zero
            for item in present {
                guard let volume = model.baselineVolume(item, year) else {
                    throw .missingVolumeForWeighted(item.key.description, item.municipality)
                }
                let v = ExactFraction(decimal: volume)
                weighted = weighted + ExactFraction(ownLevel(item, year).ore) * v
                total = total + v
            }
            guard let mean = weighted / total else {
                throw .missingVolumeForWeighted(present[0].key.description, present[0].municipality)
            }
            return rounding.round(ore: mean)
        case .municipality(let id):
            guard let item = present.first(where: { $0.municipality == id }) else {
                throw .municipalityLacksLine(id, present[0].key.description)
            }
            return rounding.round(ownLevel(item, year))
        case .amount(let amount, _):
            return rounding.round(ore: ExactFraction(amount.ore) * model.index.factorFromFirstYear(year))
        case .change, .neutral:
            // A change is per municipality; a neutral level is found by goal-seek before planning.
            return nil
        }
    }

    /// The annual amount after phasing one step from `previous` (annual, stored mva form) toward
    /// `target` (level space) with `share` of the way: rounded by the item's rounding, never past
    /// the target and never away from it (an unrepresentable step keeps the previous amount).
    func phased(previous: Money, item: BaselineItem, target: Money, share: ExactFraction) -> Money {
        let periods = periods(item)
        if share.numerator == 0 { return previous }
        let direction = decision.rule.roundingDirection
        let total = target * periods
        if (direction == .floor && total > previous) || (direction == .ceiling && total < previous) { return previous }
        if share.isOne { return total }
        guard let before = ExactFraction(Int128(previous.ore), Int128(periods)),
            let candidate = rounding(item).with(.nearest).round(
                ore: before + share * (ExactFraction(target.ore) - before))
        else { return previous }
        let gap = ExactFraction(target.ore) - before
        let moved = ExactFraction(candidate.ore) - before
        if moved.numerator == 0 || (moved.numerator > 0) != (gap.numerator > 0) { return previous }
        let left = gap - moved
        if left.numerator != 0 && (left.numerator > 0) != (gap.numerator > 0) { return target * periods }
        return candidate * periods
    }
}

extension LevelRule {
    /// True for `by <percent>`.
    var isChange: Bool {
        if case .change = self { return true }
        return false
    }
}
