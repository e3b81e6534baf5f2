/// A value as written in a dataset attribute, before a block kind gives it a meaning.
public enum Value: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A number with an optional unit: `2 990 kr/mnd`, `3,1 %`, `11`.
    case quantity(Quantity)
    /// A bare identifier used as a value: `published`, `yes`, `none`.
    case symbol(String)
    /// A quoted string.
    case text(String)
    /// A dotted reference: `barnehage.full_plass_5d`.
    case reference([String])
    /// A date.
    case date(CalendarDate)
    /// A date range or year range.
    case validity(Validity)
    /// A list of values.
    case list([Value])

    /// Human-readable form close to the literal.
    public var description: String {
        switch self {
        case .quantity(let q): return q.description
        case .symbol(let s): return s
        case .text(let t): return t
        case .reference(let parts): return parts.joined(separator: ".")
        case .date(let d): return d.description
        case .validity(let v): return v.description
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// The quantity, if this is one.
    public var quantity: Quantity? {
        if case .quantity(let q) = self { return q }
        return nil
    }
}

/// How value-added tax (mva, 25 %) is included in a stored amount.
public enum VATForm: String, Sendable, Hashable, Codable, CaseIterable {
    /// The service carries no mva (barnehage, SFO, kulturskole, helse, byggesak).
    case none
    /// The amount includes 25 % mva.
    case incl
    /// The amount excludes mva; incl = excl × 1,25.
    case excl
}
