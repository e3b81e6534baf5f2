import HarmoniModel
import HarmoniReport

/// One line of the impact ledger: the effect of one decision on one item of one old
/// municipality in one year.
///
/// Effects are chained like a bridge: a line's `before` is what the earlier decisions left, its
/// `after` what this decision makes of it, so the lines of an item add up to its total change.
/// Amounts are kroner per year, excluding mva (mva is not the municipality's revenue).
public struct LedgerLine: Sendable, Hashable {
    /// Revenue (fees) or cost (subsidies, coverage).
    public enum Kind: String, Sendable, Hashable {
        case revenue
        case cost
    }
    /// Revenue or cost.
    public var kind: Kind
    /// The tjenesteområde.
    public var area: AreaID
    /// The service or subsidy scheme (`sfo`).
    public var group: String
    /// The line (`plass_5d`) or, for a coverage line, the indicator.
    public var item: String
    /// The old municipality.
    public var municipality: MunicipalityID
    /// The year.
    public var year: Int
    /// The volume the amounts are computed on (after coverage decisions), or `nil` when missing.
    public var volume: DecimalNumber?
    /// The price per period as published before and after (fees and subsidy rates); the unit cost for coverage.
    public var levelBefore: Money
    /// The level after this decision.
    public var levelAfter: Money
    /// The municipality's own baseline annual amount per unit in the year (deflated, excl. mva).
    public var ownUnit: Money
    /// The decision's target as an annual amount per unit in the year (excl. mva), if it has one.
    public var targetUnit: Money?
    /// The annual amount per unit excluding mva, before and after.
    public var unitBefore: Money
    /// The annual amount per unit after this decision, excluding mva.
    public var unitAfter: Money
    /// Revenue or cost before and after; `nil` when the volume is missing (never 0).
    public var before: Money?
    /// The amount after.
    public var after: Money?
    /// Users affected (the volume when it counts people), if known.
    public var users: DecimalNumber?
    /// The change per user and year: for fees and subsidies the change of the annual amount per
    /// unit; for a coverage line the unit cost of each added (or removed) user.
    public var changePerUser: Money?
    /// The index of the decision in the scenario.
    public var decision: Int
    /// The weakest status of the figures used.
    public var status: Status
    /// True when the service is bound by selvkost.
    public var selvkost: Bool
    /// The sources of the figures behind the line.
    public var sources: [SourceID]

    /// `after - before`, or `nil` when the volume is missing.
    public var change: Money? {
        guard let before, let after else { return nil }
        return after - before
    }

    /// The change in the annual amount per unit (kr per user per year).
    public var unitChange: Money { unitAfter - unitBefore }

    /// The effect on netto driftsutgifter: a cost change adds, a revenue change subtracts.
    public var netEffect: Money? {
        guard let change else { return nil }
        return kind == .cost ? change : -change
    }

    /// `group.item`.
    public var itemText: String { "\(group).\(item)" }

    /// The line for people: «Vann: forbruk per m³» (the dataset's `line` name), «SFO: inntektsprøvde
    /// regler (befolkningen)» for the population's line.
    public func displayText(_ dataset: Dataset, en: Bool) -> String {
        let service = DisplayNames.service(ServiceID(group), in: dataset, nb: !en)
        if item == "inntektsregler_befolkning" {
            return service + ": " + (en ? "income-tested rules (population)" : "inntektsprøvde regler (befolkningen)")
        }
        return DisplayNames.serviceLine(FeeKey(ServiceID(group), LineID(item)), in: dataset, nb: !en)
    }
}

/// A rule a municipality gives up or adopts by a rule decision. Its revenue effect cannot be
/// computed: the dataset has no income distribution of the users.
public struct RuleChange: Sendable, Hashable {
    /// The index of the decision in the scenario.
    public var decision: Int
    /// The old municipality.
    public var municipality: MunicipalityID
    /// The service.
    public var service: ServiceID
    /// The rule (`moderasjon`).
    public var rule: String
    /// The first year of the change.
    public var fromYear: Int
    /// The parameters before and after, as `parameter = value`, in dataset order.
    public var before: [String]
    /// The parameters after.
    public var after: [String]
}

/// A selvkost warning: the revenue after harmonisation exceeds the cost base.
public struct SelvkostWarning: Sendable, Hashable {
    /// The service.
    public var service: ServiceID
    /// The year.
    public var year: Int
    /// nye Asker's revenue from the service after the decisions.
    public var revenue: Money
    /// The combined cost base (see ``Ledger/selvkostWarnings``).
    public var costBase: Money
    /// How much the revenue exceeds the cost base.
    public var excess: Money { revenue - costBase }
}

/// The result of a simulation: line items, with totals computed from them.
public struct Ledger: Sendable, Hashable {
    /// The lines, ordered by year, decision, item (dataset order) and municipality (Asker, Røyken, Hurum).
    public var lines: [LedgerLine]
    /// Rule adoptions (revenue effect not computable).
    public var ruleChanges: [RuleChange]
    /// Selvkost services whose revenue after the decisions exceeds the combined cost base. The
    /// dataset holds no selvkost cost base, so the cost base is the three municipalities' baseline
    /// revenue from the service: by the selvkost rule at most their cost, so the warning errs on
    /// the side of warning.
    public var selvkostWarnings: [SelvkostWarning]
    /// Indices of decisions that change nothing.
    public var ineffective: [Int]
    /// Notes on choices made (lines skipped, groups without a main line …), Norwegian and English.
    public var notes: [LocalizedText]
    /// Problems that stopped the simulation (e.g. a year without a deflator).
    public var problems: [SimulationError]
    /// The price index used.
    public var index: PriceIndex?
    /// The years simulated.
    public var period: ClosedRange<Int>
    /// The scenario's decisions; lines refer to them by index.
    public var decisions: [Decision]
    /// The scenario's volume growth settings (for the notes).
    public var growth: [VolumeGrowth] = []
    /// Totals per year, computed from the lines when the ledger is made.
    public private(set) var totalsByYear: [Int: LedgerTotal]
    /// Totals per decision.
    public private(set) var totalsByDecision: [Int: LedgerTotal]

    /// Creates a ledger and computes its totals from the lines.
    public init(
        lines: [LedgerLine], ruleChanges: [RuleChange] = [], selvkostWarnings: [SelvkostWarning] = [],
        ineffective: [Int] = [], notes: [LocalizedText] = [], problems: [SimulationError] = [],
        index: PriceIndex?, period: ClosedRange<Int>, decisions: [Decision]
    ) {
        self.lines = lines
        self.ruleChanges = ruleChanges
        self.selvkostWarnings = selvkostWarnings
        self.ineffective = ineffective
        self.notes = notes
        self.problems = problems
        self.index = index
        self.period = period
        self.decisions = decisions
        self.totalsByYear = LedgerTotal.group(lines, byYear: true)
        self.totalsByDecision = LedgerTotal.group(lines, byYear: false)
    }

    /// `#2 SFO: alle satser settes til Askers nivå fra 2020` for a decision index: the number and
    /// the decision as a sentence in the output language.
    /// `#2 harmonise sfo.* to asker`: the decision as its statement (for checks and logs).
    func statementLabel(_ decision: Int) -> String {
        decision < decisions.count ? decisions[decision].label(index: decision) : "#\(decision + 1)"
    }

    public func label(_ decision: Int, dataset: Dataset, en: Bool) -> String {
        guard decision < decisions.count else { return "#\(decision + 1)" }
        return decisions[decision].label(index: decision, dataset: dataset, firstYear: period.lowerBound, nb: !en)
    }

    /// The total of the lines matching `filter`.
    public func total(where filter: (LedgerLine) -> Bool) -> LedgerTotal {
        var total = LedgerTotal()
        for line in lines where filter(line) { total.add(line) }
        return total
    }

    /// Ledgers are equal when their lines, rule changes, warnings and problems are.
    public static func == (a: Ledger, b: Ledger) -> Bool {
        a.lines == b.lines && a.ruleChanges == b.ruleChanges && a.selvkostWarnings == b.selvkostWarnings
            && a.ineffective == b.ineffective && a.problems == b.problems
    }

    /// Hashes the lines.
    public func hash(into hasher: inout Hasher) { hasher.combine(lines) }
}

/// Sums of ledger lines: revenue before, after and change; cost change; lines without volume.
public struct LedgerTotal: Sendable, Hashable {
    /// Fee revenue before.
    public var revenueBefore = Money.zero
    /// Fee revenue after.
    public var revenueAfter = Money.zero
    /// Cost before (subsidies, coverage).
    public var costBefore = Money.zero
    /// Cost after.
    public var costAfter = Money.zero
    /// Lines whose amounts are missing (no volume): their effect is unknown and not in the sums.
    public var missingLines = 0
    /// Lines counted.
    public var lines = 0

    /// Zero totals.
    public init() {}

    /// Revenue after − before.
    public var revenueChange: Money { revenueAfter - revenueBefore }
    /// Cost after − before.
    public var costChange: Money { costAfter - costBefore }
    /// The effect on netto driftsutgifter: cost change minus revenue change.
    public var netEffect: Money { costChange - revenueChange }

    /// Adds a line.
    public mutating func add(_ line: LedgerLine) { add(line.kind, before: line.before, after: line.after) }

    /// Adds a line given by its kind and amounts.
    mutating func add(_ kind: LedgerLine.Kind, before: Money?, after: Money?) {
        lines += 1
        guard let before, let after else {
            missingLines += 1
            return
        }
        switch kind {
        case .revenue:
            revenueBefore += before
            revenueAfter += after
        case .cost:
            costBefore += before
            costAfter += after
        }
    }

    /// Totals that follow each item's chain of decisions: the amount before the first decision and
    /// after the last one (summing every link's `before` would count an item once per decision).
    /// The change equals the sum of the lines' changes.
    public init(chaining lines: [LedgerLine]) {
        self.init()
        var chains: [ChainKey: (first: LedgerLine, last: LedgerLine)] = [:]
        var order: [ChainKey] = []
        for line in lines {
            self.lines += 1
            let key = ChainKey(line)
            if let chain = chains[key] {
                chains[key] = (chain.first, line)
            } else {
                chains[key] = (line, line)
                order.append(key)
            }
            if line.change == nil { missingLines += 1 }
        }
        for key in order {
            guard let chain = chains[key], let before = chain.first.before, let after = chain.last.after else {
                continue
            }
            if key.kind == .revenue {
                revenueBefore += before
                revenueAfter += after
            } else {
                costBefore += before
                costAfter += after
            }
        }
    }

    /// Totals per year (or per decision). The keys are few and lines come in runs of the same key, so
    /// the totals are summed in a small array (the last key used is tried first) and put in a
    /// dictionary once at the end.
    static func group(_ lines: [LedgerLine], byYear: Bool) -> [Int: LedgerTotal] {
        var keys: [Int] = []
        var totals: [LedgerTotal] = []
        var last = -1
        lines.forEachInPlace { _, line in
            let k = byYear ? line.pointee.year : line.pointee.decision
            if last < 0 || keys[last] != k {
                if let found = keys.firstIndex(of: k) {
                    last = found
                } else {
                    keys.append(k)
                    totals.append(LedgerTotal())
                    last = keys.count - 1
                }
            }
            totals[last].add(line.pointee.kind, before: line.pointee.before, after: line.pointee.after)
        }
        return Dictionary(uniqueKeysWithValues: zip(keys, totals))
    }
}

/// The identity of an item's chain of lines in one year.
struct ChainKey: Hashable {
    var kind: LedgerLine.Kind
    var group: String
    var item: String
    var municipality: MunicipalityID
    var year: Int

    init(_ line: LedgerLine) {
        kind = line.kind
        group = line.group
        item = line.item
        municipality = line.municipality
        year = line.year
    }
}

/// A text in Norwegian bokmål and English.
public struct LocalizedText: Sendable, Hashable {
    /// Norwegian bokmål.
    public var nb: String
    /// English.
    public var en: String
    /// Creates a text in both languages.
    public init(_ nb: String, _ en: String) {
        self.nb = nb
        self.en = en
    }
    /// The text in a language (`nb` or `en`).
    public func text(english: Bool) -> String { english ? en : nb }
}
