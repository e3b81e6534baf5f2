import HarmoniModel

/// Lines harmonised together: a main line whose target sets a factor, and the lines that follow it.
///
/// Lines are the catalog's dense key ids (``CatalogSlots``); a unit of a group shares the group's
/// id array, so making units allocates nothing per line.
struct HarmonisationUnit: Sendable, Hashable {
    var group: String
    /// The main line's key id.
    var mainID: Int
    /// Every line of the unit, the main line included, in dataset order.
    var keyIDs: ArraySlice<Int>
    /// True for a line harmonised by itself whose rule cannot be computed (the named municipality
    /// lacks it, `weighted` without its volumes): it follows the main line's factor, and only its
    /// own targets are returned (the main line has its own unit).
    var followsMain = false

    /// The main line's key.
    func main(_ catalog: Catalog) -> ItemKey {
        catalog.slots.keys.indices.contains(mainID) ? catalog.slots.keys[mainID] : ItemKey(.fee, group, "")
    }
}

/// Turns a level decision into units and computes each item's target level per year.
///
/// Levels live in the decision's level space: the price per period (``LevelBasis/price``) or the
/// annual amount per unit (``LevelBasis/annual``), always in the stored mva form.
struct LevelPlanner: Sendable {
    let model: SimulationModel
    /// The decision (goal-seek tries one level after another on the same planner).
    var decision: LevelDecision

    /// The units of the decision, and notes on groups of an area that were skipped.
    func units() throws(SimulationError) -> (units: [HarmonisationUnit], notes: [LocalizedText]) {
        let catalog = model.catalog
        switch decision.target {
        case .line(let group, let line):
            let key =
                catalog.keys(inGroup: group).first { $0.line == line }
            guard let key, let id = catalog.slots.keyIDs[key] else { throw .unknownTarget(decision.target.text) }
            return ([HarmonisationUnit(group: group, mainID: id, keyIDs: [id])], [])
        case .group(let group):
            guard catalog.hasGroup(group) else { throw .unknownTarget(decision.target.text) }
            return try groupUnits(group)
        case .area(let area):
            var units: [HarmonisationUnit] = []
            var notes: [LocalizedText] = []
            var firstError: SimulationError?
            for group in catalog.groups(inArea: area) {
                do throws(SimulationError) {
                    let (made, fallbacks) = try groupUnits(group)
                    units += made
                    notes += fallbacks
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

    private func groupUnits(_ group: String) throws(SimulationError) -> ([HarmonisationUnit], [LocalizedText]) {
        let slots = model.catalog.slots
        let ids = slots.groupKeyIDs[group] ?? []
        if decision.rule.isChange {
            return (ids.indices.map { HarmonisationUnit(group: group, mainID: ids[$0], keyIDs: ids[$0...$0]) }, [])
        }
        if decision.mode == .each {
            var units: [HarmonisationUnit] = []
            var notes: [LocalizedText] = []
            for k in ids.indices {
                let unit = HarmonisationUnit(group: group, mainID: ids[k], keyIDs: ids[k...k])
                do throws(SimulationError) {
                    _ = try targets(unit, model.firstYear)
                    units.append(unit)
                } catch {
                    // A line the rule cannot be computed for follows the main line's factor.
                    guard error.code == "municipality-lacks-line" || error.code == "missing-volume",
                        let mainID = slots.mainKeyIDs[group], mainID != ids[k]
                    else { throw error }
                    units.append(
                        HarmonisationUnit(group: group, mainID: mainID, keyIDs: [mainID, ids[k]], followsMain: true))
                    let line = slots.keys[ids[k]].description
                    let main = slots.keys[mainID].description
                    notes.append(
                        LocalizedText(
                            "\(line) følger hovedlinjen \(main) (samme faktor som den): \(error.nb)",
                            "\(line) follows the main line \(main) (by its factor): \(error.en)"))
                }
            }
            return (units, notes)
        }
        guard let mainID = slots.mainKeyIDs[group] else { throw .noCommonLine(group) }
        return ([HarmonisationUnit(group: group, mainID: mainID, keyIDs: ids[...])], [])
    }

    /// The own level of the item at a catalog position in the decision's level space in `year`.
    func ownLevel(_ position: Int, _ year: Int) -> Money {
        decision.basis == .price ? model.ownLevel(at: position, year) : model.ownAnnual(at: position, year)
    }

    /// Periods per year between the level space and the annual amount (1 for the annual basis).
    func periods(_ position: Int) -> Int64 {
        decision.basis == .price ? model.catalog.slots.periodsPerYear[position] : 1
    }

    /// The rounding of an item's levels: the decision's step, or standard rounding of its 2019 level.
    func rounding(_ position: Int) -> LevelRounding {
        let slots = model.catalog.slots
        let level = slots.levels[position]
        let base = decision.basis == .price ? level : level * slots.periodsPerYear[position]
        let standard = LevelRounding.standard(for: base)
        return LevelRounding(step: decision.roundingStep ?? standard.step, direction: decision.rule.roundingDirection)
    }

    /// Each item's target level in `year` (level space), by catalog position, for the
    /// municipalities the decision changes (in merger order, the unit's lines in order).
    /// Throws when the rule cannot be computed (a missing volume for `weighted`, lines that are not
    /// comparable, a municipality without the line).
    func targets(_ unit: HarmonisationUnit, _ year: Int) throws(SimulationError) -> [(position: Int, target: Money)] {
        let catalog = model.catalog
        let slots = catalog.slots
        let present = (0..<slots.municipalityCount).compactMap { slots.position(keyID: unit.mainID, municipality: $0) }
        guard let first = present.first else { return [] }
        try checkComparable(present, unit)
        let common = try commonTarget(present, year, rounding(first))
        var result: [(position: Int, target: Money)] = []
        result.reserveCapacity(unit.keyIDs.count * present.count)
        for (m, municipality) in catalog.municipalities.enumerated() where decision.applies(to: municipality) {
            guard let main = slots.position(keyID: unit.mainID, municipality: m) else { continue }
            let mainOwn = ownLevel(main, year)
            let mainTarget: Money
            if case .change(let rate) = decision.rule {
                mainTarget =
                    rounding(main).round(ore: ExactFraction(mainOwn.ore) * ExactFraction(growth: rate)) ?? mainOwn
            } else {
                guard let common else { continue }
                mainTarget = common
            }
            // Keep the municipality's structure: the other lines move by the main line's factor
            // target ÷ own (reduced once per municipality, not per line).
            let factor = ExactFraction(mainTarget, over: mainOwn)
            for keyID in unit.keyIDs {
                guard let item = slots.position(keyID: keyID, municipality: m) else { continue }
                if keyID == unit.mainID {
                    if !unit.followsMain { result.append((item, mainTarget)) }
                    continue
                }
                guard let factor, let target = rounding(item).round(ore: factor, times: ownLevel(item, year).ore)
                else { continue }
                result.append((item, target))
            }
        }
        return result
    }

    private func checkComparable(_ present: [Int], _ unit: HarmonisationUnit) throws(SimulationError) {
        let slots = model.catalog.slots
        guard let first = present.first else { return }
        let firstPeriod = slots.periods[first]
        let firstVAT = slots.vats[first]
        let samePeriod = decision.basis == .annual || present.allSatisfy { slots.periods[$0] == firstPeriod }
        guard samePeriod, present.allSatisfy({ slots.vats[$0] == firstVAT }) else {
            throw .notComparable(unit.main(model.catalog).description)
        }
        if case .amount(_, let period) = decision.rule {
            let expected: PricePeriod = decision.basis == .annual ? .year : firstPeriod
            let given = period ?? .once
            let accepted = given == expected || (given == .once && expected == .year)
            guard accepted else {
                throw .periodMismatch(unit.main(model.catalog).description, expected: expected, found: period)
            }
        }
    }

    /// The level every municipality moves to, or `nil` for a percent change (each its own).
    private func commonTarget(_ present: [Int], _ year: Int, _ rounding: LevelRounding)
        throws(SimulationError) -> Money?
    {
        let items = model.catalog.items
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
            for (position, level) in zip(present, levels) {
                guard let volume = model.baselineVolume(at: position, year) else {
                    throw .missingVolumeForWeighted(items[position].key.description, items[position].municipality)
                }
                let v = ExactFraction(decimal: volume)
                weighted = weighted + ExactFraction(level.ore) * v
                total = total + v
            }
            guard let mean = weighted / total else {
                throw .missingVolumeForWeighted(items[present[0]].key.description, items[present[0]].municipality)
            }
            return rounding.round(ore: mean)
        case .municipality(let id):
            let index = model.catalog.slots.municipalityIndex[id]
            guard let position = present.first(where: { model.catalog.slots.municipalityOrder[$0] == index }) else {
                throw .municipalityLacksLine(id, items[present[0]].key.description)
            }
            return rounding.round(ownLevel(position, year))
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
    func phased(previous: Money, item: Int, target: Money, share: ExactFraction) -> Money {
        let periods = periods(item)
        if share.isZero { return previous }
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
        if moved.isZero || (moved.signum > 0) != (gap.signum > 0) { return previous }
        let left = gap - moved
        if !left.isZero && (left.signum > 0) != (gap.signum > 0) { return target * periods }
        return candidate * periods
    }
}

extension LevelRule {
    /// True for `by <percent>`.
    public var isChange: Bool {
        if case .change = self { return true }
        return false
    }
}
