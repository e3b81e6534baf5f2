import HarmoniModel
import HarmoniReport

/// How ranges are carried through a result (docs/UNCERTAINTY.md): the result is evaluated on
/// other versions of the dataset besides the central one — every estimate at its low end, every
/// estimate at its high end, every corner of the box when there are at most
/// ``maximumCornerInputs`` estimates, and `draws` seeded random combinations: half of them
/// corners (each estimate at its low or its high end, by a coin toss), half mixed (each estimate
/// at its low end or its high end with chance ¼ each, else uniform within its range on the grid of
/// its bounds' decimals — so edges and faces of the box are reached, not only its inside). A
/// result's range is
/// the smallest and largest value among all these evaluations and the central one.
///
/// Nothing assumes the result is monotone: lowest, highest, means, weights and goal-seek are
/// simply evaluated. With few estimates the range is exact at the corners and close inside (a
/// peak inside the box, as `lowest` has where two prices meet, is found by the inner draws);
/// with many it is a sample — an inner bound of the worst case unless the result moves the same
/// way with every estimate (then the all-low and all-high evaluations are its exact ends).
public struct Propagation: Sendable {
    /// Random combinations per result (half corners, half inside).
    public static let defaultDraws = 40
    /// Up to this many estimates every corner is evaluated too (2^5 = 32 evaluations).
    public static let maximumCornerInputs = 5
    /// The seed of the draws (the same ranges on every run).
    public static let defaultSeed: UInt64 = 2019

    public var inputs: [UncertainInput]
    public var draws: Int
    public var seed: UInt64

    public init(inputs: [UncertainInput], draws: Int = Propagation.defaultDraws, seed: UInt64 = Propagation.defaultSeed) {
        self.inputs = inputs
        self.draws = draws
        self.seed = seed
    }

    /// The value of every input in each evaluation after the central one: all low, all high,
    /// the other corners (few inputs only), then the draws, alternately a corner and a mixed point.
    public func combinations() -> [[DecimalNumber]] {
        var result: [[DecimalNumber]] = [inputs.map(\.low), inputs.map(\.high)]
        if inputs.count <= Self.maximumCornerInputs, inputs.count > 1 {
            for mask in 1..<(1 << inputs.count) - 1 {
                result.append(inputs.indices.map { mask & (1 << $0) != 0 ? inputs[$0].high : inputs[$0].low })
            }
        }
        var generator = SeededGenerator(seed: seed)
        for draw in 0..<draws {
            if draw % 2 == 0 {
                result.append(inputs.map { generator.next() & 1 == 0 ? $0.low : $0.high })
            } else {
                result.append(
                    inputs.map { input in
                        switch generator.next() & 3 {
                        case 0: return input.low
                        case 1: return input.high
                        default: return generator.draw(in: input)
                        }
                    })
            }
        }
        return result
    }

    /// How many evaluations besides the central one.
    public var evaluations: Int {
        2 + draws + (inputs.count <= Self.maximumCornerInputs && inputs.count > 1 ? (1 << inputs.count) - 2 : 0)
    }

    /// The datasets of ``combinations()``.
    public func datasets(_ base: Dataset) -> [Dataset] {
        combinations().map { values in base.setting(Array(zip(inputs, values))) }
    }

    /// The range of one result: `evaluate` on the central dataset and on each of ``datasets(_:)``
    /// (evaluations that give `nil` are left out); `nil` when the central one does.
    public func range<T: Comparable>(_ base: Dataset, _ evaluate: (Dataset) -> T?) -> (low: T, high: T)? {
        guard let central = evaluate(base) else { return nil }
        return Self.range(central, datasets(base).compactMap(evaluate))
    }

    /// The range of a number over the central value and the evaluations.
    public static func range<T: Comparable>(_ central: T, _ samples: [T]) -> (low: T, high: T) {
        var low = central
        var high = central
        for s in samples {
            low = min(low, s)
            high = max(high, s)
        }
        return (low, high)
    }
}

extension SeededGenerator {
    /// A value of the input's range, uniform on the grid of its bounds' decimals.
    mutating func draw(in input: UncertainInput) -> DecimalNumber {
        let scale = max(input.low.scale, input.high.scale)
        guard let low = input.low.scaled(to: scale), let high = input.high.scaled(to: scale), high > low else {
            return input.central
        }
        let steps = UInt64(high - low)
        let pick = steps == UInt64.max ? next() : next(upperBound: steps + 1)
        return DecimalNumber(significand: low + Int64(pick), scale: scale)
    }
}

/// Ranges of a table's cells over evaluations of the same table on other datasets.
public enum TableRanges {
    /// The central table with range columns for every number cell whose value differs between
    /// the evaluations. Rows are matched by their leading text cells (a sample may have a row
    /// more or fewer, e.g. an effect that is zero centrally); samples with other columns are skipped.
    public static func ranged(_ central: Table, samples: [Table], language: DisplayLanguageTag) -> Table {
        let keys = central.columns.map(\.key)
        let usable = samples.filter { $0.columns.map(\.key) == keys }
        guard !usable.isEmpty else { return central }
        let indexed = usable.map(rowIndex)
        let centralKeys = rowKeys(central)
        var ranges: [[(low: Cell, high: Cell)?]] = []
        for (r, row) in central.rows.enumerated() {
            let matches = zip(usable, indexed).compactMap { sample, index in index[centralKeys[r]].map { sample.rows[$0] } }
            var rowRanges: [(low: Cell, high: Cell)?] = []
            for (c, cell) in row.enumerated() {
                rowRanges.append(range(of: cell, matches.compactMap { c < $0.count ? $0[c] : nil }))
            }
            ranges.append(rowRanges)
        }
        return central.insertingRanges(ranges, language: language)
    }

    /// Each row's key: its leading text cells (the labels before the first number — later text
    /// cells such as «Lavest i» are results and may change), and how many rows before it had the
    /// same ones.
    static func rowKeys(_ table: Table) -> [String] {
        var seen: [String: Int] = [:]
        return table.rows.map { row in
            var labels: [String] = []
            for cell in row {
                guard case .text(let t) = cell else { break }
                labels.append(t)
            }
            let text = labels.joined(separator: "\u{1F}")
            let n = seen[text, default: 0]
            seen[text] = n + 1
            return "\(text)\u{1E}\(n)"
        }
    }

    private static func rowIndex(_ table: Table) -> [String: Int] {
        Dictionary(rowKeys(table).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The (low, high) cells of one cell, or `nil` when it has no range (not a number, or the
    /// same as shown in every evaluation).
    static func range(of cell: Cell, _ samples: [Cell]) -> (low: Cell, high: Cell)? {
        switch cell {
        case .money(let m, let status, _):
            let values = samples.compactMap { if case .money(let v, _, _) = $0 { return v } else { return nil } }
            let (low, high) = Propagation.range(m, values)
            return shown(.money(low, status: status), .money(high, status: status))
        case .thousands(let m, let status, _):
            let values = samples.compactMap { if case .thousands(let v, _, _) = $0 { return v } else { return nil } }
            let (low, high) = Propagation.range(m, values)
            return shown(.thousands(low, status: status), .thousands(high, status: status))
        case .rate(let rate, _):
            let values = samples.compactMap { if case .rate(let v, _) = $0 { return v } else { return nil } }
            let (low, high) = Propagation.range(rate, values)
            return shown(.rate(low), .rate(high))
        case .number(let n):
            let values = samples.compactMap { if case .number(let v) = $0 { return v } else { return nil } }
            let (low, high) = Propagation.range(n, values)
            return shown(.number(low), .number(high))
        default:
            return nil
        }
    }

    /// The pair, if its ends read differently.
    private static func shown(_ low: Cell, _ high: Cell) -> (low: Cell, high: Cell)? {
        Table.boundText(low) == Table.boundText(high) ? nil : (low, high)
    }
}

