import HarmoniModel
import HarmoniSimulate

/// A result that sensitivity and sweeps measure: the revenue change of each year of the period,
/// of the whole scenario or of one service (fee group) or tjenesteområde.
public enum ResultSpec: Sendable, Hashable {
    /// Every ledger line.
    case total
    /// The lines of one group (`sfo`, `vann`, a subsidy scheme).
    case group(String)
    /// The lines of one tjenesteområde.
    case area(AreaID)

    /// The revenue change per year of the period (a year without lines is 0).
    public func values(_ ledger: Ledger) -> [Int: Money] {
        var result: [Int: Money] = [:]
        for year in ledger.period { result[year] = .zero }
        for line in ledger.lines where matches(line) {
            guard line.kind == .revenue, let change = line.change else { continue }
            result[line.year, default: .zero] += change
        }
        return result
    }

    private func matches(_ line: LedgerLine) -> Bool {
        switch self {
        case .total: return true
        case .group(let group): return line.group == group
        case .area(let area): return line.area == area
        }
    }

    /// The heading of the result in Norwegian or English.
    public func title(english: Bool) -> String {
        switch self {
        case .total: return english ? "total revenue change" : "samlet inntektsendring"
        case .group(let group): return english ? "revenue change of \(group)" : "inntektsendring for \(group)"
        case .area(let area): return english ? "revenue change of \(area)" : "inntektsendring for \(area)"
        }
    }

    /// The service ids an input must belong to for it to move this result of `ledger`: the
    /// groups of its lines and the services of its rule changes; for a line whose group is not a
    /// service (a subsidy scheme) every service of the line's area, where its volumes may come from.
    func relevantServices(_ ledger: Ledger, _ dataset: Dataset) -> Set<String> {
        var services: Set<String> = []
        var areas: Set<AreaID> = []
        for line in ledger.lines where matches(line) {
            services.insert(line.group)
            if dataset.service(ServiceID(line.group)) == nil { areas.insert(line.area) }
        }
        for change in ledger.ruleChanges { services.insert(change.service.rawValue) }
        for service in dataset.services where areas.contains(service.area) { services.insert(service.id.rawValue) }
        return services
    }
}
