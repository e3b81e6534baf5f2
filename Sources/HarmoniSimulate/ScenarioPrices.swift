import HarmoniModel

/// A scenario's fees and rules in one year, as datasets the diff engine reads unchanged (so
/// `householdCosts(_:year:)` prices a typical household after the decisions).
///
/// Both datasets describe a *steady year*: every fee, rule and national amount is the one in force
/// on 31 December of the baseline year (2019), valid the whole of ``year``. Money (fees, rules in
/// kroner, G, household incomes in kroner) is lifted by the price index's factor for the year,
/// rounded like the simulator rounds prices (whole kroner, or øre for amounts with øre); shares,
/// multiples of G, hours and months stay as they are. ``before`` has no decisions; ``after`` has
/// every decision, so the two differ only by the decisions. A price a decision changed carries the
/// weakest status of its own price and the prices the decision's rule reads, so a price derived
/// from an estimate stays an estimate.
public struct ScenarioPrices: Sendable {
    /// The year priced.
    public let year: Int
    /// The price index (fixed first-year kroner or nominal).
    public let index: PriceIndex
    /// The baseline lifted to the year, without decisions.
    public let before: Dataset
    /// The scenario's fees and rules in the year.
    public let after: Dataset
    /// The dataset after each decision that changed a fee or a rule in the year, in decision order
    /// (only when asked for: ``Simulator/prices(baseline:scenario:year:prices:steps:)``).
    public let steps: [ScenarioStep]
    /// Decisions that could not be applied (as in the ledger); the others still are.
    public let problems: [SimulationError]

    /// The factor that lifted the baseline's money to the year.
    public var factor: ExactFraction { index.factor(year) }
}

/// The prices after one decision (and every decision before it).
public struct ScenarioStep: Sendable {
    /// The index of the decision in the scenario.
    public let decision: Int
    /// The fees and rules after decisions `0...decision`.
    public let dataset: Dataset
}

extension Simulator {
    /// The scenario's fees and rules in `year` (see ``ScenarioPrices``), in the scenario's price
    /// basis or the one given. Throws when the year is outside the period or the price index
    /// cannot be built; a decision that cannot be applied is listed in ``ScenarioPrices/problems``.
    public static func prices(
        baseline: Dataset, scenario: ScenarioState, year: Int, prices: PriceBasis? = nil, steps: Bool = false
    ) throws(SimulationError) -> ScenarioPrices {
        try self.prices(
            baseline: SimulationBaseline(baseline), scenario: scenario, year: year, prices: prices, steps: steps)
    }

    /// ``prices(baseline:scenario:year:prices:steps:)`` on a prepared baseline.
    public static func prices(
        baseline: SimulationBaseline, scenario: ScenarioState, year: Int, prices: PriceBasis? = nil, steps: Bool = false
    ) throws(SimulationError) -> ScenarioPrices {
        var model = try SimulationModel.make(baseline, scenario: scenario, basis: prices).get()
        guard model.years.contains(year) else { throw .yearOutsidePeriod(year, model.years) }
        var run = Run(decisions: scenario.decisions)
        run.applyCoverage(&model)
        var solveModel = model
        if model.index.basis != .fixed,
            case .success(var fixed) = SimulationModel.make(baseline, scenario: scenario, basis: .fixed)
        {
            // Goal-seek works in fixed first-year kroner, as in `Simulator.run`.
            var fixedRun = Run(decisions: scenario.decisions)
            fixedRun.applyCoverage(&fixed)
            solveModel = fixed
        }
        let builder = try YearPriceBuilder(model: model, year: year)
        var levels = PriceTrail(builder: builder)
        var rules: [RuleDecision] = []
        var made: [ScenarioStep] = []
        for (index, decision) in scenario.decisions.enumerated() {
            switch decision.action {
            case .level(let level):
                run.applyLevel(level, index: index, model: model, solveModel: solveModel)
                let changed = levels.update(from: run, decision: level, index: index, model: model)
                guard changed, steps else { continue }
            case .rules(let rule):
                guard year >= (rule.fromYear ?? model.firstYear) else { continue }
                rules.append(rule)
                guard steps else { continue }
            case .coverage:
                continue
            }
            made.append(ScenarioStep(decision: index, dataset: builder.dataset(levels, rules: rules)))
        }
        return ScenarioPrices(
            year: year, index: model.index, before: builder.dataset(PriceTrail(builder: builder), rules: []),
            after: builder.dataset(levels, rules: rules), steps: made, problems: run.problems)
    }
}

/// The levels a scenario has reached in one year, with the status and decisions behind each.
struct PriceTrail {
    let builder: YearPriceBuilder
    /// Annual amount per unit (stored mva form) of the items the decisions changed in the year.
    private(set) var annual: [ItemRef: Money] = [:]
    /// Status, low-confidence flag and decisions of each changed item.
    private(set) var trace: [ItemRef: PriceTrace] = [:]

    init(builder: YearPriceBuilder) { self.builder = builder }

    /// Takes the run's state after a level decision; returns true when a price changed in the year.
    mutating func update(from run: Run, decision: LevelDecision, index: Int, model: SimulationModel) -> Bool {
        var changed = false
        let catalog = model.catalog
        let units = (try? LevelPlanner(model: model, decision: decision).units().units) ?? []
        let unitKeys = units.map { $0.keys(catalog) }
        let unitMains = units.map { $0.main(catalog) }
        let share = decision.phasing.share(in: builder.year, firstYear: model.firstYear)
        for (position, item) in catalog.items.enumerated() {
            guard let amount = run.reached(position, builder.year, model) else { continue }
            let key = item
            let ref = ItemRef(key: key.key, municipality: key.municipality)
            guard annual[ref] != amount else { continue }
            annual[ref] = amount
            changed = true
            var inputs: [(status: Status, lowConfidence: Bool)] = []
            for (u, unit) in units.enumerated() where unitKeys[u].contains(key.key) {
                inputs += builder.inputs(of: decision, unit: unit, item: ref).map { ($0.status, $0.isLowConfidence) }
            }
            // A follower moves by its main line's factor, and a partial step keeps part of the old
            // price: both still rest on the item's own (or an earlier decision's) price.
            let keepsOwn = !share.isOne || units.indices.contains { unitMains[$0] != key.key && unitKeys[$0].contains(key.key) }
            if keepsOwn {
                if let earlier = trace[ref] {
                    inputs.append((earlier.status, earlier.lowConfidence))
                } else if let own = builder.provenance(ref) {
                    inputs.append((own.status, own.isLowConfidence))
                }
            }
            var next = PriceTrace(status: .derived, lowConfidence: false, decisions: trace[ref]?.decisions ?? [])
            next.status = max(.derived, inputs.map(\.status).max() ?? .derived)
            next.lowConfidence = inputs.contains { $0.lowConfidence }
            next.decisions.append(index)
            trace[ref] = next
        }
        return changed
    }
}

/// One item of one municipality.
struct ItemRef: Hashable {
    var key: ItemKey
    var municipality: MunicipalityID
}

/// Where a changed price comes from.
struct PriceTrace {
    var status: Status
    var lowConfidence: Bool
    /// Decisions that changed the price in the year, in order.
    var decisions: [Int]
}

extension HarmonisationUnit {
    /// Every line of the unit as item keys, main line included, in dataset order.
    func keys(_ catalog: Catalog) -> [ItemKey] {
        keyIDs.compactMap { catalog.slots.keys.indices.contains($0) ? catalog.slots.keys[$0] : nil }
    }
}
