/// One old municipality's part in a new one: a row of the 2020 reform table
/// (`merger nye_asker.royken { share = 1 … }`).
///
/// A municipality that was split between several new ones (Tysfjord, Snillfjord) has one part per
/// new municipality, each with its approximate share of the population (status `estimated`).
public struct MergerPart: Sendable, Hashable, Codable {
    /// The new municipality (`nye_asker`).
    public var into: MunicipalityID
    /// The old municipality (`royken`).
    public var from: MunicipalityID
    /// The share of the old municipality that went into the new one: 1 when whole.
    public var share: DecimalNumber
    public var provenance: Provenance

    public init(into: MunicipalityID, from: MunicipalityID, share: DecimalNumber, provenance: Provenance) {
        self.into = into
        self.from = from
        self.share = share
        self.provenance = provenance
    }
}

extension Dataset {
    /// The new municipality of the merger the dataset describes: the first `merger` block's, if any.
    public var newMunicipality: MunicipalityID? { mergers.first?.into }

    /// The old municipalities being compared and merged, in dataset order (the generators write
    /// kommunenummer order: Asker, Røyken, Hurum).
    ///
    /// They are the parts of ``newMunicipality`` as the `merger` blocks declare them. A dataset
    /// without `merger` blocks (a generated benchmark merger, a test fixture) compares every
    /// municipality it declares except `nasjonal`.
    public var mergingMunicipalities: [MunicipalityID] {
        if let target = mergers.first?.into {
            var ids: [MunicipalityID] = []
            for part in mergers where part.into == target && !ids.contains(part.from) { ids.append(part.from) }
            return ids
        }
        return municipalities.map(\.id).filter { $0 != .national }
    }

    /// The part of a municipality in the merger, if it is one of ``mergingMunicipalities``.
    public func mergerPart(_ municipality: MunicipalityID) -> MergerPart? {
        guard let target = newMunicipality else { return nil }
        return mergers.first { $0.into == target && $0.from == municipality }
    }
}
