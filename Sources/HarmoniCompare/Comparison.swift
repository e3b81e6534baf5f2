import HarmoniModel

/// One municipality's value in a comparison row.
public enum ComparedValue: Sendable, Hashable, Codable {
    /// The line normalised to the comparison's basis.
    case value(NormalisedAmount)
    /// The municipality has no such line in the dataset (a structural difference, not a gap).
    case notOffered
    /// The public record lacks the service's fees (`missing` in the dataset); never shown as 0.
    case missing(note: String)

    /// The normalised amount, if there is one.
    public var amount: NormalisedAmount? {
        if case .value(let amount) = self { return amount }
        return nil
    }
}

/// Lowest, highest, spread and volume-weighted mean of a row's values.
public struct ComparisonStatistics: Sendable, Hashable, Codable {
    /// The lowest value and its status.
    public var lowest: Money
    /// The weakest status among the municipalities at the lowest value.
    public var lowestStatus: Status
    /// Every municipality at the lowest value, in merger order.
    public var lowestIn: [MunicipalityID]
    /// The highest value and its status.
    public var highest: Money
    /// The weakest status among the municipalities at the highest value.
    public var highestStatus: Status
    /// Every municipality at the highest value, in merger order.
    public var highestIn: [MunicipalityID]
    /// Highest − lowest (exact), with the weaker of the two statuses.
    public var spread: Money
    /// The weaker of the lowest and highest statuses.
    public var spreadStatus: Status
    /// Spread / lowest, rounded half-up to 0,1 %; `nil` when the lowest is 0 or negative.
    public var spreadRate: Rate?
    /// Σ value × volume / Σ volume over the municipalities with a value, rounded half-up to øre;
    /// `nil` when a municipality with a value has no volume for the line.
    public var weightedMean: Money?
    /// The weakest status of the values and volumes in the mean.
    public var weightedMeanStatus: Status?
    /// Municipalities with a value but no volume (why the mean is missing), in merger order.
    public var volumesMissing: [MunicipalityID]
}

/// One row of a comparison: a fee line (or a service whose fees the record lacks).
public struct ComparisonRow: Sendable, Hashable, Codable {
    /// The service of the row.
    public var service: ServiceID
    /// The line; `nil` for a service without lines whose fees are missing (feiing).
    public var line: LineID?
    /// One value per municipality compared, in merger order (``Dataset/mergingMunicipalities`` by default).
    public var values: [MunicipalityValue]
    /// `nil` when fewer than two municipalities have a value, or the values are in different units.
    public var statistics: ComparisonStatistics?

    /// The fee key, if the row is a line.
    public var key: FeeKey? { line.map { FeeKey(service, $0) } }
}

/// A municipality and its value.
public struct MunicipalityValue: Sendable, Hashable, Codable {
    /// The municipality.
    public var municipality: MunicipalityID
    /// Its value, or why there is none.
    public var value: ComparedValue
}

/// Fee lines side by side in Asker, Røyken and Hurum, normalised to one basis.
public struct Comparison: Sendable, Hashable, Codable {
    /// What is compared.
    public var scope: ComparisonScope
    /// The basis every value is normalised to.
    public var basis: ComparisonBasis
    /// The year compared (fees valid in it; rules as of 31 December).
    public var year: Int
    /// The usages applied to prices per use.
    public var usage: StandardUsage
    /// Rows in ``Dataset/lines(in:)`` order; services whose fees are missing come last in their place.
    public var rows: [ComparisonRow]
}

extension Dataset {
    /// Compares every fee line in `scope` across the merging municipalities
    /// (``mergingMunicipalities`` unless `municipalities` names others, in the order given).
    ///
    /// A pure function of the dataset, so the simulator can call it on a scenario's result. Values
    /// are normalised by ``normalised(_:_:basis:year:usage:)``; a municipality without the line is
    /// ``ComparedValue/notOffered`` unless the record lacks the service (``ComparedValue/missing(note:)``).
    public func compare(
        _ scope: ComparisonScope, basis: ComparisonBasis = .perYear, year: Int, usage: StandardUsage? = nil,
        municipalities: [MunicipalityID]? = nil
    ) -> Comparison {
        let municipalities = municipalities ?? mergingMunicipalities
        let usage = usage ?? StandardUsage(dataset: self)
        var rows: [ComparisonRow] = []
        for service in services(in: scope) {
            let keys = lines(in: scope).filter { $0.service == service }
            for key in keys {
                let values = municipalities.map { municipality in
                    let value: ComparedValue
                    if let amount = normalised(municipality, key, basis: basis, year: year, usage: usage) {
                        value = .value(amount)
                    } else if let gap = missing(municipality, service) {
                        value = .missing(note: gap.note)
                    } else {
                        value = .notOffered
                    }
                    return MunicipalityValue(municipality: municipality, value: value)
                }
                rows.append(ComparisonRow(service: service, line: key.line, values: values, statistics: statistics(key, values)))
            }
            let gaps = municipalities.compactMap { missing($0, service) }
            if keys.isEmpty, !gaps.isEmpty {
                let values = municipalities.map { municipality in
                    MunicipalityValue(
                        municipality: municipality, value: missing(municipality, service).map { .missing(note: $0.note) } ?? .notOffered)
                }
                rows.append(ComparisonRow(service: service, line: nil, values: values, statistics: nil))
            }
        }
        return Comparison(scope: scope, basis: basis, year: year, usage: usage, rows: rows)
    }

    /// Lowest, highest, spread and weighted mean; `nil` with fewer than two values or when units differ.
    func statistics(_ key: FeeKey, _ values: [MunicipalityValue]) -> ComparisonStatistics? {
        let present = values.compactMap { entry in entry.value.amount.map { (entry.municipality, $0) } }
        guard present.count >= 2, let first = present.first, present.allSatisfy({ $0.1.unit == first.1.unit }) else {
            return nil
        }
        let amounts = present.map(\.1.amount)
        guard let low = amounts.min(), let high = amounts.max() else { return nil }
        let atLow = present.filter { $0.1.amount == low }
        let atHigh = present.filter { $0.1.amount == high }
        let lowStatus = atLow.map(\.1.status).max() ?? .published
        let highStatus = atHigh.map(\.1.status).max() ?? .published
        var pairs: [(amount: Money, weight: DecimalNumber)] = []
        var meanStatus = present.map(\.1.status).max() ?? .published
        var withoutVolume: [MunicipalityID] = []
        for (municipality, amount) in present {
            guard let volume = volumes(municipality, key).last else {
                withoutVolume.append(municipality)
                continue
            }
            pairs.append((amount.amount, volume.value))
            meanStatus = max(meanStatus, volume.provenance.status)
        }
        let mean = withoutVolume.isEmpty ? Exact.weightedMean(pairs) : nil
        return ComparisonStatistics(
            lowest: low, lowestStatus: lowStatus, lowestIn: atLow.map(\.0), highest: high, highestStatus: highStatus,
            highestIn: atHigh.map(\.0), spread: high - low, spreadStatus: max(lowStatus, highStatus),
            spreadRate: Exact.rateToTenthPercent(high - low, of: low), weightedMean: mean,
            weightedMeanStatus: mean == nil ? nil : meanStatus, volumesMissing: withoutVolume)
    }
}
