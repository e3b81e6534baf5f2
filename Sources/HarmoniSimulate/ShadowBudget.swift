import HarmoniModel

/// The skyggebudsjett: nye Asker's netto driftsutgifter per tjenesteområde and year, built from
/// the three old municipalities' 2019 baselines, price growth and the scenario's decisions.
///
/// Every amount is kept exact (øre) and rounded once, half-up to 1 000 kr, per cell; each block
/// has a rounding-difference row so that the rounded rows add up to the rounded total exactly.
/// Positive amounts raise netto driftsutgifter: more fee revenue shows as a negative effect.
public struct ShadowBudget: Sendable, Hashable {
    /// One row: an exact and a rounded amount per year (`nil`: the record lacks it).
    public struct Row: Sendable, Hashable {
        /// What a row holds.
        public enum Kind: Sendable, Hashable {
            /// A municipality's 2019 netto driftsutgifter, unchanged in every year.
            case baseline(MunicipalityID)
            /// The baselines' price growth to each year (kommunal deflator).
            case priceGrowth
            /// The netto effect of one decision (by index).
            case effect(Int)
            /// An area's total (in the grand block, per area).
            case areaTotal(AreaID)
            /// Rounded total minus the sum of the rounded rows above it.
            case roundingDifference
            /// The block's total: the exact sum, rounded.
            case total
        }
        /// What the row holds.
        public var kind: Kind
        /// Exact amounts per year (in ``ShadowBudget/years`` order).
        public var exact: [Money?]
        /// Amounts rounded half-up to 1 000 kr, per year.
        public var rounded: [Money?]
        /// The weakest status of the figures behind the row.
        public var status: Status
        /// Ledger lines without a volume behind an effect row (their effect is not in the amounts).
        public var missingLines: Int
        /// Ledger lines behind an effect row per year (a year without lines shows empty, not 0).
        public var lineCounts: [Int] = []
    }

    /// One tjenesteområde.
    public struct Block: Sendable, Hashable {
        /// The tjenesteområde.
        public var area: Area
        /// Baselines, price growth, effects, rounding difference, total.
        public var rows: [Row]
        /// The budget rows used as baselines, per municipality (empty: none with a netto measure).
        public var baselines: [MunicipalityID: [Budget]]
        /// Brutto rows of municipalities without a netto baseline (shown for information, never added).
        public var bruttoOnly: [MunicipalityID: [Budget]]
        /// True when all three baselines exist, so the total is known.
        public var isComplete: Bool
    }

    /// The years, in order.
    public var years: [Int]
    /// One block per tjenesteområde, in dataset order.
    public var blocks: [Block]
    /// The per-area totals of complete areas, the rounding difference and nye Asker's total.
    public var grand: [Row]
    /// Fixed or nominal kroner.
    public var basis: PriceBasis
    /// The price index used.
    public var index: PriceIndex?
    /// The decisions, for labels.
    public var decisions: [Decision]

    /// Builds the skyggebudsjett from a dataset and a simulated ledger.
    public static func build(dataset: Dataset, ledger: Ledger) -> ShadowBudget {
        let years = Array(ledger.period)
        var blocks: [Block] = []
        for area in dataset.areas {
            blocks.append(block(area, dataset: dataset, ledger: ledger, years: years))
        }
        var grand: [Row] = []
        var exactTotal = years.map { _ in Money.zero }
        for block in blocks where block.isComplete {
            guard let total = block.rows.last else { continue }
            grand.append(
                Row(
                    kind: .areaTotal(block.area.id), exact: total.exact, rounded: total.rounded, status: total.status,
                    missingLines: 0))
            for i in years.indices { exactTotal[i] += total.exact[i] ?? .zero }
        }
        grand += closing(grand, exact: exactTotal.map { Optional($0) }, status: grand.map(\.status).max() ?? .published)
        return ShadowBudget(
            years: years, blocks: blocks, grand: grand, basis: ledger.index?.basis ?? .fixed, index: ledger.index,
            decisions: ledger.decisions)
    }

    /// The netto budget rows that make a municipality's baseline for an area: the `sum_…` line when
    /// there is one (its parts are already in it), else every netto line.
    static func baselineRows(_ dataset: Dataset, _ municipality: MunicipalityID, _ area: AreaID) -> [Budget] {
        let netto = dataset.budgets.filter {
            $0.municipality == municipality && $0.area == area && $0.measure.hasPrefix("netto")
        }
        if let sum = netto.first(where: { $0.line.hasPrefix("sum") }) { return [sum] }
        return netto
    }

    private static func block(_ area: Area, dataset: Dataset, ledger: Ledger, years: [Int]) -> Block {
        var rows: [Row] = []
        var baselines: [MunicipalityID: [Budget]] = [:]
        var brutto: [MunicipalityID: [Budget]] = [:]
        var baseTotal = Money.zero
        var complete = true
        for municipality in dataset.mergingMunicipalities {
            let used = baselineRows(dataset, municipality, area.id)
            baselines[municipality] = used
            if used.isEmpty {
                complete = false
                brutto[municipality] = dataset.budgets.filter {
                    $0.municipality == municipality && $0.area == area.id && $0.measure.hasPrefix("brutto")
                }
            }
            let amount: Money? = used.isEmpty ? nil : used.reduce(Money.zero) { $0 + $1.amount }
            baseTotal += amount ?? .zero
            let status = used.map(\.provenance.status).max() ?? .estimated
            rows.append(row(.baseline(municipality), years.map { _ in amount }, status: status))
        }
        let growth: [Money?] = years.map { year in
            guard complete, let index = ledger.index else { return nil }
            return index.growth(year).apply(to: baseTotal, rounding: .ore)
        }
        rows.append(row(.priceGrowth, growth, status: rows.map(\.status).max() ?? .estimated))
        let inArea = ledger.lines.filter { $0.area == area.id }
        var decisionsInArea: [Int] = []
        for line in inArea where !decisionsInArea.contains(line.decision) { decisionsInArea.append(line.decision) }
        for decision in decisionsInArea.sorted() {
            let lines = inArea.filter { $0.decision == decision }
            let amounts: [Money?] = years.map { year in
                lines.filter { $0.year == year }.reduce(Money.zero) { $0 + ($1.netEffect ?? .zero) }
            }
            var effect = row(.effect(decision), amounts, status: lines.map(\.status).max() ?? .published)
            effect.missingLines = lines.filter { $0.change == nil }.count
            effect.lineCounts = years.map { year in lines.filter { $0.year == year }.count }
            rows.append(effect)
        }
        let exactTotal: [Money?] = years.indices.map { i in
            complete ? rows.reduce(Money.zero) { $0 + ($1.exact[i] ?? .zero) } : nil
        }
        rows += closing(rows, exact: exactTotal, status: rows.map(\.status).max() ?? .published)
        return Block(area: area, rows: rows, baselines: baselines, bruttoOnly: brutto, isComplete: complete)
    }

    private static func row(_ kind: Row.Kind, _ exact: [Money?], status: Status) -> Row {
        Row(
            kind: kind, exact: exact, rounded: exact.map { $0?.rounded(.thousandKroner) }, status: status,
            missingLines: 0)
    }

    /// The rounding-difference and total rows under `rows`, for a total of `exact`.
    private static func closing(_ rows: [Row], exact: [Money?], status: Status) -> [Row] {
        let total = row(.total, exact, status: status)
        let difference: [Money?] = exact.indices.map { i in
            guard let rounded = total.rounded[i] else { return nil }
            return rounded - rows.reduce(Money.zero) { $0 + ($1.rounded[i] ?? .zero) }
        }
        return [
            Row(kind: .roundingDifference, exact: difference, rounded: difference, status: .published, missingLines: 0),
            total,
        ]
    }
}
