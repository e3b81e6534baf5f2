import HarmoniModel
import HarmoniReport

/// A typical household's annual cost in each old municipality before and after a scenario's
/// decisions, in one year.
///
/// Both sides are ``HouseholdCost``s computed unchanged on two datasets of the same year: the
/// baseline lifted to the year (before) and the scenario's fees and rules in the year (after). The
/// simulator builds both (`Simulator.prices(baseline:scenario:year:)`); this type only compares.
public struct HouseholdChange: Sendable, Hashable {
    /// The household.
    public var household: HouseholdID
    /// The year priced.
    public var year: Int
    /// The costs before the decisions: Asker, Røyken, Hurum.
    public var before: [HouseholdCost]
    /// The costs after the decisions, in the same order.
    public var after: [HouseholdCost]
    /// Per municipality (same order), the indices of the decisions that changed the household's
    /// cost there, in decision order.
    public var decisions: [[Int]]

    /// A dataset after some of a scenario's decisions: the decision's index in the scenario and the
    /// fees and rules after it (and every decision before it).
    public typealias Step = (decision: Int, dataset: Dataset)

    /// Prices `household` in `year` on both datasets. `steps` (in decision order) name the decisions
    /// that changed the cost in a municipality: a decision did when the household's lines after it
    /// differ from those after the step before it (or before every decision).
    public init(_ household: Household, before: Dataset, after: Dataset, steps: [Step] = [], year: Int) {
        self.household = household.id
        self.year = year
        self.before = before.householdCosts(Self.member(household, before), year: year)
        self.after = after.householdCosts(Self.member(household, after), year: year)
        var decisions = Array(repeating: [Int](), count: self.after.count)
        var previous = self.before
        for step in steps {
            let costs = step.dataset.householdCosts(Self.member(household, step.dataset), year: year)
            for index in costs.indices where index < previous.count && !Self.sameAmounts(costs[index], previous[index])
            {
                decisions[index].append(step.decision)
            }
            previous = costs
        }
        self.decisions = decisions
    }

    /// The household as the dataset holds it (incomes lifted to the year), else as given.
    static func member(_ household: Household, _ dataset: Dataset) -> Household {
        dataset.household(household.id) ?? household
    }

    private static func sameAmounts(_ a: HouseholdCost, _ b: HouseholdCost) -> Bool {
        a.lines.map(\.amount) == b.lines.map(\.amount) && a.lines.map(\.state) == b.lines.map(\.state)
    }

    /// The old municipalities, in order.
    public var municipalities: [MunicipalityID] { after.map(\.municipality) }

    /// The totals in the municipality at `index` (of ``municipalities``).
    public func totals(at index: Int) -> HouseholdTotals {
        HouseholdTotals(before: before[index], after: after[index])
    }

    /// Every municipality's totals, in order.
    public var allTotals: [HouseholdTotals] { after.indices.filter { $0 < before.count }.map(totals(at:)) }
}

/// A household's total annual cost in one municipality before and after, and the change.
public struct HouseholdTotals: Sendable, Hashable {
    /// The municipality.
    public var municipality: MunicipalityID
    /// The sum of the priced lines before (kr per year incl. mva).
    public var before: Money
    /// The sum of the priced lines after.
    public var after: Money
    /// The weakest status of the lines behind the sum before.
    public var beforeStatus: Status
    /// The weakest status of the lines behind the sum after.
    public var afterStatus: Status
    /// The weakest status of both sums (the change's).
    public var status: Status { max(beforeStatus, afterStatus) }
    /// False when a line is missing from the record (the sums leave it out on both sides).
    public var isComplete: Bool

    /// Compares two costs of the same household and municipality.
    public init(before: HouseholdCost, after: HouseholdCost) {
        municipality = after.municipality
        self.before = before.total
        self.after = after.total
        beforeStatus = before.status
        afterStatus = after.status
        isComplete = before.isComplete && after.isComplete
    }

    /// After − before (kr per year; negative: the household pays less).
    public var change: Money { after - before }

    /// The change as a share of the cost before, rounded half-up to 0,1 %; `nil` when the cost
    /// before is zero.
    public var rate: Rate? { HouseholdChange.rate(change, of: before) }
}

extension HouseholdChange {
    /// `change / before` rounded half-up (ties away from zero) to 0,1 %; `nil` when `before` ≤ 0.
    public static func rate(_ change: Money, of before: Money) -> Rate? {
        Exact.rateToTenthPercent(change, of: before)
    }
}
