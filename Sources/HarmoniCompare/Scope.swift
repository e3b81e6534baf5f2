import HarmoniModel
import HarmoniReport

/// What a comparison covers: one fee line, every line of a service (`sfo.*`), or every line of
/// every service in a tjenesteområde.
public enum ComparisonScope: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One fee line: `sfo.plass_5d`.
    case line(FeeKey)
    /// All lines of a service: `sfo` or `sfo.*`.
    case service(ServiceID)
    /// All lines of all services in an area: `oppvekst`.
    case area(AreaID)

    /// `sfo.plass_5d`, `sfo.*`, `oppvekst`.
    public var description: String {
        switch self {
        case .line(let key): return key.description
        case .service(let service): return "\(service).*"
        case .area(let area): return area.rawValue
        }
    }
}

extension Dataset {
    /// The services a scope covers, in dataset order.
    public func services(in scope: ComparisonScope) -> [ServiceID] {
        switch scope {
        case .line(let key): return [key.service]
        case .service(let service): return [service]
        case .area(let area): return services.filter { $0.area == area }.map(\.id)
        }
    }

    /// The fee lines a scope covers: service by service in dataset order, each service's lines in
    /// the order they first appear in the dataset.
    public func lines(in scope: ComparisonScope) -> [FeeKey] {
        if case .line(let key) = scope { return [key] }
        return services(in: scope).flatMap { lines(of: $0) }
    }

    /// A display name for a scope: the service's or area's name, or the line key.
    public func name(of scope: ComparisonScope, nb: Bool = true) -> String {
        switch scope {
        case .line(let key):
            return DisplayNames.service(key.service, in: self, nb: nb) + " – " + DisplayNames.lowercasedFirst(DisplayNames.line(key, in: self, nb: nb))
        case .service(let id): return DisplayNames.service(id, in: self, nb: nb)
        case .area(let id): return DisplayNames.area(id, in: self, nb: nb)
        }
    }

    /// The municipality's display name (`Røyken`), or its id if the dataset lacks it.
    public func displayName(_ municipality: MunicipalityID) -> String {
        self.municipality(municipality)?.name ?? municipality.rawValue
    }
}
