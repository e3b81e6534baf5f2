/// A Harmoni identifier: letters (including æ, ø, å), digits and `_`, not starting with a digit.
///
/// Every kind of id below wraps one, so a service id can never be passed where a municipality id
/// is expected.
public protocol HarmoniIdentifier: Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The id as written in the language.
    var rawValue: String { get }
    /// Wraps a raw id; the language has already checked its characters.
    init(_ rawValue: String)
}

extension HarmoniIdentifier {
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A municipality: `asker`, `royken`, `hurum`, `nye_asker`, or `nasjonal` for national rules.
public struct MunicipalityID: HarmoniIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// National rules and parameters (kommunenummer 0000 in the sources).
    public static let national = MunicipalityID("nasjonal")
}

/// A tjenesteområde (service area): `oppvekst`, `helse`, `kultur`, `klima`, …
public struct AreaID: HarmoniIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A service: `barnehage`, `sfo`, `kulturskole`, `renovasjon`, …
public struct ServiceID: HarmoniIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A fee line within a service, the same in every municipality: `full_plass_5d`, `kost`, …
public struct LineID: HarmoniIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A `source` block: a document or page a figure comes from.
public struct SourceID: HarmoniIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A typical household (typehusholdning): `a_familie_750k`, …
public struct HouseholdID: HarmoniIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A fee line in one service: `sfo.plass_5d`. Joins fees, volumes and households.
public struct FeeKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var service: ServiceID
    public var line: LineID
    public init(_ service: ServiceID, _ line: LineID) {
        self.service = service
        self.line = line
    }
    public static func < (a: FeeKey, b: FeeKey) -> Bool { (a.service, a.line) < (b.service, b.line) }
    /// `service.line`.
    public var description: String { "\(service).\(line)" }
}
