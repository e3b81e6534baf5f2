/// A rule that gives every estimate of one kind a plausible low–high range (`range` blocks in
/// `datasets/usikkerhet.harmoni`). The rules and their parameters are data: each cites a source
/// or says that it is an assumption, and staff may edit them like any other figure.
///
/// Which values a rule covers: values whose status is `estimated` and whose estimate kind (the
/// bracket at the start of the method, e.g. `national reference`) is ``kind``, or — with the
/// kind `carried_forward` — values carried forward by the deflator. Published, derived and `own`
/// values never get a range. When several rules match a value, the one with the most filters
/// (``appliesTo``, ``methodContains``) wins; among equals the first in the file.
public struct RangeRule: Sendable, Hashable, Codable {
    /// How the bounds are computed from the value `v`.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// Between the lowest and highest value the other merging municipalities have for the same
        /// line (published, derived, carried forward or own values only), widened to at least
        /// `v × (1 − below) … v × (1 + above)`. Values with no counterpart (volumes, budgets) get the
        /// widening alone.
        case spread
        /// `v × (1 − below) … v × (1 + above)`.
        case relative
        /// The deflator's forecast error: `v × (1 − n × perYear) … v × (1 + n × perYear)`, where `n`
        /// is the number of years carried (baseline year − the method's `base YYYY`, at least 1).
        /// Only amounts of money are carried by the deflator; other carried values get no range.
        case deflatorError = "deflator_error"
    }

    /// The block id (`range <id> { … }`).
    public var id: String
    /// The estimate kind it covers (`other-municipality fallback`), or `carried_forward`.
    public var kind: String
    public var method: Method
    /// Share of the value below it (relative; the minimum widening for spread).
    public var below: Rate
    /// Share of the value above it.
    public var above: Rate
    /// Error per year carried (deflator_error).
    public var perYear: Rate
    /// Block kinds covered (`fee`, `volume`, …); empty for every kind.
    public var appliesTo: [String]
    /// Only values whose method contains this text (case-insensitive), if given.
    public var methodContains: String?
    /// The source of the rule's parameters, if it has one.
    public var source: SourceID?
    /// Why the parameters are what they are, when they are an assumption (no source).
    public var assumption: String?
    /// A sentence shown to users: what the rule says.
    public var description: String
    /// The same sentence in English (`description_en`), if the dataset has it.
    public var descriptionEN: String?

    /// The sentence in the output language (`description_en` in English where there is one).
    public func description(english: Bool) -> String { english ? descriptionEN ?? description : description }

    public init(
        id: String, kind: String, method: Method, below: Rate = .zero, above: Rate = .zero, perYear: Rate = .zero,
        appliesTo: [String] = [], methodContains: String? = nil, source: SourceID? = nil, assumption: String? = nil,
        description: String = "", descriptionEN: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.method = method
        self.below = below
        self.above = above
        self.perYear = perYear
        self.appliesTo = appliesTo
        self.methodContains = methodContains
        self.source = source
        self.assumption = assumption
        self.description = description
        self.descriptionEN = descriptionEN
    }

    /// The kind name that stands for carried-forward values.
    public static let carriedForwardKind = "carried_forward"

    /// How specific the rule is: the number of its filters.
    public var specificity: Int { (appliesTo.isEmpty ? 0 : 1) + (methodContains == nil ? 0 : 1) }

    /// True if the rule covers a value of `blockKind` with this provenance.
    public func covers(_ provenance: Provenance, blockKind: String) -> Bool {
        switch provenance.status {
        case .estimated:
            guard provenance.estimateKind == kind else { return false }
        case .carriedForward:
            guard kind == Self.carriedForwardKind else { return false }
        case .published, .derived, .own:
            return false
        }
        if !appliesTo.isEmpty, !appliesTo.contains(blockKind) { return false }
        if let text = methodContains, !provenance.method.lowercased().contains(text.lowercased()) { return false }
        return true
    }
}

extension Dataset {
    /// The range rule for a value, if any (the most specific match; the first among equals).
    public func rangeRule(for provenance: Provenance, blockKind: String) -> RangeRule? {
        var best: RangeRule?
        for rule in rangeRules where rule.covers(provenance, blockKind: blockKind) {
            if best.map({ rule.specificity > $0.specificity }) ?? true { best = rule }
        }
        return best
    }
}
