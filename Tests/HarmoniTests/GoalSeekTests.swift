import Testing

@testable import Harmoni

@Suite("Goal-seek")
struct GoalSeekTests {
    static let baseline = SimulationBaseline(Fixtures.dataset)

    /// Every fee line and subsidy line, and every group, of the shipped datasets.
    static var targets: [DecisionTarget] {
        var targets: [DecisionTarget] = []
        var groups: [String] = []
        for item in baseline.catalog.items where !groups.contains(item.key.group) { groups.append(item.key.group) }
        for group in groups {
            targets.append(.group(group))
            for key in baseline.catalog.keys(inGroup: group) { targets.append(.line(group: group, line: key.line)) }
        }
        return targets
    }

    /// True when some municipality has the target's line(s) with a volume.
    static func hasVolume(_ target: DecisionTarget) -> Bool {
        let catalog = baseline.catalog
        let keys: [ItemKey]
        switch target {
        case .line(let group, let line): keys = catalog.keys(inGroup: group).filter { $0.line == line }
        case .group(let group): keys = catalog.keys(inGroup: group)
        default: keys = []
        }
        return keys.contains { key in Fixtures.mergingMunicipalities.contains { catalog.item(key, $0)?.volume != nil } }
    }

    @Test(
        "Goal-seek converges for every line and group with a volume, within one rounding step",
        arguments: [nil, Money(kroner: 10), Money(ore: 1)] as [Money?])
    func everyTarget(_ step: Money?) throws {
        var solved = 0
        for target in Self.targets {
            let decision = LevelDecision(
                verb: .solve, target: target, rule: .neutral(goal: nil, year: nil), roundingStep: step)
            do throws(SimulationError) {
                for result in try Simulator.solve(decision, baseline: Self.baseline, scenario: ScenarioState()) {
                    // The level is on the step grid and the goal lies between the revenue one step
                    // below and one step above, so the residual is at most one step's revenue.
                    #expect(result.level.ore % result.step.ore == 0, "\(target.text)")
                    #expect(result.revenueBelow <= result.goal && result.goal <= result.revenueAbove, "\(target.text)")
                    let stepRevenue = max(result.revenueAbove - result.revenue, result.revenue - result.revenueBelow)
                    #expect(abs(result.residual.ore) <= stepRevenue.ore, "\(target.text): residual \(result.residual)")
                    solved += 1
                }
            } catch {
                // The only targets that cannot be solved: no volume at all (revenue unknown), or a
                // group the three municipalities share no line of (different tariff structures).
                switch (error.code, target) {
                case ("missing-volume", _): #expect(!Self.hasVolume(target), "\(target.text)")
                case ("no-common-line", .group(let group)):
                    #expect(Self.baseline.catalog.mainLine(ofGroup: group) == nil)
                default: Issue.record("\(target.text): \(error.code) \(error.en)")
                }
            }
        }
        print(
            "goal-seek solved \(solved) of \(Self.targets.count) lines and groups (step \(step.map(\.description) ?? "standard"))"
        )
        #expect(solved == Self.targets.filter { Self.hasVolume($0) && !Self.noCommonLine($0) }.count)
        #expect(solved >= 30)
    }

    static func noCommonLine(_ target: DecisionTarget) -> Bool {
        guard case .group(let group) = target else { return false }
        return baseline.catalog.mainLine(ofGroup: group) == nil
    }

    @Test("The ledger of a solved decision changes revenue by exactly the residual in the solved year")
    func ledgerMatchesResidual() throws {
        let decision = LevelDecision(
            verb: .solve, target: .group("sfo"), rule: .neutral(goal: nil, year: 2021), roundingStep: Money(kroner: 10))
        let result = try #require(
            try Simulator.solve(decision, baseline: Self.baseline, scenario: ScenarioState()).first)
        var scenario = ScenarioState()
        scenario.decisions = [Decision(.level(decision))]
        let ledger = Simulator.run(baseline: Self.baseline, scenario: scenario)
        #expect(ledger.total { $0.year == 2021 && $0.change != nil }.revenueChange == result.residual)
        #expect(ledger.checkInvariants().isEmpty)
    }

    @Test("A given revenue goal is met within one step, and an unreachable one is an error")
    func givenGoal() throws {
        let decision = LevelDecision(
            verb: .solve, target: .line(group: "trygghetsalarm", line: "abonnement"),
            rule: .neutral(goal: Money(kroner: 4_000_000), year: nil))
        let result = try #require(
            try Simulator.solve(decision, baseline: Self.baseline, scenario: ScenarioState()).first)
        // 1 305 users × 12 months = 15 660 paid months; 4 000 000 / 15 660 = 255,43 → 255 kr/mnd
        // (3 993 300 kr, residual −6 700) beats 256 (4 008 960, +8 960).
        #expect(result.level == Money(kroner: 255) && result.residual == Money(kroner: -6_700))
        var unreachable = decision
        unreachable.rule = .neutral(goal: Money(kroner: -5), year: nil)
        #expect(throws: SimulationError.self) {
            try Simulator.solve(unreachable, baseline: Self.baseline, scenario: ScenarioState())
        }
    }
}
