import HarmoniModel
import HarmoniSimulate

/// How much each estimate's range moves a result: the result with the estimate at its low end
/// and at its high end, every other estimate at its central value (one at a time). The rows are
/// ranked by the largest swing over the years of the period; its top rows are the figures to ask
/// the municipalities for first.
public struct Sensitivity: Sendable {
    /// One estimate's effect.
    public struct Row: Sendable {
        public var input: UncertainInput
        /// The result per year with the estimate at its low and at its high end.
        public var atLow: [Int: Money]
        public var atHigh: [Int: Money]
        /// |result at high − result at low| per year.
        public var swing: [Int: Money]
        /// The largest swing over the years (the ranking key).
        public var largestSwing: Money
    }

    /// The result per year with every estimate at its central value.
    public var central: [Int: Money]
    /// Estimates that move the result, largest swing first (ties in dataset order).
    public var rows: [Row]
    /// Estimates that could not move this result and were not evaluated (another service).
    public var skipped: Int
    /// Estimates evaluated that did not move it.
    public var unmoved: Int
    /// Simulator runs made.
    public var evaluations: Int

    /// Ranks the inputs for `result` of `scenario` on `dataset`. With `onlyRelevant`, inputs of
    /// services the result has no line, rule change or area for are skipped unevaluated (they
    /// cannot move it); without, every input is run (the check that the skipping is right).
    public static func rank(
        dataset: Dataset, scenario: ScenarioState, prices: PriceBasis? = nil, result: ResultSpec = .total,
        inputs: [UncertainInput]? = nil, onlyRelevant: Bool = true
    ) -> Sensitivity {
        rank(
            baseline: SimulationBaseline(dataset), scenario: scenario, prices: prices, result: result, inputs: inputs,
            onlyRelevant: onlyRelevant)
    }

    /// ``rank(dataset:scenario:prices:result:inputs:onlyRelevant:)`` on a prepared baseline: each
    /// evaluation's baseline is made from it (``SimulationBaseline/setting(_:to:)``), not prepared again.
    public static func rank(
        baseline: SimulationBaseline, scenario: ScenarioState, prices: PriceBasis? = nil, result: ResultSpec = .total,
        inputs: [UncertainInput]? = nil, onlyRelevant: Bool = true
    ) -> Sensitivity {
        let dataset = baseline.dataset
        let all = inputs ?? UncertainInputs.make(dataset)
        let basis = prices ?? scenario.prices
        let ledger = Simulator.run(baseline: baseline, scenario: scenario, prices: basis)
        let central = result.values(ledger)
        let relevant = result.relevantServices(ledger, dataset)
        var rows: [Row] = []
        var skipped = 0
        var unmoved = 0
        var evaluations = 1
        for input in all {
            if onlyRelevant, input.ref.blockKind != "parameter", !relevant.contains(input.service) {
                skipped += 1
                continue
            }
            func evaluate(_ value: DecimalNumber) -> [Int: Money] {
                result.values(Simulator.run(baseline: baseline.setting(input, to: value), scenario: scenario, prices: basis))
            }
            let low = evaluate(input.low)
            let high = evaluate(input.high)
            evaluations += 2
            var swing: [Int: Money] = [:]
            var largest = Money.zero
            for year in ledger.period {
                let s = Money(ore: (high[year, default: .zero] - low[year, default: .zero]).ore.magnitude.clamped)
                swing[year] = s
                largest = max(largest, s)
            }
            // A result may move inside the range even when both ends agree (not monotone).
            let moved = largest > .zero || ledger.period.contains { low[$0] != central[$0] || high[$0] != central[$0] }
            guard moved else {
                unmoved += 1
                continue
            }
            rows.append(Row(input: input, atLow: low, atHigh: high, swing: swing, largestSwing: largest))
        }
        let order = rows.indices.sorted { a, b in
            rows[a].largestSwing != rows[b].largestSwing ? rows[a].largestSwing > rows[b].largestSwing : a < b
        }
        return Sensitivity(
            central: central, rows: order.map { rows[$0] }, skipped: skipped, unmoved: unmoved, evaluations: evaluations)
    }
}

extension UInt64 {
    /// The value as an `Int64`, capped at its largest.
    fileprivate var clamped: Int64 { self > UInt64(Int64.max) ? Int64.max : Int64(self) }
}
