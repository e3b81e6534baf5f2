/// One figure a dataset needs but does not have yet: a fee line, a rule parameter, a volume or a
/// budget line of one municipality (`missing kristiansand.sfo.plass_5d { kind = fee … }`).
///
/// A scaffolded merger starts with every figure the model uses recorded this way, never as 0; the
/// data request lists them, and `baseline` (or `baseline import`) replaces them with the
/// municipality's own figures.
public struct MissingFigure: Sendable, Hashable, Codable {
    /// What kind of figure is missing.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case fee, rule, volume, budget
    }

    public var kind: Kind
    /// The id after the municipality: `sfo.plass_5d`, `sfo.moderasjon.threshold_75pct_G`,
    /// `oppvekst.sum_netto_driftsutgifter` (a budget's first part is its tjenesteområde).
    public var path: [String]
    /// The unit the figure is given in: `kr/mnd`, `%`, `G`, `tkr`, `barn`, `ja/nei`, `tekst`.
    public var unit: String
    /// For fees: how the amount is stored (mva) and, for monthly fees, the billed months if known.
    public var vat: VATForm?
    public var billedMonths: Int?
    /// For budgets: the measure (`netto_driftsutgifter`).
    public var measure: String?
    /// The period the figure is for.
    public var validity: Validity

    public init(
        kind: Kind, path: [String], unit: String, vat: VATForm? = nil, billedMonths: Int? = nil, measure: String? = nil,
        validity: Validity
    ) {
        self.kind = kind
        self.path = path
        self.unit = unit
        self.vat = vat
        self.billedMonths = billedMonths
        self.measure = measure
        self.validity = validity
    }
}

extension Dataset {
    /// The missing figures of a municipality (every ``MissingValue`` with a ``MissingFigure``), in dataset order.
    public func missingFigures(_ municipality: MunicipalityID) -> [(value: MissingValue, figure: MissingFigure)] {
        missing.compactMap { value in
            guard value.municipality == municipality, let figure = value.figure else { return nil }
            return (value, figure)
        }
    }

    /// Removes the missing record of one figure (when the figure is given).
    public mutating func removeMissing(_ municipality: MunicipalityID, _ kind: MissingFigure.Kind, _ path: [String]) {
        missing.removeAll { $0.municipality == municipality && $0.figure?.kind == kind && $0.figure?.path == path }
    }
}
