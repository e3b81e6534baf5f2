/// A value computed by the interpreter from an expression.
public enum RuntimeValue: Sendable, Hashable, CustomStringConvertible {
    /// An amount, with the period it is a price per (`nil` for a plain amount).
    case money(Money, period: PricePeriod?)
    /// A percentage or ratio.
    case rate(Rate)
    /// A multiple of G (grunnbeløpet).
    case gMultiple(Rate)
    /// A plain number.
    case number(DecimalNumber)
    /// A number with a non-money unit (hours, m³, months, years).
    case quantity(Quantity)
    case text(String)
    /// A bare name that is neither bound nor a dataset value: `lowest`, `asker`, `to`.
    case symbol(String)
    /// A dotted path with a wildcard, or a path that names a group rather than a value.
    case reference(parts: [String], wildcard: Bool)
    case date(CalendarDate)
    /// A period of days or years.
    case validity(Validity)
    case list([RuntimeValue])
    case bool(Bool)

    /// Norwegian form for messages and `show` output.
    public var description: String {
        switch self {
        case .money(let m, let period): return NorwegianFormat.money(m, unit: period?.unit.symbol ?? "kr")
        case .rate(let r): return NorwegianFormat.percent(r)
        case .gMultiple(let r): return NorwegianFormat.gMultiple(r)
        case .number(let n): return NorwegianFormat.decimal(n, grouping: true)
        case .quantity(let q): return q.description
        case .text(let t): return "\"\(t)\""
        case .symbol(let s): return s
        case .reference(let parts, let wildcard): return parts.joined(separator: ".") + (wildcard ? ".*" : "")
        case .date(let d): return d.description
        case .validity(let v): return v.description
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .bool(let b): return b ? "ja" : "nei"
        }
    }

    /// The kind of value in Norwegian, for "expected …, found …" messages.
    public var kindName: String {
        switch self {
        case .money: return "et kronebeløp"
        case .rate: return "en prosentsats"
        case .gMultiple: return "et antall G"
        case .number: return "et tall"
        case .quantity: return "en mengde"
        case .text: return "en tekst"
        case .symbol: return "et navn"
        case .reference: return "en referanse"
        case .date: return "en dato"
        case .validity: return "en periode"
        case .list: return "en liste"
        case .bool: return "en sannhetsverdi"
        }
    }
}
