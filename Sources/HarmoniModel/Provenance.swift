/// How a figure came to be, in the four statuses of `shared/data` plus a municipality's own figure.
///
/// Ordered from strongest to weakest; a value computed from several takes the weakest.
public enum Status: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Printed in the cited source for the stated period.
    case published
    /// Computed exactly from published figures by the rule in the method.
    case derived
    /// The municipality's own figure for an earlier year, lifted by the kommunal deflator.
    case carriedForward = "carried_forward"
    /// No published figure exists; the method says how it was estimated.
    case estimated
    /// A municipality's in-house figure entered by its own staff (source names who and where).
    case own

    /// Strength order: published < derived < carried forward < own < estimated (weaker later).
    private var weakness: Int {
        switch self {
        case .published: return 0
        case .own: return 1
        case .derived: return 2
        case .carriedForward: return 3
        case .estimated: return 4
        }
    }

    public static func < (a: Status, b: Status) -> Bool { a.weakness < b.weakness }

    /// True for statuses that need a `method` saying how the value was made.
    public var needsMethod: Bool { self == .derived || self == .carriedForward || self == .estimated }

    /// True when tables must mark the value (`≈`) and footnote it.
    public var isEstimate: Bool { self == .estimated }
}

/// A document, page or decision a figure comes from.
public struct Source: Sendable, Hashable, Codable {
    /// The id other blocks refer to.
    public var id: SourceID
    /// Title as it should be cited.
    public var title: String
    /// Web address, if any.
    public var url: String?
    /// Document or decision reference (saksnummer), if any.
    public var reference: String?
    /// Date of the document, if stated.
    public var date: CalendarDate?

    public init(id: SourceID, title: String, url: String? = nil, reference: String? = nil, date: CalendarDate? = nil) {
        self.id = id
        self.title = title
        self.url = url
        self.reference = reference
        self.date = date
    }
}

/// Where a value comes from and how far to trust it: validity, status, method, source, note.
public struct Provenance: Sendable, Hashable, Codable {
    /// The period the value is valid in.
    public var validity: Validity
    /// Published, derived, carried forward, estimated or own.
    public var status: Status
    /// How the value was derived or estimated; empty only for published values.
    public var method: String
    /// The source block, if the row cites one.
    public var source: SourceID?
    /// Free text from the source data.
    public var note: String?
    /// The unit exactly as the source printed it, when the literal's unit normalises it.
    public var printedUnit: String?

    public init(
        validity: Validity, status: Status, method: String = "", source: SourceID? = nil, note: String? = nil,
        printedUnit: String? = nil
    ) {
        self.validity = validity
        self.status = status
        self.method = method
        self.source = source
        self.note = note
        self.printedUnit = printedUnit
    }

    /// True when the note says `low confidence` (surfaced as a flag in comparisons).
    public var isLowConfidence: Bool { note?.lowercased().contains("low confidence") ?? false }

    /// The kind of estimate, from the bracket at the start of the method: `national reference`, …
    public var estimateKind: String? {
        guard status == .estimated else { return nil }
        guard let open = method.firstIndex(of: "("), let close = method[open...].firstIndex(of: ")") else {
            return nil
        }
        return String(method[method.index(after: open)..<close])
    }
}
