import HarmoniModel

extension LedgerLine {
    /// A ledger line made outside the simulator (the population's income-rule lines,
    /// HarmoniPopulation), with every field given.
    public static func make(
        kind: Kind, area: AreaID, group: String, item: String, municipality: MunicipalityID, year: Int,
        volume: DecimalNumber?, before: Money?, after: Money?, users: DecimalNumber?, decision: Int, status: Status,
        sources: [SourceID] = []
    ) -> LedgerLine {
        LedgerLine(
            kind: kind, area: area, group: group, item: item, municipality: municipality, year: year, volume: volume,
            levelBefore: .zero, levelAfter: .zero, ownUnit: .zero, targetUnit: nil, unitBefore: .zero, unitAfter: .zero,
            before: before, after: after, users: users, changePerUser: nil, decision: decision, status: status,
            selvkost: false, sources: sources)
    }
}
