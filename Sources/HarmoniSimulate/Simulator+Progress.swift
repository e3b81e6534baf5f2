import HarmoniModel

extension Simulator {
    /// A run stopped after its coverage and level decisions, before rule adoptions, selvkost
    /// checks and the ledger's order (``finish(_:)``): what a longer decision list can continue
    /// from. Price decisions are applied in the order made, each from what the earlier ones left,
    /// so the state after decisions 1…n is the start of a run of decisions 1…n+1.
    public struct Progress: Sendable {
        /// The scenario whose decisions are applied.
        var scenario: ScenarioState
        /// The price basis of the run.
        let basis: PriceBasis
        /// The model after the coverage decisions, and its fixed-price twin for goal-seek.
        let model: SimulationModel
        let solveModel: SimulationModel
        /// The lines and reached amounts after the level decisions.
        var run: Run

        /// True when a run of `next` in `basis` can continue from here: the same settings and
        /// price basis, and `next`'s decisions are this scenario's followed by decisions that are
        /// not coverage decisions (coverage changes the volumes every earlier line was priced on).
        func continues(to next: ScenarioState, basis: PriceBasis) -> Bool {
            guard basis == self.basis, next.period == scenario.period, next.prices == scenario.prices,
                next.deflatorOverrides == scenario.deflatorOverrides, next.growth == scenario.growth,
                next.decisions.count >= scenario.decisions.count,
                next.decisions.starts(with: scenario.decisions)
            else { return false }
            return next.decisions[scenario.decisions.count...].allSatisfy {
                if case .coverage = $0.action { false } else { true }
            }
        }
    }

    /// The model, the coverage decisions and the level decisions of `scenario` in `basis`, or the
    /// ledger of the problem that stops the run.
    static func start(_ baseline: SimulationBaseline, _ scenario: ScenarioState, basis: PriceBasis)
        -> Result<Progress, StoppedRun>
    {
        var model: SimulationModel
        switch SimulationModel.make(baseline, scenario: scenario, basis: basis) {
        case .failure(let problem):
            return .failure(
                StoppedRun(
                    ledger: Ledger(
                        lines: [], problems: [problem], index: nil, period: scenario.period,
                        decisions: scenario.decisions)))
        case .success(let made): model = made
        }
        var run = Run(decisions: scenario.decisions)
        run.applyCoverage(&model)
        let solveModel = basis == .fixed ? model : fixedModel(model, baseline)
        for (index, decision) in scenario.decisions.enumerated() {
            guard case .level(let level) = decision.action else { continue }
            run.applyLevel(level, index: index, model: model, solveModel: solveModel)
        }
        return .success(Progress(scenario: scenario, basis: basis, model: model, solveModel: solveModel, run: run))
    }

    /// `progress` continued to `scenario` (``Progress/continues(to:basis:)`` must hold): the
    /// level decisions after the ones already applied, on the same model, in place (a progress
    /// held nowhere else grows its lines without copying them).
    static func extend(_ progress: inout Progress, to scenario: ScenarioState) {
        let applied = progress.scenario.decisions.count
        progress.run.decisions = scenario.decisions
        for index in applied..<scenario.decisions.count {
            guard case .level(let level) = scenario.decisions[index].action else { continue }
            progress.run.applyLevel(level, index: index, model: progress.model, solveModel: progress.solveModel)
        }
        progress.scenario = scenario
    }

    /// The ledger of a run stopped at `progress`: rule adoptions, selvkost checks, the lines in
    /// ledger order (the progress itself is left as it was, to be continued).
    static func finish(_ progress: Progress) -> Ledger {
        let scenario = progress.scenario
        let model = progress.model
        var run = progress.run
        run.applyRules(model)
        let warnings = run.selvkostWarnings(model)
        var touched = run.decisionsWithLines
        for change in run.ruleChanges where change.decision >= 0 && change.decision < touched.count {
            touched[change.decision] = true
        }
        let ineffective = scenario.decisions.indices.filter { !touched[$0] }
        let lines = run.takeOrderedLines(model.catalog)
        var ledger = Ledger(
            lines: lines, ruleChanges: run.ruleChanges, selvkostWarnings: warnings, ineffective: ineffective,
            notes: run.notes, problems: run.problems, index: model.index, period: scenario.period,
            decisions: scenario.decisions)
        ledger.growth = scenario.growth
        return ledger
    }

    /// The ledger of a run that stopped before any decision (a missing deflator, a limit).
    struct StoppedRun: Error, Sendable {
        var ledger: Ledger
    }

    /// ``run(baseline:scenario:prices:)`` through `cache`: the same scenario again gives the
    /// ledger already made; one that extends a cached run's decisions (the REPL's next
    /// `harmonise`) continues that run instead of starting over. The cache belongs to one
    /// prepared baseline: whoever replaces the baseline empties it.
    public static func run(
        baseline: SimulationBaseline, scenario: ScenarioState, prices: PriceBasis? = nil, cache: inout LedgerCache
    ) -> Ledger {
        let basis = prices ?? scenario.prices
        // Taken out of the cache while it grows, so its arrays are not shared (and not copied).
        if var entry = cache.take(basis), entry.progress.continues(to: scenario, basis: basis) {
            cache.continued += 1
            // The same settings and decisions: the same ledger.
            if entry.progress.scenario.decisions.count == scenario.decisions.count {
                let ledger = entry.ledger
                cache.store(entry)
                return ledger
            }
            extend(&entry.progress, to: scenario)
            entry.ledger = finish(entry.progress)
            let ledger = entry.ledger
            cache.store(entry)
            return ledger
        }
        cache.started += 1
        switch start(baseline, scenario, basis: basis) {
        case .failure(let stopped): return stopped.ledger
        case .success(let progress):
            let ledger = finish(progress)
            cache.store(LedgerCache.Entry(progress: progress, ledger: ledger))
            return ledger
        }
    }
}

/// The last run of a session in each price basis (issue 12, "prepared once"), so `show impact`
/// after a decision, and the next decision's checks, do not compute again what the session's
/// previous run already has. Kept in the session beside its prepared baseline and emptied with it.
public struct LedgerCache: Sendable {
    struct Entry: Sendable {
        var progress: Simulator.Progress
        var ledger: Ledger
    }

    private var entries: [Entry] = []
    /// How many runs were started from nothing and how many continued or reused (for tests).
    public internal(set) var started = 0
    public internal(set) var continued = 0

    /// An empty cache.
    public init() {}

    /// Removes and returns the run in `basis`, if any.
    mutating func take(_ basis: PriceBasis) -> Entry? {
        guard let i = entries.firstIndex(where: { $0.progress.basis == basis }) else { return nil }
        return entries.remove(at: i)
    }

    mutating func store(_ entry: Entry) {
        entries.removeAll { $0.progress.basis == entry.progress.basis }
        entries.append(entry)
    }

    /// Forgets every run (the baseline they were made on has changed).
    public mutating func removeAll() { entries.removeAll() }

    /// The number of runs kept (at most one per price basis).
    public var count: Int { entries.count }
}
