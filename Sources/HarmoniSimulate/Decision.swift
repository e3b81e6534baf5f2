import HarmoniModel

/// One decision of a scenario: what changes, how, and from when.
///
/// Decisions are applied in the order made. ``canonicalStatement`` is the statement text that
/// reproduces the decision (scenario files are saved from it).
public struct Decision: Sendable, Hashable {
    /// What the decision does.
    public var action: Action

    /// Creates a decision.
    public init(_ action: Action) { self.action = action }

    /// The kinds of decision.
    public enum Action: Sendable, Hashable {
        /// A price or subsidy-rate level: `harmonise`, `set`, `solve`.
        case level(LevelDecision)
        /// A dekningsgrad for one old municipality: `coverage`.
        case coverage(CoverageDecision)
        /// Discount and income-band rules adopted from one municipality: `harmonise sfo.moderasjon to asker`.
        case rules(RuleDecision)
    }

    /// The level decision, if this is one.
    public var level: LevelDecision? {
        if case .level(let decision) = action { return decision }
        return nil
    }

    /// The first year the decision has any effect (its `from` year or the start of its phasing),
    /// or `nil` for the period's first year.
    public var startYear: Int? {
        switch action {
        case .level(let decision): return decision.phasing.startYear
        case .coverage(let decision): return decision.fromYear
        case .rules(let decision): return decision.fromYear
        }
    }
}

/// What a decision is about: a fee (or subsidy) line, a group, an area, or a service's rule.
public enum DecisionTarget: Sendable, Hashable, Codable {
    /// One line: `sfo.plass_5d`, `driftstilskudd_private_barnehager.ordinaer_0_2`.
    case line(group: String, line: String)
    /// Every line of a service or subsidy scheme: `sfo.*`.
    case group(String)
    /// Every service with fees in a tjenesteområde: `oppvekst`.
    case area(AreaID)
    /// A discount or income-band rule of a service: `sfo.moderasjon`.
    case rule(service: ServiceID, rule: String)

    /// The target as written in statements: `sfo.plass_5d`, `sfo.*`, `oppvekst`, `sfo.moderasjon`.
    public var text: String {
        switch self {
        case .line(let group, let line): return "\(group).\(line)"
        case .group(let group): return "\(group).*"
        case .area(let area): return area.rawValue
        case .rule(let service, let rule): return "\(service).\(rule)"
        }
    }
}

/// The level a harmonisation moves prices to, computed for each year from the three old
/// municipalities' own (deflated) levels of the same line.
public enum LevelRule: Sendable, Hashable {
    /// The lowest of the municipalities' levels (rounded down, so nobody pays more).
    case lowest
    /// The highest (rounded up, so nobody pays less).
    case highest
    /// The plain mean of the municipalities that have the line (rounded half-up).
    case mean
    /// The mean weighted by each municipality's baseline volume of the line (half-up).
    case weighted
    /// One municipality's level.
    case municipality(MunicipalityID)
    /// A given amount in kroner of the period's first year, per the line's period (or per year
    /// when `period` is `.year` for a line priced per month or semester: the annual basis).
    case amount(Money, period: PricePeriod?)
    /// A percent change of every municipality's own level (not a harmonisation): `by 5 %`.
    case change(Rate)
    /// The level at which nye Asker's revenue from the target equals the baseline's (or `goal`)
    /// in `year` (the period's first year when `nil`): found by goal-seek.
    case neutral(goal: Money?, year: Int?)

    /// The direction rounding takes for this rule.
    public var roundingDirection: RoundingDirection {
        switch self {
        case .lowest: return .floor
        case .highest: return .ceiling
        default: return .nearest
        }
    }
}

/// When a decision takes effect.
public enum Phasing: Sendable, Hashable {
    /// Fully from a year (the period's first year when `nil`).
    case atOnce(from: Int?)
    /// Linearly: in year `from + k` the price has moved `(k + 1) / (to - from + 1)` of the way
    /// from its old level to the target; from `to` on it is at the target.
    case linear(from: Int, to: Int)
    /// An explicit path of shares of the way, one per year from `from` (the period's first year
    /// when `nil`); the last share is 100 %.
    case path(from: Int?, shares: [Rate])

    /// The first year with an effect, if stated.
    public var startYear: Int? {
        switch self {
        case .atOnce(let from): return from
        case .linear(let from, _): return from
        case .path(let from, _): return from
        }
    }

    /// The share of the way from the old level to the target in `year`: 0 before the start,
    /// 1 from the last phasing year on. `firstYear` stands in for a missing start.
    public func share(in year: Int, firstYear: Int) -> ExactFraction {
        switch self {
        case .atOnce(let from):
            return year >= (from ?? firstYear) ? .one : .zero
        case .linear(let from, let to):
            if year < from { return .zero }
            if year >= to { return .one }
            return ExactFraction(Int128(year - from + 1), Int128(to - from + 1)) ?? .one
        case .path(let from, let shares):
            let start = from ?? firstYear
            if year < start { return .zero }
            let index = year - start
            guard index < shares.count - 1 else { return .one }
            return ExactFraction(rate: shares[index])
        }
    }

    /// The first year in which the target is reached.
    public func targetYear(firstYear: Int) -> Int {
        switch self {
        case .atOnce(let from): return from ?? firstYear
        case .linear(_, let to): return to
        case .path(let from, let shares): return (from ?? firstYear) + max(0, shares.count - 1)
        }
    }
}

/// How the lines of a group are harmonised.
public enum GroupMode: String, Sendable, Hashable, Codable {
    /// `keep structure` (and `set`/`solve` of a group): the factor target ÷ own level of the
    /// group's main line moves every line of the municipality (harmonising `sfo.*` to Asker's
    /// level moves every place size by the factor of the 5-day place): each municipality keeps
    /// its relative structure.
    case structure
    /// Every line is harmonised by itself, so every line ends equal in the municipalities that
    /// have it (the default of `harmonise`). A line the rule cannot be computed for (the named
    /// municipality lacks it; `weighted` without its volumes) follows the group's main line
    /// instead, and the decision says so.
    case each
}

/// What a level is: a price per the line's period, or an annual amount per unit.
public enum LevelBasis: String, Sendable, Hashable, Codable {
    /// The price as published per its period (2 843 kr/mnd); each municipality keeps its billed
    /// months, so annual amounts still differ where billed months differ (SFO 10 vs 11).
    case price
    /// The annual amount per unit (`annual`): equal annual amounts, whatever the billed months.
    case annual
}

/// `harmonise`, `set` and `solve`: a target level for prices or subsidy rates.
public struct LevelDecision: Sendable, Hashable {
    /// Which statement made it (only the canonical text depends on it).
    public enum Verb: String, Sendable, Hashable { case harmonise, set, solve }
    /// The statement that made the decision.
    public var verb: Verb
    /// What is harmonised.
    public var target: DecisionTarget
    /// Only these municipalities change (`set hurum.sfo.plass_5d = …`); all three when `nil`.
    public var municipalities: [MunicipalityID]?
    /// The level to move to.
    public var rule: LevelRule
    /// When the level is reached.
    public var phasing: Phasing
    /// The step (`round 10 kr`); standard rounding when `nil`. The rule gives the direction.
    public var roundingStep: Money?
    /// Whether a group keeps its structure (default) or is harmonised line by line.
    public var mode: GroupMode
    /// Price per period (default) or annual amount.
    public var basis: LevelBasis

    /// Creates a level decision.
    public init(
        verb: Verb, target: DecisionTarget, municipalities: [MunicipalityID]? = nil, rule: LevelRule,
        phasing: Phasing = .atOnce(from: nil), roundingStep: Money? = nil, mode: GroupMode = .structure,
        basis: LevelBasis = .price
    ) {
        self.verb = verb
        self.target = target
        self.municipalities = municipalities
        self.rule = rule
        self.phasing = phasing
        self.roundingStep = roundingStep
        self.mode = mode
        self.basis = basis
    }

    /// True when the decision changes `municipality`.
    public func applies(to municipality: MunicipalityID) -> Bool {
        municipalities?.contains(municipality) ?? true
    }
}

/// `coverage barnehage.barn_i_bhg_i_kommunen_per_bosatte_1_5 in royken = 94,8 % from 2021`.
public struct CoverageDecision: Sendable, Hashable {
    /// The service.
    public var service: ServiceID
    /// The indicator (`barn_i_bhg_i_kommunen_per_bosatte_1_5`).
    public var indicator: String
    /// The old municipality whose coverage changes.
    public var municipality: MunicipalityID
    /// The new value, in the indicator's own unit (percent, or the plain number of a `per 1000`).
    public var value: Quantity
    /// First year with the new coverage; the period's first year when `nil`.
    public var fromYear: Int?

    /// Creates a coverage decision.
    public init(service: ServiceID, indicator: String, municipality: MunicipalityID, value: Quantity, fromYear: Int?) {
        self.service = service
        self.indicator = indicator
        self.municipality = municipality
        self.value = value
        self.fromYear = fromYear
    }
}

/// `harmonise sfo.moderasjon to asker`: every municipality adopts one municipality's parameters
/// of a discount or income-band rule (parameters it lacks are dropped).
public struct RuleDecision: Sendable, Hashable {
    /// The service.
    public var service: ServiceID
    /// The rule (`moderasjon`).
    public var rule: String
    /// The municipality whose rule is adopted.
    public var source: MunicipalityID
    /// First year in force; the period's first year when `nil`.
    public var fromYear: Int?

    /// Creates a rule decision.
    public init(service: ServiceID, rule: String, source: MunicipalityID, fromYear: Int?) {
        self.service = service
        self.rule = rule
        self.source = source
        self.fromYear = fromYear
    }
}
