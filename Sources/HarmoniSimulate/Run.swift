import HarmoniModel

/// The mutable state of one run: lines so far and the annual amount each item has reached.
struct Run {
    /// The scenario's decisions (a continued run, ``Simulator/extend(_:to:)``, gets the longer list).
    var decisions: [Decision]
    /// The lines in the order made; ``takeOrderedLines(_:)`` gives the ledger's order.
    private(set) var lines: [LedgerLine] = []
    /// The catalog position of each line's item (-1 for a coverage line).
    private var lineItems: [Int] = []
    var ruleChanges: [RuleChange] = []
    var notes: [LocalizedText] = []
    var problems: [SimulationError] = []
    /// The annual amount per unit (stored mva form) after the decisions so far, per catalog
    /// position and year (slot `position × years + year − first year`); empty until a level decision.
    var state: [Money?] = []

    init(decisions: [Decision]) { self.decisions = decisions }

    /// Makes room for `count` more lines.
    mutating func reserveLines(_ count: Int) {
        lines.reserveCapacity(lines.count + count)
        lineItems.reserveCapacity(lines.count + count)
    }

    /// Adds a line; `item` is the catalog position of its item, -1 for a coverage line.
    mutating func append(_ line: consuming LedgerLine, item: Int) {
        lines.append(line)
        lineItems.append(item)
    }

    /// Whether each decision made at least one line.
    var decisionsWithLines: [Bool] {
        var made = Array(repeating: false, count: decisions.count)
        lines.forEachInPlace { _, line in
            if line.pointee.decision >= 0 && line.pointee.decision < made.count { made[line.pointee.decision] = true }
        }
        return made
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
        let order = LineOrder.packedOrder(keys) ?? lines.indices.sorted { keys[$0] < keys[$1] }
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

        /// The stable sorting order of `keys`, sorted as one 64-bit number per line: year offset,
        /// decision, item, municipality and the line's index in 4, 12, 20, 10 and 18 bits (the
        /// index makes every number distinct, so equal keys keep their order). `nil` when a field
        /// does not fit; the field-wise sort is used then.
        static func packedOrder(_ keys: [LineOrder]) -> [Int]? {
            guard let firstYear = keys.map(\.year).min() else { return [] }
            guard keys.count < 1 << 18 else { return nil }
            var packed: [UInt64] = []
            packed.reserveCapacity(keys.count)
            let lastItem = (1 << 20) - 1
            for (index, k) in keys.enumerated() {
                let year = k.year - firstYear
                // An item outside the catalog (Int.max) sorts after every item, as in `<`.
                let item = k.item == Int.max ? lastItem : k.item
                guard year >= 0, year < 1 << 4, k.decision >= 0, k.decision < 1 << 12, item >= 0,
                    item < lastItem || k.item == Int.max, k.municipality >= 0, k.municipality < 1 << 10
                else { return nil }
                packed.append(
                    UInt64(year) << 60 | UInt64(k.decision) << 48 | UInt64(item) << 28 | UInt64(k.municipality) << 18
                        | UInt64(index))
            }
            packed.sort()
            return packed.map { Int($0 & (1 << 18 - 1)) }
        }
    }
}
