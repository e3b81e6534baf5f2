import HarmoniModel

/// A histogram of amounts per group as a table: one row per bin of equal width (a round number of
/// kroner), one column per group holding the count of amounts in the bin, so a grouped bar chart
/// of the table is the histogram. Amounts of exactly 0 get a row of their own («0 kr (likt)»)
/// when any occur, so «unchanged» is never merged with small changes.
///
/// Integers only: the bin of an amount is `floor((amount − start) / width)`, in øre.
public enum Histogram {
    /// At most this many bins of non-zero amounts.
    public static let maximumBins = 12

    /// The bin width in øre: the smallest of 1, 2, 2,5 and 5 × a power of ten kroner that spreads
    /// `low … high` over at most ``maximumBins`` bins.
    public static func width(low: Int64, high: Int64) -> Int64 {
        let span = max(1, high - low)
        var unit: Int64 = 100
        while true {
            for step in [unit, unit * 2, unit * 5 / 2, unit * 5] where (span / step) + 2 <= Int64(maximumBins) { return step }
            guard unit < Int64.max / 100 else { return unit }
            unit *= 10
        }
    }

    /// The table of `groups` (column key, heading, amounts), bins over the non-zero amounts of all groups.
    ///
    /// - Parameters:
    ///   - kind: the table's kind (what a reader of the report looks it up by).
    ///   - label: the heading of the bin column («Endring, kr i året»).
    public static func table(
        kind: String, title: String, label: String, groups: [(key: String, heading: String, amounts: [Money])],
        notes: [String], language: DisplayLanguageTag
    ) -> Table {
        let en = language == .en
        let nonZero = groups.flatMap { $0.amounts.lazy.filter { $0 != .zero }.map(\.ore) }
        let hasZero = groups.contains { $0.amounts.contains(.zero) }
        var rows: [[Cell]] = []
        var labels: [String] = []
        var counts: [[Int64]] = []
        if let low = nonZero.min(), let high = nonZero.max() {
            let width = width(low: low, high: high)
            let start = floorDiv(low, width) * width
            let binCount = Int(floorDiv(high - start, width)) + 1
            var binned = Array(repeating: Array(repeating: Int64(0), count: groups.count), count: binCount)
            for (g, group) in groups.enumerated() {
                for amount in group.amounts where amount != .zero {
                    binned[Int(floorDiv(amount.ore - start, width))][g] += 1
                }
            }
            for bin in 0..<binCount {
                let from = Money(ore: start + Int64(bin) * width)
                let to = Money(ore: start + Int64(bin + 1) * width)
                labels.append(NorwegianFormat.money(from) + " – " + NorwegianFormat.money(to))
                counts.append(binned[bin])
            }
            if hasZero {
                // The zero row goes where 0 lies among the bins.
                let at = labels.indices.first { start + Int64($0 + 1) * width > 0 } ?? labels.count
                labels.insert(en ? "0 kr (unchanged)" : "0 kr (likt)", at: at)
                counts.insert(groups.map { Int64($0.amounts.lazy.filter { $0 == .zero }.count) }, at: at)
            }
        } else if hasZero {
            labels = [en ? "0 kr (unchanged)" : "0 kr (likt)"]
            counts = [groups.map { Int64($0.amounts.count) }]
        }
        for (index, label) in labels.enumerated() {
            rows.append([.text(label)] + counts[index].map { .number(DecimalNumber($0)) })
        }
        let columns = [Column("bin", label)] + groups.map { Column($0.key, $0.heading, .right) }
        var notes = notes
        notes.append(
            en
                ? "Each row counts the amounts from its lower bound (included) to its upper bound (excluded)."
                : "Hver rad teller beløpene fra nedre grense (med) til øvre grense (ikke med).")
        return Table(kind: kind, title: title, columns: columns, rows: rows, notes: notes)
    }

    /// Division rounding towards minus infinity.
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
